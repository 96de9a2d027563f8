<?php
/**
 * Addresses an agent copies in on a ticket (`cc`): set through the ticket's PATCH, checked and
 * tidied, never shown to the customer; our mails to the customer copy them in, and their replies
 * by mail join the ticket, while anyone else's still open a new one.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Mail;

use Aftercare\Plugin;
use Aftercare\Tests\Notifications\MailHeadersTest;

/**
 * @group sqlite
 */
final class CopiedInTest extends MailTestCase {

	/**
	 * @param array<mixed> $cc The addresses as sent.
	 */
	private function patch( int $ticket_id, array $cc, int $user_id ): \WP_REST_Response {
		return $this->rest( 'PATCH', '/aftercare/v1/tickets/' . $ticket_id, array( 'cc' => $cc ), $user_id );
	}

	public function test_agents_copy_addresses_in_tidied_and_checked(): void {
		$ticket   = $this->guest_ticket( array( 'email' => 'gwen@example.test' ) );
		$response = $this->patch( $ticket['id'], array( 'Partner@Example.test', 'partner@example.test', 'office@example.test' ), $this->agent->ID );
		$this->assertSame( 200, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		$this->assertSame( array( 'partner@example.test', 'office@example.test' ), $response->get_data()['cc'] );
		$this->assertSame( array( 'partner@example.test', 'office@example.test' ), Plugin::instance()->tickets->get( $ticket['id'] )->cc );

		$events = $this->rest( 'GET', '/aftercare/v1/tickets/' . $ticket['id'] . '/events', array(), $this->agent->ID )->get_data();
		$this->assertContains( 'cc', array_column( $events, 'type' ), 'the change is on the timeline' );

		$this->assertErrorCode( 'rest_invalid_param', $this->patch( $ticket['id'], array( 'not an address' ), $this->agent->ID ), 400 );
		$many = array_map( static fn( int $i ): string => 'p' . $i . '@example.test', range( 1, 11 ) );
		$this->assertErrorCode( 'rest_invalid_param', $this->patch( $ticket['id'], $many, $this->agent->ID ), 400 );
		$this->assertErrorCode( 'aftercare_forbidden', $this->patch( $ticket['id'], array( 'eve@example.test' ), $this->customer_a->ID ), 403 );
		$this->assertErrorCode( 'aftercare_forbidden', $this->patch( $ticket['id'], array( 'eve@example.test' ), 0 ), 401 );
		$this->assertSame( array( 'partner@example.test', 'office@example.test' ), Plugin::instance()->tickets->get( $ticket['id'] )->cc, 'unchanged when refused' );

		$this->assertSame( array(), $this->patch( $ticket['id'], array(), $this->agent->ID )->get_data()['cc'], 'an empty list clears it' );
		$batch = $this->rest(
			'POST',
			'/aftercare/v1/tickets/batch',
			array(
				'ids'     => array( $ticket['id'] ),
				'changes' => array( 'cc' => array( 'x@example.test' ) ),
			),
			$this->agent->ID
		);
		$this->assertErrorCode( 'rest_invalid_param', $batch, 400 );
	}

	public function test_agents_may_copy_in_when_opening_a_ticket_and_guests_may_not(): void {
		$response = $this->rest(
			'POST',
			'/aftercare/v1/tickets',
			array(
				'customer_email' => 'gwen@example.test',
				'customer_name'  => 'Gwen',
				'subject'        => 'Call notes',
				'message'        => 'As discussed.',
				'cc'             => array( 'Office@Example.test' ),
			),
			$this->agent->ID
		);
		$this->assertSame( 201, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		$this->assertSame( array( 'office@example.test' ), $response->get_data()['cc'] );

		$guest = $this->guest_ticket( array( 'cc' => array( 'eve@example.test' ) ) );
		$this->assertSame( array(), Plugin::instance()->tickets->get( $guest['id'] )->cc, 'a guest copies no one in' );
	}

	public function test_customers_never_see_who_is_copied_in(): void {
		$ticket = $this->customer_ticket( $this->customer_a );
		$this->patch( $ticket['id'], array( 'partner@example.test' ), $this->agent->ID );
		$seen = $this->rest( 'GET', '/aftercare/v1/tickets/' . $ticket['id'], array(), $this->customer_a->ID )->get_data();
		$this->assertArrayNotHasKey( 'cc', $seen );
		$this->assertStringNotContainsString( 'partner@example.test', (string) wp_json_encode( $seen ) );
		$list = $this->rest( 'GET', '/aftercare/v1/tickets', array(), $this->customer_a->ID )->get_data();
		$this->assertStringNotContainsString( 'partner@example.test', (string) wp_json_encode( $list ) );
	}

	public function test_mails_to_the_customer_copy_them_in_and_mails_to_agents_do_not(): void {
		$ticket = $this->guest_ticket( array( 'email' => 'gwen@example.test' ) );
		$this->deliver_outbox();
		$this->patch( $ticket['id'], array( 'partner@example.test', 'office@example.test' ), $this->agent->ID );
		$this->rest( 'POST', '/aftercare/v1/tickets/' . $ticket['id'] . '/messages', array( 'body' => 'We sent a new one.' ), $this->agent->ID );
		$mails = $this->deliver_outbox();
		$this->assertCount( 1, $mails );
		$this->assertSame( 'gwen@example.test', $mails[0]['to'] );
		$this->assertContains( 'Cc: partner@example.test, office@example.test', MailHeadersTest::lines( $mails[0] ) );

		$this->post( self::mail( array( 'To' => $this->reply->for_ticket( (int) $ticket['number'] ) ) ) );
		foreach ( $this->deliver_outbox() as $mail ) {
			$this->assertEmpty( preg_grep( '/^Cc:/i', MailHeadersTest::lines( $mail ) ), 'the agents\' notice copies no one in' );
		}
	}

	public function test_a_reply_from_a_copied_in_address_joins_the_ticket_and_a_strangers_does_not(): void {
		$ticket = $this->guest_ticket( array( 'email' => 'gwen@example.test' ) );
		$tagged = $this->reply->for_ticket( (int) $ticket['number'] );
		$before = $this->post( self::mail( array( 'From' => 'Pat <partner@example.test>', 'To' => $tagged ) ) )->get_data();
		$this->assertNotSame( $ticket['id'], $before['ticket_id'], 'not yet copied in: a new ticket' );
		$this->assertSame( 'not_customer', $before['reason_code'] );

		$this->patch( $ticket['id'], array( 'partner@example.test' ), $this->agent->ID );
		$after = $this->post( self::mail( array( 'From' => 'Pat <Partner@Example.test>', 'To' => $tagged ) ) )->get_data();
		$this->assertSame( 'stored', $after['outcome'] );
		$this->assertSame( $ticket['id'], $after['ticket_id'], 'copied in: the reply joins the ticket' );
		$this->assertSame( '', $after['reason_code'] );
		$thread = $this->thread( $ticket['id'] );
		$this->assertSame( 'partner@example.test', end( $thread )['email']['sender'] );
		$this->assertTrue( end( $thread )['email']['matched'] );

		$subject = $this->post( self::mail( array( 'From' => 'partner@example.test', 'Subject' => 'Re: [#' . $ticket['number'] . '] parcel' ) ) )->get_data();
		$this->assertSame( $ticket['id'], $subject['ticket_id'], 'by the number in the subject too' );

		$eve = $this->post( self::mail( array( 'From' => 'eve@example.test', 'To' => $tagged ) ) )->get_data();
		$this->assertNotSame( $ticket['id'], $eve['ticket_id'], 'anyone else still opens a new ticket' );
		$this->assertSame( 'not_customer', $eve['reason_code'] );
	}

	public function test_erasing_a_copied_in_person_takes_them_off_the_tickets(): void {
		$ticket = $this->guest_ticket( array( 'email' => 'gwen@example.test' ) );
		$this->patch( $ticket['id'], array( 'partner@example.test', 'office@example.test' ), $this->agent->ID );
		$eraser = apply_filters( 'wp_privacy_personal_data_erasers', array() )['aftercare-tickets']['callback'];
		do {
			$result = call_user_func( $eraser, 'partner@example.test', 1 );
		} while ( ! $result['done'] );
		$this->assertTrue( $result['items_removed'] );
		$this->assertSame( array( 'office@example.test' ), Plugin::instance()->tickets->get( $ticket['id'] )->cc );
	}
}
