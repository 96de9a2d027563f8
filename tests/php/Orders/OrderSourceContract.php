<?php
/**
 * The OrderSource contract: every adapter passes these same tests (TestOrderSourceTest in every
 * run, WooCommerceOrderSourceTest beside a real WooCommerce).
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Orders;

use Aftercare\Infrastructure\DomainError;
use Aftercare\Orders\Order;
use Aftercare\Orders\OrderSource;
use Aftercare\Orders\Tracking;
use Aftercare\Tests\TestCase;

abstract class OrderSourceContract extends TestCase {

	protected OrderFactory $orders;

	protected OrderSource $source;

	abstract protected function factory(): OrderFactory;

	protected function setUp(): void {
		parent::setUp();
		$this->orders = $this->factory();
		$this->source = $this->orders->source();
	}

	/**
	 * @param array<string, mixed> $spec Overrides.
	 */
	private function order( array $spec = array() ): Order {
		$id = $this->orders->create(
			$spec + array(
				'status'   => 'processing',
				'email'    => 'Shopper@Example.test',
				'postcode' => 'SW1A 1AA',
				'name'     => 'Sam Shopper',
				'total'    => 54.0,
				'items'    => array(
					array(
						'name'     => 'Linen shirt',
						'quantity' => 2,
						'total'    => 40.0,
					),
					array(
						'name'     => 'Canvas tote',
						'quantity' => 1,
						'total'    => 14.0,
					),
				),
			)
		);
		$order = $this->source->find( $id );
		$this->assertInstanceOf( Order::class, $order );
		return $order;
	}

	public function test_finds_an_order_by_number_and_billing_email_and_nothing_else(): void {
		$order = $this->order();
		$other = $this->order( array( 'email' => 'other@example.test' ) );

		$this->assertSame( $order->id, $this->source->find_by_number_and_email( $order->number, 'shopper@example.test' )?->id );
		$this->assertSame( $order->id, $this->source->find_by_number_and_email( ' #' . $order->number, ' SHOPPER@example.TEST ' )?->id );
		$this->assertNull( $this->source->find_by_number_and_email( $order->number, 'other@example.test' ), 'another order\'s email' );
		$this->assertNull( $this->source->find_by_number_and_email( $other->number, 'shopper@example.test' ) );
		$this->assertNull( $this->source->find_by_number_and_email( $order->number, '' ) );
		$this->assertNull( $this->source->find_by_number_and_email( '', 'shopper@example.test' ) );
		$this->assertNull( $this->source->find_by_number_and_email( '99999999', 'shopper@example.test' ), 'unknown number' );
	}

	public function test_finds_an_order_by_number_alone_for_the_stores_records(): void {
		$order = $this->order();

		$this->assertSame( $order->id, $this->source->find_by_number( $order->number )?->id );
		$this->assertSame( $order->id, $this->source->find_by_number( ' #' . $order->number )?->id );
		$this->assertNull( $this->source->find_by_number( '99999999' ), 'unknown number' );
		$this->assertNull( $this->source->find_by_number( '' ) );
	}

	public function test_finds_an_order_by_number_and_postcode_ignoring_spaces_and_case(): void {
		$order = $this->order();

		$this->assertSame( $order->id, $this->source->find_by_number_and_postcode( $order->number, 'sw1a1aa' )?->id );
		$this->assertSame( $order->id, $this->source->find_by_number_and_postcode( $order->number, ' SW1A  1AA' )?->id );
		$this->assertNull( $this->source->find_by_number_and_postcode( $order->number, 'SW1A 1AB' ) );
		$this->assertNull( $this->source->find_by_number_and_postcode( $order->number, '' ) );
	}

	public function test_maps_status_items_and_dates(): void {
		$created = time() - 5 * DAY_IN_SECONDS;
		$order   = $this->order(
			array(
				'status'    => 'completed',
				'created'   => $created,
				'paid'      => $created + 60,
				'completed' => $created + 3 * DAY_IN_SECONDS,
			)
		);

		$this->assertSame( 'completed', $order->status );
		$this->assertSame( 'Completed', $order->status_label );
		$this->assertSame( $created, $order->created );
		$this->assertSame( $created + 60, $order->paid );
		$this->assertSame( $created + 3 * DAY_IN_SECONDS, $order->completed );
		$this->assertSame( 'shopper@example.test', strtolower( $order->billing_email ) );
		$this->assertSame( 54.0, $order->total );
		$this->assertSame(
			array( array( 'Linen shirt', 2 ), array( 'Canvas tote', 1 ) ),
			array_map( static fn( $item ) => array( $item->name, $item->quantity ), $order->items )
		);
		$this->assertNull( $order->refunded );
	}

	public function test_custom_statuses_keep_their_own_label(): void {
		$order = $this->order( array( 'status' => 'awaiting-pickup' ) );

		$this->assertSame( 'awaiting-pickup', $order->status );
		$this->assertSame( 'Awaiting pickup', $order->status_label );
	}

	public function test_a_refund_is_dated_and_counted(): void {
		$order = $this->order( array( 'refund' => 14.0 ) );

		$this->assertNotNull( $order->refunded );
		$this->assertEqualsWithDelta( time(), $order->refunded, 60 );
		$this->assertSame( 14.0, $order->total_refunded );
	}

	public function test_reads_tracking_of_shipment_tracking_plugins_and_of_its_own_field(): void {
		$shipped = time() - DAY_IN_SECONDS;
		$order   = $this->order(
			array(
				'meta' => array(
					// WooCommerce Shipment Tracking and Advanced Shipment Tracking share this format.
					'_wc_shipment_tracking_items' => array(
						array(
							'tracking_provider' => 'usps',
							'tracking_number'   => '9400111899223344556677',
							'date_shipped'      => $shipped,
						),
						array(
							'tracking_provider'        => '',
							'custom_tracking_provider' => 'Local Courier',
							'custom_tracking_link'     => 'https://courier.example/t/AB12',
							'tracking_number'          => 'AB12',
						),
					),
					'_aftercare_tracking'         => array(
						array(
							'carrier' => 'ups',
							'number'  => '1Z999AA10123456784',
						),
					),
				),
			)
		);

		$this->assertEquals(
			array(
				new Tracking( 'USPS', '9400111899223344556677', 'https://tools.usps.com/go/TrackConfirmAction?tLabels=9400111899223344556677', $shipped ),
				new Tracking( 'Local Courier', 'AB12', 'https://courier.example/t/AB12' ),
				new Tracking( 'UPS', '1Z999AA10123456784', 'https://www.ups.com/track?tracknum=1Z999AA10123456784' ),
			),
			$order->tracking
		);
		$this->assertEquals(
			array( new Tracking( 'UPS', '1Z999AA10123456784', 'https://www.ups.com/track?tracknum=1Z999AA10123456784' ) ),
			$this->source->own_tracking( $order->id )
		);
	}

	public function test_own_tracking_is_saved_replaced_and_cleared(): void {
		$order = $this->order();

		$this->source->save_tracking( $order->id, array( new Tracking( 'dhl', 'JD0146', '', 1_800_000_000 ), new Tracking( 'fedex', ' ', '' ) ) );
		$this->assertEquals(
			array( new Tracking( 'DHL', 'JD0146', 'https://www.dhl.com/global-en/home/tracking/tracking-express.html?tracking-id=JD0146', 1_800_000_000 ) ),
			$this->source->own_tracking( $order->id )
		);
		$this->assertSame( array( 'JD0146' ), array_map( static fn( $t ) => $t->number, $this->source->find( $order->id )->tracking ) );

		$this->source->save_tracking( $order->id, array( new Tracking( 'royal-mail', 'RM123GB', '' ) ) );
		$this->assertSame( array( 'Royal Mail' ), array_map( static fn( $t ) => $t->carrier, $this->source->own_tracking( $order->id ) ) );

		$this->source->save_tracking( $order->id, array() );
		$this->assertSame( array(), $this->source->own_tracking( $order->id ) );
		$this->assertSame( array(), $this->source->find( $order->id )->tracking );
	}

	public function test_lists_a_customers_own_orders_newest_first(): void {
		$customer = $this->user( 'subscriber' );
		$other    = $this->user( 'subscriber' );
		$ids      = array();
		foreach ( array( 3, 1, 2 ) as $days_ago ) {
			$ids[ $days_ago ] = $this->order(
				array(
					'customer_id' => $customer->ID,
					'email'       => $customer->user_email,
					'created'     => time() - $days_ago * DAY_IN_SECONDS,
				)
			)->id;
		}
		$this->order(
			array(
				'customer_id' => $other->ID,
				'email'       => $other->user_email,
			)
		);

		$mine = $this->source->orders_for_customer( $customer->ID, '' );
		$this->assertSame( array( $ids[1], $ids[2], $ids[3] ), array_map( static fn( $o ) => $o->id, $mine ) );
		$this->assertSame( array( $ids[1], $ids[2] ), array_map( static fn( $o ) => $o->id, $this->source->orders_for_customer( $customer->ID, '', 2 ) ) );
		$this->assertSame(
			array( $ids[1], $ids[2], $ids[3] ),
			array_map( static fn( $o ) => $o->id, $this->source->orders_for_customer( 0, $customer->user_email ) ),
			'by billing email'
		);
		$this->assertSame( array(), $this->source->orders_for_customer( 0, '' ), 'nobody is everybody' );
		$this->assertSame( array(), $this->source->orders_for_customer( $this->user( 'subscriber' )->ID, '' ) );
	}

	public function test_summarises_what_a_customer_bought(): void {
		$customer = $this->user( 'subscriber' );
		$spec     = array(
			'customer_id' => $customer->ID,
			'email'       => $customer->user_email,
		);
		$this->order( $spec + array( 'total' => 54.0 ) );
		$this->order(
			$spec + array(
				'status' => 'completed',
				'total'  => 30.0,
				'refund' => 10.0,
			)
		);
		$this->order( $spec + array( 'status' => 'pending' ) );
		$this->order( $spec + array( 'status' => 'cancelled' ) );
		$other = $this->user( 'subscriber' );
		$this->order(
			array(
				'customer_id' => $other->ID,
				'email'       => $other->user_email,
				'status'      => 'completed',
				'total'       => 40.0,
				'refund'      => 25.0,
			)
		);

		$summary = $this->source->customer_summary( $customer->ID, '' );
		$this->assertSame( 2, $summary->order_count, 'paid orders only' );
		$this->assertSame( 74.0, $summary->total_spent, 'their own refunds deducted' );
		$this->assertMatchesRegularExpression( '/^[A-Z]{3}$/', $summary->currency );

		$this->assertSame( 2, $this->source->customer_summary( 0, $customer->user_email )->order_count );
		$this->assertSame( 0, $this->source->customer_summary( 0, 'nobody@example.test' )->order_count );
		$this->assertSame( 0, $this->source->customer_summary( 0, '' )->order_count );
	}

	public function test_adds_private_and_customer_notes(): void {
		$order = $this->order();

		$this->source->add_note( $order->id, 'Ticket #12 opened about this order.' );
		$this->source->add_note( $order->id, 'We sent a replacement.', true );
		$this->source->add_note( 99999999, 'lost' );

		$notes = array_values(
			array_filter( $this->orders->notes( $order->id ), static fn( $n ) => str_contains( $n['note'], 'Ticket #12' ) || str_contains( $n['note'], 'replacement' ) )
		);
		$this->assertSame(
			array(
				array(
					'note'         => 'Ticket #12 opened about this order.',
					'for_customer' => false,
				),
				array(
					'note'         => 'We sent a replacement.',
					'for_customer' => true,
				),
			),
			$notes
		);
	}

	public function test_records_lookups_newest_first_and_keeps_the_latest_twenty(): void {
		$order = $this->order();

		for ( $i = 1; $i <= 22; $i++ ) {
			$this->source->record_lookup( $order->id, 1_800_000_000 + $i, '203.0.113.x', 'guest' );
		}
		$this->source->record_lookup( $order->id, 1_800_000_100, '2001:db8:85a3::x', 'customer' );

		$this->assertSame(
			array(
				array(
					'time' => 1_800_000_100,
					'ip'   => '2001:db8:85a3::x',
					'via'  => 'customer',
				),
				array(
					'time' => 1_800_000_022,
					'ip'   => '203.0.113.x',
					'via'  => 'guest',
				),
			),
			$this->source->lookups( $order->id, 2 )
		);
		$this->assertCount( 20, $this->source->lookups( $order->id, 50 ) );
		$this->assertSame( array(), $this->source->lookups( 99999999 ) );
	}

	public function test_forgets_the_lookups_of_one_order_only(): void {
		$order = $this->order();
		$other = $this->order();
		$this->source->record_lookup( $order->id, 1_800_000_000, '203.0.113.x', 'guest' );
		$this->source->record_lookup( $other->id, 1_800_000_000, '198.51.100.x', 'guest' );

		$this->source->forget_lookups( $order->id );
		$this->source->forget_lookups( 99999999 );

		$this->assertSame( array(), $this->source->lookups( $order->id ) );
		$this->assertCount( 1, $this->source->lookups( $other->id ) );
		$this->source->record_lookup( $order->id, 1_800_000_001, '203.0.113.x', 'guest' );
		$this->assertCount( 1, $this->source->lookups( $order->id ), 'and keeps recording afterwards' );
	}

	public function test_unknown_orders_are_null_and_writes_to_them_do_nothing(): void {
		$this->assertNull( $this->source->find( 99999999 ) );
		$this->assertNull( $this->source->find( 0 ) );
		$this->source->save_tracking( 99999999, array( new Tracking( 'ups', '1Z', '' ) ) );
		$this->source->record_lookup( 99999999, time(), '203.0.113.x', 'guest' );
		$this->assertSame( array(), $this->source->own_tracking( 99999999 ) );
	}

	/**
	 * Calls $call and asserts that it fails with $reason.
	 */
	private function assertRefused( string $reason, callable $call ): void {
		try {
			$call();
			$this->fail( "expected {$reason}" );
		} catch ( DomainError $error ) {
			$this->assertSame( $reason, $error->reason, $error->getMessage() );
		}
	}

	public function test_refunds_lines_less_a_fee_and_counts_what_is_refunded(): void {
		$order = $this->order( array( 'total' => 54.0 ) );
		$shirt = $order->items[0]->id;
		$tote  = $order->items[1]->id;

		$refund = $this->source->refund( $order->id, array( $shirt => 1 ), false, 2.0, 'Return R-1001' );
		$this->assertSame( 18.0, $refund->amount, 'one of two shirts at 40.00, less a 2.00 fee' );
		$this->assertTrue( $refund->manual, 'no gateway that refunds: recorded as manual' );
		$this->assertNotSame( '', $refund->reference );
		$after = $this->source->find( $order->id );
		$this->assertSame( 18.0, $after->total_refunded );
		$this->assertSame( array( 1, 0 ), array_map( static fn( $item ) => $item->refunded_quantity, $after->items ) );

		$this->assertRefused( 'invalid_quantity', fn() => $this->source->refund( $order->id, array( $shirt => 2 ), false, 0.0, 'again' ) );
		$this->assertRefused( 'invalid_quantity', fn() => $this->source->refund( $order->id, array( $tote => 0 ), false, 0.0, 'none' ) );
		$this->assertRefused( 'refund_amount', fn() => $this->source->refund( $order->id, array( $tote => 1 ), false, 14.0, 'all fee' ) );
		$this->assertRefused( 'invalid_item', fn() => $this->source->refund( $order->id, array( $this->order()->items[0]->id => 1 ), false, 0.0, 'other order' ) );
		$this->assertRefused( 'no_items', fn() => $this->source->refund( $order->id, array(), false, 0.0, 'nothing' ) );
		$this->assertRefused( 'order_not_found', fn() => $this->source->refund( 99999999, array( $shirt => 1 ), false, 0.0, 'gone' ) );
		$this->assertSame( 18.0, $this->source->find( $order->id )->total_refunded, 'refused refunds change nothing' );

		$this->source->refund( $order->id, array( $shirt => 1, $tote => 1 ), false, 0.0, 'the rest' );
		$this->assertSame( array( 2, 1 ), array_map( static fn( $item ) => $item->refunded_quantity, $this->source->find( $order->id )->items ) );
	}

	public function test_details_give_the_money_pictures_refunds_and_coupons_of_an_order(): void {
		$order = $this->order(
			array(
				'total'                => 59.0,
				'payment_method_title' => 'Credit card',
				'shipping_total'       => 5.0,
				'discount_total'       => 4.0,
				'tax_total'            => 4.0,
				'coupons'              => array( 'spring10' ),
				'items'                => array(
					array(
						'name'     => 'Linen shirt',
						'quantity' => 2,
						'total'    => 40.0,
						'image'    => 'https://example.test/uploads/linen-shirt.jpg',
					),
					array(
						'name'     => 'Canvas tote',
						'quantity' => 1,
						'total'    => 14.0,
					),
				),
			)
		);
		$details = $this->source->details( $order->id );

		$this->assertNotNull( $details );
		$this->assertSame( $order->id, $details->order->id );
		$this->assertSame( 54.0, $details->subtotal );
		$this->assertSame( 5.0, $details->shipping );
		$this->assertSame( 4.0, $details->discount );
		$this->assertSame( 4.0, $details->tax );
		$this->assertSame( 'Credit card', $details->payment_method );
		$this->assertSame( array( 'spring10' ), $details->coupons );
		$this->assertSame( array( $order->items[0]->id ), array_keys( $details->images ), 'only the line with a picture' );
		$this->assertStringEndsWith( 'linen-shirt.jpg', $details->images[ $order->items[0]->id ] );
		$this->assertSame( array(), $details->refunds );

		$this->source->refund( $order->id, array( $order->items[1]->id => 1 ), false, 0.0, 'Return R-1001' );
		$this->source->refund( $order->id, array( $order->items[0]->id => 1 ), false, 0.0, 'Damaged' );
		$refunds = $this->source->details( $order->id )->refunds;
		$this->assertSame( array( 14.0, 20.0 ), array_map( static fn( $r ) => $r->amount, $refunds ), 'each refund, oldest first' );
		$this->assertSame( array( 'Return R-1001', 'Damaged' ), array_map( static fn( $r ) => $r->reason, $refunds ) );
		$this->assertEqualsWithDelta( time(), $refunds[1]->time, 60 );
		$this->assertNotSame( $refunds[0]->reference, $refunds[1]->reference );

		$this->assertNull( $this->source->details( 99999999 ) );
		$this->assertNull( $this->source->details( 0 ) );
	}

	public function test_restocks_returned_lines_alone_or_with_a_refund(): void {
		$product = $this->orders->product( 'Linen shirt', 5 );
		$order   = $this->order(
			array(
				'items' => array(
					array(
						'name'       => 'Linen shirt',
						'quantity'   => 3,
						'total'      => 54.0,
						'product_id' => $product,
					),
				),
			)
		);
		$line    = $order->items[0]->id;
		// WooCommerce takes the order's stock when it is placed; the test store does not.
		$stock = (int) $this->orders->stock( $product );
		$this->source->restock( $order->id, array( $line => 2 ) );
		$this->assertSame( $stock + 2, $this->orders->stock( $product ) );
		$this->source->refund( $order->id, array( $line => 1 ), true, 0.0, 'Return R-1002' );
		$this->assertSame( $stock + 3, $this->orders->stock( $product ) );
		$this->source->refund( $order->id, array( $line => 1 ), false, 0.0, 'Return R-1002' );
		$this->assertSame( $stock + 3, $this->orders->stock( $product ), 'no restock asked' );
		$this->assertRefused( 'invalid_quantity', fn() => $this->source->restock( $order->id, array( $line => 4 ) ) );
		$this->assertSame( $stock + 3, $this->orders->stock( $product ) );
	}

	public function test_a_coupon_is_single_use_for_the_billing_email_fixed_or_percent(): void {
		$order = $this->order();
		$code  = $this->source->issue_coupon( $order->id, 'fixed_cart', 25.5, 'Return R-1003' );
		$this->assertMatchesRegularExpression( '/^credit-[a-z0-9]{10}$/', $code );
		$this->assertSame(
			array(
				'type'                 => 'fixed_cart',
				'amount'               => 25.5,
				'emails'               => array( 'shopper@example.test' ),
				'usage_limit'          => 1,
				'usage_limit_per_user' => 1,
			),
			$this->orders->coupon( $code )
		);
		$percent = $this->source->issue_coupon( $order->id, 'percent', 15.0, 'Sorry for the wait' );
		$this->assertNotSame( $code, $percent );
		$this->assertSame( array( 'percent', 15.0 ), array( $this->orders->coupon( $percent )['type'], $this->orders->coupon( $percent )['amount'] ) );
		$this->assertRefused( 'credit_amount', fn() => $this->source->issue_coupon( $order->id, 'fixed_cart', 0.0, 'nothing' ) );
		$this->assertRefused( 'credit_amount', fn() => $this->source->issue_coupon( $order->id, 'percent', 101.0, 'too much' ) );
		$this->assertRefused( 'coupon_type', fn() => $this->source->issue_coupon( $order->id, 'fixed_product', 5.0, 'unknown' ) );
		$this->assertRefused( 'order_not_found', fn() => $this->source->issue_coupon( 99999999, 'fixed_cart', 5.0, 'gone' ) );
	}

	public function test_tells_what_is_left_to_refund_per_line_and_in_all(): void {
		$order = $this->order( array( 'total' => 54.0 ) );
		$shirt = $order->items[0]->id;
		$tote  = $order->items[1]->id;

		$left = $this->source->refundable( $order->id );
		$this->assertNotNull( $left );
		$this->assertSame(
			array(
				$shirt => array(
					'quantity' => 2,
					'amount'   => 40.0,
				),
				$tote  => array(
					'quantity' => 1,
					'amount'   => 14.0,
				),
			),
			$left->lines
		);
		$this->assertSame( 54.0, $left->total );
		$this->assertFalse( $left->automatic, 'no gateway that refunds' );

		$this->source->refund( $order->id, array( $shirt => 1 ), false, 0.0, 'one shirt' );
		$this->source->refund( $order->id, array(), false, 0.0, 'scuffed tote', array( $tote => 4.5 ) );
		$left = $this->source->refundable( $order->id );
		$this->assertSame( array( 1, 20.0 ), array( $left->lines[ $shirt ]['quantity'], $left->lines[ $shirt ]['amount'] ) );
		$this->assertSame( array( 1, 9.5 ), array( $left->lines[ $tote ]['quantity'], $left->lines[ $tote ]['amount'] ), 'money back, the tote kept' );
		$this->assertSame( 29.5, $left->total );
		$this->assertNull( $this->source->refundable( 99999999 ) );
	}

	public function test_refunds_a_chosen_amount_of_a_line_with_or_without_its_units(): void {
		$order = $this->order( array( 'total' => 54.0 ) );
		$shirt = $order->items[0]->id;

		$refund = $this->source->refund( $order->id, array( $shirt => 1 ), false, 0.0, 'Damaged', array( $shirt => 12.5 ) );
		$this->assertSame( 12.5, $refund->amount, 'the amount given, not the unit price' );
		$this->assertSame( array( 1, 0 ), array_map( static fn( $item ) => $item->refunded_quantity, $this->source->find( $order->id )->items ) );
		$this->assertSame( 12.5, $this->source->find( $order->id )->total_refunded );
		$this->assertRefused( 'invalid_quantity', fn() => $this->source->refund( $order->id, array( $shirt => 2 ), false, 0.0, 'too many', array( $shirt => 1.0 ) ) );
	}

	public function test_resends_the_status_mail_and_the_tracking_mail_to_the_billing_email(): void {
		// Made outside the capture: WooCommerce mails the store about new orders.
		$order = $this->order(
			array(
				'meta' => array(
					'_aftercare_tracking' => array(
						array(
							'carrier' => 'ups',
							'number'  => '1Z999AA10123456784',
						),
					),
				),
			)
		);
		$plain = $this->order();

		$mails = $this->mails_sent( fn() => $this->source->resend_mail( $order->id, 'status' ) );
		$this->assertCount( 1, $mails );
		$this->assertSame( 'shopper@example.test', strtolower( (string) ( (array) $mails[0]['to'] )[0] ) );
		$this->assertStringContainsString( $order->number, $mails[0]['subject'] . $mails[0]['message'] );

		$mails = $this->mails_sent( fn() => $this->source->resend_mail( $order->id, 'tracking' ) );
		$this->assertCount( 1, $mails );
		$this->assertStringContainsString( '1Z999AA10123456784', $mails[0]['message'] );
		$this->assertStringContainsString( 'https://www.ups.com/track?tracknum=1Z999AA10123456784', $mails[0]['message'] );
		$notes = $this->orders->notes( $order->id );
		$this->assertTrue( end( $notes )['for_customer'], 'the tracking mail is a note to the customer' );

		$refused = $this->mails_sent(
			function () use ( $plain ) {
				$this->assertRefused( 'no_tracking', fn() => $this->source->resend_mail( $plain->id, 'tracking' ) );
				$this->assertRefused( 'order_not_found', fn() => $this->source->resend_mail( 99999999, 'status' ) );
			}
		);
		$this->assertSame( array(), $refused, 'refused: nothing sent' );
	}

	public function test_an_exchange_is_a_free_order_for_the_same_customer_linked_to_the_original(): void {
		$order    = $this->order();
		$exchange = $this->source->create_exchange( $order->id, array( $order->items[0]->id => 1 ), 'Return R-1004' );

		$this->assertNotSame( $order->id, $exchange->id );
		$this->assertSame( $order->id, $this->orders->exchange_of( $exchange->id ) );
		$this->assertSame( 0, $this->orders->exchange_of( $order->id ) );
		$this->assertSame( strtolower( $order->billing_email ), strtolower( $exchange->billing_email ) );
		$this->assertSame( $order->customer_id, $exchange->customer_id );
		$this->assertSame( 'processing', $exchange->status );
		$this->assertSame( 0.0, $exchange->total );
		$this->assertSame( array( array( 'Linen shirt', 1 ) ), array_map( static fn( $item ) => array( $item->name, $item->quantity ), $exchange->items ) );
		$this->assertStringContainsString( 'Exchange order #' . $exchange->number, implode( "\n", array_column( $this->orders->notes( $order->id ), 'note' ) ) );
		$this->assertRefused( 'invalid_quantity', fn() => $this->source->create_exchange( $order->id, array( $order->items[1]->id => 2 ), 'too many' ) );
	}
	public function test_lines_carry_their_products_and_categories_own_return_rules(): void {
		$gift_cards = $this->orders->category( 'Gift cards', array( 'not_returnable' => true ) );
		$shoes      = $this->orders->category( 'Shoes', array( 'window_days' => 60 ) );
		$plain      = $this->orders->category( 'Basics', array() );
		$products   = array(
			$this->orders->returns_product( 'Trainers', array( 'window_days' => 14 ), array( $shoes ) ),
			$this->orders->returns_product( 'Gift card', array(), array( $gift_cards, $plain ) ),
			$this->orders->returns_product( 'Earrings', array( 'not_returnable' => true ), array( $plain ) ),
			$this->orders->returns_product( 'Socks', array(), array( $plain ) ),
		);
		$order      = $this->order(
			array(
				'items' => array_map(
					static fn( int $product ) => array(
						'name'       => 'Line',
						'quantity'   => 1,
						'total'      => 10.0,
						'product_id' => $product,
					),
					$products
				),
			)
		);

		$rules = array_map(
			static fn( $item ) => array(
				$item->returnable,
				$item->window_days,
				array_map( static fn( $o ) => array( $o->name, $o->returnable, $o->window_days ), $item->category_overrides ),
			),
			$order->items
		);
		$this->assertSame(
			array(
				array( true, 14, array( array( 'Shoes', true, 60 ) ) ),
				array( true, null, array( array( 'Gift cards', false, null ) ) ),
				array( false, null, array() ),
				array( true, null, array() ),
			),
			$rules
		);
		$this->assertSame( array( $shoes ), $order->items[0]->category_ids );
		$categories = $order->items[1]->category_ids;
		sort( $categories );
		$this->assertSame( array( min( $gift_cards, $plain ), max( $gift_cards, $plain ) ), $categories );
	}

	public function test_pages_through_the_orders_of_a_period_in_id_order(): void {
		$start = 1_000_000_000;
		$ids   = array();
		foreach ( array( 0, 10, 5, 20, 30 ) as $minutes ) {
			$ids[ $minutes ] = $this->order( array( 'created' => $start + $minutes * 60 ) )->id;
		}
		$this->order( array( 'created' => $start - 1 ) );
		$this->order( array( 'created' => $start + 30 * 60 + 1 ) );
		$to = $start + 30 * 60;

		$this->assertSame( 5, $this->source->count_orders_created_between( $start, $to ), 'both ends included' );
		$first = $this->source->orders_created_between( $start, $to, 0, 2 );
		$this->assertSame( array( $ids[0], $ids[10] ), array_map( static fn( $o ) => $o->id, $first ) );
		$this->assertSame( 'Linen shirt', $first[0]->items[0]->name, 'with their lines' );
		$rest = $this->source->orders_created_between( $start, $to, $ids[10], 10 );
		$this->assertSame( array( $ids[5], $ids[20], $ids[30] ), array_map( static fn( $o ) => $o->id, $rest ) );
		$this->assertSame( array(), $this->source->orders_created_between( $start, $to, $ids[30], 10 ), 'past the last' );
		$this->assertSame(
			array( $ids[10], $ids[5] ),
			array_map( static fn( $o ) => $o->id, $this->source->orders_created_between( $start + 5 * 60, $start + 10 * 60, 0, 10 ) )
		);
		$this->assertSame( 0, $this->source->count_orders_created_between( $start + 31 * 60 + 1, $start + 40 * 60 ) );
	}
}
