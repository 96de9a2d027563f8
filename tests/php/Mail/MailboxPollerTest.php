<?php
/**
 * Mailbox polling against a real IMAP server (the runner's private Dovecot, self-signed): only
 * new mail, once, marked seen only after the Receiver took it, across runs and UIDVALIDITY
 * changes, over implicit TLS and STARTTLS.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Mail;

use Aftercare\Infrastructure\Database\Lock;
use Aftercare\Infrastructure\SystemClock;
use Aftercare\Mail\ImapClient;
use Aftercare\Mail\ImapError;
use Aftercare\Mail\Mailbox;
use Aftercare\Mail\MailboxPoller;
use Aftercare\Plugin;
use Aftercare\Settings\Settings;
use Aftercare\Tests\TestCase;

/**
 * @group imap
 */
final class MailboxPollerTest extends TestCase {

	private ImapServer $server;
	private string $folder;
	private RecordingReceiver $receiver;

	protected function setUp(): void {
		if ( ! ImapServer::available() ) {
			$this->markTestSkipped( 'No IMAP server: npm test starts one for the phpunit:wp-7.1 layer.' );
		}
		parent::setUp();
		$this->server   = new ImapServer();
		$this->folder   = $this->server->folder();
		$this->receiver = new RecordingReceiver();
		( new Settings() )->update( ImapServer::settings( $this->folder ) );
	}

	protected function tearDown(): void {
		// Logs out: the server allows a user few connections at a time.
		unset( $this->server );
		parent::tearDown();
	}

	private function poller( int $batch = MailboxPoller::BATCH ): MailboxPoller {
		global $wpdb;
		return new MailboxPoller( new Settings(), $this->receiver, new Lock( $wpdb, new SystemClock() ), $batch );
	}

	private function fixture( string $name ): string {
		// phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents -- a local fixture.
		return (string) file_get_contents( AFTERCARE_DIR . 'tests/fixtures/mail/' . $name . '.eml' );
	}

	public function test_new_mail_is_received_once_byte_for_byte_and_marked_seen(): void {
		$this->server->deliver( $this->folder, $this->fixture( 'gmail-reply' ) );
		$this->server->deliver( $this->folder, $this->fixture( 'iso-2022-jp' ) );
		$this->assertSame( array( 1 => array(), 2 => array() ), $this->server->flags( $this->folder ), 'unseen before' );

		$this->assertSame( 2, $this->poller()->poll() );
		$this->assertSame( $this->fixture( 'gmail-reply' ), $this->receiver->received[0]['raw'] );
		$this->assertSame( $this->fixture( 'iso-2022-jp' ), $this->receiver->received[1]['raw'] );
		$this->assertSame( array( MailboxPoller::SOURCE, MailboxPoller::SOURCE ), array_column( $this->receiver->received, 'source' ) );
		$this->assertSame( array( 1 => array( '\\Seen' ), 2 => array( '\\Seen' ) ), $this->server->flags( $this->folder ) );

		$this->assertSame( 0, $this->poller()->poll(), 'nothing new' );
		$this->assertCount( 2, $this->receiver->received );
	}

	public function test_the_watermark_holds_across_runs_and_batches(): void {
		foreach ( array( 'plain-reply', 'outlook-reply', 'apple-mail-reply' ) as $name ) {
			$this->server->deliver( $this->folder, $this->fixture( $name ) );
		}
		$this->assertSame( 2, $this->poller( 2 )->poll() );
		$this->assertSame( 1, $this->poller( 2 )->poll(), 'the rest of the folder next run' );
		$this->assertSame( 0, $this->poller( 2 )->poll() );

		// Mail read in another client meanwhile is new all the same: the watermark decides, not \Seen.
		$this->server->deliver( $this->folder, $this->fixture( 'bounce' ) );
		$this->assertSame( 1, $this->poller( 2 )->poll() );
		$this->assertSame(
			array( 'Re: [#1110] Exchange', 'AW: [#1043] Your return was received', 'Re: [#1051] Scratched lens', 'Undelivered Mail Returned to Sender' ),
			$this->receiver->subjects()
		);
		$this->assertSame( array( 'uidvalidity', 'uid' ), array_keys( current( get_option( MailboxPoller::STATE_OPTION ) ) ) );
	}

	public function test_a_refusing_receiver_loses_nothing_and_gets_the_message_again(): void {
		$this->server->deliver( $this->folder, $this->fixture( 'plain-reply' ) );
		$this->server->deliver( $this->folder, $this->fixture( 'forwarded' ) );

		$this->receiver->limit = 0;
		$this->assertSame( 0, $this->poller()->poll() );
		$this->assertSame( array( 1 => array(), 2 => array() ), $this->server->flags( $this->folder ), 'not marked seen' );

		$this->receiver->limit = null;
		$this->assertSame( 2, $this->poller()->poll(), 'retried next run, and the batch goes on' );
		$this->assertSame( array( 'Re: [#1110] Exchange', 'Fwd: Your order #1100 has shipped' ), $this->receiver->subjects() );
	}

	public function test_a_refusal_stops_the_batch_after_what_was_taken(): void {
		foreach ( array( 'plain-reply', 'outlook-reply', 'apple-mail-reply' ) as $name ) {
			$this->server->deliver( $this->folder, $this->fixture( $name ) );
		}
		$this->receiver->limit = 1;
		$this->assertSame( 1, $this->poller()->poll() );
		$this->assertSame( 2, $this->receiver->offered, 'the batch stopped at the refusal' );
		$this->assertSame( array( 1 => array( '\\Seen' ), 2 => array(), 3 => array() ), $this->server->flags( $this->folder ) );

		$this->receiver->limit = null;
		$this->assertSame( 2, $this->poller()->poll() );
		$this->assertSame( array( 'Re: [#1110] Exchange', 'AW: [#1043] Your return was received', 'Re: [#1051] Scratched lens' ), $this->receiver->subjects() );
	}

	public function test_a_uidvalidity_change_reads_the_folder_again_from_its_start(): void {
		$this->server->deliver( $this->folder, $this->fixture( 'plain-reply' ) );
		$this->server->deliver( $this->folder, $this->fixture( 'outlook-reply' ) );
		$this->assertSame( 2, $this->poller()->poll() );

		// Recreated: new UIDVALIDITY, its one message has UID 1, below the old watermark of 2.
		$this->server->recreate( $this->folder );
		$this->server->deliver( $this->folder, $this->fixture( 'html-only' ) );
		$this->assertSame( 1, $this->poller()->poll() );
		$this->assertSame( $this->fixture( 'html-only' ), $this->receiver->received[2]['raw'] );
		$this->assertSame( array( 1 => array( '\\Seen' ) ), $this->server->flags( $this->folder ) );
	}

	public function test_starttls_works_like_implicit_tls(): void {
		( new Settings() )->update(
			ImapServer::settings(
				$this->folder,
				array(
					'mailbox_port'     => (int) ImapServer::env( 'STARTTLS_PORT' ),
					'mailbox_security' => Mailbox::STARTTLS,
				)
			)
		);
		$this->server->deliver( $this->folder, $this->fixture( 'koi8-r' ) );

		$this->assertSame( 1, $this->poller()->poll() );
		$this->assertSame( $this->fixture( 'koi8-r' ), $this->receiver->received[0]['raw'] );
	}

	public function test_a_wrong_password_is_a_clear_error_without_the_password(): void {
		( new Settings() )->update( ImapServer::settings( $this->folder, array( 'mailbox_password' => 'not-the-pass"word' ) ) );
		$this->server->deliver( $this->folder, $this->fixture( 'plain-reply' ) );
		try {
			$this->poller()->poll();
			$this->fail( 'no error' );
		} catch ( ImapError $error ) {
			$this->assertSame( ImapError::AUTH, $error->kind );
			$this->assertStringContainsString( 'refused the user name or password', $error->getMessage() );
			$this->assertStringContainsString( 'Authentication failed', $error->getMessage(), 'the server\'s own words' );
			$this->assertStringNotContainsString( 'not-the-pass', $error->getMessage() );
		}
		$this->assertSame( array(), $this->receiver->received );
		$this->assertSame( array( 1 => array() ), $this->server->flags( $this->folder ) );
	}

	public function test_a_self_signed_certificate_is_refused_unless_allowed(): void {
		foreach ( array( Mailbox::SSL => 'PORT', Mailbox::STARTTLS => 'STARTTLS_PORT' ) as $security => $port ) {
			$values = ImapServer::settings(
				$this->folder,
				array(
					'mailbox_port'              => (int) ImapServer::env( $port ),
					'mailbox_security'          => $security,
					'mailbox_allow_self_signed' => false,
				)
			);
			try {
				( new ImapClient( Mailbox::from_values( $values ), 5.0 ) )->connect();
				$this->fail( $security . ': connected to an untrusted certificate' );
			} catch ( ImapError $error ) {
				$this->assertSame( ImapError::TLS, $error->kind, $security );
				$this->assertStringContainsString( 'certificate is not trusted', $error->getMessage(), $security );
			}
		}
	}

	public function test_the_plugins_poller_turns_mailbox_mail_into_tickets_through_the_inbox(): void {
		global $wpdb;
		$this->server->deliver( $this->folder, $this->fixture( 'html-only' ) );
		$this->server->deliver( $this->folder, $this->fixture( 'out-of-office' ) );
		$inbox  = Plugin::instance()->inbox;
		$poller = new MailboxPoller( new Settings(), $inbox, new Lock( $wpdb, new SystemClock() ) );

		$this->assertSame( 2, $poller->poll() );
		$again = $inbox->receive( $this->fixture( 'html-only' ), 'imap' );
		$this->assertSame( 'duplicate', $again->outcome->value, 'the polled message was stored, once' );
		$this->assertSame( 'email', Plugin::instance()->tickets->get( $again->ticket_id )->channel->value );
		$auto = $inbox->receive( $this->fixture( 'out-of-office' ), 'imap' );
		$this->assertSame( 'duplicate', $auto->outcome->value, 'the auto-reply was recorded' );
		$this->assertSame( 0, $auto->ticket_id, 'and made no ticket' );
	}

	public function test_it_is_scheduled_only_while_a_mailbox_is_configured(): void {
		$poller    = $this->poller();
		$scheduled = static fn(): bool => function_exists( 'as_next_scheduled_action' ) && did_action( 'action_scheduler_init' )
			? false !== as_next_scheduled_action( MailboxPoller::HOOK, array(), 'aftercare' )
			: false !== wp_next_scheduled( MailboxPoller::HOOK );

		$poller->schedule();
		$this->assertTrue( $scheduled() );

		( new Settings() )->update( array( 'mailbox_host' => '' ) );
		$poller->schedule();
		$this->assertFalse( $scheduled() );
		$this->assertSame( 0, $poller->poll(), 'not configured: nothing to do' );
	}
}
