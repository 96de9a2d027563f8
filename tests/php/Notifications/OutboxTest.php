<?php
/**
 * The mail queue: a failed wp_mail is retried with back-off and never lost, a mail is never sent
 * twice (not by two workers, not by a repeated hook), and a row that exhausts its attempts stays
 * as failed for the store to see.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Notifications;

use Aftercare\Infrastructure\AccessTokens;
use Aftercare\Notifications\Kind;
use Aftercare\Notifications\Mailer;
use Aftercare\Notifications\Notification;
use Aftercare\Notifications\Notifier;
use Aftercare\Notifications\Outbox;
use Aftercare\Settings\Settings;
use Aftercare\Tests\FixedClock;
use Aftercare\Tests\Tickets\Rest\TicketRestTestCase;
use Aftercare\Tickets\Links;
use Aftercare\Tickets\MessageRepository;

final class OutboxTest extends TicketRestTestCase {

	private FixedClock $clock;

	private Outbox $outbox;

	/** A mailer that fails while $failing is true and records what it sent. */
	private object $mailer;

	private Notifier $notifier;

	protected function setUp(): void {
		parent::setUp();
		global $wpdb;
		// A minute ahead: rows the plugin queues during the test (on the real clock) are due.
		$this->clock  = new FixedClock( time() + MINUTE_IN_SECONDS );
		$this->outbox = new Outbox( $wpdb, $this->clock );
		$this->mailer = new class() implements Mailer {
			public bool $failing = false;
			public bool $enabled = true;
			/** @var Notification[] */
			public array $sent = array();
			public function is_enabled( Kind $kind ): bool {
				return $this->enabled;
			}
			public function send( Notification $mail, array $headers = array() ): bool {
				if ( $this->failing ) {
					do_action( 'wp_mail_failed', new \WP_Error( 'wp_mail_failed', 'SMTP connect() failed.' ) );
					return false;
				}
				$this->sent[] = $mail;
				return true;
			}
		};
		$settings       = new Settings();
		$this->notifier = new Notifier(
			$this->outbox,
			$this->mailer,
			self::ticket_repository(),
			new MessageRepository( $wpdb ),
			new AccessTokens( $wpdb, $this->clock ),
			new Links( $settings ),
			$settings,
			$this->clock,
			self::return_mails( $settings ),
			\Aftercare\Tests\Notifications\MailHeadersTest::headers_for( $this->outbox ),
			\Aftercare\Plugin::instance()->feedback,
			new \Aftercare\Feedback\RatingRepository( $wpdb, new \Aftercare\Infrastructure\SystemClock() ),
			new \Aftercare\Tickets\Sla( $settings, $this->clock )
		);
	}

	/**
	 * The acknowledgement row of a new guest ticket (queued by the plugin's own listener).
	 */
	private function ack_row( array $ticket ): object {
		global $wpdb;
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$row = $wpdb->get_row( $wpdb->prepare( "SELECT * FROM {$this->outbox->table()} WHERE dedupe_key = %s", 'ack:' . $ticket['id'] ) );
		$this->assertNotNull( $row, 'creating a ticket queues the acknowledgement' );
		return $row;
	}

	public function test_a_new_ticket_queues_one_acknowledgement_and_a_mail_per_agent(): void {
		$ticket = $this->guest_ticket( array( 'email' => 'gwen@example.test' ) );
		$row    = $this->ack_row( $ticket );
		$this->assertSame( 'gwen@example.test', $row->recipient );
		$this->assertSame( Kind::TicketReceived->value, $row->type );
		$this->assertSame( Outbox::PENDING, $row->status );

		global $wpdb;
		$agents = $wpdb->get_col(
			// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
			$wpdb->prepare( "SELECT recipient FROM {$this->outbox->table()} WHERE ticket_id = %d AND type = %s", $ticket['id'], Kind::NewTicket->value )
		);
		$this->assertContains( $this->agent->user_email, $agents );
		$this->assertNotContains( $this->customer_a->user_email, $agents, 'customers are not agents' );

		// The hooks firing again (a retried request, another listener) queue nothing more.
		$this->assertFalse(
			$this->outbox->enqueue( 'ack:' . $ticket['id'], Kind::TicketReceived->value, (int) $ticket['id'], (int) $row->message_id, 'gwen@example.test' )
		);
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$this->assertSame( '1', $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM {$this->outbox->table()} WHERE dedupe_key = %s", 'ack:' . $ticket['id'] ) ) );
	}

	public function test_the_notification_address_replaces_the_agent_list_and_the_assignee_comes_first(): void {
		( new Settings() )->update( array( 'notification_email' => 'desk@example.test' ) );
		$ticket = $this->guest_ticket();
		global $wpdb;
		$this->assertSame(
			array( 'desk@example.test' ),
			$wpdb->get_col(
				// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
				$wpdb->prepare( "SELECT recipient FROM {$this->outbox->table()} WHERE ticket_id = %d AND type = %s", $ticket['id'], Kind::NewTicket->value )
			)
		);

		$this->rest( 'PATCH', '/aftercare/v1/tickets/' . $ticket['id'], array( 'assignee_id' => $this->agent->ID ), $this->agent->ID );
		$this->as_guest( 'POST', '/aftercare/v1/tickets/' . $ticket['id'] . '/messages', $ticket['access_token'], array( 'body' => 'Any news?' ) );
		$this->assertSame(
			array( $this->agent->user_email ),
			$wpdb->get_col(
				// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
				$wpdb->prepare( "SELECT recipient FROM {$this->outbox->table()} WHERE ticket_id = %d AND type = %s", $ticket['id'], Kind::CustomerReply->value )
			)
		);
	}

	public function test_agent_replies_reach_the_customer_and_notes_reach_nobody(): void {
		$ticket = $this->customer_ticket( $this->customer_a );
		global $wpdb;
		$before = (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$this->outbox->table()}" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared

		$note = $this->rest(
			'POST',
			'/aftercare/v1/tickets/' . $ticket['id'] . '/messages',
			array( 'type' => 'note', 'body' => 'Refund it quietly' ),
			$this->agent->ID
		);
		$this->assertSame( 201, $note->get_status(), (string) wp_json_encode( $note->get_data() ) );
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$this->assertSame( $before, (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$this->outbox->table()}" ), 'a note sends nothing' );

		$reply = $this->rest( 'POST', '/aftercare/v1/tickets/' . $ticket['id'] . '/messages', array( 'body' => 'We are on it.' ), $this->agent->ID );
		$this->assertSame( 201, $reply->get_status() );
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$row = $wpdb->get_row( $wpdb->prepare( "SELECT * FROM {$this->outbox->table()} WHERE dedupe_key = %s", 'reply:' . $reply->get_data()['id'] ) );
		$this->assertSame( $this->customer_a->user_email, $row->recipient );
		$this->assertSame( Kind::AgentReply->value, $row->type );
	}

	public function test_a_failed_send_is_retried_after_a_back_off_and_then_sent_exactly_once(): void {
		$row                   = $this->ack_row( $this->guest_ticket() );
		$id                    = (int) $row->id;
		$this->mailer->failing = true;

		$this->assertSame( Outbox::PENDING, $this->notifier->deliver( $id ) );
		$failed = $this->outbox->find( $id );
		$this->assertSame( '1', (string) $failed->attempts );
		$this->assertSame( 'SMTP connect() failed.', $failed->last_error, 'the reason is kept' );
		$this->assertSame( $this->clock->now() + Outbox::BACKOFF[0], (int) $failed->available_at );
		$this->assertNotContains( $id, $this->outbox->due( 100 ), 'not due again before the back-off' );
		$this->assertNull( $this->notifier->deliver( $id ), 'nobody can take it early' );

		$this->clock->time    += Outbox::BACKOFF[0];
		$this->mailer->failing = false;
		$this->assertContains( $id, $this->outbox->due( 100 ) );
		$this->assertSame( Outbox::SENT, $this->notifier->deliver( $id ) );
		$this->assertSame( Outbox::SENT, $this->outbox->find( $id )->status );

		// Another worker (or a repeated run) finds nothing to send.
		$this->assertNull( $this->notifier->deliver( $id ) );
		$this->notifier->run();
		$this->assertCount( 1, array_filter( $this->mailer->sent, static fn( Notification $mail ): bool => Kind::TicketReceived === $mail->kind ) );
	}

	public function test_two_workers_cannot_both_claim_a_row(): void {
		$id = (int) $this->ack_row( $this->guest_ticket() )->id;
		$this->assertNotNull( $this->outbox->claim( $id ) );
		$this->assertNull( $this->outbox->claim( $id ) );
	}

	public function test_a_mail_that_keeps_failing_is_kept_as_failed_not_dropped(): void {
		$id                    = (int) $this->ack_row( $this->guest_ticket() )->id;
		$this->mailer->failing = true;
		$status                = '';
		for ( $attempt = 0; $attempt <= count( Outbox::BACKOFF ); $attempt++ ) {
			$status             = $this->notifier->deliver( $id );
			$this->clock->time += DAY_IN_SECONDS;
		}
		$this->assertSame( Outbox::FAILED, $status );
		$row = $this->outbox->find( $id );
		$this->assertSame( Outbox::FAILED, $row->status );
		$this->assertSame( (string) ( count( Outbox::BACKOFF ) + 1 ), (string) $row->attempts );
		$this->assertSame( 'SMTP connect() failed.', $row->last_error );
		$this->assertNull( $this->notifier->deliver( $id ), 'a failed mail is not retried forever' );

		$this->outbox->purge( 0 );
		$this->assertNotNull( $this->outbox->find( $id ), 'purging forgets sent mails, never failed ones' );
	}

	public function test_a_worker_that_died_mid_send_leaves_a_failed_row_rather_than_a_second_mail(): void {
		$id = (int) $this->ack_row( $this->guest_ticket() )->id;
		$this->assertNotNull( $this->outbox->claim( $id ) );
		$this->clock->time += Outbox::LEASE + 1;

		$this->notifier->run();
		$this->assertSame( Outbox::FAILED, $this->outbox->find( $id )->status );
		$this->assertSame( array(), array_filter( $this->mailer->sent, static fn( Notification $mail ): bool => Kind::TicketReceived === $mail->kind ) );
	}

	public function test_mails_the_store_turned_off_are_skipped(): void {
		$id                    = (int) $this->ack_row( $this->guest_ticket() )->id;
		$this->mailer->enabled = false;
		$this->assertSame( Outbox::SKIPPED, $this->notifier->deliver( $id ) );
		$this->assertSame( array(), $this->mailer->sent );
	}

	public function test_the_guest_acknowledgement_carries_the_number_and_a_working_signed_link(): void {
		$page = wp_insert_post(
			array(
				'post_type'   => 'page',
				'post_status' => 'publish',
				'post_title'  => 'Contact us',
			)
		);
		( new Settings() )->update( array( 'contact_page' => $page ) );
		$ticket = $this->guest_ticket();
		$this->assertSame(
			Outbox::SENT,
			$this->notifier->deliver( (int) $this->ack_row( $ticket )->id ),
			(string) wp_json_encode( $this->outbox->find( (int) $this->ack_row( $ticket )->id ) )
		);

		$mail = $this->mailer->sent[0];
		$this->assertSame( (int) $ticket['number'], $mail->ticket_number );
		parse_str( (string) wp_parse_url( $mail->link_url, PHP_URL_QUERY ), $query );
		$this->assertSame( (string) $ticket['id'], $query[ Links::TICKET_ARG ] );
		global $wpdb;
		$this->assertTrue( ( new AccessTokens( $wpdb, $this->clock ) )->verify( 'ticket', (int) $ticket['id'], (string) $query[ Links::TOKEN_ARG ] ) );
		$this->assertStringStartsWith( (string) get_permalink( $page ), $mail->link_url );
	}

	public function test_a_guest_s_own_links_are_never_clickable_in_mail_to_an_unproved_address(): void {
		$words = 'Your refund is <a href="https://evil.example/login">waiting here</a>. <strong>Act now</strong>';

		// Anyone may type anyone's address: the acknowledgement keeps the words, not the link.
		$stranger = $this->guest_ticket( array( 'message' => $words ) );
		$this->assertSame( Outbox::SENT, $this->notifier->deliver( (int) $this->ack_row( $stranger )->id ) );
		$body = $this->mailer->sent[0]->body_html;
		$this->assertStringNotContainsString( 'evil.example', $body );
		$this->assertStringNotContainsString( '<a', $body );
		$this->assertStringContainsString( 'waiting here', $body );
		$this->assertStringContainsString( '<strong>Act now</strong>', $body );
		$html = ( new \Aftercare\Notifications\EmailTemplate() )->body( $this->mailer->sent[0] );
		$this->assertSame( 1, substr_count( $html, '<a ' ), 'only the store\'s own link to the thread' );

		// A signed-in customer's address is their account's; a guest who matched an order's
		// number and billing email has shown it too: their links stay as they wrote them.
		$own    = $this->customer_ticket( $this->customer_a, array( 'message' => $words ) );
		$orders = \Aftercare\Tests\Orders\SiteOrders::factory();
		$bought = $orders->source()->find( $orders->create( array( 'email' => 'gwen@example.test' ) ) );
		$proved = $this->guest_ticket(
			array(
				'email'        => 'gwen@example.test',
				'order_number' => $bought->number,
				'message'      => $words,
			)
		);
		foreach ( array( $own, $proved ) as $i => $ticket ) {
			$this->assertSame( Outbox::SENT, $this->notifier->deliver( (int) $this->ack_row( $ticket )->id ) );
			$this->assertStringContainsString( 'href="https://evil.example/login"', $this->mailer->sent[ $i + 1 ]->body_html );
		}

		// Agents' own replies keep their links.
		$this->rest(
			'POST',
			'/aftercare/v1/tickets/' . $stranger['id'] . '/messages',
			array( 'body' => 'See <a href="https://shop.example/faq">our FAQ</a>.' ),
			$this->agent->ID
		);
		global $wpdb;
		$reply = (int) $wpdb->get_var(
			// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
			$wpdb->prepare( "SELECT id FROM {$this->outbox->table()} WHERE ticket_id = %d AND type = %s", $stranger['id'], Kind::AgentReply->value )
		);
		$this->assertSame( Outbox::SENT, $this->notifier->deliver( $reply ) );
		$this->assertStringContainsString( 'href="https://shop.example/faq"', end( $this->mailer->sent )->body_html );
	}

	public function test_a_run_schedules_itself_again_while_mail_waits(): void {
		$this->ack_row( $this->guest_ticket() );
		$this->mailer->failing = true;
		self::clear_runs( Notifier::HOOK );
		$this->notifier->run();
		$next = self::next_run( Notifier::HOOK );
		$this->assertIsInt( $next );
		$this->assertGreaterThan( $this->clock->now(), $next, 'the retry waits for its back-off' );
		self::clear_runs( Notifier::HOOK );
	}

	/**
	 * The return side of the notifier, as the plugin wires it.
	 */
	private static function return_mails( \Aftercare\Settings\Settings $settings ): \Aftercare\Notifications\ReturnMails {
		global $wpdb;
		$returns = new \Aftercare\Returns\ReturnRepository( $wpdb, new \Aftercare\Returns\ReturnItemRepository( $wpdb ) );
		$tokens  = new \Aftercare\Infrastructure\AccessTokens( $wpdb, new \Aftercare\Infrastructure\SystemClock() );
		return new \Aftercare\Notifications\ReturnMails(
			$returns,
			new \Aftercare\Returns\ReturnAccess( $returns, $tokens, $settings ),
			new \Aftercare\Returns\Policy( $settings ),
			$tokens,
			\Aftercare\Plugin::instance()->orders,
			\Aftercare\Plugin::instance()->feedback
		);
	}
}
