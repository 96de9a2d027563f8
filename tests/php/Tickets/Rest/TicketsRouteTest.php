<?php
/**
 * /tickets, /tickets/{id}, /tickets/batch and /tickets/counts against every actor, with hostile
 * input: each refusal is a clear 4xx and writes nothing.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Tickets\Rest;

use Aftercare\Orders\OrderLookup;
use Aftercare\Settings\Settings;
use Aftercare\Tickets\Links;
use Aftercare\Tickets\Rest\TicketsController;

/**
 * Also on SQLite, the database `npm start` uses.
 *
 * @group sqlite
 */
final class TicketsRouteTest extends TicketRestTestCase {

	public function test_a_guest_opens_a_ticket_and_reads_it_with_the_token_only(): void {
		$before  = $this->snapshot();
		$created = $this->guest_ticket();
		$this->assertGreaterThan( 1000, $created['number'] );
		$this->assertSame( 'new', $created['status'] );
		$this->assertMatchesRegularExpression( '/^[A-Za-z0-9_-]{32}$/', $created['access_token'] );
		$this->assertStringContainsString( 'aftercare_token=' . $created['access_token'], $created['access_url'] );
		$this->assertSame(
			( new Links( new Settings() ) )->guest_thread( (int) $created['id'], $created['access_token'] ),
			$created['access_url'],
			'the one guest link of mails and pages'
		);
		$this->assertArrayNotHasKey( 'sla', $created, 'guests get the view context' );
		$this->assertSame( $before['tickets'] + 1, $this->count_rows( 'tickets' ) );
		$this->assertSame( $before['messages'] + 1, $this->count_rows( 'messages' ) );

		$this->assertStatuses(
			self::statuses( 200, array( 'guest_token' => 200 ) ),
			'GET',
			'/aftercare/v1/tickets/' . $created['id'],
			array(),
			$created['access_token'],
			$created['id']
		);
		// The token also works as a query parameter (links in emails).
		$this->assertSame( 200, $this->rest( 'GET', '/aftercare/v1/tickets/' . $created['id'], array( 'token' => $created['access_token'] ) )->get_status() );
	}

	public function test_a_customers_ticket_is_theirs_and_the_agents_only(): void {
		$ticket = $this->customer_ticket( $this->customer_a );
		$this->assertArrayNotHasKey( 'access_token', $ticket );
		$this->assertSame( $this->customer_a->ID, $ticket['customer']['id'] );
		$this->assertStatuses(
			self::statuses( 200, array( 'customer_a' => 200 ) ),
			'GET',
			'/aftercare/v1/tickets/' . $ticket['id'],
			array(),
			str_repeat( 'a', 32 ),
			$ticket['id']
		);
		// Customers get the view context; asking for edit is refused.
		$view = $this->rest( 'GET', '/aftercare/v1/tickets/' . $ticket['id'], array(), $this->customer_a->ID )->get_data();
		$this->assertArrayNotHasKey( 'tags', $view );
		$this->assertArrayNotHasKey( 'assignee_id', $view );
		$this->assertSame( 403, $this->rest( 'GET', '/aftercare/v1/tickets/' . $ticket['id'], array( 'context' => 'edit' ), $this->customer_a->ID )->get_status() );
		$agent_view = $this->rest( 'GET', '/aftercare/v1/tickets/' . $ticket['id'], array(), $this->agent->ID )->get_data();
		$this->assertSame( array( 'target', 'due', 'state' ), array_keys( $agent_view['sla'] ) );
		$this->assertSame( 404, $this->rest( 'GET', '/aftercare/v1/tickets/999999', array(), $this->agent->ID )->get_status() );
		$this->assertSame(
			403,
			$this->rest( 'GET', '/aftercare/v1/tickets/999999', array(), $this->customer_a->ID )->get_status(),
			'customers cannot tell missing from forbidden'
		);
	}

	public function test_the_list_is_the_queue_for_agents_and_own_tickets_for_customers(): void {
		$a = $this->customer_ticket( $this->customer_a );
		$b = $this->customer_ticket( $this->customer_b );
		$this->guest_ticket();

		$this->assertStatuses(
			self::statuses( 200, array( 'customer_a' => 200, 'customer_b' => 200 ) ),
			'GET',
			'/aftercare/v1/tickets',
			array(),
			str_repeat( 'a', 32 ),
			$a['id']
		);
		$mine = $this->rest( 'GET', '/aftercare/v1/tickets', array( 'view' => 'all' ), $this->customer_a->ID );
		$this->assertSame( array( $a['id'] ), array_column( $mine->get_data(), 'id' ) );
		$this->assertSame( '1', $mine->get_headers()['X-WP-Total'] );
		$theirs = $this->rest( 'GET', '/aftercare/v1/tickets', array(), $this->customer_b->ID );
		$this->assertSame( array( $b['id'] ), array_column( $theirs->get_data(), 'id' ) );

		$queue = $this->rest( 'GET', '/aftercare/v1/tickets', array( 'per_page' => 100 ), $this->agent->ID );
		$this->assertContains( $a['id'], array_column( $queue->get_data(), 'id' ) );
		$this->assertContains( $b['id'], array_column( $queue->get_data(), 'id' ) );
	}

	public function test_customers_cannot_probe_the_stores_tags_and_channels_through_the_count(): void {
		$tagged = $this->customer_ticket( $this->customer_a );
		$this->customer_ticket( $this->customer_a );
		$this->assertSame(
			200,
			$this->rest( 'PATCH', '/aftercare/v1/tickets/' . $tagged['id'], array( 'tags' => array( 'chargeback-risk' ) ), $this->agent->ID )->get_status()
		);
		$count = fn( array $params, int $user ): array => array(
			$this->rest( 'GET', '/aftercare/v1/tickets', $params, $user )->get_headers()['X-WP-Total'],
			array_column( $this->rest( 'GET', '/aftercare/v1/tickets', $params, $user )->get_data(), 'id' ),
		);
		$all = $count( array(), $this->customer_a->ID );
		$this->assertSame( '2', $all[0] );
		foreach ( array(
			array( 'tag' => 'chargeback-risk' ),
			array( 'tag' => 'no-such-tag' ),
			array( 'channel' => array( 'phone' ) ),
			array( 'channel' => array( 'web' ) ),
		) as $probe ) {
			$this->assertSame( $all, $count( $probe, $this->customer_a->ID ), 'ignored for customers: ' . wp_json_encode( $probe ) );
		}
		$this->assertSame(
			array( '1', array( $tagged['id'] ) ),
			$count( array( 'tag' => 'chargeback-risk', 'customer' => $this->customer_a->ID ), $this->agent->ID ),
			'agents filter'
		);
		$this->assertSame( '0', $count( array( 'channel' => array( 'phone' ), 'customer' => $this->customer_a->ID ), $this->agent->ID )[0] );
		$this->assertArrayNotHasKey( 'tags', $this->rest( 'GET', '/aftercare/v1/tickets/' . $tagged['id'], array(), $this->customer_a->ID )->get_data() );
	}

	public function test_keyset_paging_walks_the_queue_without_gaps_or_repeats(): void {
		$ids = array();
		for ( $i = 0; $i < 5; $i++ ) {
			$ids[] = $this->customer_ticket( $this->customer_a )['id'];
		}
		foreach ( array( 'due', 'updated', 'priority' ) as $orderby ) {
			$seen   = array();
			$cursor = null;
			do {
				$params   = array( 'per_page' => 2, 'orderby' => $orderby ) + ( $cursor ? array( 'cursor' => $cursor ) : array() );
				$response = $this->rest( 'GET', '/aftercare/v1/tickets', $params, $this->agent->ID );
				$this->assertSame( 200, $response->get_status() );
				$seen   = array_merge( $seen, array_column( $response->get_data(), 'id' ) );
				$cursor = $response->get_headers()['X-Aftercare-Next-Cursor'] ?? null;
			} while ( $cursor );
			$this->assertSame( count( $seen ), count( array_unique( $seen ) ), $orderby );
			$this->assertSame( array(), array_diff( $ids, $seen ), $orderby );
		}
	}

	public function test_filters_views_search_and_counts(): void {
		$a = $this->customer_ticket( $this->customer_a, array( 'subject' => 'Broken zipper on jacket' ) );
		$b = $this->customer_ticket( $this->customer_b, array( 'message' => 'The parcel never arrived, tracking says Duesseldorf' ) );
		$this->rest(
			'PATCH',
			'/aftercare/v1/tickets/' . $a['id'],
			array( 'assignee_id' => $this->agent->ID, 'priority' => 'urgent', 'tags' => array( 'Warranty' ) ),
			$this->agent->ID
		);
		$this->rest( 'PATCH', '/aftercare/v1/tickets/' . $b['id'], array( 'status' => 'solved' ), $this->agent->ID );

		$ids = fn( array $params ): array => array_column(
			$this->rest( 'GET', '/aftercare/v1/tickets', $params + array( 'per_page' => 100 ), $this->agent->ID )->get_data(),
			'id'
		);
		$this->assertContains( $a['id'], $ids( array( 'view' => 'mine' ) ) );
		$this->assertNotContains( $b['id'], $ids( array( 'view' => 'open' ) ) );
		$this->assertContains( $b['id'], $ids( array( 'view' => 'solved' ) ) );
		$this->assertNotContains( $a['id'], $ids( array( 'view' => 'unassigned' ) ) );
		$this->assertSame( array( $a['id'] ), array_values( array_intersect( array( $a['id'], $b['id'] ), $ids( array( 'priority' => array( 'urgent' ) ) ) ) ) );
		$this->assertSame( array( $a['id'] ), $ids( array( 'tag' => 'warranty' ) ) );
		$this->assertContains( $a['id'], $ids( array( 'assignee' => 'me' ) ) );
		$this->assertNotContains( $a['id'], $ids( array( 'assignee' => 'none' ) ) );
		$this->assertSame( array( $a['id'] ), $ids( array( 'search' => 'ZIPPER' ) ) );
		$this->assertSame( array( $b['id'] ), $ids( array( 'search' => 'duesseldorf' ) ), 'messages are searched too' );
		$this->assertSame( array( $b['id'] ), $ids( array( 'search' => '#' . $b['number'] ) ) );
		$this->assertContains( $a['id'], $ids( array( 'has_order' => false, 'channel' => array( 'web' ) ) ) );
		$this->assertSame( array(), $ids( array( 'has_order' => true, 'search' => 'zipper' ) ) );
		$this->rest( 'POST', '/aftercare/v1/tickets/' . $b['id'] . '/messages', array( 'type' => 'note', 'body' => 'Suspected reseller' ), $this->agent->ID );
		$this->assertSame( array( $b['id'] ), $ids( array( 'search' => 'resell' ) ), 'agents find words of internal notes' );
		$this->assertSame( array( $a['id'] ), $ids( array( 'search' => 'zip jack' ) ), 'prefixes of every word' );
		$this->assertSame( array(), $ids( array( 'search' => 'zipper duesseldorf' ) ), 'words are ANDed' );
		$mine = fn( array $params ): array => array_column( $this->rest( 'GET', '/aftercare/v1/tickets', $params, $this->customer_b->ID )->get_data(), 'id' );
		$this->assertSame( $mine( array() ), $mine( array( 'search' => 'resell' ) ), 'customers cannot search (a note word would reveal the note)' );
		$this->assertNotContains(
			$b['id'],
			array_column( $this->rest( 'GET', '/aftercare/v1/tickets', array( 'search' => 'resell' ), $this->customer_a->ID )->get_data(), 'id' ),
			'nor see others\' tickets by searching'
		);

		$counts = $this->rest( 'GET', '/aftercare/v1/tickets/counts', array(), $this->agent->ID );
		$this->assertSame( 200, $counts->get_status() );
		$this->assertSame( array( 'mine', 'unassigned', 'awaiting', 'open', 'solved', 'at_risk' ), array_keys( $counts->get_data() ) );
		$this->assertGreaterThanOrEqual( 1, $counts->get_data()['mine'] );
		$this->assertStatuses(
			self::statuses( 200 ),
			'GET',
			'/aftercare/v1/tickets/counts',
			array(),
			str_repeat( 'a', 32 ),
			$a['id']
		);
	}

	public function test_sql_and_garbage_in_queue_parameters_are_refused_with_400(): void {
		$this->customer_ticket( $this->customer_a );
		$bad = array(
			array( 'orderby' => 'id; DROP TABLE wp_users' ),
			array( 'orderby' => array( 'due' ) ),
			array( 'order' => 'desc, (SELECT 1)' ),
			array( 'status' => array( "open' OR '1'='1" ) ),
			array( 'priority' => 'urgent) OR (1=1' ),
			array( 'view' => 'everything' ),
			array( 'assignee' => '1 OR 1=1' ),
			array( 'per_page' => 1000 ),
			array( 'per_page' => 'ten' ),
			array( 'has_order' => 'maybe' ),
			array( 'cursor' => 'MTox' . "' OR 1=1 --" ),
			array( 'cursor' => base64_encode( "1:1 OR 1=1" ) ),
			array( 'search' => str_repeat( 'x', 201 ) ),
		);
		foreach ( $bad as $params ) {
			$response = $this->rest( 'GET', '/aftercare/v1/tickets', $params, $this->agent->ID );
			$this->assertSame( 400, $response->get_status(), wp_json_encode( $params ) );
			$this->assertNotEmpty( $response->get_data()['message'] );
		}
		$this->assertErrorCode(
			'aftercare_invalid_cursor',
			$this->rest( 'GET', '/aftercare/v1/tickets', array( 'cursor' => 'not-a-cursor' ), $this->agent->ID ),
			400
		);

		// Quotes and wildcards in a search are text, not SQL.
		foreach ( array( "' OR 1=1 --", '%', '_', '\\' ) as $search ) {
			$response = $this->rest( 'GET', '/aftercare/v1/tickets', array( 'search' => $search ), $this->agent->ID );
			$this->assertSame( 200, $response->get_status() );
			$this->assertSame( array(), $response->get_data(), $search );
		}
	}

	public function test_hostile_creation_input_is_refused_and_writes_nothing(): void {
		$before = $this->snapshot();
		$valid  = array(
			'name'    => 'Gwen',
			'email'   => 'gwen@example.test',
			'subject' => 'Hello',
			'message' => 'Text',
		);
		$cases  = array(
			'rest_invalid_param'         => array(
				array( 'subject' => array( 'x' ) ),
				array( 'message' => str_repeat( 'a', 20001 ) ),
				array( 'subject' => str_repeat( 's', 201 ) ),
				array( 'order_id' => 'abc' ),
				array( 'idempotency_key' => "x' OR 1=1" ),
				array( 'channel' => 'fax' ),
			),
			'rest_missing_callback_param' => array( array( 'subject' => null ) ),
			'aftercare_invalid_email'    => array( array( 'email' => 'not-an-email' ), array( 'email' => '' ) ),
			'aftercare_invalid_name'     => array( array( 'name' => '<b></b>' ) ),
			'aftercare_invalid_subject'  => array( array( 'subject' => '<script>alert(1)</script>' ) ),
			'aftercare_empty_message'    => array( array( 'message' => '<script>alert(1)</script>' ) ),
			'aftercare_order_not_found'  => array( array( 'order_number' => '2001' ) ),
		);
		$sent   = 0;
		foreach ( $cases as $code => $variants ) {
			foreach ( $variants as $variant ) {
				$params = array_filter( array_merge( $valid, $variant ), static fn( $v ) => null !== $v );
				// Each variant from its own address, so the per-IP limit is not what answers.
				$_SERVER['REMOTE_ADDR'] = '198.51.100.' . ( ++$sent );
				$response               = $this->rest( 'POST', '/aftercare/v1/tickets', $params );
				$this->assertErrorCode( $code, $response, 400 );
			}
		}
		$_SERVER['REMOTE_ADDR'] = '127.0.0.1';
		$this->assertSame( $before, $this->snapshot() );
	}

	public function test_script_in_subject_and_body_is_stored_harmless(): void {
		$created = $this->guest_ticket(
			array(
				'subject' => 'Help <script>alert(1)</script><img src=x onerror=alert(1)>',
				'message' => '<p>Hi<img src=x onerror=alert(2)><script>alert(3)</script></p>',
			)
		);
		$this->assertSame( 'Help', $created['subject'] );
		$thread = $this->as_guest( 'GET', '/aftercare/v1/tickets/' . $created['id'] . '/messages', $created['access_token'] )->get_data();
		$this->assertSame( '<p>Hi</p>', $thread[0]['body'] );
	}

	public function test_guest_creation_is_rate_limited_per_ip_and_per_email(): void {
		$_SERVER['REMOTE_ADDR'] = '203.0.113.7';
		for ( $i = 0; $i < TicketsController::GUEST_LIMITS['email']; $i++ ) {
			$this->guest_ticket( array( 'email' => 'same@example.test' ) );
		}
		$before   = $this->snapshot();
		$response = $this->rest(
			'POST',
			'/aftercare/v1/tickets',
			array(
				'name'    => 'Same',
				'email'   => 'same@example.test',
				'subject' => 'Again',
				'message' => 'Again',
			)
		);
		$this->assertErrorCode( 'aftercare_throttled', $response, 429 );
		$this->assertGreaterThan( 0, (int) $response->get_headers()['Retry-After'] );
		$this->assertSame( $before, $this->snapshot() );

		for ( $i = TicketsController::GUEST_LIMITS['email'] + 1; $i < TicketsController::GUEST_LIMITS['ip']; $i++ ) {
			$this->guest_ticket();
		}
		$this->assertErrorCode(
			'aftercare_throttled',
			$this->rest( 'POST', '/aftercare/v1/tickets', array( 'name' => 'N', 'email' => 'new@example.test', 'subject' => 'S', 'message' => 'M' ) ),
			429
		);
		$_SERVER['REMOTE_ADDR'] = '127.0.0.1';
		// Agents are not limited.
		$this->assertSame(
			201,
			$this->rest(
				'POST',
				'/aftercare/v1/tickets',
				array( 'customer_name' => 'N', 'customer_email' => 'same@example.test', 'subject' => 'S', 'message' => 'M' ),
				$this->agent->ID
			)->get_status()
		);
	}

	public function test_an_address_that_sanitizing_would_change_is_refused_not_mended(): void {
		$before = $this->snapshot();
		foreach ( array(
			'v(1)ictim@example.test',
			'v(2)ictim@example.test',
			'vic tim@example.test',
			'victim@exa mple.test',
			'victim@example.test,other@example.test',
			'not-an-address',
			'',
		) as $email ) {
			$response = $this->rest(
				'POST',
				'/aftercare/v1/tickets',
				array(
					'name'    => 'Mallory',
					'email'   => $email,
					'subject' => 'Your refund',
					'message' => 'Click here',
				)
			);
			$this->assertErrorCode( 'aftercare_invalid_email', $response, 400 );
			$this->assertSame( array( 'email' ), $response->get_data()['data']['params'], $email );
			$this->assertStringStartsWith( 'Please enter a valid email address', $response->get_data()['message'] );
		}
		$this->assertSame( $before, $this->snapshot(), 'nothing written, nothing mailed' );
		// Agents writing on someone's behalf get the same rule.
		$this->assertErrorCode(
			'aftercare_invalid_email',
			$this->rest(
				'POST',
				'/aftercare/v1/tickets',
				array( 'customer_name' => 'V', 'customer_email' => 'v(1)ictim@example.test', 'subject' => 'S', 'message' => 'M' ),
				$this->agent->ID
			),
			400
		);
		// Spaces around a good address are no change to it.
		$this->assertSame( 'gwen@example.test', $this->guest_ticket( array( 'email' => ' gwen@example.test ' ) )['customer']['email'] );
	}

	public function test_the_per_email_limits_count_the_mailbox_per_hour_and_per_day(): void {
		global $wpdb;
		$spellings = array( 'victim@example.test', 'Victim@Example.test', 'victim+1@example.test', 'VICTIM+news@example.test' );
		$send      = function ( int $i, string $email ): \WP_REST_Response {
			$_SERVER['REMOTE_ADDR'] = '198.51.100.' . $i; // Another address each time: only the mailbox limit counts.
			return $this->rest(
				'POST',
				'/aftercare/v1/tickets',
				array(
					'name'    => 'Mallory',
					'email'   => $email,
					'subject' => 'Hello ' . $i,
					'message' => 'Hello',
				)
			);
		};
		for ( $i = 0; $i < TicketsController::GUEST_LIMITS['email']; $i++ ) {
			$this->assertSame( 201, $send( $i, $spellings[ $i % 4 ] )->get_status() );
		}
		$before = $this->snapshot();
		foreach ( $spellings as $email ) {
			$this->assertErrorCode( 'aftercare_throttled', $send( 50, $email ), 429 );
		}
		$this->assertSame( $before, $this->snapshot() );

		// An hour on, the hourly window is over; the day still counts every attempt on the mailbox
		// (the refused ones too).
		$hour = hash_hmac( 'sha256', 'ticket_create_email|victim@example.test', wp_salt( 'nonce' ) );
		$end  = static fn() => $wpdb->update( $wpdb->prefix . 'aftercare_rate_limits', array( 'window_ends' => time() - 1 ), array( 'bucket_key' => $hour ) );
		$end();
		for ( $sent = TicketsController::GUEST_LIMITS['email'] + count( $spellings ); $sent < TicketsController::GUEST_LIMITS['email_day']; $sent++ ) {
			$this->assertSame( 201, $send( 100 + $sent, $spellings[ $sent % 4 ] )->get_status(), 'attempt ' . $sent );
			$end();
		}
		$response = $send( 200, 'victim+again@example.test' );
		$this->assertErrorCode( 'aftercare_throttled', $response, 429 );
		$this->assertGreaterThan( HOUR_IN_SECONDS, (int) $response->get_headers()['Retry-After'], 'the day\'s window' );
		$this->assertSame( 201, $send( 201, 'someone.else@example.test' )->get_status() );
		$_SERVER['REMOTE_ADDR'] = '127.0.0.1';
	}

	public function test_a_double_submit_with_the_same_key_returns_the_same_ticket(): void {
		$params = array(
			'name'            => 'Gwen',
			'email'           => 'gwen@example.test',
			'subject'         => 'Double',
			'message'         => 'Click click',
			'idempotency_key' => 'k-0123456789abcdef',
		);
		$first  = $this->rest( 'POST', '/aftercare/v1/tickets', $params );
		$before = $this->snapshot();
		$second = $this->rest( 'POST', '/aftercare/v1/tickets', $params );
		$this->assertSame( 201, $first->get_status() );
		$this->assertFalse( $first->get_data()['replayed'] );
		$this->assertSame( 200, $second->get_status() );
		$this->assertSame( $before, $this->snapshot(), 'no second ticket, no new token' );
		// Whoever replays may only have learnt the key: the number, nothing of the ticket, no link.
		$this->assertSame(
			array(
				'id'       => $first->get_data()['id'],
				'number'   => $first->get_data()['number'],
				'replayed' => true,
			),
			$second->get_data()
		);

		// A customer's replay is their own (the key is bound to the account): the ticket, no token.
		$mine = array( 'subject' => 'Mine', 'message' => 'Twice', 'idempotency_key' => 'k-customer-000001' );
		$this->assertSame( 201, $this->rest( 'POST', '/aftercare/v1/tickets', $mine, $this->customer_a->ID )->get_status() );
		$again = $this->rest( 'POST', '/aftercare/v1/tickets', $mine, $this->customer_a->ID );
		$this->assertSame( 200, $again->get_status() );
		$this->assertSame( 'Mine', $again->get_data()['subject'] );
		$this->assertArrayNotHasKey( 'access_token', $again->get_data() );
	}

	public function test_an_idempotency_key_expires_after_a_day(): void {
		global $wpdb;
		$params = array(
			'name'            => 'Gwen',
			'email'           => 'gwen@example.test',
			'subject'         => 'Double',
			'message'         => 'Click click',
			'idempotency_key' => 'k-0123456789abcdef',
		);
		$first = $this->rest( 'POST', '/aftercare/v1/tickets', $params )->get_data();
		$wpdb->update(
			$wpdb->prefix . 'aftercare_tickets',
			array( 'created_at' => time() - \Aftercare\Tickets\TicketService::IDEMPOTENCY_TTL + 60 ),
			array( 'id' => $first['id'] )
		);
		$this->assertSame( 200, $this->rest( 'POST', '/aftercare/v1/tickets', $params )->get_status(), 'still within the day' );
		$wpdb->update(
			$wpdb->prefix . 'aftercare_tickets',
			array( 'created_at' => time() - \Aftercare\Tickets\TicketService::IDEMPOTENCY_TTL - 1 ),
			array( 'id' => $first['id'] )
		);
		$later = $this->rest( 'POST', '/aftercare/v1/tickets', $params );
		$this->assertSame( 201, $later->get_status() );
		$this->assertNotSame( $first['id'], $later->get_data()['id'] );
		$this->assertSame( 200, $this->as_guest( 'GET', '/aftercare/v1/tickets/' . $later->get_data()['id'], $later->get_data()['access_token'] )->get_status() );
	}

	public function test_customers_link_only_their_own_orders_and_guests_need_the_matching_email(): void {
		$customer1 = get_user_by( 'login', 'customer1' );
		$customer2 = get_user_by( 'login', 'customer2' );
		$order     = $this->order_of( $customer1 );
		$this->assertSame(
			201,
			$this->rest( 'POST', '/aftercare/v1/tickets', array( 'subject' => 'S', 'message' => 'M', 'order_id' => $order->id ), $customer1->ID )->get_status()
		);
		$before = $this->snapshot();
		$this->assertErrorCode(
			'aftercare_order_not_found',
			$this->rest( 'POST', '/aftercare/v1/tickets', array( 'subject' => 'S', 'message' => 'M', 'order_id' => $order->id ), $customer2->ID ),
			400
		);
		$this->assertErrorCode(
			'aftercare_order_not_found',
			$this->rest(
				'POST',
				'/aftercare/v1/tickets',
				array( 'name' => 'G', 'email' => 'guest@example.test', 'subject' => 'S', 'message' => 'M', 'order_number' => $order->number )
			),
			400
		);
		$this->assertSame( $before, $this->snapshot() );
		$guests = \Aftercare\Tests\Orders\SiteOrders::factory();
		$bought = $guests->create( array( 'email' => 'guest@example.test' ) );
		$guest  = $this->guest_ticket( array( 'email' => 'guest@example.test', 'order_number' => $guests->source()->find( $bought )->number ) );
		$this->assertSame( $bought, $guest['order_id'] );
	}

	public function test_a_guests_order_number_is_checked_under_the_order_lookups_limits(): void {
		$orders = \Aftercare\Tests\Orders\SiteOrders::factory();
		$number = $orders->source()->find( $orders->create( array( 'email' => 'gwen@example.test' ) ) )->number;
		$ticket = static fn( string $email, string $order_number ) => array(
			'name'         => 'G',
			'email'        => $email,
			'subject'      => 'S',
			'message'      => 'M',
			'order_number' => $order_number,
		);
		$before = $this->snapshot();

		$_SERVER['REMOTE_ADDR'] = '198.51.100.50';
		$unknown                = $this->rest( 'POST', '/aftercare/v1/tickets', $ticket( 'a@example.test', '90000001' ) );
		$malformed              = $this->rest( 'POST', '/aftercare/v1/tickets', $ticket( 'b@example.test', '<x>' ) );
		$this->assertErrorCode( 'aftercare_order_not_found', $unknown, 400 );
		$this->assertSame( $unknown->get_data(), $malformed->get_data(), 'a malformed number fails like an unknown one' );
		for ( $i = 2; $i < OrderLookup::MAX_FAILURES + 1; $i++ ) {
			$this->assertErrorCode(
				'aftercare_order_not_found',
				$this->rest( 'POST', '/aftercare/v1/tickets', $ticket( "guess{$i}@example.test", (string) ( 90000000 + $i ) ) ),
				400
			);
		}
		$this->assertErrorCode(
			'aftercare_throttled',
			$this->rest( 'POST', '/aftercare/v1/tickets', $ticket( 'gwen@example.test', $number ) ),
			429,
			'the address is locked out'
		);

		// Strangers' failures in the order-status lookup count for the contact form too.
		foreach ( array( '198.51.100.61', '198.51.100.62', '198.51.100.61', '198.51.100.62', '198.51.100.61' ) as $i => $stranger ) {
			$_SERVER['REMOTE_ADDR'] = $stranger;
			$this->assertSame(
				404,
				$this->rest( 'POST', '/aftercare/v1/order-status', array( 'number' => $number, 'email' => "stranger{$i}@example.test" ) )->get_status()
			);
		}
		$_SERVER['REMOTE_ADDR'] = '192.0.2.1';
		$this->assertErrorCode( 'aftercare_throttled', $this->rest( 'POST', '/aftercare/v1/tickets', $ticket( 'gwen@example.test', $number ) ), 429 );
		$this->assertSame( $before, $this->snapshot() );
		$_SERVER['REMOTE_ADDR'] = '127.0.0.1';
	}

	public function test_only_agents_update_and_bad_changes_are_refused(): void {
		$ticket = $this->guest_ticket();
		$path   = '/aftercare/v1/tickets/' . $ticket['id'];
		$this->assertStatuses(
			self::statuses( 200 ),
			'PATCH',
			$path,
			array( 'priority' => 'high' ),
			$ticket['access_token'],
			$ticket['id']
		);
		$before = $this->snapshot();
		foreach ( array(
			array( 'status' => 'bogus' ),
			array( 'assignee_id' => 'x' ),
			array( 'tags' => range( 1, 21 ) ),
			array( 'tags' => array( array( 'nested' ) ) ),
			array( 'priority' => array( 'high' ) ),
		) as $changes ) {
			$this->assertSame( 400, $this->rest( 'PATCH', $path, $changes, $this->agent->ID )->get_status(), wp_json_encode( $changes ) );
		}
		$this->assertErrorCode( 'aftercare_invalid_assignee', $this->rest( 'PATCH', $path, array( 'assignee_id' => $this->customer_a->ID ), $this->agent->ID ), 400 );
		$this->assertSame( $before, $this->snapshot() );

		$updated = $this->rest(
			'PATCH',
			$path,
			array( 'tags' => array( '<script>x</script>VIP', 'Refund' ), 'assignee_id' => $this->agent->ID ),
			$this->agent->ID
		)->get_data();
		$this->assertSame( array( 'refund', 'vip' ), $updated['tags'] );
		$this->assertSame( $this->agent->ID, $updated['assignee_id'] );
		$this->assertSame( $this->agent->display_name, $updated['assignee_name'] );
		$this->assertNull( $this->rest( 'PATCH', $path, array( 'assignee_id' => null ), $this->agent->ID )->get_data()['assignee_id'] );
	}

	public function test_batch_updates_are_for_agents_and_all_or_nothing(): void {
		$a = $this->customer_ticket( $this->customer_a );
		$b = $this->customer_ticket( $this->customer_b );
		$this->assertStatuses(
			self::statuses( 200 ),
			'POST',
			'/aftercare/v1/tickets/batch',
			array(
				'ids'     => array( $a['id'], $b['id'] ),
				'changes' => array( 'add_tags' => array( 'bulk' ) ),
			),
			str_repeat( 'a', 32 ),
			$a['id']
		);
		$done = $this->rest(
			'POST',
			'/aftercare/v1/tickets/batch',
			array( 'ids' => array( $a['id'], $b['id'] ), 'changes' => array( 'status' => 'open', 'assignee_id' => $this->agent->ID, 'remove_tags' => array( 'bulk' ) ) ),
			$this->agent->ID
		);
		$this->assertSame( array( 'open', 'open' ), array_column( $done->get_data(), 'status' ) );
		$this->assertSame( array( array(), array() ), array_column( $done->get_data(), 'tags' ) );

		$before = $this->snapshot();
		$this->assertSame(
			404,
			$this->rest(
				'POST',
				'/aftercare/v1/tickets/batch',
				array( 'ids' => array( $a['id'], 999999 ), 'changes' => array( 'status' => 'solved' ) ),
				$this->agent->ID
			)->get_status()
		);
		$this->assertSame( 'open', $this->rest( 'GET', '/aftercare/v1/tickets/' . $a['id'], array(), $this->agent->ID )->get_data()['status'] );
		foreach ( array(
			array( 'ids' => range( 1, 101 ), 'changes' => array( 'status' => 'open' ) ),
			array( 'ids' => array( $a['id'] ), 'changes' => array( 'evil' => 'x' ) ),
			array( 'ids' => array( $a['id'] ), 'changes' => array() ),
			array( 'ids' => array( "1 OR 1=1" ), 'changes' => array( 'status' => 'open' ) ),
			array( 'ids' => array( $a['id'] ) ),
		) as $params ) {
			$this->assertSame( 400, $this->rest( 'POST', '/aftercare/v1/tickets/batch', $params, $this->agent->ID )->get_status(), wp_json_encode( $params ) );
		}
		$this->assertSame( $before, $this->snapshot() );
	}
}
