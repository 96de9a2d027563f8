<?php
/**
 * WooCommerceOrderSource passes the OrderSource contract against a real WooCommerce with HPOS.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Orders;

use Aftercare\Orders\ReturnOverride;
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

	public function test_lines_carry_the_products_categories_sale_and_not_returnable_flag(): void {
		$category = wp_insert_term( 'Underwear', 'product_cat' );
		$this->assertIsArray( $category );
		$plain = new \WC_Product_Simple();
		$plain->set_name( 'Linen shirt' );
		$plain->set_regular_price( '20' );
		$plain->set_category_ids( array( (int) $category['term_id'] ) );
		$plain->save();
		$final = new \WC_Product_Simple();
		$final->set_name( 'Final sale socks' );
		$final->set_regular_price( '10' );
		$final->update_meta_data( ReturnOverride::NOT_RETURNABLE_META, 'yes' );
		$final->save();

		$id    = $this->orders->create(
			array(
				'status' => 'completed',
				'email'  => 'shopper@example.test',
				'total'  => 48.0,
				'items'  => array(
					array(
						'name'       => 'Linen shirt',
						'quantity'   => 2,
						'total'      => 40.0,
						'product_id' => $plain->get_id(),
					),
					array(
						'name'       => 'Final sale socks',
						'quantity'   => 1,
						'total'      => 8.0,
						'product_id' => $final->get_id(),
					),
				),
			)
		);
		$items = $this->source->find( $id )->items;

		$this->assertSame( array( (int) $category['term_id'] ), $items[0]->category_ids );
		$this->assertFalse( $items[0]->on_sale, 'paid the regular price' );
		$this->assertTrue( $items[0]->returnable );
		$this->assertTrue( $items[1]->on_sale, 'paid 8.00 against a regular 10.00' );
		$this->assertFalse( $items[1]->returnable, 'marked not returnable' );
	}

	public function test_a_page_of_orders_takes_as_many_queries_for_twelve_orders_as_for_three_and_reads_the_same(): void {
		$category = $this->orders->category( 'Knitwear', array( 'window_days' => 60 ) );
		$sweater  = $this->orders->returns_product( 'Wool sweater', array( 'window_days' => 45 ), array( $category ) );
		$socks    = $this->orders->returns_product( 'Final sale socks', array( 'not_returnable' => true ) );
		$start    = 1_100_000_000;
		for ( $i = 0; $i < 12; $i++ ) {
			$id = $this->orders->create(
				array(
					'status'  => 'completed',
					'email'   => 'shopper@example.test',
					'created' => $start + $i * 60,
					'total'   => 38.0,
					'items'   => array(
						array(
							'name'       => 'Wool sweater',
							'quantity'   => 2,
							'total'      => 30.0,
							'product_id' => $sweater,
						),
						array(
							'name'       => 'Final sale socks',
							'quantity'   => 1,
							'total'      => 8.0,
							'product_id' => $socks,
						),
					),
				)
			);
			if ( 0 === $i % 2 ) {
				$line   = array_key_first( wc_get_order( $id )->get_items() );
				$refund = wc_create_refund(
					array(
						'order_id'   => $id,
						'amount'     => '15',
						'line_items' => array(
							$line => array(
								'qty'          => 1,
								'refund_total' => 15,
							),
						),
					)
				);
				$this->assertInstanceOf( \WC_Order_Refund::class, $refund );
			}
		}
		$page = function ( int $limit ) use ( $start ): array {
			global $wpdb;
			wp_cache_flush(); // A new request: nothing of these orders in memory.
			$before = $wpdb->num_queries;
			$orders = $this->source->orders_created_between( $start, $start + 3600, 0, $limit );
			return array( $wpdb->num_queries - $before, $orders );
		};

		$page( 3 ); // The first read refreshes WooCommerce's term-count transient, once.
		list( $three ) = $page( 3 );
		list( $twelve, $orders ) = $page( 12 );
		$this->assertCount( 12, $orders );
		$this->assertSame( $three, $twelve, 'the queries do not grow with the page' );

		// What the page read is what reading each order alone reads.
		$this->assertSame( 1, $orders[0]->items[0]->refunded_quantity );
		$this->assertSame( 15.0, $orders[0]->total_refunded );
		$this->assertSame( array( $category ), $orders[0]->items[0]->category_ids );
		$this->assertSame( 45, $orders[0]->items[0]->window_days );
		$this->assertFalse( $orders[0]->items[1]->returnable );
		foreach ( $orders as $order ) {
			wp_cache_flush();
			$this->assertEquals( $this->source->find( $order->id ), $order );
		}
	}
}
