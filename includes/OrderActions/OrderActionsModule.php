<?php
/**
 * Order actions from a ticket reply (refund, coupon, resend an order mail, start a return) and
 * the agents' limits on them; null without an order source.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\OrderActions;

use Aftercare\Infrastructure\InfrastructureModule;
use Aftercare\Infrastructure\Module;
use Aftercare\OrderActions\Rest\OrderActionOptionsController;
use Aftercare\OrderActions\Rest\OrderActionSchema;
use Aftercare\OrderActions\Rest\OrderActionsController;
use Aftercare\Orders\OrdersModule;
use Aftercare\Returns\ReturnsModule;
use Aftercare\Tickets\TicketsModule;

final class OrderActionsModule extends Module {

	/** Null without an order source. */
	public readonly ?OrderActions $service;

	public function __construct( InfrastructureModule $shared, OrdersModule $orders, TicketsModule $tickets, ReturnsModule $returns ) {
		$this->service = $orders->source && $returns->service ? new OrderActions(
			$orders->source,
			$tickets->service,
			$returns->service,
			$tickets->events,
			$shared->transaction,
			$orders->lock,
			new ActionLimits( $shared->settings )
		) : null;
	}

	public function services(): array {
		$schema = new OrderActionSchema();
		return array(
			new OrderActionsController( $this->service, $schema ),
			new OrderActionOptionsController( $this->service, $schema ),
		);
	}
}
