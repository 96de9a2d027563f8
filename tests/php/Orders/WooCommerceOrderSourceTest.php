<?php
/**
 * WooCommerceOrderSource passes the OrderSource contract against a real WooCommerce with HPOS.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Orders;

use Aftercare\Orders\WooCommerceOrderSource;
use Aftercare\Plugin;
use Automattic\WooCommerce\Utilities\OrderUtil;

/**
 * @group woocommerce
 */
final class WooCommerceOrderSourceTest extends OrderSourceContract {

	protected function factory(): OrderFactory {
		return new WooCommerceOrderFactory();
	}

	protected function setUp(): void {
		parent::setUp();
		add_filter( 'wc_order_statuses', array( self::class, 'custom_status' ) );
	}

	protected function tearDown(): void {
		remove_filter( 'wc_order_statuses', array( self::class, 'custom_status' ) );
		parent::tearDown();
	}

	/**
	 * A store's custom status, as status plugins add them.
	 *
	 * @param array<string, string> $statuses Statuses.
	 * @return array<string, string>
	 */
	public static function custom_status( array $statuses ): array {
		return $statuses + array( 'wc-awaiting-pickup' => 'Awaiting pickup' );
	}

	public function test_the_plugin_reads_woocommerce_orders_with_hpos(): void {
		$this->assertTrue( OrderUtil::custom_orders_table_usage_is_enabled() );
		$this->assertInstanceOf( WooCommerceOrderSource::class, Plugin::instance()->orders );
	}

	public function test_refunds_and_drafts_are_not_orders_a_shopper_can_find(): void {
		$id     = $this->orders->create(
			array(
				'email'  => 'shopper@example.test',
				'total'  => 20.0,
				'refund' => 5.0,
			)
		);
		$refund = wc_get_order( $id )->get_refunds()[0];
		$draft  = $this->orders->create(
			array(
				'email'  => 'shopper@example.test',
				'status' => 'checkout-draft',
			)
		);

		$this->assertNull( $this->source->find( $refund->get_id() ) );
		$this->assertNull( $this->source->find_by_number_and_email( (string) $refund->get_id(), 'shopper@example.test' ) );
		$this->assertNull( $this->source->find_by_number_and_email( (string) $draft, 'shopper@example.test' ) );
	}
}
