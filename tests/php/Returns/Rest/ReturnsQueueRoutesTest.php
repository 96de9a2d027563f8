<?php
/**
 * What the agents' returns screens read besides the list itself: a customer's return history
 * (`customer_email`), sorting (`orderby`, `order`), a return's timeline
 * (`/returns/{id}/events`), what settling it would give (`quote`) and the counts per status
 * (`/returns/counts`), against every actor.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Returns\Rest;

use Aftercare\Settings\Settings;
use Aftercare\Tests\Returns\ReturnsTestCase;

/**
 * @group sqlite
 */
final class ReturnsQueueRoutesTest extends ReturnsTestCase {

	private const ROUTE = '/aftercare/v1/returns';

	public function test_agents_list_one_customers_returns_and_customers_only_ever_their_own(): void {
		$customer = $this->user( 'subscriber' );
		$other    = $this->user( 'subscriber' );
		$agent    = $this->user( 'aftercare_agent' )->ID;
		$mine     = $this->order(
			array(
				'customer_id' => $customer->ID,
				'email'       => $customer->user_email,
			)
		);
		$theirs   = $this->order(
			array(
				'customer_id' => $other->ID,
				'email'       => $other->user_email,
			)
		);
		$guest    = $this->order( array( 'email' => 'gwen@example.test' ) );
		$first    = $this->returns->create( $mine, $this->input( $mine ), $customer->ID )['return'];
		$second   = $this->returns->create( $theirs, $this->input( $theirs ), $other->ID )['return'];
		$third    = $this->returns->create( $guest, $this->input( $guest ), 0 )['return'];

		$history = fn( string $email, int $user ) => array_column( $this->rest( 'GET', self::ROUTE, array( 'customer_email' => $email ), $user )->get_data(), 'id' );
		$this->assertSame( array( $first->id ), $history( strtoupper( $customer->user_email ), $agent ), 'stored lower-case, matched whatever the case' );
		$this->assertSame( array( $third->id ), $history( 'gwen@example.test', $agent ), 'a guest\'s history by the billing email' );
		$this->assertSame( array(), $history( 'nobody@example.test', $agent ) );
		$this->assertSame(
			array( $second->id ),
			$history( $customer->user_email, $other->ID ),
			'a customer asking for someone else\'s email still gets only their own'
		);
		$this->assertSame( 400, $this->rest( 'GET', self::ROUTE, array( 'customer_email' => 'not an email' ), $agent )->get_status() );
		$this->assertSame( 401, $this->rest( 'GET', self::ROUTE, array( 'customer_email' => $customer->user_email ) )->get_status() );
	}

	public function test_the_queue_sorts_by_request_or_last_change_both_ways(): void {
		$agent = $this->user( 'aftercare_agent' )->ID;
		$order = $this->order( array( 'items' => array( array( 'name' => 'Socks', 'quantity' => 10, 'total' => 50.0 ) ) ) );
		$ids   = array();
		foreach ( array( 300, 200, 100 ) as $age ) {
			$return = $this->returns->create( $order, $this->input( $order ), 0 )['return'];
			global $wpdb;
			// Requested oldest first; the oldest changed last.
			$wpdb->update(
				$wpdb->prefix . 'aftercare_returns',
				array(
					'created_at' => time() - $age,
					'updated_at' => time() - 400 + $age,
				),
				array( 'id' => $return->id )
			);
			$ids[] = $return->id;
		}
		$sorted = fn( array $params ) => array_column( $this->rest( 'GET', self::ROUTE, $params + array( 'context' => 'edit' ), $agent )->get_data(), 'id' );
		$this->assertSame( $ids, $sorted( array() ), 'default: last change first' );
		$this->assertSame( array_reverse( $ids ), $sorted( array( 'orderby' => 'created' ) ) );
		$this->assertSame( $ids, $sorted( array( 'orderby' => 'created', 'order' => 'asc' ) ) );
		$this->assertSame( array_reverse( $ids ), $sorted( array( 'orderby' => 'updated', 'order' => 'asc' ) ) );
		$this->assertSame( array( $ids[0] ), $sorted( array( 'orderby' => 'created', 'order' => 'asc', 'per_page' => 1 ) ) );
		$this->assertSame( array( $ids[1] ), $sorted( array( 'orderby' => 'created', 'order' => 'asc', 'per_page' => 1, 'page' => 2 ) ) );
		foreach ( array( array( 'orderby' => 'id; DROP TABLE x' ), array( 'order' => 'sideways' ) ) as $bad ) {
			$this->assertSame( 400, $this->rest( 'GET', self::ROUTE, $bad, $agent )->get_status() );
		}
	}

	public function test_a_returns_timeline_is_for_agents_only(): void {
		$customer = $this->user( 'subscriber' );
		$agent    = $this->user( 'aftercare_agent' );
		$order    = $this->order(
			array(
				'customer_id' => $customer->ID,
				'email'       => $customer->user_email,
			)
		);
		$return   = $this->returns->create( $order, $this->input( $order ), $customer->ID )['return'];
		$this->returns->move( $return->id, 'approved', $agent->ID );
		$this->returns->receive( $return->id, array(), true, $agent->ID );
		$this->returns->refund( $return->id, $agent->ID, false, 0.0 );

		$path   = self::ROUTE . '/' . $return->id . '/events';
		$events = $this->rest( 'GET', $path, array(), $agent->ID );
		$this->assertSame( 200, $events->get_status() );
		$data = $events->get_data();
		$this->assertSame( array( 'created', 'status', 'restocked', 'status', 'status', 'refund' ), array_column( $data, 'type' ) );
		$this->assertSame( $customer->ID, $data[0]['actor']['id'] );
		$this->assertSame( $agent->display_name, $data[1]['actor']['name'] );
		$this->assertEquals( (object) array( 'from' => 'requested', 'to' => 'approved' ), $data[1]['data'] );
		$this->assertSame( array(), $this->rest( 'GET', self::ROUTE . '/999999/events', array(), $agent->ID )->get_data() );
		$this->assertSame( 401, $this->rest( 'GET', $path )->get_status() );
		$this->assertSame( 403, $this->rest( 'GET', $path, array(), $customer->ID )->get_status(), 'the shopper sees statuses, not the store\'s log' );
		$this->assertSame( 403, $this->rest( 'GET', '/aftercare/v1/tickets/' . $return->ticket_id . '/events', array(), $customer->ID )->get_status() );
	}

	public function test_agents_see_what_settling_would_give_while_it_can_be_settled(): void {
		( new Settings() )->update(
			array(
				'return_restocking_fee_type' => 'percent',
				'return_restocking_fee'      => 10,
			)
		);
		$customer = $this->user( 'subscriber' );
		$agent    = $this->user( 'aftercare_agent' )->ID;
		$order    = $this->order(
			array(
				'customer_id' => $customer->ID,
				'email'       => $customer->user_email,
			)
		);
		// Both shirts (40.00) and the tote (14.00).
		$return = $this->returns->create( $order, $this->input( $order, array( array( 0, 2, 'size' ), array( 1, 1, 'size' ) ) ), $customer->ID )['return'];
		$path   = self::ROUTE . '/' . $return->id;
		$quote  = fn(): mixed => $this->rest( 'GET', $path, array( 'context' => 'edit' ), $agent )->get_data()['quote'];

		$this->assertNull( $quote(), 'a requested return cannot be settled yet' );
		$approved = $this->rest( 'PATCH', $path, array( 'status' => 'approved' ), $agent )->get_data();
		$this->assertEquals(
			array( 'value' => 54.0, 'fee' => 5.4, 'max_credit' => 54.0, 'currency' => $order->currency ),
			$approved['quote'],
			'the changed return comes with it'
		);
		$received = $this->rest(
			'POST',
			$path . '/actions',
			array( 'action' => 'receive', 'items' => array( (string) $order->items[0]->id => 1, (string) $order->items[1]->id => 0 ) ),
			$agent
		)->get_data();
		$this->assertEquals(
			array( 'value' => 20.0, 'fee' => 2.0, 'max_credit' => 20.0, 'currency' => $order->currency ),
			$received['quote'],
			'once received, what arrived'
		);
		$refunded = $this->rest( 'POST', $path . '/actions', array( 'action' => 'refund' ), $agent )->get_data();
		$this->assertEquals(
			array( 'amount' => 18.0, 'fee' => 2.0 ),
			array_intersect_key( $refunded['refund'], array_flip( array( 'amount', 'fee' ) ) ),
			'the refund gives what the quote said'
		);
		$this->assertNull( $refunded['quote'] );

		$this->assertArrayNotHasKey( 'quote', $this->rest( 'GET', $path, array(), $customer->ID )->get_data(), 'shoppers never see it' );
		$this->assertArrayNotHasKey(
			'quote',
			$this->rest( 'GET', self::ROUTE, array( 'context' => 'edit' ), $agent )->get_data()[0],
			'nor lists (an order read each)'
		);
	}

	public function test_agents_count_returns_per_status(): void {
		$customer = $this->user( 'subscriber' );
		$agent    = $this->user( 'aftercare_agent' )->ID;
		$order    = $this->order( array( 'items' => array( array( 'name' => 'Socks', 'quantity' => 10, 'total' => 50.0 ) ) ) );
		$counts   = fn(): array => $this->rest( 'GET', self::ROUTE . '/counts', array(), $agent )->get_data();
		$before   = $counts();
		$this->assertSame(
			array( 'requested', 'approved', 'rejected', 'awaiting_items', 'received', 'refunded', 'credited', 'exchanged', 'closed' ),
			array_keys( $before ),
			'every status, zeros included'
		);
		$first = $this->returns->create( $order, $this->input( $order ), 0 )['return'];
		$this->returns->create( $order, $this->input( $order ), 0 );
		$this->returns->move( $first->id, 'rejected', $agent );
		$after = $counts();
		$this->assertSame( $before['requested'] + 1, $after['requested'] );
		$this->assertSame( $before['rejected'] + 1, $after['rejected'] );
		$this->assertSame( array_sum( $before ) + 2, array_sum( $after ) );
		$this->assertSame( 401, $this->rest( 'GET', self::ROUTE . '/counts' )->get_status() );
		$this->assertSame( 403, $this->rest( 'GET', self::ROUTE . '/counts', array(), $customer->ID )->get_status() );
	}
}
