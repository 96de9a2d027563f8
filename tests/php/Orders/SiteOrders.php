<?php
/**
 * The order factory for the store the plugin reads on this test site: WooCommerce when active
 * (the `woocommerce` run), else the test environment's adapter.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Orders;

final class SiteOrders {

	public static function factory(): OrderFactory {
		return class_exists( 'WooCommerce' ) ? new WooCommerceOrderFactory() : new TestOrderFactory( aftercare_test_order_source() );
	}
}
