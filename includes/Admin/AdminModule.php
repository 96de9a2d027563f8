<?php
/**
 * wp-admin: the Support screens (the React app) and the "new ticket" box on an order.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Admin;

use Aftercare\Infrastructure\Assets;
use Aftercare\Infrastructure\Module;
use Aftercare\Mail\MailModule;
use Aftercare\Orders\OrdersModule;
use Aftercare\Returns\ReturnsModule;

final class AdminModule extends Module {

	public function __construct( private OrdersModule $orders, private ReturnsModule $returns, private MailModule $mail ) {}

	public function services(): array {
		return array(
			new AdminScreens( new Assets(), $this->orders->source, $this->returns->policy, $this->mail->received ),
			new OrderTicketAction(),
		);
	}
}
