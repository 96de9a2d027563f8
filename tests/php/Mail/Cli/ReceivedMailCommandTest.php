<?php
/**
 * `wp aftercare received-mail list|retry`: the log with reasons in words, and mail that needs
 * attention run through the inbox again, oldest first (so a reply finds the ticket its earlier
 * mail opens), refusing unknown ids and mail that does not need attention.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Mail\Cli;

use Aftercare\Infrastructure\SystemClock;
use Aftercare\Mail\Outcome;
use Aftercare\Mail\Reason;
use Aftercare\Mail\ReceivedMailRepository;
use Aftercare\Plugin;
use Aftercare\Tests\Cli\RunsCommands;
use Aftercare\Tests\Mail\MailTestCase;

/**
 * @group sqlite
 */
final class ReceivedMailCommandTest extends MailTestCase {

	use RunsCommands;

	protected function setUp(): void {
		parent::setUp();
		global $wpdb;
		// Only this test's mail in the log (rows other tests committed come back at the rollback).
		$wpdb->query( "DELETE FROM {$wpdb->prefix}aftercare_received_mail" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
	}

	/**
	 * A mail recorded as needing attention, as a failed write leaves it.
	 */
	private function needing_attention( string $raw ): int {
		global $wpdb;
		$hash = hash( 'sha256', $raw );
		$id   = ( new ReceivedMailRepository( $wpdb, new SystemClock() ) )->insert(
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

	public function test_list_shows_the_log_of_one_outcome_with_reasons_in_words(): void {
		$stored = $this->post( self::mail( array( 'Subject' => 'Parcel late' ) ) )->get_data();
		$kept   = $this->needing_attention( self::mail( array( 'Subject' => 'Lost in a deadlock' ) ) );

		$table = $this->wp( 'aftercare received-mail', 'list_', array(), array( 'outcome' => 'needs_attention', 'format' => 'json' ) )->tables[0];

		$this->assertSame( 'json', $table['format'] );
		$this->assertSame( array( 'id', 'received', 'source', 'sender', 'subject', 'outcome', 'reason', 'ticket' ), $table['fields'] );
		$this->assertSame( array( $kept ), array_column( $table['rows'], 'id' ) );
		$row = $table['rows'][0];
		$this->assertSame( array( 'imap', 'gwen@example.test', 'needs_attention', '' ), array( $row['source'], $row['sender'], $row['outcome'], $row['ticket'] ) );
		$this->assertSame( 'Not written: Deadlock found', $row['reason'], 'the stored code in words' );

		$all = $this->wp( 'aftercare received-mail', 'list_' )->tables[0]['rows'];
		$this->assertSame( array( $kept, (int) $stored['received_id'] ), array_column( $all, 'id' ), 'newest first' );
		$this->assertSame( Plugin::instance()->tickets->get( (int) $stored['ticket_id'] )->number, $all[1]['ticket'], 'the ticket it went to' );

		$unknown = 'Unknown outcome "lost". Use one of: stored, duplicate, ignored, needs_attention.';
		$this->wp_fails( $unknown, 'aftercare received-mail', 'list_', array(), array( 'outcome' => 'lost' ) );
		$this->wp_fails( 'Unknown format "xml"', 'aftercare received-mail', 'list_', array(), array( 'format' => 'xml' ) );
	}

	public function test_retry_all_runs_every_mail_needing_attention_oldest_first_and_reports_the_ones_still_failing(): void {
		$opening = $this->needing_attention( self::mail( array( 'Subject' => 'Lost in a deadlock', 'Message-ID' => '<first@mail.example.test>' ) ) );
		$reply   = $this->needing_attention(
			self::mail(
				array(
					'Subject'     => 'Re: Lost in a deadlock',
					'Message-ID'  => '<second@mail.example.test>',
					'In-Reply-To' => '<first@mail.example.test>',
				),
				"And a photo of the box.\r\n"
			)
		);
		$broken  = $this->needing_attention( "Subject: still broken\r\n\r\nno sender at all\r\n" );

		$output = $this->wp_fails( '2 of 3 mails written into tickets.', 'aftercare received-mail', 'retry', array(), array( 'all' => true ) );

		$first = $this->received( $opening );
		$this->assertSame( array( 'stored', 'stored' ), array( $first->outcome, $this->received( $reply )->outcome ) );
		$this->assertSame( $first->ticket_id, $this->received( $reply )->ticket_id, 'the reply threads into the ticket its first mail opened' );
		$this->assertCount( 2, $this->thread( (int) $first->ticket_id ) );
		$this->assertSame( 'needs_attention', $this->received( $broken )->outcome );
		$this->assertSame( array( "Mail {$broken}: needs_attention. No sender address." ), $output->said( 'warning' ) );
		$this->assertSame( array( 3, 3, true ), array( $output->bars[0]->total, $output->bars[0]->ticks, $output->bars[0]->finished ) );
	}

	public function test_retry_of_named_mail_refuses_unknown_ids_and_mail_that_needs_no_attention(): void {
		$stored = $this->post( self::mail( array( 'Subject' => 'Parcel late' ) ) )->get_data();
		$kept   = $this->needing_attention( self::mail( array( 'Subject' => 'Lost in a deadlock' ) ) );

		$ids    = array( '999999', (string) $stored['received_id'], (string) $kept );
		$output = $this->wp_fails( '1 of 3 mails written into tickets.', 'aftercare received-mail', 'retry', $ids );

		$this->assertSame(
			array(
				'Mail 999999: That received mail no longer exists.',
				"Mail {$stored['received_id']}: Only a mail that needs attention can be tried again.",
			),
			$output->said( 'warning' )
		);
		$this->assertSame( 'stored', $this->received( $kept )->outcome );
		$this->assertCount( 1, $this->thread( (int) $stored['ticket_id'] ), 'the stored mail was not written again' );

		$one = $this->wp( 'aftercare received-mail', 'retry', array( (string) $this->needing_attention( self::mail( array() ) ) ) );
		$this->assertSame( array( '1 mail written into its ticket.' ), $one->said( 'success' ) );
		$none = $this->wp( 'aftercare received-mail', 'retry', array(), array( 'all' => true ) );
		$this->assertSame( array( 'No received mail needs attention.' ), $none->said( 'success' ) );
		$this->wp_fails( '"x" is not an id.', 'aftercare received-mail', 'retry', array( 'x' ) );
	}
}
