<?php
/**
 * The log of received mail over REST (supervisors only): newest first, filtered and paged; one
 * entry with its raw message; a mail that needs attention tried again or dismissed, and nothing
 * else; the reason stored as a code and put into words when shown.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Mail\Rest;

use Aftercare\Mail\Outcome;
use Aftercare\Mail\Reason;
use Aftercare\Mail\ReceivedMailRepository;
use Aftercare\Infrastructure\SystemClock;
use Aftercare\Plugin;
use Aftercare\Tests\Mail\MailTestCase;

/**
 * @group sqlite
 */
final class ReceivedMailRouteTest extends MailTestCase {

	private const ROUTE = '/aftercare/v1/mail/received';

	private function repository(): ReceivedMailRepository {
		global $wpdb;
		return new ReceivedMailRepository( $wpdb, new SystemClock() );
	}

	/**
	 * A mail recorded as needing attention, as a failed write would leave it.
	 */
	private function needing_attention( string $raw ): int {
		$hash = hash( 'sha256', $raw );
		$id   = $this->repository()->insert(
			'kept-' . $hash,
			$hash,
			'imap',
			'gwen@example.test',
			'Kept',
			Outcome::NeedsAttention,
			Reason::encode( array( new Reason( 'not_written', array( 'detail' => 'Deadlock found' ) ) ) ),
			$raw
		);
		$this->assertGreaterThan( 0, $id );
		return $id;
	}

	public function test_only_supervisors_read_the_log(): void {
		$this->post( self::mail( array() ) );
		$this->assertErrorCode( 'aftercare_forbidden', $this->rest( 'GET', self::ROUTE ), 401 );
		$this->assertErrorCode( 'aftercare_forbidden', $this->rest( 'GET', self::ROUTE, array(), $this->agent->ID ), 403 );
		$this->assertErrorCode( 'aftercare_forbidden', $this->rest( 'GET', self::ROUTE, array(), $this->customer_a->ID ), 403 );
		$id = (int) $this->rest( 'GET', self::ROUTE, array(), $this->supervisor->ID )->get_data()[0]['id'];
		$this->assertErrorCode( 'aftercare_forbidden', $this->rest( 'GET', self::ROUTE . '/' . $id, array(), $this->agent->ID ), 403 );
		$this->assertErrorCode( 'aftercare_forbidden', $this->rest( 'DELETE', self::ROUTE . '/' . $id, array(), $this->agent->ID ), 403 );
		$this->assertErrorCode( 'aftercare_forbidden', $this->rest( 'POST', self::ROUTE . '/' . $id . '/retry', array(), $this->agent->ID ), 403 );
		$this->assertSame( 1, $this->count_received(), 'nothing changed' );
	}

	public function test_the_log_is_newest_first_filtered_and_paged_with_reasons_in_words(): void {
		$ticket = $this->guest_ticket( array( 'email' => 'gwen@example.test' ) );
		$this->post( self::mail( array( 'Subject' => 'First' ) ) );
		$this->post( self::mail( array( 'Subject' => 'Away', 'Auto-Submitted' => 'auto-replied' ) ) );
		$this->post( self::mail( array( 'Subject' => 'Not hers', 'From' => 'eve@example.test', 'To' => $this->reply->for_ticket( (int) $ticket['number'] ) ) ) );
		$this->post( "Subject: broken\r\nContent-Type: multipart/mixed; boundary=\"zz\"\r\n\r\nno parts here\r\n" );

		$response = $this->rest( 'GET', self::ROUTE, array( 'per_page' => 3 ), $this->supervisor->ID );
		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( '4', $response->get_headers()['X-WP-Total'] );
		$this->assertSame( '2', $response->get_headers()['X-WP-TotalPages'] );
		$items = $response->get_data();
		$this->assertSame( array( '', 'Not hers', 'Away' ), array_column( $items, 'subject' ), 'an unreadable mail has no subject we know' );
		$this->assertArrayNotHasKey( 'raw', $items[0], 'the list carries no raw messages' );

		$this->assertSame( 'needs_attention', $items[0]['outcome'] );
		$this->assertSame( 'boundary_missing', $items[0]['reason_code'] );
		$this->assertSame( 'The boundary "zz" of a multipart/mixed part never appears.', $items[0]['reason'] );
		$this->assertSame( 'webhook', $items[0]['source'] );
		$this->assertNull( $items[0]['ticket_number'] );

		$this->assertSame( 'stored', $items[1]['outcome'] );
		$this->assertSame( 'not_customer', $items[1]['reason_code'] );
		$this->assertSame( sprintf( 'A reply to ticket #%d from someone other than its customer: opened a new ticket.', $ticket['number'] ), $items[1]['reason'] );
		$this->assertSame( 'eve@example.test', $items[1]['sender'] );
		$this->assertSame( Plugin::instance()->tickets->get( $items[1]['ticket_id'] )->number, $items[1]['ticket_number'] );
		$this->assertMatchesRegularExpression( '/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/', $items[1]['received'] );

		$away = $items[2];
		$this->assertSame( array( 'ignored', 'auto_reply' ), array( $away['outcome'], $away['reason_code'] ) );
		$this->assertSame( 'Auto-reply: Auto-Submitted: auto-replied', $away['reason'] );

		$second = $this->rest( 'GET', self::ROUTE, array( 'per_page' => 3, 'page' => 2 ), $this->supervisor->ID )->get_data();
		$this->assertSame( array( 'First' ), array_column( $second, 'subject' ) );
		$this->assertSame( '', $second[0]['reason'] );
		$this->assertSame( '', $second[0]['reason_code'] );

		$kept = $this->rest( 'GET', self::ROUTE, array( 'outcome' => 'needs_attention' ), $this->supervisor->ID );
		$this->assertSame( array( $items[0]['id'] ), array_column( $kept->get_data(), 'id' ) );
		$this->assertSame( '1', $kept->get_headers()['X-WP-Total'] );
		$this->assertErrorCode( 'rest_invalid_param', $this->rest( 'GET', self::ROUTE, array( 'outcome' => 'duplicate' ), $this->supervisor->ID ), 400 );
		$this->assertErrorCode( 'rest_invalid_param', $this->rest( 'GET', self::ROUTE, array( 'per_page' => 101 ), $this->supervisor->ID ), 400 );
	}

	public function test_reasons_are_stored_as_codes_and_older_english_rows_still_show(): void {
		$receipt = $this->post( self::mail( array( 'From' => 'MAILER-DAEMON@mx.example.test' ) ) )->get_data();
		$stored  = json_decode( (string) $this->received( $receipt['received_id'] )->reason, true );
		$this->assertSame( array( array( 'code' => 'bounce', 'args' => array( 'evidence' => 'From: mailer-daemon@mx.example.test' ) ) ), $stored );

		global $wpdb;
		$wpdb->update( $wpdb->prefix . 'aftercare_received_mail', array( 'reason' => 'From our own support address.' ), array( 'id' => $receipt['received_id'] ) );
		$item = $this->rest( 'GET', self::ROUTE . '/' . $receipt['received_id'], array(), $this->supervisor->ID )->get_data();
		$this->assertSame( 'From our own support address.', $item['reason'] );
		$this->assertSame( Reason::LEGACY, $item['reason_code'] );
	}

	public function test_one_entry_carries_its_raw_message_cut_after_256_kb(): void {
		$raw  = self::mail( array( 'Subject' => 'Long' ), str_repeat( "A long line of text.\r\n", 20000 ) );
		$id   = $this->post( $raw )->get_data()['received_id'];
		$item = $this->rest( 'GET', self::ROUTE . '/' . $id, array(), $this->supervisor->ID )->get_data();
		$this->assertTrue( $item['raw_truncated'] );
		$this->assertSame( substr( $raw, 0, 262144 ), $item['raw'] );

		$short = self::mail( array( 'Subject' => 'Short' ) );
		$item  = $this->rest( 'GET', self::ROUTE . '/' . $this->post( $short )->get_data()['received_id'], array(), $this->supervisor->ID )->get_data();
		$this->assertFalse( $item['raw_truncated'] );
		$this->assertSame( $short, $item['raw'] );

		$this->assertErrorCode( 'aftercare_not_found', $this->rest( 'GET', self::ROUTE . '/999999', array(), $this->supervisor->ID ), 404 );
	}

	public function test_a_mail_needing_attention_is_tried_again_through_the_inbox(): void {
		$id       = $this->needing_attention( self::mail( array( 'Subject' => 'Lost in a deadlock', 'Message-ID' => '<kept@mail.example.test>' ) ) );
		$response = $this->rest( 'POST', self::ROUTE . '/' . $id . '/retry', array(), $this->supervisor->ID );
		$this->assertSame( 200, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		$item = $response->get_data();
		$this->assertSame( $id, $item['id'], 'the same entry, rewritten' );
		$this->assertSame( 'stored', $item['outcome'] );
		$this->assertSame( '', $item['reason'] );
		$ticket = Plugin::instance()->tickets->get( $item['ticket_id'] );
		$this->assertSame( 'Lost in a deadlock', $ticket->subject );
		$this->assertSame( 'kept@mail.example.test', $this->received( $id )->mail_id, 'now logged under its Message-ID' );
		$this->assertSame( 1, $this->count_received() );

		$this->assertErrorCode( 'aftercare_not_needing_attention', $this->rest( 'POST', self::ROUTE . '/' . $id . '/retry', array(), $this->supervisor->ID ), 409 );
		$this->assertCount( 1, $this->thread( $ticket->id ), 'written once' );
		$this->assertErrorCode( 'aftercare_not_found', $this->rest( 'POST', self::ROUTE . '/999999/retry', array(), $this->supervisor->ID ), 404 );
	}

	public function test_a_retry_that_still_fails_keeps_the_entry_with_the_new_reason(): void {
		$id   = $this->needing_attention( "Subject: still broken\r\n\r\nno sender at all\r\n" );
		$item = $this->rest( 'POST', self::ROUTE . '/' . $id . '/retry', array(), $this->supervisor->ID )->get_data();
		$this->assertSame( array( $id, 'needs_attention', 'no_sender' ), array( $item['id'], $item['outcome'], $item['reason_code'] ) );
	}

	public function test_a_retried_mail_already_logged_elsewhere_is_a_duplicate_and_its_entry_goes(): void {
		$raw     = self::mail( array( 'Message-ID' => '<twice@mail.example.test>' ) );
		$first   = $this->post( $raw )->get_data();
		$id      = $this->needing_attention( $raw . ' ' );
		$item    = $this->rest( 'POST', self::ROUTE . '/' . $id . '/retry', array(), $this->supervisor->ID )->get_data();
		$this->assertSame( $first['received_id'], $item['id'], 'answers the entry that holds the mail' );
		$this->assertNull( $this->received( $id ) );
		$this->assertCount( 1, $this->thread( $first['ticket_id'] ) );
	}

	public function test_only_a_mail_needing_attention_is_dismissed(): void {
		$stored = $this->post( self::mail( array() ) )->get_data()['received_id'];
		$this->assertErrorCode( 'aftercare_not_needing_attention', $this->rest( 'DELETE', self::ROUTE . '/' . $stored, array(), $this->supervisor->ID ), 409 );
		$this->assertNotNull( $this->received( $stored ), 'a stored mail keeps its entry: it keeps a second delivery out' );

		$kept     = $this->needing_attention( "Subject: junk\r\n\r\n?\r\n" );
		$response = $this->rest( 'DELETE', self::ROUTE . '/' . $kept, array(), $this->supervisor->ID );
		$this->assertSame( 200, $response->get_status() );
		$this->assertTrue( $response->get_data()['deleted'] );
		$this->assertSame( $kept, $response->get_data()['previous']['id'] );
		$this->assertNull( $this->received( $kept ), 'row and raw message gone' );
		$this->assertErrorCode( 'aftercare_not_found', $this->rest( 'DELETE', self::ROUTE . '/' . $kept, array(), $this->supervisor->ID ), 404 );
	}
}
