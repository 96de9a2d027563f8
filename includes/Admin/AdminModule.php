<?php
/**
 * wp-admin: the Support screens (the React app) and the Support box on an order.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Admin;

use Aftercare\Infrastructure\Assets;
use Aftercare\Infrastructure\InfrastructureModule;
use Aftercare\Infrastructure\Module;
use Aftercare\Mail\MailModule;
use Aftercare\Orders\OrdersModule;
use Aftercare\Returns\ReturnsModule;
use Aftercare\Tickets\TicketsModule;

final class AdminModule extends Module {

	public function __construct(
		private InfrastructureModule $shared,
		private OrdersModule $orders,
		private TicketsModule $tickets,
		private ReturnsModule $returns,
		private MailModule $mail
	) {}

	public function services(): array {
		return array(
			new AdminScreens( new Assets(), $this->shared->settings, $this->orders->source, $this->returns->policy, $this->mail->received, $this->tickets->at_risk ),
			new AtRiskAdminBar( $this->tickets->at_risk ),
			new OrderSupportBox( $this->orders->source, $this->orders->timeline, $this->tickets->repository, $this->returns->repository, $this->tickets->links ),
		);
	}
}
