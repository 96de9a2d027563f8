<?php
/**
 * Order actions from a ticket reply against a real WooCommerce (HPOS): what WooCommerce itself
 * holds afterwards. The refund is a WC_Order_Refund of the chosen lines, through the gateway when
 * it refunds and by hand when not, capped at what is left; the coupon passes and fails
 * WooCommerce's own validation as promised (once, that email only); the resent mail is
 * WooCommerce's, to the order's billing address; an agent over their limit moves no money.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\OrderActions;

use Aftercare\Orders\Tracking;
use Aftercare\Tests\TestCase;

/**
 * @group woocommerce
 */
final class WooCommerceOrderActionsTest extends TestCase {

	use OrderActionFixtures;

	private RefundingGateway $gateway;

	/** @var callable The filter that adds the gateway. */
	private $add_gateway;

	protected function setUp(): void {
		parent::setUp();
		$this->gateway     = new RefundingGateway();
		$this->add_gateway = fn( array $gateways ): array => array_merge( $gateways, array( $this->gateway ) );
		add_filter( 'woocommerce_payment_gateways', $this->add_gateway );
		WC()->payment_gateways()->init();
		$this->set_up_ticket();
	}

	protected function tearDown(): void {
		remove_filter( 'woocommerce_payment_gateways', $this->add_gateway );
		WC()->payment_gateways()->init();
		parent::tearDown();
	}

	/**
	 * The customer's order, paid with the given method, and the one the actions are about.
	 */
	private function paid_with( string $method ): \WC_Order {
		$this->order = $this->order_of( $this->customer, array( 'payment_method' => $method ) );
		return wc_get_order( $this->order->id );
	}

	/**
	 * The refund's lines: refunded order item id => [quantity, total].
	 *
	 * @return array<int, array{0: int, 1: float}>
	 */
	private static function refunded_lines( \WC_Order_Refund $refund ): array {
		$lines = array();
		foreach ( $refund->get_items() as $item ) {
			$lines[ (int) $item->get_meta( '_refunded_item_id' ) ] = array( (int) $item->get_quantity(), (float) $item->get_total() );
		}
		return $lines;
	}

	public function test_a_refund_of_chosen_lines_goes_through_the_gateway_and_is_capped_at_what_is_left(): void {
		$wc    = $this->paid_with( RefundingGateway::ID );
		$shirt = $this->order->items[0]->id;
		$tote  = $this->order->items[1]->id;

		$response = $this->act(
			array(
				'action' => 'refund',
				'lines'  => array(
					array(
						'order_item_id' => $shirt,
						'quantity'      => 1,
					),
					array(
						'order_item_id' => $tote,
						'quantity'      => 0,
						'amount'        => 4.5,
					),
				),
			)
		);

		$this->assertSame( 201, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		$this->assertFalse( $response->get_data()['manual'] );
		$wc      = wc_get_order( $wc->get_id() );
		$refunds = $wc->get_refunds();
		$this->assertCount( 1, $refunds );
		$this->assertSame( (string) $refunds[0]->get_id(), $response->get_data()['reference'] );
		$this->assertSame( 24.5, (float) $refunds[0]->get_amount() );
		$this->assertTrue( $refunds[0]->get_refunded_payment(), 'paid back through the gateway' );
		$this->assertSame(
			array(
				$shirt => array( -1, -20.0 ),
				$tote  => array( 0, -4.5 ),
			),
			self::refunded_lines( $refunds[0] )
		);
		$this->assertSame( 24.5, (float) $wc->get_total_refunded() );
		$this->assertSame( -1, (int) $wc->get_qty_refunded_for_item( $shirt ) );
		$this->assertSame( 29.5, (float) $wc->get_remaining_refund_amount() );
		$this->assertSame(
			array(
				array(
					'order_id' => $wc->get_id(),
					'amount'   => 24.5,
					'reason'   => 'Request #' . $this->ticket->number,
				),
			),
			$this->gateway->refunds
		);

		// The store refunds 20.00 more from WooCommerce's own screen: 9.50 is left, though the last shirt's line still says 20.00.
		$this->assertInstanceOf( \WC_Order_Refund::class, wc_create_refund( array( 'order_id' => $wc->get_id(), 'amount' => '20' ) ) );
		$before = $this->written();
		$this->assertErrorCode( 'aftercare_invalid_quantity', $this->act( $this->one_shirt( array( 'quantity' => 2 ) ) ), 400 );
		$over = $this->act( $this->one_shirt() );
		$this->assertErrorCode( 'aftercare_refund_over_total', $over, 400 );
		$this->assertStringContainsString( '9.50', $over->get_data()['message'] );

		$this->assertSame( $before, $this->written(), 'refused: no reply, note, event or refund' );
		$this->assertCount( 2, wc_get_order( $wc->get_id() )->get_refunds() );
		$this->assertCount( 1, $this->gateway->refunds, 'the gateway was not asked again' );
	}

	public function test_without_a_gateway_that_refunds_the_refund_is_recorded_as_manual(): void {
		$wc = $this->paid_with( 'bacs' );

		$response = $this->act( $this->one_shirt() );

		$this->assertSame( 201, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		$this->assertTrue( $response->get_data()['manual'] );
		$refunds = wc_get_order( $wc->get_id() )->get_refunds();
		$this->assertCount( 1, $refunds );
		$this->assertFalse( $refunds[0]->get_refunded_payment(), 'a manual refund' );
		$this->assertSame( array( $this->order->items[0]->id => array( -1, -20.0 ) ), self::refunded_lines( $refunds[0] ) );
		$this->assertSame( 20.0, (float) wc_get_order( $wc->get_id() )->get_total_refunded() );
		$this->assertSame( array(), $this->gateway->refunds );
		$this->assertStringContainsString( 'cannot take the refund automatically', $this->last_message() );
		$notes = array_column( $this->orders->notes( $wc->get_id() ), 'note' );
		$this->assertStringContainsString( 'by hand', end( $notes ) );
	}

	public function test_a_refund_the_gateway_declines_leaves_nothing_in_woocommerce_or_the_ticket(): void {
		$wc                     = $this->paid_with( RefundingGateway::ID );
		$this->gateway->refuses = true;
		$before                 = $this->written();

		$response = $this->act( $this->one_shirt() );

		$this->assertErrorCode( 'aftercare_refund_failed', $response, 409 );
		$this->assertStringContainsString( 'declined', $response->get_data()['message'] );
		$this->assertSame( array(), wc_get_order( $wc->get_id() )->get_refunds() );
		$this->assertSame( $before, $this->written() );
	}

	/**
	 * @return array<string, array{0: string, 1: float, 2: float}> Type, amount, discount on a 30.00 order.
	 */
	public static function coupons(): array {
		return array(
			'fixed'   => array( 'fixed_cart', 10.0, 10.0 ),
			'percent' => array( 'percent', 15.0, 4.5 ),
		);
	}

	/**
	 * @dataProvider coupons
	 */
	public function test_the_coupon_works_once_and_only_for_the_customers_email( string $type, float $amount, float $discount ): void {
		$code   = $this->act(
			array(
				'action'      => 'coupon',
				'coupon_type' => $type,
				'amount'      => $amount,
			)
		)->get_data()['coupon'];
		$coupon = new \WC_Coupon( $code );
		$this->assertGreaterThan( 0, $coupon->get_id() );
		$this->assertSame( $type, $coupon->get_discount_type() );
		// WooCommerce also accepts the signed-in user's own email: check as a guest checkout would.
		wp_set_current_user( 0 );
		$product = $this->orders->product( 'Wool scarf', 10 );
		$next    = fn( string $email ): \WC_Order => wc_get_order(
			$this->orders->create(
				array(
					'status' => 'pending',
					'email'  => $email,
					'total'  => 30.0,
					'items'  => array(
						array(
							'name'       => 'Wool scarf',
							'quantity'   => 1,
							'total'      => 30.0,
							'product_id' => $product,
						),
					),
				)
			)
		);

		$stranger = ( new \WC_Discounts( $next( 'someone.else@example.test' ) ) )->is_coupon_valid( $coupon );
		$this->assertInstanceOf( \WP_Error::class, $stranger );
		$this->assertSame( $coupon->get_coupon_error( \WC_Coupon::E_WC_COUPON_NOT_YOURS_REMOVED ), $stranger->get_error_message() );

		$mine = $next( strtoupper( $this->customer->user_email ) );
		$this->assertTrue( ( new \WC_Discounts( $mine ) )->is_coupon_valid( $coupon ) );
		$this->assertTrue( $mine->apply_coupon( $code ) );
		$this->assertSame( $discount, (float) $mine->get_discount_total() );
		// Paid: WooCommerce counts the use on the status change (wc_update_coupon_usage_counts).
		$mine->set_status( 'processing' );
		$mine->save();
		$this->assertSame( 1, ( new \WC_Coupon( $code ) )->get_usage_count() );

		$again = ( new \WC_Discounts( $next( $this->customer->user_email ) ) )->is_coupon_valid( new \WC_Coupon( $code ) );
		$this->assertInstanceOf( \WP_Error::class, $again );
		// WooCommerce reads its count of held uses as a string, so a guest gets the longer "try again later" wording.
		$this->assertStringStartsWith( $coupon->get_coupon_error( \WC_Coupon::E_WC_COUPON_USAGE_LIMIT_REACHED ), $again->get_error_message() );
	}

	public function test_the_status_and_tracking_mails_are_woocommerces_to_the_orders_billing_email(): void {
		$this->order = $this->order_of( $this->customer, array( 'email' => 'billing.desk@example.test' ) );
		$mails       = $this->mails_sent(
			function () {
				$status = $this->act( array( 'action' => 'resend', 'mail' => 'status' ) );
				$this->orders->source()->save_tracking( $this->order->id, array( new Tracking( 'dhl', 'JD0146', '' ) ) );
				$tracking = $this->act( array( 'action' => 'resend', 'mail' => 'tracking' ) );
				$this->assertSame( 201, $status->get_status(), (string) wp_json_encode( $status->get_data() ) );
				$this->assertSame( 201, $tracking->get_status(), (string) wp_json_encode( $tracking->get_data() ) );
			}
		);

		$this->assertSame( array( 'billing.desk@example.test', 'billing.desk@example.test' ), array_column( $mails, 'to' ) );
		$completed = WC()->mailer()->get_emails()['WC_Email_Customer_Completed_Order'];
		$completed->object = wc_get_order( $this->order->id );
		$this->assertSame( $completed->get_subject(), $mails[0]['subject'], 'WooCommerce\'s completed-order mail' );
		$this->assertStringContainsString( 'Linen shirt', $mails[0]['message'] );
		$this->assertStringContainsString( 'JD0146', $mails[1]['message'], 'WooCommerce\'s customer-note mail, with the tracking' );
	}

	public function test_an_agent_over_the_refund_limit_is_refused_and_woocommerce_refunds_nothing(): void {
		$wc = $this->paid_with( RefundingGateway::ID );
		update_option( 'aftercare_settings', array( 'agent_refund_limit' => 15, 'agent_coupon_limit' => 5 ) + (array) get_option( 'aftercare_settings', array() ) );
		$coupons = wp_count_posts( 'shop_coupon' )->publish;

		$this->assertErrorCode( 'aftercare_over_refund_limit', $this->act( $this->one_shirt() ), 403 );
		$this->assertErrorCode( 'aftercare_over_coupon_limit', $this->act( array( 'action' => 'coupon', 'amount' => 10 ) ), 403 );

		$this->assertSame( array(), wc_get_order( $wc->get_id() )->get_refunds() );
		$this->assertSame( 0.0, (float) wc_get_order( $wc->get_id() )->get_total_refunded() );
		$this->assertSame( array(), $this->gateway->refunds );
		wp_cache_delete( _count_posts_cache_key( 'shop_coupon' ), 'counts' );
		$this->assertSame( $coupons, wp_count_posts( 'shop_coupon' )->publish, 'no coupon either' );
	}
}
