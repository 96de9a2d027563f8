<?php
/**
 * POST/GET /tickets and GET/PATCH /tickets/{id} against every actor.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Rest\Tickets;

final class TicketsRouteTest extends TicketRestTestCase {

	public function test_a_guest_opens_a_ticket_and_reads_it_with_the_token_only(): void {
		$before  = $this->snapshot();
		$created = $this->guest_ticket();
		$this->assertGreaterThan( 1000, $created['number'] );
		$this->assertSame( 'new', $created['status'] );
		$this->assertMatchesRegularExpression( '/^[A-Za-z0-9_-]{32}$/', $created['access_token'] );
		$this->assertStringContainsString( 'aftercare_token=' . $created['access_token'], $created['access_url'] );
		$this->assertArrayNotHasKey( 'sla', $created, 'guests get the view context' );
		$this->assertSame( $before['tickets'] + 1, $this->count_rows( 'tickets' ) );
		$this->assertSame( $before['messages'] + 1, $this->count_rows( 'messages' ) );

		$path = '/aftercare/v1/tickets/' . $created['id'];
		$this->assertSame( 200, $this->as_guest( 'GET', $path, $created['access_token'] )->get_status() );
		$this->assertErrorCode( 'aftercare_forbidden', $this->rest( 'GET', $path ), 401 );
		$this->assertErrorCode( 'aftercare_forbidden', $this->as_guest( 'GET', $path, str_repeat( 'A', 32 ) ), 401 );
		$this->assertErrorCode( 'aftercare_forbidden', $this->rest( 'GET', $path, array(), $this->customer_a->ID ), 403 );
		$this->assertSame( 200, $this->rest( 'GET', $path, array(), $this->agent->ID )->get_status() );
	}
}
