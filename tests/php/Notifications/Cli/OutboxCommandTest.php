<?php
/**
 * `wp aftercare outbox list|retry`: the queue as rows in every format, and failed mail sent again
 * through the notifier (a fresh set of attempts, the back-off again should it fail), refusing
 * unknown ids, mail that has not failed and bad arguments with a message.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Notifications\Cli;

use Aftercare\Notifications\Kind;
use Aftercare\Notifications\Notifier;
use Aftercare\Notifications\Outbox;
use Aftercare\Tests\Cli\RunsCommands;
use Aftercare\Tests\Tickets\Rest\TicketRestTestCase;

/**
 * @group sqlite
 */
final class OutboxCommandTest extends TicketRestTestCase {

	use RunsCommands;

	/** @var array<int, array<string, mixed>> What wp_mail() was given. */
	private array $mails = array();

	/** Whether wp_mail() fails. */
	private bool $failing = false;

	private \Closure $mailer;

	protected function setUp(): void {
		parent::setUp();
		$this->mailer = function ( $value, array $atts ) {
			if ( $this->failing ) {
				return false;
			}
			$this->mails[] = $atts;
			return true;
		};
		add_filter( 'pre_wp_mail', $this->mailer, 10, 2 );
		global $wpdb;
		// Only this test's mail in the queue (rows other tests committed come back at the rollback).
		$wpdb->query( "DELETE FROM {$wpdb->prefix}aftercare_outbox" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
	}

	protected function tearDown(): void {
		remove_filter( 'pre_wp_mail', $this->mailer );
		parent::tearDown();
	}

	/**
	 * A new guest ticket's acknowledgement, failed for good after its attempts.
	 */
	private function failed_ack( string $email ): int {
		global $wpdb;
		$ticket = $this->guest_ticket( array( 'email' => $email ) );
		$table  = $wpdb->prefix . 'aftercare_outbox';
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$id = (int) $wpdb->get_var( $wpdb->prepare( "SELECT id FROM {$table} WHERE dedupe_key = %s", 'ack:' . $ticket['id'] ) );
		$wpdb->update(
			$table,
			array(
				'status'     => Outbox::FAILED,
				'attempts'   => count( Outbox::BACKOFF ) + 1,
				'last_error' => 'SMTP connect() failed.',
			),
			array( 'id' => $id )
		);
		return $id;
	}

	private function row( int $id ): object {
		global $wpdb;
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		return $wpdb->get_row( $wpdb->prepare( "SELECT * FROM {$wpdb->prefix}aftercare_outbox WHERE id = %d", $id ) );
	}

	private function newest_pending(): int {
		global $wpdb;
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		return (int) $wpdb->get_var( $wpdb->prepare( "SELECT id FROM {$wpdb->prefix}aftercare_outbox WHERE status = %s ORDER BY id DESC LIMIT 1", Outbox::PENDING ) );
	}

	public function test_list_shows_the_newest_mail_of_a_status_in_the_format_asked(): void {
		$failed = $this->failed_ack( 'gwen@example.test' );
		$this->guest_ticket(); // Pending mail, which --status=failed leaves out.

		$output = $this->wp( 'aftercare outbox', 'list_', array(), array( 'status' => 'failed', 'format' => 'csv' ) );

		$this->assertCount( 1, $output->tables );
		$table = $output->tables[0];
		$this->assertSame( 'csv', $table['format'] );
		$fields = array( 'id', 'type', 'recipient', 'status', 'attempts', 'created', 'next_attempt', 'sent', 'ticket', 'return', 'error' );
		$this->assertSame( $fields, $table['fields'] );
		$this->assertSame( array( Outbox::FAILED ), array_unique( array_column( $table['rows'], 'status' ) ) );
		$mine = array_values( array_filter( $table['rows'], static fn( array $row ): bool => $failed === $row['id'] ) );
		$this->assertCount( 1, $mine );
		$this->assertSame( Kind::TicketReceived->value, $mine[0]['type'] );
		$this->assertSame( 'gwen@example.test', $mine[0]['recipient'] );
		$this->assertSame( 'SMTP connect() failed.', $mine[0]['error'] );
		$this->assertSame( '', $mine[0]['next_attempt'], 'a failed mail has no next attempt' );
		$this->assertMatchesRegularExpression( '/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/', $mine[0]['created'] );

		global $wpdb;
		$skipped = $this->newest_pending();
		$wpdb->update( $wpdb->prefix . 'aftercare_outbox', array( 'status' => Outbox::SKIPPED, 'last_error' => Outbox::GONE ), array( 'id' => $skipped ) );
		$rows = $this->wp( 'aftercare outbox', 'list_', array(), array( 'status' => 'skipped' ) )->tables[0]['rows'];
		$this->assertSame( array( $skipped ), array_column( $rows, 'id' ) );
		$this->assertSame( 'The ticket or message no longer exists.', $rows[0]['error'], 'our reason in words' );

		$all = $this->wp( 'aftercare outbox', 'list_', array(), array( 'limit' => '2' ) )->tables[0];
		$this->assertSame( 'table', $all['format'] );
		$this->assertCount( 2, $all['rows'], '--limit' );
		$this->assertGreaterThan( $all['rows'][1]['id'], $all['rows'][0]['id'], 'newest first' );
		$pending = $this->wp( 'aftercare outbox', 'list_', array(), array( 'status' => 'pending' ) )->tables[0]['rows'];
		$this->assertNotSame( array(), $pending );
		$this->assertNotContains( '', array_column( $pending, 'next_attempt' ), 'a pending mail says when it goes' );
	}

	public function test_list_refuses_an_unknown_format_status_or_limit(): void {
		$this->wp_fails( 'Unknown format "xml". Use one of: table, csv, json, yaml, count.', 'aftercare outbox', 'list_', array(), array( 'format' => 'xml' ) );
		$this->wp_fails( 'Unknown status "lost"', 'aftercare outbox', 'list_', array(), array( 'status' => 'lost' ) );
		$output = $this->wp_fails( '--limit must be a whole number above 0, not "0".', 'aftercare outbox', 'list_', array(), array( 'limit' => '0' ) );
		$this->assertSame( array(), $output->tables, 'nothing listed' );
	}

	public function test_retry_sends_a_failed_mail_now_with_a_fresh_set_of_attempts(): void {
		$id = $this->failed_ack( 'gwen@example.test' );

		$output = $this->wp( 'aftercare outbox', 'retry', array( (string) $id ) );

		$row = $this->row( $id );
		$this->assertSame( Outbox::SENT, $row->status );
		$this->assertSame( '1', (string) $row->attempts );
		$this->assertSame( array( 'gwen@example.test' ), array_merge( ...array_map( static fn( array $mail ): array => (array) $mail['to'], $this->mails ) ) );
		$this->assertSame( array( 'Sent 1 mail.' ), $output->said( 'success' ) );
		$this->assertSame( array( 1, 1, true ), array( $output->bars[0]->total, $output->bars[0]->ticks, $output->bars[0]->finished ) );
	}

	public function test_a_retry_that_fails_again_goes_back_to_the_queue_s_back_off_and_the_command_fails(): void {
		global $wpdb;
		$id = $this->failed_ack( 'gwen@example.test' );
		// The agents' copies of the new ticket are due now: out of the way, so only the retry waits.
		$wpdb->query( $wpdb->prepare( "DELETE FROM {$wpdb->prefix}aftercare_outbox WHERE id <> %d", $id ) );
		self::clear_runs( Notifier::HOOK );
		$this->failing = true;

		$output = $this->wp_fails( 'Sent 0 of 1 mails.', 'aftercare outbox', 'retry', array( (string) $id ) );

		$row = $this->row( $id );
		$this->assertSame( Outbox::PENDING, $row->status, 'the queue has it again' );
		$this->assertSame( '1', (string) $row->attempts );
		$this->assertSame( Outbox::REFUSED, $row->last_error, 'our reason is stored as a code' );
		$this->assertEqualsWithDelta( time() + Outbox::BACKOFF[0], (int) $row->available_at, 5 );
		$this->assertSame( (int) $row->available_at, self::next_run( Notifier::HOOK ), 'the queue is woken for it' );
		$this->assertCount( 1, $output->said( 'warning' ) );
		$this->assertStringStartsWith( "Mail {$id} failed again (The mailer refused the message.); the queue tries again at ", $output->said( 'warning' )[0] );
	}

	public function test_retry_all_sends_every_failed_mail_and_leaves_the_rest(): void {
		global $wpdb;
		$first   = $this->failed_ack( 'first@example.test' );
		$second  = $this->failed_ack( 'second@example.test' );
		$pending = $this->newest_pending();

		$output = $this->wp( 'aftercare outbox', 'retry', array(), array( 'all' => true ) );

		$this->assertSame( Outbox::SENT, $this->row( $first )->status );
		$this->assertSame( Outbox::SENT, $this->row( $second )->status );
		$this->assertSame( Outbox::PENDING, $this->row( $pending )->status, 'only failed mail is retried' );
		$this->assertSame( array( 2, 2, true ), array( $output->bars[0]->total, $output->bars[0]->ticks, $output->bars[0]->finished ) );
		$this->assertSame( array( 'Sent 2 mails.' ), $output->said( 'success' ) );
		$this->assertSame( '0', $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM {$wpdb->prefix}aftercare_outbox WHERE status = %s", Outbox::FAILED ) ) );

		$none = $this->wp( 'aftercare outbox', 'retry', array(), array( 'all' => true ) );
		$this->assertSame( array( 'No failed mail to send.' ), $none->said( 'success' ) );
	}

	public function test_an_unknown_id_or_a_mail_that_has_not_failed_is_refused_by_name_and_the_others_still_go(): void {
		global $wpdb;
		$failed  = $this->failed_ack( 'gwen@example.test' );
		$pending = $this->newest_pending();
		$before  = $this->row( $pending );

		$output = $this->wp_fails( 'Sent 1 of 3 mails.', 'aftercare outbox', 'retry', array( '999999', (string) $pending, (string) $failed ) );

		$this->assertSame(
			array( 'Mail 999999: That mail is not in the outbox.', "Mail {$pending}: Only a mail that failed can be tried again." ),
			$output->said( 'warning' )
		);
		$this->assertEquals( $before, $this->row( $pending ), 'a pending mail is left to the queue, untouched' );
		$this->assertSame( Outbox::SENT, $this->row( $failed )->status );
	}

	public function test_ids_and_all_are_one_or_the_other_and_ids_are_numbers(): void {
		$id = $this->failed_ack( 'gwen@example.test' );
		$this->wp_fails( 'Name the ids, or pass --all (not both).', 'aftercare outbox', 'retry' );
		$this->wp_fails( 'Name the ids, or pass --all (not both).', 'aftercare outbox', 'retry', array( (string) $id ), array( 'all' => true ) );
		$this->wp_fails( '"12abc" is not an id.', 'aftercare outbox', 'retry', array( (string) $id, '12abc' ) );
		$this->assertSame( Outbox::FAILED, $this->row( $id )->status, 'nothing was sent' );
		$this->assertSame( array(), $this->mails );
	}
}
