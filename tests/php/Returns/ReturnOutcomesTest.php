<?php
/**
 * The agent's actions that change the order: receive and restock, refund (less the restocking
 * fee), store credit and exchange — through the OrderSource port of whichever store the site
 * runs (the test store, or WooCommerce in the woocommerce run), each on the return's timeline
 * and as an order note; impossible moves change nothing.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Returns;

use Aftercare\Infrastructure\DomainError;
use Aftercare\Orders\Order;
use Aftercare\Returns\ReturnRequest;
use Aftercare\Settings\Settings;
use Aftercare\Tickets\MessageRepository;

/**
 * @group sqlite
 */
final class ReturnOutcomesTest extends ReturnsTestCase {

	private int $agent;

	private int $product;

	protected function setUp(): void {
		parent::setUp();
		$this->agent   = $this->user( 'aftercare_agent' )->ID;
		$this->product = $this->orders->product( 'Linen shirt', 10 );
	}

	private function shirts(): Order {
		return $this->order(
			array(
				'items' => array(
					array(
						'name'       => 'Linen shirt',
						'quantity'   => 2,
						'total'      => 40.0,
						'product_id' => $this->product,
					),
					array(
						'name'     => 'Canvas tote',
						'quantity' => 1,
						'total'    => 14.0,
					),
				),
			)
		);
	}

	private function approved( Order $order, int $shirts = 2 ): ReturnRequest {
		$return = $this->returns->create( $order, $this->input( $order, array( array( 0, $shirts, 'size' ) ) ), 0 )['return'];
		return $this->returns->move( $return->id, 'approved', $this->agent );
	}

	/**
	 * @return string[]
	 */
	private function timeline( ReturnRequest $return ): array {
		return array_column( $this->returns->timeline( $return->id ), 'type' );
	}

	private function notes( Order $order ): string {
		return implode( "\n", array_column( $this->orders->notes( $order->id ), 'note' ) );
	}

	private function refused( string $reason, callable $call ): void {
		try {
			$call();
			$this->fail( "expected {$reason}" );
		} catch ( DomainError $error ) {
			$this->assertSame( $reason, $error->reason, $error->getMessage() );
		}
	}

	public function test_receive_restock_then_refund_less_the_restocking_fee(): void {
		( new Settings() )->update(
			array(
				'return_restocking_fee_type' => 'percent',
				'return_restocking_fee'      => 10,
			)
		);
		$order  = $this->shirts();
		$stock  = (int) $this->orders->stock( $this->product );
		$return = $this->approved( $order );

		$received = $this->returns->receive( $return->id, array(), true, $this->agent );
		$this->assertSame( 'received', $received->status->value );
		$this->assertSame(
			array( array( 2, 2 ) ),
			array_map( static fn( $i ) => array( $i->received_quantity, $i->restocked_quantity ), $this->returns->get( $return->id )->items )
		);
		$this->assertSame( $stock + 2, $this->orders->stock( $this->product ) );

		$refunded = $this->returns->refund( $return->id, $this->agent, true );
		$this->assertSame( 'refunded', $refunded->status->value );
		$this->assertSame( 36.0, $refunded->refund_amount, '40.00 less 10%' );
		$this->assertSame( 4.0, $refunded->restocking_fee );
		$this->assertSame( $stock + 2, $this->orders->stock( $this->product ), 'already back in stock: not twice' );
		$this->assertSame( 36.0, $this->orders->source()->find( $order->id )->total_refunded );
		$this->assertSame( array( 'created', 'status', 'restocked', 'status', 'status', 'refund' ), $this->timeline( $return ) );
		$refund = array_values( array_filter( $this->returns->timeline( $return->id ), static fn( $e ) => 'refund' === $e['type'] ) )[0]['data'];
		$this->assertTrue( $refund['manual'] );
		$this->assertStringContainsString( 'Return ' . $return->public_number() . ': 2 × Linen shirt back in stock.', $this->notes( $order ) );
		$this->assertStringContainsString( 'Return ' . $return->public_number() . ': 36.00 refunded by hand', $this->notes( $order ) );

		$left = $this->returns->eligibility( $this->orders->source()->find( $order->id ) );
		$this->assertSame(
			array( array( 0, 'Already returned.' ), array( 1, '' ) ),
			array_map( static fn( $i ) => array( $i->returnable, $i->reason ), $left->items ),
			'refunded by the return: not counted twice'
		);
		$this->assertSame( 'closed', $this->returns->move( $return->id, 'closed', $this->agent )->status->value );
	}

	public function test_a_refund_the_store_refuses_leaves_the_return_and_the_stock_as_they_were(): void {
		$order  = $this->shirts();
		$stock  = (int) $this->orders->stock( $this->product );
		$return = $this->approved( $order );
		$this->returns->receive( $return->id, array(), false, $this->agent );
		// Meanwhile someone refunds the shirts on the order itself: the store now refuses the return's refund.
		$this->orders->source()->refund( $order->id, array( $order->items[0]->id => 2 ), false, 0.0, 'Refunded by hand' );
		$before   = $this->returns->get( $return->id );
		$timeline = $this->timeline( $return );
		$notes    = $this->notes( $order );
		$this->fired = array();

		try {
			$this->returns->refund( $return->id, $this->agent, true, null, 'Your refund is on its way.' );
			$this->fail( 'the store refused the refund' );
		} catch ( DomainError $error ) {
			$this->assertSame( 400, $error->status, $error->getMessage() );
		}
		$this->assertEquals( $before, $this->returns->get( $return->id ), 'status, amounts and lines as they were' );
		$this->assertSame( $timeline, $this->timeline( $return ) );
		$this->assertSame( $notes, $this->notes( $order ), 'no order note for a refund that did not happen' );
		$this->assertSame( $stock, $this->orders->stock( $this->product ), 'nothing put back in stock' );
		global $wpdb;
		$this->assertCount( 1, ( new MessageRepository( $wpdb ) )->for_ticket( $before->ticket_id, true ), 'the message to the shopper was not sent' );
		$this->assertSame( array(), $this->fired_hooks(), 'nothing announced' );
	}

	public function test_a_refused_refund_never_reaches_the_payment(): void {
		$order  = $this->shirts();
		$return = $this->approved( $order );
		$paid   = $this->orders->source()->find( $order->id )->total_refunded;
		$notes  = $this->notes( $order );
		// Each of these is refused by a check that comes before the gateway; before, an over-long
		// message was refused only after the money had gone.
		$this->refused( 'invalid_fee', fn() => $this->returns->refund( $return->id, $this->agent, false, 40.0 ) );
		$this->refused( 'message_too_long', fn() => $this->returns->refund( $return->id, $this->agent, false, null, str_repeat( 'x', 20001 ) ) );
		$this->refused( 'forbidden', fn() => $this->returns->refund( $return->id, $this->user( 'customer' )->ID ) );
		$this->assertSame( $paid, $this->orders->source()->find( $order->id )->total_refunded, 'no money moved' );
		$this->assertSame( $notes, $this->notes( $order ) );
		$this->assertSame( 'approved', $this->returns->get( $return->id )->status->value );
		$this->refused( 'message_too_long', fn() => $this->returns->credit( $return->id, $this->agent, null, str_repeat( 'x', 20001 ) ) );
		$this->refused( 'message_too_long', fn() => $this->returns->exchange( $return->id, $this->agent, str_repeat( 'x', 20001 ) ) );
		$this->assertSame( $notes, $this->notes( $order ), 'no coupon and no exchange order either' );
		$this->assertSame( 'approved', $this->returns->get( $return->id )->status->value );
	}

	public function test_a_partial_receipt_refunds_what_arrived_and_restocks_on_refund(): void {
		$order  = $this->shirts();
		$stock  = (int) $this->orders->stock( $this->product );
		$return = $this->approved( $order );
		$this->refused( 'invalid_quantity', fn() => $this->returns->receive( $return->id, array( $order->items[0]->id => 3 ), false, $this->agent ) );
		$this->refused( 'nothing_received', fn() => $this->returns->receive( $return->id, array( $order->items[0]->id => 0 ), false, $this->agent ) );
		$this->assertSame( 'approved', $this->returns->get( $return->id )->status->value, 'refused: nothing changed' );

		$this->returns->receive( $return->id, array( $order->items[0]->id => 1 ), false, $this->agent );
		$this->assertSame( $stock, $this->orders->stock( $this->product ) );
		$refunded = $this->returns->refund( $return->id, $this->agent, true, 0.0, 'Refunded one shirt; the other never arrived.' );
		$this->assertSame( 20.0, $refunded->refund_amount );
		$this->assertSame( $stock + 1, $this->orders->stock( $this->product ) );
		$this->assertSame( array( 1 ), array_map( static fn( $i ) => $i->refunded_quantity, $this->returns->get( $return->id )->items ) );
		$this->assertSame(
			1,
			$this->returns->eligibility( $this->orders->source()->find( $order->id ) )->items[0]->returnable,
			'the shirt that never arrived can still be returned'
		);
	}

	public function test_store_credit_is_a_coupon_for_the_customer(): void {
		$order    = $this->shirts();
		$return   = $this->approved( $order, 1 );
		$credited = $this->returns->credit( $return->id, $this->agent, null, 'Here is your credit.' );
		$this->assertSame( 'credited', $credited->status->value );
		$this->assertSame( 'store_credit', $credited->resolution );
		$coupon = $this->orders->coupon( $credited->coupon_code );
		$this->assertSame( 20.0, $coupon['amount'] );
		$this->assertSame( array( 'gwen@example.test' ), $coupon['emails'] );
		$this->assertSame( 0.0, $this->orders->source()->find( $order->id )->total_refunded, 'credit is not a refund' );
		$this->assertContains( 'credit', $this->timeline( $return ) );
		$this->assertStringContainsString( 'issued as coupon ' . $credited->coupon_code, $this->notes( $order ) );
		$this->refused( 'invalid_transition', fn() => $this->returns->credit( $return->id, $this->agent ) );
	}

	public function test_an_exchange_is_a_new_order_linked_to_the_original(): void {
		$order     = $this->shirts();
		$return    = $this->approved( $order, 1 );
		$this->returns->receive( $return->id, array(), false, $this->agent );
		$exchanged = $this->returns->exchange( $return->id, $this->agent );
		$this->assertSame( 'exchanged', $exchanged->status->value );
		$this->assertSame( $order->id, $this->orders->exchange_of( $exchanged->exchange_order_id ) );
		$replacement = $this->orders->source()->find( $exchanged->exchange_order_id );
		$this->assertSame( array( array( 'Linen shirt', 1 ) ), array_map( static fn( $i ) => array( $i->name, $i->quantity ), $replacement->items ) );
		$this->assertContains( 'exchange', $this->timeline( $return ) );
		$this->assertStringContainsString( 'Exchange order #' . $replacement->number, $this->notes( $order ) );
	}

	public function test_settlements_follow_the_state_machine_and_only_agents_settle(): void {
		$order   = $this->shirts();
		$pending = $this->returns->create( $order, $this->input( $order, array( array( 0, 1, 'size' ) ) ), 0 )['return'];
		$this->refused( 'invalid_transition', fn() => $this->returns->refund( $pending->id, $this->agent ) );
		$this->refused( 'invalid_transition', fn() => $this->returns->receive( $pending->id, array(), true, $this->agent ) );
		$this->refused( 'invalid_transition', fn() => $this->returns->exchange( $pending->id, $this->agent ) );
		$this->refused( 'forbidden', fn() => $this->returns->refund( $pending->id, 0 ) );
		$this->refused( 'forbidden', fn() => $this->returns->credit( $pending->id, $this->user( 'subscriber' )->ID ) );
		$this->assertSame( 0.0, $this->orders->source()->find( $order->id )->total_refunded, 'nothing refunded' );

		$this->returns->move( $pending->id, 'approved', $this->agent );
		$this->refused( 'invalid_fee', fn() => $this->returns->refund( $pending->id, $this->agent, false, 20.0 ) );
		$this->refused( 'invalid_fee', fn() => $this->returns->refund( $pending->id, $this->agent, false, -1.0 ) );
		$this->refused( 'credit_amount', fn() => $this->returns->credit( $pending->id, $this->agent, 0.0 ) );
		$this->assertSame( 'approved', $this->returns->get( $pending->id )->status->value );
		$this->assertSame( 0.0, $this->orders->source()->find( $order->id )->total_refunded );

		$this->fired = array();
		$this->returns->refund( $pending->id, $this->agent, false, 0.0 );
		$this->assertSame( array( 'aftercare_return_updated' ), $this->fired_hooks() );
		$this->assertSame( array( 'approved', 'refunded' ), $this->fired[0][1][1]['status'] );
		$this->refused( 'invalid_transition', fn() => $this->returns->refund( $pending->id, $this->agent ) );
		$this->assertSame( 20.0, $this->orders->source()->find( $order->id )->total_refunded, 'refunded once' );
	}
}
