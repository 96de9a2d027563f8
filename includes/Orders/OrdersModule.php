<?php
/**
 * Orders: the order port (WooCommerce when active, else whatever the environment registers; null
 * turns the order features off), the guest order lookup, the order-status block and route, and
 * tracking numbers on the order screen.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Orders;

use Aftercare\Infrastructure\InfrastructureModule;
use Aftercare\Infrastructure\Module;
use Aftercare\Orders\Rest\OrderStatusController;
use Aftercare\Orders\Rest\OrderStatusSchema;
use Aftercare\Orders\Storefront\OrderStatusBlock;

final class OrdersModule extends Module {

	public readonly ?OrderSource $source;
	public readonly ?OrderLookup $lookup;

	private readonly Carriers $carriers;

	public function __construct( private InfrastructureModule $shared ) {
		$this->carriers = new Carriers();
		$source         = class_exists( 'WooCommerce' )
			? new WooCommerceOrderSource( new TrackingReader( $this->carriers ) )
			: apply_filters( 'aftercare_order_source', null );
		$this->source   = $source instanceof OrderSource ? $source : null;
		$this->lookup   = $this->source
			? new OrderLookup( $this->source, $shared->limiter, $shared->settings, $shared->client, $shared->clock )
			: null;
	}

	public function services(): array {
		$view = new OrderView( $this->shared->settings );
		return array(
			new OrderStatusController( $this->lookup, $view, new OrderStatusSchema() ),
			new OrderStatusBlock( $this->lookup, $view ),
			new TrackingMetaBox( $this->source, $this->carriers ),
		);
	}
}
