<?php
/**
 * What tests of mail in share: the store's support address, mail posted to the signed webhook,
 * a plain mail with chosen headers, and the thread and log as they were written.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Mail;

use Aftercare\Mail\ReplyAddress;
use Aftercare\Settings\Settings;
use Aftercare\Tests\Tickets\Rest\TicketRestTestCase;

abstract class MailTestCase extends TicketRestTestCase {

	protected const CORPUS = AFTERCARE_DIR . 'tests/fixtures/mail/';

	protected ReplyAddress $reply;

	protected function setUp(): void {
		parent::setUp();
		( new Settings() )->update( array( 'support_email' => 'help@shop.example' ) );
		$this->reply = new ReplyAddress( new Settings() );
	}

	/**
	 * Posts a raw message to the webhook, signed with the store's secret unless told otherwise.
	 */
	protected function post( string $raw, ?string $signature = null ): \WP_REST_Response {
		$request = new \WP_REST_Request( 'POST', '/aftercare/v1/inbound/email' );
		$request->set_header( 'Content-Type', 'message/rfc822' );
		$request->set_header( 'X-Aftercare-Signature', $signature ?? $this->reply->signature( $raw ) );
		$request->set_body( $raw );
		return rest_get_server()->dispatch( $request );
	}

	/**
	 * A plain-text mail with the given headers (From, To, Subject… override the defaults).
	 *
	 * @param array<string, string> $headers Header name => value.
	 */
	protected static function mail( array $headers, string $body = "Any news about my parcel?\r\n\r\nGwen" ): string {
		$headers += array(
			'From'         => 'Gwen <gwen@example.test>',
			'To'           => 'help@shop.example',
			'Subject'      => 'Re: your request',
			'Date'         => 'Fri, 4 Dec 2026 10:00:00 +0000',
			'Message-ID'   => '<' . wp_generate_password( 16, false ) . '@mail.example.test>',
			'MIME-Version' => '1.0',
			'Content-Type' => 'text/plain; charset=UTF-8',
		);
		$lines = array();
		foreach ( $headers as $name => $value ) {
			$lines[] = $name . ': ' . $value;
		}
		return implode( "\r\n", $lines ) . "\r\n\r\n" . $body . "\r\n";
	}

	protected static function corpus_mail( string $name ): string {
		return (string) file_get_contents( self::CORPUS . $name . '.eml' ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents
	}

	protected function count_received(): int {
		global $wpdb;
		return (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$wpdb->prefix}aftercare_received_mail" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
	}

	protected function outbox_rows( int $ticket_id ): int {
		global $wpdb;
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		return (int) $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM {$wpdb->prefix}aftercare_outbox WHERE ticket_id = %d", $ticket_id ) );
	}

	/**
	 * The thread as an agent reads it.
	 *
	 * @return array<int, array<string, mixed>>
	 */
	protected function thread( int $ticket_id ): array {
		return $this->rest( 'GET', '/aftercare/v1/tickets/' . $ticket_id . '/messages', array(), $this->agent->ID )->get_data();
	}

	/**
	 * A row of the log of received mail, as stored.
	 */
	protected function received( int $id ): ?object {
		global $wpdb;
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		return $wpdb->get_row( $wpdb->prepare( "SELECT * FROM {$wpdb->prefix}aftercare_received_mail WHERE id = %d", $id ) );
	}
}
