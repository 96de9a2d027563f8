<?php
/**
 * The repository methods the privacy tools and the retention job ask: each finds, rewrites or
 * deletes a person's (or an expired) rows in its own table, and never another person's.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Privacy;

use Aftercare\HelpCenter\ArticleVotes;
use Aftercare\HelpCenter\Deflection;
use Aftercare\HelpCenter\SearchLog;
use Aftercare\HelpCenter\Visitors;
use Aftercare\Http\ClientAddress;
use Aftercare\Infrastructure\RateLimiter;
use Aftercare\Notifications\Outbox;
use Aftercare\Returns\ReturnItemRepository;
use Aftercare\Returns\ReturnRepository;
use Aftercare\Returns\ReturnRequest;
use Aftercare\Settings\Settings;
use Aftercare\Tests\FixedClock;
use Aftercare\Tests\TestCase;
use Aftercare\Tickets\AttachmentStore;
use Aftercare\Tickets\EventLog;
use Aftercare\Tickets\Message;
use Aftercare\Tickets\MessageRepository;
use Aftercare\Tickets\Ticket;
use Aftercare\Tickets\TicketRepository;

/**
 * @group sqlite
 */
final class PersonalRecordsTest extends TestCase {

	private const GWEN = 'gwen@example.test';

	private const OTHER = 'olaf@example.test';

	private FixedClock $clock;

	private TicketRepository $tickets;

	private MessageRepository $messages;

	protected function setUp(): void {
		parent::setUp();
		global $wpdb;
		$this->clock    = new FixedClock();
		$this->messages = new MessageRepository( $wpdb );
		$this->tickets  = self::ticket_repository();
	}

	/**
	 * A ticket row: the table's defaults, then these fields.
	 *
	 * @param array<string, int|string> $fields Columns.
	 */
	private function ticket( array $fields ): int {
		global $wpdb;
		$now = $this->clock->now();
		$this->assertSame( 1, $wpdb->insert( $this->tickets->table(), $fields + array( 'subject' => 'Parcel', 'created_at' => $now, 'updated_at' => $now ) ) );
		return (int) $wpdb->insert_id;
	}

	/**
	 * A row read back as it is stored.
	 */
	private function row( string $table, int $id ): object {
		global $wpdb;
		return $wpdb->get_row( $wpdb->prepare( "SELECT * FROM {$table} WHERE id = %d", $id ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
	}

	public function test_a_persons_tickets_are_theirs_by_email_or_account_and_only_theirs_are_anonymized(): void {
		$by_email   = $this->ticket( array( 'customer_email' => self::GWEN, 'customer_name' => 'Gwen' ) );
		$by_account = $this->ticket( array( 'customer_email' => 'old@example.test', 'customer_id' => 7 ) );
		$other      = $this->ticket( array( 'customer_email' => self::OTHER, 'customer_name' => 'Olaf', 'subject' => 'Olaf writes' ) );
		$this->ticket( array( 'customer_email' => self::OTHER, 'customer_id' => 0 ) );

		$ids = static fn( array $tickets ): array => array_map( static fn( Ticket $ticket ): int => $ticket->id, $tickets );
		$this->assertSame( array( $by_email, $by_account ), $ids( $this->tickets->of_person( self::GWEN, 7, 0, 20 ) ) );
		$this->assertSame( array( $by_account ), $ids( $this->tickets->of_person( self::GWEN, 7, 1, 20 ) ), 'a page further on' );
		$this->assertSame( array( $by_email ), $ids( $this->tickets->of_person( self::GWEN, 0, 0, 20 ) ), 'no account: not every guest ticket' );
		$this->assertSame( 2, $this->tickets->count_of_person( self::GWEN, 7 ) );
		$this->assertSame( 0, $this->tickets->count_of_person( 'nobody@example.test', 0 ) );

		$this->tickets->anonymize_customer( $by_account, 'Deleted customer', 'deleted@site.invalid', '[Removed]' );
		$after = $this->row( $this->tickets->table(), $by_account );
		$this->assertEquals(
			array( '[Removed]', 0, 'Deleted customer', 'deleted@site.invalid' ),
			array( $after->subject, $after->customer_id, $after->customer_name, $after->customer_email )
		);
		$olaf = $this->row( $this->tickets->table(), $other );
		$this->assertSame( array( 'Olaf writes', 'Olaf', self::OTHER ), array( $olaf->subject, $olaf->customer_name, $olaf->customer_email ) );
		$this->assertSame( 'Gwen', $this->row( $this->tickets->table(), $by_email )->customer_name, 'one ticket at a time' );
	}

	public function test_tickets_untouched_since_a_time_say_whether_they_are_done(): void {
		$old       = $this->clock->now() - 100;
		$closed    = $this->ticket( array( 'status' => 'closed', 'is_open' => 0, 'updated_at' => $old ) );
		$open      = $this->ticket( array( 'status' => 'open', 'is_open' => 1, 'updated_at' => $old ) );
		$recent    = $this->ticket( array( 'status' => 'closed', 'is_open' => 0 ) );
		$elsewhere = $this->ticket( array( 'status' => 'closed', 'is_open' => 0, 'updated_at' => $old ) );

		$this->assertSame( array( $closed => true, $open => false ), $this->tickets->untouched_since( array( $closed, $open, $recent ), $this->clock->now() - 50 ) );
		$this->assertArrayNotHasKey( $elsewhere, $this->tickets->untouched_since( array( $closed ), $this->clock->now() - 50 ), 'only the tickets asked about' );
		$this->assertSame( array(), $this->tickets->untouched_since( array(), $this->clock->now() ) );
	}

	public function test_the_customers_own_messages_are_found_and_anonymized_on_that_ticket_only(): void {
		$ticket = $this->ticket( array( 'customer_email' => self::GWEN ) );
		$other  = $this->ticket( array( 'customer_email' => self::OTHER ) );
		$first  = $this->messages->insert( $ticket, 'reply', 5, 'customer', 'Gwen', '<p>My phone is 555</p>', 1 );
		$agent  = $this->messages->insert( $ticket, 'reply', 2, 'agent', 'Ann', '<p>Thanks</p>', 2 );
		$note   = $this->messages->insert( $ticket, 'note', 2, 'agent', 'Ann', '<p>VIP</p>', 3 );
		$second = $this->messages->insert( $ticket, 'reply', 5, 'customer', 'Gwen', '<p>Still broken</p>', 4 );
		$olaf   = $this->messages->insert( $other, 'reply', 9, 'customer', 'Olaf', '<p>Olaf here</p>', 5 );

		$ids = static fn( array $messages ): array => array_map( static fn( Message $message ): int => $message->id, $messages );
		$this->assertSame( array( $first->id, $second->id ), $ids( $this->messages->from_customer( $ticket ) ) );

		$this->messages->anonymize_customer( $ticket, 'Deleted customer', '<p>[Removed]</p>' );
		foreach ( array( $first, $second ) as $message ) {
			$after = $this->messages->find( $message->id );
			$this->assertEquals( array( 0, 'Deleted customer', '<p>[Removed]</p>' ), array( $after->author_id, $after->author_name, $after->body ) );
		}
		foreach ( array( $agent, $note, $olaf ) as $message ) {
			$this->assertEquals( $message, $this->messages->find( $message->id ), 'agents\' messages and other tickets stay as they were' );
		}
	}

	public function test_detaching_an_actor_touches_only_their_steps_on_that_timeline(): void {
		global $wpdb;
		$events = new EventLog( $wpdb, $this->clock );
		$events->record( 'ticket', 1, 'status', 7 );
		$events->record( 'ticket', 1, 'status', 2 );
		$events->record( 'ticket', 3, 'status', 7 );
		$events->record( 'return', 1, 'status', 7 );

		$events->detach_actor( 'ticket', 1, 7 );

		$actors = static fn( string $type, int $id ): array => array_column( $events->for_object( $type, $id ), 'actor_id' );
		$this->assertSame( array( 0, 2 ), $actors( 'ticket', 1 ) );
		$this->assertSame( array( 7 ), $actors( 'ticket', 3 ) );
		$this->assertSame( array( 7 ), $actors( 'return', 1 ) );
	}

	public function test_attachments_are_found_by_ticket_and_deleted_one_at_a_time_file_and_row(): void {
		global $wpdb;
		$settings = new Settings();
		$store    = new AttachmentStore( $wpdb, $settings, $this->clock, new RateLimiter( $wpdb, $this->clock ), new ClientAddress( $settings ) );
		$files    = array();
		foreach ( array( 10, 10, 12, 15 ) as $index => $ticket_id ) {
			$name = 'privacy-test-' . $index . '-' . wp_generate_password( 8, false );
			file_put_contents( $store->directory() . $name, 'a file' ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_file_put_contents
			$files[] = $store->insert( $ticket_id, 100 + $index, array( array( 'file' => $name, 'name' => 'photo.txt', 'mime' => 'text/plain', 'size' => 6 ) ) )[0];
		}

		$this->assertSame( array( 10, 12, 15 ), $store->ticket_ids( 0, 10 ) );
		$this->assertSame( array( 12 ), $store->ticket_ids( 10, 1 ), 'after a ticket, at most $limit' );
		$this->assertSame( array( $files[0]->id, $files[1]->id, $files[3]->id ), array_column( $store->of_tickets( array( 10, 15 ), 10 ), 'id' ) );
		$this->assertCount( 1, $store->of_tickets( array( 10, 15 ), 1 ) );
		$this->assertSame( array(), $store->of_tickets( array(), 10 ) );

		$store->delete( $files[0] );
		$this->assertFileDoesNotExist( $store->path( $files[0] ) );
		$this->assertNull( $store->find( $files[0]->id ) );
		foreach ( array_slice( $files, 1 ) as $file ) {
			$this->assertFileExists( $store->path( $file ), 'the other files stay' );
			$this->assertNotNull( $store->find( $file->id ) );
			wp_delete_file( $store->path( $file ) );
		}
	}

	public function test_forgetting_a_recipient_deletes_only_their_mails(): void {
		global $wpdb;
		$outbox = new Outbox( $wpdb, $this->clock );
		$outbox->enqueue( 'a', 'agent_reply', 1, 1, self::GWEN );
		$outbox->enqueue( 'b', 'agent_reply', 1, 2, self::GWEN );
		$outbox->enqueue( 'c', 'agent_reply', 2, 3, self::OTHER );

		$outbox->forget_recipient( self::GWEN );

		$left = $wpdb->get_col( "SELECT recipient FROM {$outbox->table()}" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$this->assertSame( array( self::OTHER ), $left );
	}

	public function test_a_persons_returns_are_found_and_anonymized_and_finished_ones_known_by_their_thread(): void {
		global $wpdb;
		$returns = new ReturnRepository( $wpdb, new ReturnItemRepository( $wpdb ) );
		$now     = $this->clock->now();
		$insert  = function ( array $fields ) use ( $wpdb, $returns, $now ): int {
			$defaults = array( 'order_id' => 1, 'customer_name' => 'Someone', 'created_at' => $now, 'updated_at' => $now );
			$this->assertSame( 1, $wpdb->insert( $returns->table(), $fields + $defaults ) );
			return (int) $wpdb->insert_id;
		};
		$by_email   = $insert( array( 'customer_email' => self::GWEN, 'ticket_id' => 21, 'status' => 'refunded', 'updated_at' => $now - 100 ) );
		$by_account = $insert( array( 'customer_id' => 7, 'ticket_id' => 22, 'status' => 'approved', 'updated_at' => $now - 100 ) );
		$other      = $insert( array( 'customer_email' => self::OTHER, 'customer_name' => 'Olaf', 'ticket_id' => 23, 'status' => 'closed' ) );

		$ids = static fn( array $found ): array => array_map( static fn( ReturnRequest $return ): int => $return->id, $found );
		$this->assertSame( array( $by_email, $by_account ), $ids( $returns->of_person( 'Gwen@Example.test', 7, 0, 20 ) ), 'emails are stored lower-case' );
		$this->assertSame( array( $by_account ), $ids( $returns->of_person( self::GWEN, 7, 1, 1 ) ) );
		$this->assertSame( array(), $returns->of_person( 'nobody@example.test', 0, 0, 20 ) );

		$returns->anonymize_customer( $by_email, 'Deleted customer', 'deleted@site.invalid' );
		$after = $returns->find( $by_email );
		$this->assertSame( array( 0, 'Deleted customer', 'deleted@site.invalid' ), array( $after->customer_id, $after->customer_name, $after->customer_email ) );
		$this->assertSame( array( 'Olaf', self::OTHER ), array( $returns->find( $other )->customer_name, $returns->find( $other )->customer_email ) );
		$this->assertSame( 7, $returns->find( $by_account )->customer_id );

		// Refunded long ago; approved is not finished; closed just now; 99 is no return's thread.
		$this->assertSame( array( 21 => true, 22 => false, 23 => false ), $returns->finished_before( array( 21, 22, 23, 99 ), $now - 50 ) );
		$this->assertSame( array(), $returns->finished_before( array(), $now ) );
	}

	public function test_help_center_rows_are_found_forgotten_and_expired_by_visitor_and_age(): void {
		global $wpdb;
		$visitors   = new Visitors();
		$log        = new SearchLog( $wpdb, $this->clock );
		$votes      = new ArticleVotes( $wpdb, $this->clock );
		$deflection = new Deflection( $wpdb, $this->clock, $visitors, $log );
		$gwen       = $visitors->issue();
		$olaf       = $visitors->issue();
		foreach ( array( $gwen, $olaf ) as $index => $visitor ) {
			$log->record( 'search', 'help-center', 'query ' . $index, 1, 0, $visitors->hash( $visitor ) );
			$votes->vote( 5, $visitors->hash( $visitor ), true, 'comment ' . $index );
			$deflection->link( $visitor, 40 + $index );
			$this->clock->time += 100;
		}

		$this->assertSame( array( $visitors->hash( $gwen ) ), $deflection->visitors_of_tickets( array( 40 ) ) );
		$this->assertSame( array(), $deflection->visitors_of_tickets( array() ) );
		$this->assertSame( array( 'query 0' ), array_column( $log->of_visitors( array( $visitors->hash( $gwen ) ) ), 'query' ) );
		$this->assertSame( array( 'comment 1' ), array_column( $votes->of_visitors( array( $visitors->hash( $olaf ) ) ), 'comment' ) );
		$this->assertEquals( array( 41 ), array_column( $deflection->of_visitors( array( $visitors->hash( $olaf ) ) ), 'ticket_id' ) );

		foreach ( array( $log, $votes, $deflection ) as $table ) {
			$table->forget_visitors( array( $visitors->hash( $gwen ) ) );
			$this->assertSame( array(), $table->of_visitors( array( $visitors->hash( $gwen ) ) ) );
			$this->assertCount( 1, $table->of_visitors( array( $visitors->hash( $olaf ) ) ), 'the other browser\'s rows stay' );
			$table->forget_visitors( array() );
			$this->assertCount( 1, $table->of_visitors( array( $visitors->hash( $olaf ) ) ), 'forgetting no one forgets nothing' );
		}

		// Olaf's rows were recorded 100 seconds after the first ones.
		$first = $this->clock->time - 200;
		foreach ( array( $log, $votes, $deflection ) as $table ) {
			$this->assertSame( 0, $table->delete_before( $first + 100, 10 ), 'a row recorded at the cutoff stays' );
			$this->assertSame( 1, $table->delete_before( $first + 101, 10 ) );
			$this->assertSame( array(), $table->of_visitors( array( $visitors->hash( $olaf ) ) ) );
		}
	}
}
