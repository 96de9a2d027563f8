<?php
/**
 * The agents' routes around a ticket: events, customer context, presence and saved replies,
 * against every actor.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Tickets\Rest;

/**
 * Also on SQLite, the database `npm start` uses.
 *
 * @group sqlite
 */
final class AgentRoutesTest extends TicketRestTestCase {

	public function test_the_timeline_is_for_agents_and_lists_every_change(): void {
		$ticket = $this->guest_ticket();
		$this->rest(
			'PATCH',
			'/aftercare/v1/tickets/' . $ticket['id'],
			array( 'status' => 'open', 'priority' => 'high', 'assignee_id' => $this->agent->ID, 'tags' => array( 'x' ) ),
			$this->agent->ID
		);
		$path = '/aftercare/v1/tickets/' . $ticket['id'] . '/events';
		$this->assertStatuses( self::statuses( 200 ), 'GET', $path, array(), $ticket['access_token'], $ticket['id'] );
		$events = $this->rest( 'GET', $path, array(), $this->agent->ID )->get_data();
		$this->assertSame( array( 'created', 'sla', 'status', 'priority', 'assignee', 'tags', 'sla' ), array_column( $events, 'type' ) );
		$this->assertSame( $this->agent->display_name, $events[2]['actor']['name'] );
		$this->assertSame( array( 'from' => 'new', 'to' => 'open' ), (array) $events[2]['data'] );
	}

	public function test_the_context_shows_the_customers_orders_and_other_tickets_to_agents(): void {
		$customer1 = get_user_by( 'login', 'customer1' );
		$older     = $this->order_of( $customer1, array( 'created' => time() - 3 * DAY_IN_SECONDS ) );
		$newer     = $this->order_of( $customer1, array( 'created' => time() - DAY_IN_SECONDS ) );
		$first     = $this->customer_ticket( $customer1 );
		$second    = $this->customer_ticket( $customer1 );
		$path      = '/aftercare/v1/tickets/' . $second['id'] . '/context';
		$this->assertStatuses( self::statuses( 200 ), 'GET', $path, array(), str_repeat( 'a', 32 ), $second['id'] );
		$context = $this->rest( 'GET', $path, array(), $this->agent->ID )->get_data();
		$this->assertTrue( $context['orders_available'] );
		$this->assertNotEmpty( $context['orders'] );
		$numbers = array( $newer->number, $older->number );
		$this->assertSame( $numbers, array_values( array_intersect( array_column( $context['orders'], 'number' ), $numbers ) ), 'newest first' );
		$this->assertGreaterThan( 0, $context['total_spent'] );
		$this->assertSame( array(), $context['open_returns'] );
		// After the returns feature's own callback, and removed again: later tests keep that callback.
		$hooked       = $GLOBALS['wp_filter']['aftercare_ticket_context_open_returns']->callbacks ?? array();
		$open_returns = static fn() => array( array( 'id' => '7', 'number' => 1007, 'status' => 'requested', 'secret' => 'x' ) );
		add_filter( 'aftercare_ticket_context_open_returns', $open_returns, 99 );
		$returns = $this->rest( 'GET', $path, array(), $this->agent->ID )->get_data()['open_returns'];
		remove_filter( 'aftercare_ticket_context_open_returns', $open_returns, 99 );
		$this->assertSame( $hooked, $GLOBALS['wp_filter']['aftercare_ticket_context_open_returns']->callbacks ?? array() );
		$this->assertSame( array( array( 'id' => 7, 'number' => 1007, 'status' => 'requested' ) ), $returns );
		$this->assertSame( array( $first['id'] ), array_column( $context['other_tickets'], 'id' ) );
		$this->assertSame( 404, $this->rest( 'GET', '/aftercare/v1/tickets/999999/context', array(), $this->agent->ID )->get_status() );
	}

	public function test_a_claimed_email_shows_no_order_history_until_the_guest_opens_the_mailed_link(): void {
		$customer1 = get_user_by( 'login', 'customer1' );
		$this->order_of( $customer1 );
		$earlier = $this->guest_ticket( array( 'email' => strtoupper( $customer1->user_email ) ) );
		$claim   = $this->guest_ticket( array( 'email' => strtoupper( $customer1->user_email ) ) );
		$path    = '/aftercare/v1/tickets/' . $claim['id'];
		$verified = fn(): bool => $this->rest( 'GET', $path, array( 'context' => 'edit' ), $this->agent->ID )->get_data()['email_verified'];
		$open_returns = static fn() => array( array( 'id' => 7, 'number' => 1007, 'status' => 'requested' ) );
		add_filter( 'aftercare_ticket_context_open_returns', $open_returns, 99 );
		$context = $this->rest( 'GET', $path . '/context', array(), $this->agent->ID )->get_data();
		remove_filter( 'aftercare_ticket_context_open_returns', $open_returns, 99 );
		$this->assertFalse( $context['email_verified'] );
		$this->assertSame( $customer1->user_email, strtolower( $context['customer']['email'] ), 'the claim itself is shown, as a claim' );
		$this->assertSame( array(), $context['orders'], 'none of the address owner\'s orders' );
		$this->assertSame( 0, $context['order_count'] );
		$this->assertSame( 0.0, (float) $context['total_spent'] );
		$this->assertSame( array(), $context['open_returns'] );
		$this->assertSame( array(), $context['other_tickets'] );
		$this->assertFalse( $verified() );
		$this->assertArrayNotHasKey( 'email_verified', $this->as_guest( 'GET', $path, $claim['access_token'] )->get_data(), 'agents only' );

		$this->assertSame( 200, $this->as_guest( 'GET', $path, $claim['access_token'] )->get_status() );
		$this->assertSame( 201, $this->as_guest( 'POST', $path . '/messages', $claim['access_token'], array( 'body' => 'Any news?' ) )->get_status() );
		$this->assertFalse( $verified(), 'the link shown after sending proves nothing about the mailbox' );

		$mails = $this->deliver_outbox();
		$to_guest = array_values(
			array_filter( $mails, static fn( array $mail ) => str_contains( (string) $mail['message'], 'aftercare_ticket=' . $claim['id'] . '&' ) )
		);
		$this->assertCount( 1, $to_guest, 'the acknowledgement with the link' );
		$this->assertSame( 0, strcasecmp( $to_guest[0]['to'], $customer1->user_email ), 'went to the claimed address' );
		$this->assertSame( 1, preg_match( '/aftercare_token=([A-Za-z0-9_-]{32})/', (string) $to_guest[0]['message'], $link ) );
		$this->assertSame( 401, $this->as_guest( 'GET', $path, str_repeat( 'b', 32 ) )->get_status() );
		$this->assertFalse( $verified(), 'a wrong token proves nothing' );

		$this->assertSame( 200, $this->as_guest( 'GET', $path, $link[1] )->get_status() );
		$this->assertTrue( $verified() );
		$context = $this->rest( 'GET', $path . '/context', array(), $this->agent->ID )->get_data();
		$this->assertTrue( $context['email_verified'] );
		$this->assertNotEmpty( $context['orders'] );
		$this->assertSame( array( $earlier['id'] ), array_column( $context['other_tickets'], 'id' ) );
	}

	public function test_signed_in_customers_and_a_matching_order_number_verify_the_email_at_once(): void {
		$customer1 = get_user_by( 'login', 'customer1' );
		$order     = $this->order_of( $customer1 );
		$edit      = fn( array $ticket ): bool => $this->rest(
			'GET',
			'/aftercare/v1/tickets/' . $ticket['id'],
			array( 'context' => 'edit' ),
			$this->agent->ID
		)->get_data()['email_verified'];
		$this->assertTrue( $edit( $this->customer_ticket( $customer1 ) ), 'signed in' );
		$this->assertTrue(
			$edit( $this->guest_ticket( array( 'email' => $customer1->user_email, 'order_number' => $order->number ) ) ),
			'order number and email matched'
		);
		$this->assertFalse( $edit( $this->guest_ticket() ), 'a bare guest email' );
		$on_behalf = fn( array $params ): array => $this->rest(
			'POST',
			'/aftercare/v1/tickets',
			$params + array( 'customer_name' => 'Caller', 'subject' => 'Phoned in', 'message' => 'About an order.' ),
			$this->agent->ID
		)->get_data();
		$this->assertFalse(
			$edit( $on_behalf( array( 'customer_email' => 'caller@example.test', 'order_id' => $order->id ) ) ),
			'an agent linking someone else\'s order to a typed address'
		);
		$this->assertTrue( $edit( $on_behalf( array( 'customer_email' => 'someone-else@example.test', 'customer_id' => $customer1->ID ) ) ), 'an account' );
	}

	public function test_presence_tells_each_agent_who_else_is_on_the_ticket(): void {
		$ticket = $this->guest_ticket();
		$path   = '/aftercare/v1/tickets/' . $ticket['id'] . '/presence';
		$this->assertStatuses(
			self::statuses( 200 ),
			'POST',
			$path,
			array( 'state' => 'viewing' ),
			$ticket['access_token'],
			$ticket['id']
		);
		$this->rest( 'POST', $path, array( 'state' => 'replying' ), $this->supervisor->ID );
		$seen = $this->rest( 'POST', $path, array( 'state' => 'viewing' ), $this->agent->ID )->get_data();
		$this->assertSame( 60, $seen['ttl'] );
		$states = array_column( $seen['others'], 'state', 'user_id' );
		$this->assertSame( 'replying', $states[ $this->supervisor->ID ] );
		$this->assertArrayNotHasKey( $this->agent->ID, $states );

		$this->rest( 'POST', $path, array( 'state' => '' ), $this->supervisor->ID );
		$states = array_column( $this->rest( 'POST', $path, array(), $this->agent->ID )->get_data()['others'], 'state', 'user_id' );
		$this->assertArrayNotHasKey( $this->supervisor->ID, $states, 'an agent who left is gone' );
		$this->assertSame( 400, $this->rest( 'POST', $path, array( 'state' => 'typing<script>' ), $this->agent->ID )->get_status() );
		$this->assertSame( 404, $this->rest( 'POST', '/aftercare/v1/tickets/999999/presence', array(), $this->agent->ID )->get_status() );
	}

	public function test_saved_replies_are_read_by_agents_and_written_by_supervisors(): void {
		$this->assertStatuses(
			self::statuses( 201, array( 'agent' => 403 ) ),
			'POST',
			'/aftercare/v1/saved-replies',
			array( 'title' => 'Hi', 'body' => 'Hello {customer_name}' )
		);
		$this->assertStatuses( self::statuses( 200 ), 'GET', '/aftercare/v1/saved-replies' );

		$created = $this->rest(
			'POST',
			'/aftercare/v1/saved-replies',
			array( 'title' => 'Shipping', 'body' => '<p>Hi {customer_name}, order {order_number} is {order_status}: {tracking_link}</p><script>x</script>' ),
			$this->supervisor->ID
		)->get_data();
		$this->assertStringNotContainsString( 'script', $created['body'] );
		$path = '/aftercare/v1/saved-replies/' . $created['id'];
		$this->assertStatuses( self::statuses( 200 ), 'GET', $path );
		$this->assertStatuses( self::statuses( 200, array( 'agent' => 403 ) ), 'PUT', $path, array( 'title' => 'Shipping update' ) );
		$this->assertSame( 'Shipping update', $this->rest( 'GET', $path, array(), $this->agent->ID )->get_data()['title'] );
		foreach ( array(
			array( 'title' => '' ),
			array( 'title' => str_repeat( 't', 121 ) ),
			array( 'body' => '<script>only</script>' ),
			array( 'title' => array( 'x' ) ),
		) as $params ) {
			$this->assertSame( 400, $this->rest( 'PUT', $path, $params, $this->supervisor->ID )->get_status(), wp_json_encode( $params ) );
		}

		// Rendering fills the variables from the ticket's customer and order, escaped.
		$customer1 = get_user_by( 'login', 'customer1' );
		$order     = $this->order_of( $customer1 );
		$ticket    = $this->customer_ticket( $customer1, array( 'order_id' => $order->id ) );
		$render    = '/aftercare/v1/saved-replies/' . $created['id'] . '/render';
		$this->assertStatuses( self::statuses( 200 ), 'POST', $render, array( 'ticket_id' => $ticket['id'] ) );
		$body = $this->rest( 'POST', $render, array( 'ticket_id' => $ticket['id'] ), $this->agent->ID )->get_data()['body'];
		$this->assertStringContainsString( 'Hi ' . esc_html( $customer1->display_name ), $body );
		$this->assertStringContainsString( 'order ' . $order->number . ' is ' . esc_html( $order->status_label ), $body );
		$this->assertStringContainsString( '1Z999AA10123456784</a>', $body );
		$this->assertSame( 400, $this->rest( 'POST', $render, array(), $this->agent->ID )->get_status() );
		$this->assertSame( 404, $this->rest( 'POST', $render, array( 'ticket_id' => 999999 ), $this->agent->ID )->get_status() );

		$guest = $this->guest_ticket( array( 'name' => '<img src=x onerror=alert(1)>Eve' ) );
		$body  = $this->rest( 'POST', $render, array( 'ticket_id' => $guest['id'] ), $this->agent->ID )->get_data()['body'];
		$this->assertStringNotContainsString( '<img', $body );

		$this->assertSame( 403, $this->rest( 'DELETE', $path, array(), $this->agent->ID )->get_status() );
		$this->assertSame( 200, $this->rest( 'DELETE', $path, array(), $this->supervisor->ID )->get_status() );
		$this->assertSame( 404, $this->rest( 'GET', $path, array(), $this->agent->ID )->get_status() );
		$this->assertSame( 404, $this->rest( 'DELETE', $path, array(), $this->admin->ID )->get_status() );
	}
}
