<?php
/**
 * aftercare/v1/tickets/{id}/order-actions: refunds, coupons, resent mails and returns from a
 * ticket reply, on whichever order source the site runs (the test adapter, or WooCommerce on the
 * `woocommerce` run): the reply that tells the customer, the order note, both timelines, the
 * agents' limits, the cap on what is refundable, the order's lock, and nothing half-written
 * when something is refused.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\OrderActions;

use Aftercare\Orders\OrderLock;
use Aftercare\Plugin;
use Aftercare\Tests\TestCase;
use Aftercare\TestEnvironment\TestOrderSource;

final class OrderActionsRouteTest extends TestCase {

	use OrderActionFixtures;

	protected function setUp(): void {
		parent::setUp();
		$this->set_up_ticket();
	}

	public function test_an_agent_refunds_one_line_and_the_customer_is_told_in_the_same_reply(): void {
		$response = $this->act( $this->one_shirt() );

		$this->assertSame( 201, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		$data = $response->get_data();
		$this->assertSame( 'refund', $data['action'] );
		$this->assertSame( 20.0, $data['amount'] );
		$this->assertSame( 20.0, $this->orders->source()->find( $this->order->id )->total_refunded );
		$this->assertSame( 1, $this->orders->source()->find( $this->order->id )->items[0]->refunded_quantity );

		$body = $this->last_message();
		$this->assertStringContainsString( 'So sorry about the shirt.', $body );
		$this->assertStringContainsString( 'We have refunded', $body );
		$this->assertStringContainsString( '1 × Linen shirt', $body );
		$messages = $this->messages();
		$this->assertSame( $data['message_id'], end( $messages )->id );

		$notes = array_column( $this->orders->notes( $this->order->id ), 'note' );
		$this->assertStringContainsString( 'Request #' . $this->ticket->number . ':', end( $notes ) );
		$this->assertStringContainsString( '1 × Linen shirt', end( $notes ) );

		$events = $this->rest( 'GET', '/aftercare/v1/tickets/' . $this->ticket->id . '/events', array(), $this->agent->ID )->get_data();
		$action = array_values( array_filter( $events, static fn( $e ) => 'order_action' === $e['type'] ) );
		$this->assertCount( 1, $action, 'an event on the ticket\'s timeline' );
		$this->assertSame( 'refund', $action[0]['data']->action );
		$this->assertSame( $data['reference'], $action[0]['data']->reference );

		$refunds = array_values( array_filter( $this->timeline( 'agent' ), static fn( $e ) => 'refunded' === $e['type'] ) );
		$this->assertCount( 1, $refunds, 'and on the order\'s' );
		$this->assertStringContainsString( 'Request #' . $this->ticket->number, $refunds[0]['detail'] );
		$shopper = array_values( array_filter( $this->timeline( 'customer' ), static fn( $e ) => 'refunded' === $e['type'] ) );
		$this->assertStringNotContainsString( 'Request #', $shopper[0]['detail'], 'shoppers see the amount, not the store\'s reason' );
	}

	public function test_an_amount_of_a_line_is_refunded_without_its_units_and_capped_at_what_is_left(): void {
		$response = $this->act( $this->one_shirt( array( 'quantity' => 0, 'amount' => 5.5 ) ) );
		$this->assertSame( 201, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		$this->assertSame( 5.5, $this->orders->source()->find( $this->order->id )->total_refunded );
		$this->assertSame( 0, $this->orders->source()->find( $this->order->id )->items[0]->refunded_quantity );

		$before = $this->written();
		$this->assertErrorCode( 'aftercare_refund_over_line', $this->act( $this->one_shirt( array( 'quantity' => 0, 'amount' => 35.0 ) ) ), 400 );
		$over = $this->act( $this->one_shirt( array( 'quantity' => 3 ) ) );
		$this->assertErrorCode( 'aftercare_invalid_quantity', $over, 400 );
		$this->assertStringContainsString( 'At most 2 of Linen shirt', $over->get_data()['message'] );
		$this->assertErrorCode( 'aftercare_no_items', $this->act( $this->one_shirt( array( 'quantity' => 0 ) ) ), 400 );
		$other = $this->order_of( $this->customer );
		$this->assertErrorCode( 'aftercare_invalid_item', $this->act( $this->one_shirt( array( 'order_item_id' => $other->items[0]->id ) ) ), 400 );
		$this->assertSame( $before, $this->written(), 'refused: nothing written' );
	}

	public function test_refunds_and_coupons_above_the_agents_limits_need_a_store_manager(): void {
		$limits = array(
			'agent_refund_limit'         => 15,
			'agent_coupon_limit'         => 10,
			'agent_coupon_percent_limit' => 10,
		);
		update_option( 'aftercare_settings', $limits + (array) get_option( 'aftercare_settings', array() ) );
		$before = $this->written();

		$refund = $this->act( $this->one_shirt() );
		$this->assertErrorCode( 'aftercare_over_refund_limit', $refund, 403 );
		$this->assertStringContainsString( 'at most', $refund->get_data()['message'] );
		$this->assertStringContainsString( '15', $refund->get_data()['message'] );
		$coupon = $this->act(
			array(
				'action'      => 'coupon',
				'coupon_type' => 'percent',
				'amount'      => 20,
			)
		);
		$this->assertErrorCode( 'aftercare_over_coupon_limit', $coupon, 403 );
		$this->assertStringContainsString( '10%', $coupon->get_data()['message'] );
		$this->assertErrorCode(
			'aftercare_over_coupon_limit',
			$this->act(
				array(
					'action' => 'coupon',
					'amount' => 10.01,
				)
			),
			403
		);
		$this->assertSame( $before, $this->written(), 'refused: nothing written' );

		$options = $this->options( $this->order->id, $this->agent->ID )->get_data();
		$this->assertSame( array( 'refund' => 15.0, 'coupon_amount' => 10.0, 'coupon_percent' => 10.0 ), $options['limits'] );

		$manager = $this->user( 'administrator' );
		$this->assertSame( 201, $this->act( $this->one_shirt(), $manager->ID )->get_status(), 'a store manager has no limit' );
		$this->assertSame( 201, $this->act( array( 'action' => 'coupon', 'coupon_type' => 'percent', 'amount' => 20 ), $manager->ID )->get_status() );
		$options = $this->options( $this->order->id, $manager->ID )->get_data();
		$this->assertSame( array( 'refund' => null, 'coupon_amount' => null, 'coupon_percent' => null ), $options['limits'] );
	}

	public function test_the_refund_is_capped_at_what_the_order_still_has(): void {
		$this->orders->source()->refund( $this->order->id, array(), false, 0.0, 'Goodwill', array( $this->order->items[1]->id => 14.0 ) );
		$this->orders->source()->refund( $this->order->id, array( $this->order->items[0]->id => 1 ), false, 0.0, 'One shirt' );

		$options = $this->options( $this->order->id, $this->agent->ID )->get_data();
		$this->assertSame( 20.0, $options['refundable'] );
		$this->assertSame( array( 1, 20.0 ), array( $options['lines'][0]['refundable_quantity'], $options['lines'][0]['refundable_amount'] ) );
		$this->assertSame( array( 1, 0.0 ), array( $options['lines'][1]['refundable_quantity'], $options['lines'][1]['refundable_amount'] ) );

		$tote = $this->act(
			array(
				'action' => 'refund',
				'lines'  => array(
					array(
						'order_item_id' => $this->order->items[1]->id,
						'quantity'      => 1,
					),
				),
			)
		);
		$this->assertErrorCode( 'aftercare_refund_over_line', $tote, 400 );
		$this->assertSame( 34.0, $this->orders->source()->find( $this->order->id )->total_refunded );
	}

	public function test_a_refused_refund_leaves_no_reply_note_or_event_behind(): void {
		// What a gateway's refusal looks like to wc_create_refund() (removed at the end: hooks outlive a test).
		$refuse = static function (): void {
			throw new \Exception( 'The payment gateway refused the refund.' );
		};
		if ( class_exists( 'WooCommerce' ) ) {
			add_action( 'woocommerce_create_refund', $refuse );
		} else {
			aftercare_test_order_source()->update_meta( $this->order->id, TestOrderSource::GATEWAY_FAILS_META, 1 );
		}
		$before = $this->written();

		try {
			$response = $this->act( $this->one_shirt() );
		} finally {
			remove_action( 'woocommerce_create_refund', $refuse );
		}

		$this->assertErrorCode( 'aftercare_refund_failed', $response, 409 );
		$this->assertStringContainsString( 'refused', $response->get_data()['message'] );
		$this->assertSame( $before, $this->written(), 'no reply, note, event or refund claims it happened' );
		$this->assertNull( get_option( OrderLock::PREFIX . $this->order->id, null ), 'the lock is released' );
	}

	public function test_one_request_at_a_time_per_order(): void {
		$lock = new \Aftercare\Infrastructure\Database\Lock( $GLOBALS['wpdb'], new \Aftercare\Infrastructure\SystemClock() );
		$held = $lock->acquire( OrderLock::PREFIX . $this->order->id, 60 );
		$this->assertNotNull( $held );
		$before = $this->written();
		try {
			$response = $this->act( $this->one_shirt() );
		} finally {
			$lock->release( OrderLock::PREFIX . $this->order->id, (string) $held );
		}
		$this->assertErrorCode( 'aftercare_order_busy', $response, 409 );
		$this->assertSame( $before, $this->written() );
		$this->assertSame( 201, $this->act( $this->one_shirt() )->get_status(), 'free again' );
	}

	public function test_only_the_ticket_customers_orders_and_only_agents(): void {
		$stranger = $this->order_of( $this->user( 'subscriber' ) );
		$before   = $this->written();

		$this->assertErrorCode( 'aftercare_not_customers_order', $this->act( array( 'order_id' => $stranger->id ) + $this->one_shirt() ), 403 );
		$this->assertErrorCode( 'aftercare_not_customers_order', $this->options( $stranger->id, $this->agent->ID ), 403 );
		$this->assertErrorCode( 'aftercare_order_not_found', $this->act( array( 'order_id' => 99999999 ) + $this->one_shirt() ), 404 );
		$this->assertErrorCode( 'aftercare_forbidden', $this->act( $this->one_shirt(), $this->customer->ID ), 403 );
		$this->assertSame( 401, $this->act( $this->one_shirt(), 0 )->get_status() );
		$this->assertErrorCode( 'aftercare_forbidden', $this->options( $this->order->id, $this->customer->ID ), 403 );
		$this->assertSame( 404, $this->act( $this->one_shirt(), null, 99999999 )->get_status() );
		$this->assertSame( $before, $this->written() );

		$second = $this->order_of( $this->customer );
		$theirs = $this->act( array( 'order_id' => $second->id ) + $this->one_shirt( array( 'order_item_id' => $second->items[0]->id ) ) );
		$this->assertSame( 201, $theirs->get_status(), 'another order of the same customer' );
	}

	public function test_a_single_use_coupon_for_the_customers_email_is_given_and_shown_in_the_reply(): void {
		$response = $this->act(
			array(
				'action'  => 'coupon',
				'message' => '<p>Sorry for the trouble.</p>',
				'amount'  => 10,
			)
		);

		$this->assertSame( 201, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		$code = $response->get_data()['coupon'];
		$this->assertSame(
			array(
				'type'                 => 'fixed_cart',
				'amount'               => 10.0,
				'emails'               => array( strtolower( $this->customer->user_email ) ),
				'usage_limit'          => 1,
				'usage_limit_per_user' => 1,
			),
			$this->orders->coupon( $code )
		);
		$this->assertStringContainsString( $code, $this->last_message() );
		$this->assertStringContainsString( 'works once', $this->last_message() );
		$this->assertStringContainsString( $code, implode( "\n", array_column( $this->orders->notes( $this->order->id ), 'note' ) ) );

		$given = array_values( array_filter( $this->timeline( 'agent' ), static fn( $e ) => 'coupon_given' === $e['type'] ) );
		$this->assertCount( 1, $given );
		$this->assertStringContainsString( $code, $given[0]['detail'] );
		$this->assertSame( $this->agent->display_name, $given[0]['actor'] );
		$mine = array_values( array_filter( $this->timeline( 'customer' ), static fn( $e ) => 'coupon_given' === $e['type'] ) );
		$this->assertStringContainsString( $code, $mine[0]['detail'], 'the customer\'s own code' );
		$this->assertSame( '', $mine[0]['actor'] );
		$guest = array_values( array_filter( $this->timeline( 'guest' ), static fn( $e ) => 'coupon_given' === $e['type'] ) );
		$this->assertSame( '', $guest[0]['detail'], 'no codes for a guest link' );

		$this->assertErrorCode( 'aftercare_credit_amount', $this->act( array( 'action' => 'coupon', 'coupon_type' => 'percent', 'amount' => 0 ) ), 400 );
		$this->assertErrorCode( 'rest_invalid_param', $this->act( array( 'action' => 'coupon', 'coupon_type' => 'fixed_product', 'amount' => 5 ) ), 400 );
	}

	public function test_resends_the_order_mail_or_the_tracking_mail(): void {
		$mails = $this->mails_sent(
			function () {
				$response = $this->act(
					array(
						'action' => 'resend',
						'mail'   => 'status',
					)
				);
				$this->assertSame( 201, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
			}
		);
		$this->assertCount( 1, $mails, 'the order\'s mail, at once; the reply goes through the outbox' );
		$this->assertStringContainsString( 'confirmation of order #' . $this->order->number, $this->last_message() );

		$before  = $this->written();
		$refused = $this->mails_sent(
			function () {
				$this->assertErrorCode( 'aftercare_no_tracking', $this->act( array( 'action' => 'resend', 'mail' => 'tracking' ) ), 400 );
				$this->assertErrorCode( 'rest_invalid_param', $this->act( array( 'action' => 'resend', 'mail' => 'invoice' ) ), 400 );
			}
		);
		$this->assertSame( $before, $this->written() );
		$this->assertSame( array(), $refused );
		$sent = array_values( array_filter( $this->timeline( 'agent' ), static fn( $e ) => 'mail_resent' === $e['type'] ) );
		$this->assertSame( array( 'Order email sent again' ), array_column( $sent, 'label' ) );
		$this->assertSame( 'Request #' . $this->ticket->number, $sent[0]['detail'] );
	}

	public function test_starts_a_return_for_the_customer(): void {
		$response = $this->act(
			array(
				'action'  => 'return',
				'outcome' => 'refund',
				'items'   => array(
					array(
						'order_item_id' => $this->order->items[0]->id,
						'quantity'      => 1,
						'reason'        => 'damaged',
					),
				),
			)
		);

		$this->assertSame( 201, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		$number = $response->get_data()['return_number'];
		$return = Plugin::instance()->returns->get( $response->get_data()['return_id'] );
		$this->assertSame( $this->order->id, $return->order_id );
		$this->assertSame( array( 1 ), array_map( static fn( $item ) => $item->quantity, $return->items ) );
		$this->assertStringContainsString( 'We have started return ' . $number, $this->last_message() );
		$this->assertContains( 'return_requested', array_column( $this->timeline( 'agent' ), 'type' ) );

		$before = $this->written();
		$this->assertErrorCode(
			'aftercare_invalid_quantity',
			$this->act(
				array(
					'action'  => 'return',
					'outcome' => 'refund',
					'items'   => array(
						array(
							'order_item_id' => $this->order->items[0]->id,
							'quantity'      => 2,
							'reason'        => 'damaged',
						),
					),
				)
			),
			400
		);
		$this->assertSame( $before, $this->written(), 'eligibility applies: one shirt is already in a return' );
	}
}
