<?php
/**
 * Returns in WordPress's personal-data tools and in the file retention: the person's returns,
 * items and history are exported beside their tickets (the return's conversation and photos are
 * its ticket thread, exported and erased with the tickets); erasure leaves the return's number,
 * items and amounts but not whose it was; a finished return's photos go after the retention
 * period like a done ticket's files, an open return's stay.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Returns;

use Aftercare\Infrastructure\AccessTokens;
use Aftercare\Infrastructure\SystemClock;
use Aftercare\Notifications\EmailTemplate;
use Aftercare\Notifications\Notifier;
use Aftercare\Notifications\Outbox;
use Aftercare\Notifications\ReturnMails;
use Aftercare\Notifications\WpMailer;
use Aftercare\Privacy\Retention;
use Aftercare\Returns\Policy;
use Aftercare\Returns\ReturnAccess;
use Aftercare\Returns\ReturnItemRepository;
use Aftercare\Returns\ReturnRepository;
use Aftercare\Returns\ReturnRequest;
use Aftercare\Settings\Settings;
use Aftercare\Tickets\AttachmentStore;
use Aftercare\Tickets\Links;
use Aftercare\Tickets\MessageRepository;

final class ReturnPrivacyTest extends ReturnsTestCase {

	private const EMAIL = 'gwen@example.test';

	private int $agent;

	protected function setUp(): void {
		parent::setUp();
		$this->agent = $this->user( 'aftercare_agent' )->ID;
	}

	/**
	 * @param array<string, mixed> $callbacks Exporters or erasers.
	 */
	private function call( string $filter, string $id, string $email ): array {
		$tools = apply_filters( $filter, array() );
		$this->assertArrayHasKey( $id, $tools );
		return call_user_func( $tools[ $id ]['callback'], $email, 1 );
	}

	private function with_photo( string $email = self::EMAIL ): ReturnRequest {
		$order = $this->order( array( 'email' => $email ) );
		return $this->returns->create(
			$order,
			$this->input( $order, array( array( 0, 2, 'size' ) ), array( 'photos' => array( self::upload( 'tag.png', self::png() ) ) ) ),
			0
		)['return'];
	}

	public function test_the_export_holds_the_persons_returns_items_and_history(): void {
		$return = $this->with_photo();
		$this->returns->move( $return->id, 'approved', $this->agent );
		$this->with_photo( 'someone-else@example.test' );

		$export = $this->call( 'wp_privacy_personal_data_exporters', 'aftercare-tickets', 'GWEN@example.test' );
		$this->assertTrue( $export['done'] );
		$returns = array_values( array_filter( $export['data'], static fn( array $item ): bool => 'aftercare-returns' === $item['group_id'] ) );
		$this->assertCount( 1, $returns, 'only this person\'s return' );
		$fields = array_column( $returns[0]['data'], 'value', 'name' );
		$this->assertSame( $return->public_number(), $fields['Return number'] );
		$this->assertSame( 'Approved', $fields['Status'] );
		$this->assertSame( self::EMAIL, $fields['Email'] );
		$this->assertStringContainsString( '2 × Linen shirt (Does not fit)', $fields['Items'] );
		$history = array_filter( $export['data'], static fn( array $item ): bool => 'aftercare-return-events' === $item['group_id'] );
		$this->assertCount( 2, $history, 'created and approved' );

		// The thread, with the photo, is the return's ticket, in the same export.
		$this->assertContains(
			'tag.png',
			array_column(
				array_merge( ...array_column( array_filter( $export['data'], static fn( array $item ): bool => 'aftercare-attachments' === $item['group_id'] ), 'data' ) ),
				'value'
			)
		);
	}

	public function test_erasure_keeps_the_return_but_not_whose_it_was_and_the_link_stops_working(): void {
		$customer = $this->user( 'customer' );
		$order    = $this->order(
			array(
				'customer_id' => $customer->ID,
				'email'       => $customer->user_email,
			)
		);
		$mine     = $this->returns->create( $order, $this->input( $order ), $customer->ID )['return'];
		$guest    = $this->with_photo( $customer->user_email );
		$other    = $this->with_photo( 'someone-else@example.test' );

		$result = $this->call( 'wp_privacy_personal_data_erasers', 'aftercare-tickets', $customer->user_email );
		$this->assertTrue( $result['items_removed'] );
		$this->assertTrue( $result['done'] );
		foreach ( array( $mine, $guest ) as $return ) {
			$after = $this->returns->get( $return->id );
			$this->assertSame( 0, $after->customer_id );
			$this->assertSame( 'Deleted customer', $after->customer_name );
			$this->assertStringNotContainsString( 'customer_', $after->customer_email );
			$this->assertSame( $return->public_number(), $after->public_number(), 'the store keeps its record' );
			$this->assertEquals(
				array_map( static fn( $i ) => array( $i->name, $i->quantity ), $return->items ),
				array_map( static fn( $i ) => array( $i->name, $i->quantity ), $after->items )
			);
		}
		$this->assertSame( $other->customer_email, $this->returns->get( $other->id )->customer_email, 'nobody else is touched' );
		$this->assertSame(
			array(),
			$this->call( 'wp_privacy_personal_data_exporters', 'aftercare-tickets', $customer->user_email )['data'],
			'nothing of them is left to export'
		);
		$this->assertSame(
			0,
			(int) $GLOBALS['wpdb']->get_var(
				$GLOBALS['wpdb']->prepare(
					// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
					"SELECT COUNT(*) FROM {$GLOBALS['wpdb']->prefix}aftercare_events WHERE object_type = 'return' AND object_id = %d AND actor_id = %d",
					$mine->id,
					$customer->ID
				)
			)
		);

		// The thread went with the tickets: the shopper's words and photos, and the guest link.
		$this->assertSame(
			0,
			(int) $GLOBALS['wpdb']->get_var(
				// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
				$GLOBALS['wpdb']->prepare( "SELECT COUNT(*) FROM {$GLOBALS['wpdb']->prefix}aftercare_attachments WHERE ticket_id = %d", $guest->ticket_id )
			)
		);
		$this->assertSame(
			0,
			(int) $GLOBALS['wpdb']->get_var(
				$GLOBALS['wpdb']->prepare(
					// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
					"SELECT COUNT(*) FROM {$GLOBALS['wpdb']->prefix}aftercare_access_tokens WHERE object_type = 'ticket' AND object_id = %d",
					$guest->ticket_id
				)
			)
		);
	}

	public function test_the_pages_run_through_the_tickets_then_the_returns(): void {
		for ( $i = 0; $i < 20; $i++ ) {
			$this->with_photo();
		}
		$groups = array();
		for ( $page = 1; $page <= 3; $page++ ) {
			$export   = $this->call_page( 'wp_privacy_personal_data_exporters', $page );
			$groups[] = array(
				count( array_filter( $export['data'], static fn( array $item ): bool => 'aftercare-tickets' === $item['group_id'] ) ),
				count( array_filter( $export['data'], static fn( array $item ): bool => 'aftercare-returns' === $item['group_id'] ) ),
				$export['done'],
			);
		}
		$this->assertSame(
			array( array( 20, 0, false ), array( 0, 20, false ), array( 0, 0, true ) ),
			$groups,
			'each of the 20 returns has its ticket: 20 tickets, then 20 returns, then done'
		);

		$rounds = 0;
		do {
			$erased = $this->call_page( 'wp_privacy_personal_data_erasers', 1 );
			++$rounds;
		} while ( ! $erased['done'] && $rounds < 5 );
		$this->assertSame( 3, $rounds, 'a page of tickets, a page of returns, then what is left' );
		$this->assertSame( array(), $this->call_page( 'wp_privacy_personal_data_exporters', 1 )['data'] );
	}

	private function call_page( string $filter, int $page ): array {
		return call_user_func( apply_filters( $filter, array() )['aftercare-tickets']['callback'], self::EMAIL, $page );
	}

	public function test_a_finished_returns_photos_go_after_the_retention_period_and_an_open_ones_stay(): void {
		global $wpdb;
		( new Settings() )->update( array( 'attachment_retention_months' => 6 ) );
		$old      = time() - 7 * MONTH_IN_SECONDS;
		$closed   = $this->with_photo();
		$open     = $this->with_photo();
		$recent   = $this->with_photo();
		$this->returns->move( $closed->id, 'rejected', $this->agent );
		$this->returns->move( $recent->id, 'rejected', $this->agent );
		$this->returns->move( $open->id, 'approved', $this->agent );
		foreach ( array( $closed, $open ) as $return ) {
			$wpdb->update( $wpdb->prefix . 'aftercare_returns', array( 'updated_at' => $old ), array( 'id' => $return->id ) );
			$wpdb->update( $wpdb->prefix . 'aftercare_tickets', array( 'updated_at' => $old ), array( 'id' => $return->ticket_id ) );
		}
		// The open return's thread was solved long ago; the return is what counts.
		$wpdb->update( $wpdb->prefix . 'aftercare_tickets', array( 'is_open' => 0 ), array( 'id' => $open->ticket_id ) );
		$paths = array();
		foreach ( array( 'closed' => $closed, 'open' => $open, 'recent' => $recent ) as $name => $return ) {
			$file           = (string) $wpdb->get_var(
				// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
				$wpdb->prepare( "SELECT file FROM {$wpdb->prefix}aftercare_attachments WHERE ticket_id = %d", $return->ticket_id )
			);
			$paths[ $name ] = trailingslashit( wp_upload_dir( null, false )['basedir'] ) . 'aftercare-private/' . $file;
			$this->assertFileExists( $paths[ $name ] );
		}

		$this->assertSame( 1, $this->retention()->delete_expired_attachments() );
		$this->assertFileDoesNotExist( $paths['closed'] );
		$this->assertFileExists( $paths['open'], 'the return is still being worked' );
		$this->assertFileExists( $paths['recent'], 'finished, but not long enough ago' );
		wp_delete_file( $paths['open'] );
		wp_delete_file( $paths['recent'] );
	}

	private function retention(): Retention {
		global $wpdb;
		$settings = new Settings();
		$clock    = new SystemClock();
		$tickets  = self::ticket_repository();
		$returns  = new ReturnRepository( $wpdb, new ReturnItemRepository( $wpdb ) );
		$tokens   = new AccessTokens( $wpdb, $clock );
		$outbox   = new Outbox( $wpdb, $clock );
		$notifier = new Notifier(
			$outbox,
			new WpMailer( new EmailTemplate() ),
			$tickets,
			new MessageRepository( $wpdb ),
			$tokens,
			new Links( $settings ),
			$settings,
			$clock,
			new ReturnMails(
				$returns,
				new ReturnAccess( $returns, $tokens, $settings ),
				new Policy( $settings ),
				$tokens,
				null,
				\Aftercare\Plugin::instance()->feedback
			),
			\Aftercare\Tests\Notifications\MailHeadersTest::headers_for( $outbox ),
			\Aftercare\Plugin::instance()->feedback,
			new \Aftercare\Feedback\RatingRepository( $wpdb, $clock ),
			new \Aftercare\Tickets\Sla( $settings, $clock )
		);
		return new Retention(
			$settings,
			$tickets,
			$returns,
			new AttachmentStore( $wpdb, $settings, $clock, new \Aftercare\Infrastructure\RateLimiter( $wpdb, $clock ), new \Aftercare\Http\ClientAddress( $settings ) ),
			$outbox,
			$notifier,
			$clock,
			new \Aftercare\HelpCenter\SearchLog( $wpdb, $clock ),
			new \Aftercare\HelpCenter\ArticleVotes( $wpdb, $clock ),
			new \Aftercare\HelpCenter\Deflection( $wpdb, $clock, new \Aftercare\HelpCenter\Visitors(), new \Aftercare\HelpCenter\SearchLog( $wpdb, $clock ) ),
			new \Aftercare\Mail\ReceivedMailRepository( $wpdb, $clock )
		);
	}
}
