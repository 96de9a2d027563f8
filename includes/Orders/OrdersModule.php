<?php
/**
 * Orders: the order port (WooCommerce when active, else whatever the environment registers; null
 * turns the order features off), the guest order lookup, the order-status block and route, the
 * order's timeline and the agents' order resource, and tracking numbers on the order screen.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Orders;

use Aftercare\Infrastructure\InfrastructureModule;
use Aftercare\Infrastructure\Module;
use Aftercare\Infrastructure\Registrable;
use Aftercare\Orders\Rest\OrderController;
use Aftercare\Orders\Rest\OrderSchema;
use Aftercare\Orders\Rest\OrderStatusController;
use Aftercare\Orders\Rest\OrderTimelineController;
use Aftercare\Orders\Rest\OrderTimelineSchema;
use Aftercare\Orders\Rest\OrderStatusSchema;
use Aftercare\Orders\Storefront\AccountOrderTimeline;
use Aftercare\Orders\Storefront\OrderStatusBlock;

final class OrdersModule extends Module {

	public readonly ?OrderSource $source;
	public readonly ?OrderLookup $lookup;
	/** An order's story for every audience; null without an order source. */
	public readonly ?OrderTimeline $timeline;

	/** One request at a time per order (returns and order actions). */
	public readonly OrderLock $lock;

	private readonly Carriers $carriers;

	public function __construct( private InfrastructureModule $shared ) {
		$this->carriers = new Carriers();
		$this->lock     = new OrderLock( $shared->lock );
		$source         = class_exists( 'WooCommerce' )
			? new WooCommerceOrderSource( new TrackingReader( $this->carriers ) )
			: apply_filters( 'aftercare_order_source', null );
		$this->source   = $source instanceof OrderSource ? $source : null;
		$this->lookup   = $this->source
			? new OrderLookup( $this->source, $shared->limiter, $shared->settings, $shared->client, $shared->clock )
			: null;
		$this->timeline = $this->source ? new OrderTimeline( $this->source ) : null;
	}

	public function services(): array {
		$shared = $this->shared;
		$tokens = new TimelineToken( $shared->clock );
		$view   = new OrderView( $shared->settings, $this->timeline, $tokens );
		$services = array(
			new OrderStatusController( $this->lookup, $view, new OrderStatusSchema() ),
			new OrderTimelineController( $this->source, $this->timeline, $tokens, $shared->limiter, $shared->client, new OrderTimelineSchema() ),
			new OrderController( $this->source, new OrderSchema() ),
			new OrderStatusBlock( $this->lookup, $view ),
			new TrackingMetaBox( $this->source, $this->carriers ),
			new AccountOrderTimeline( $this->source, $this->timeline ),
		);
		// An adapter that announces order changes (WooCommerce's) registers its hooks.
		return $this->source instanceof Registrable ? array_merge( array( $this->source ), $services ) : $services;
	}
}
