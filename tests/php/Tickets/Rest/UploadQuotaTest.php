<?php
/**
 * Upload quotas of customers and guests, through the REST routes: per ticket (files and bytes,
 * 413) and per client per day (bytes, 429). A refused upload writes nothing and spends nothing;
 * agents have no quota.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Tickets\Rest;

final class UploadQuotaTest extends TicketRestTestCase {

	protected function tearDown(): void {
		remove_all_filters( 'aftercare_attachment_quotas' );
		parent::tearDown();
	}

	public function test_a_ticket_holds_at_most_its_quota_of_customer_files(): void {
		$this->quotas( array( 'ticket_files' => 3 ) );
		$ticket = $this->guest_ticket();
		$path   = '/aftercare/v1/tickets/' . $ticket['id'] . '/messages';
		$this->assertSame(
			201,
			$this->multipart(
				$path,
				array( 'body' => 'Two photos' ),
				array( self::text( 'a.txt', 10 ), self::text( 'b.txt', 10 ) ),
				0,
				$ticket['access_token']
			)->get_status()
		);

		$before = $this->snapshot();
		$files  = $this->stored_files();
		$over   = $this->multipart( $path, array( 'body' => 'Two more' ), array( self::text( 'c.txt', 10 ), self::text( 'd.txt', 10 ) ), 0, $ticket['access_token'] );
		$this->assertErrorCode( 'aftercare_attachment_quota', $over, 413 );
		$this->assertStringContainsString( '3 files', $over->get_data()['message'] );
		$this->assertSame( $before, $this->snapshot(), 'no message, no attachment row' );
		$this->assertSame( $files, $this->stored_files(), 'no file stored' );

		// The agent's files are not the customer's, and agents have no quota.
		$this->assertSame(
			201,
			$this->multipart( $path, array( 'body' => 'Labels' ), array( self::text( 'e.txt', 10 ), self::text( 'f.txt', 10 ) ), $this->agent->ID )->get_status()
		);
		$this->assertSame(
			201,
			$this->multipart( $path, array( 'body' => 'One more' ), array( self::text( 'g.txt', 10 ) ), 0, $ticket['access_token'] )->get_status()
		);
		$this->assertErrorCode(
			'aftercare_attachment_quota',
			$this->multipart( $path, array( 'body' => 'And another' ), array( self::text( 'h.txt', 10 ) ), 0, $ticket['access_token'] ),
			413
		);
		$this->assertSame( 201, $this->multipart( $path, array( 'body' => 'Text only is fine' ), array(), 0, $ticket['access_token'] )->get_status() );
	}

	public function test_a_ticket_holds_at_most_its_quota_of_customer_bytes(): void {
		$this->quotas( array( 'ticket_bytes' => 500 ) );
		$customer = $this->customer_a;
		$created  = $this->multipart(
			'/aftercare/v1/tickets',
			array(
				'subject' => 'Broken zip',
				'message' => 'Log attached',
			),
			array( self::text( 'log.txt', 400 ) ),
			$customer->ID
		);
		$this->assertSame( 201, $created->get_status() );
		$path = '/aftercare/v1/tickets/' . $created->get_data()['id'] . '/messages';

		$before = $this->snapshot();
		$this->assertErrorCode(
			'aftercare_attachment_quota',
			$this->multipart( $path, array( 'body' => 'Another log' ), array( self::text( 'more.txt', 200 ) ), $customer->ID ),
			413
		);
		$this->assertSame( $before, $this->snapshot() );
		$this->assertSame( 201, $this->multipart( $path, array( 'body' => 'A short one' ), array( self::text( 'short.txt', 100 ) ), $customer->ID )->get_status() );

		// A new ticket that would hold too much is refused whole: no ticket, no message.
		$before = $this->snapshot();
		$this->assertErrorCode(
			'aftercare_attachment_quota',
			$this->multipart(
				'/aftercare/v1/tickets',
				array(
					'subject' => 'Huge logs',
					'message' => 'See files',
				),
				array( self::text( 'one.txt', 300 ), self::text( 'two.txt', 300 ) ),
				$customer->ID
			),
			413
		);
		$this->assertSame( $before, $this->snapshot() );
	}

	public function test_a_client_uploads_at_most_its_daily_quota_and_a_refusal_spends_nothing(): void {
		$this->quotas( array( 'daily_bytes' => 300 ) );
		$this->assertSame( 201, $this->guest_upload( 'first@example.test', 200 )->get_status() );

		$before  = $this->snapshot();
		$files   = $this->stored_files();
		$refused = $this->guest_upload( 'second@example.test', 200 );
		$this->assertErrorCode( 'aftercare_throttled', $refused, 429 );
		$this->assertGreaterThan( 0, (int) $refused->get_headers()['Retry-After'] );
		$this->assertStringContainsString( 'a day', $refused->get_data()['message'] );
		$this->assertSame( $before, $this->snapshot(), 'no ticket, message or token' );
		$this->assertSame( $files, $this->stored_files() );

		// What was refused was not counted: what is left of the day still fits.
		$this->assertSame( 201, $this->guest_upload( 'third@example.test', 90 )->get_status() );
		$this->assertErrorCode( 'aftercare_throttled', $this->guest_upload( 'fourth@example.test', 20 ), 429 );
		// Guests without files, other clients and agents are not held back.
		$this->assertSame( 201, $this->guest_upload( 'fifth@example.test', 0 )->get_status() );
		$ticket = $this->customer_ticket( $this->customer_b );
		$this->assertSame(
			201,
			$this->multipart(
				'/aftercare/v1/tickets/' . $ticket['id'] . '/messages',
				array( 'body' => 'Receipt' ),
				array( self::text( 'receipt.txt', 250 ) ),
				$this->customer_b->ID
			)->get_status()
		);
		$this->assertSame(
			201,
			$this->multipart(
				'/aftercare/v1/tickets/' . $ticket['id'] . '/messages',
				array( 'body' => 'Label' ),
				array( self::text( 'label.txt', 400 ) ),
				$this->agent->ID
			)->get_status()
		);

		// A day later the client may upload again.
		global $wpdb;
		$wpdb->query( "UPDATE {$wpdb->prefix}aftercare_rate_limits SET window_ends = 1" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$this->assertSame( 201, $this->guest_upload( 'sixth@example.test', 200 )->get_status() );
	}

	private function guest_upload( string $email, int $bytes ): \WP_REST_Response {
		return $this->multipart(
			'/aftercare/v1/tickets',
			array(
				'name'    => 'Gwen',
				'email'   => $email,
				'subject' => 'Damaged',
				'message' => 'See file',
			),
			$bytes ? array( self::text( 'notes.txt', $bytes ) ) : array()
		);
	}

	/**
	 * @param array<string, int> $quotas Quotas to change.
	 */
	private function quotas( array $quotas ): void {
		add_filter( 'aftercare_attachment_quotas', static fn( array $defaults ): array => $quotas + $defaults );
	}

	/**
	 * A plain-text upload of exactly $bytes bytes.
	 *
	 * @return array{0: string, 1: string}
	 */
	private static function text( string $name, int $bytes ): array {
		return array( $name, str_repeat( 'a', $bytes - 1 ) . "\n" );
	}

	/**
	 * @return string[]
	 */
	private function stored_files(): array {
		return glob( wp_upload_dir()['basedir'] . '/aftercare-private/*' ) ?: array();
	}
}
