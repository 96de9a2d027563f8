<?php
/**
 * Settings → Email's routes: the mail status (addresses, webhooks, whether a secret is set, the
 * mailbox's last run, the count needing attention), and the secret's rotation, after which the
 * old secret opens nothing. Supervisors only; the secret is never read back anywhere.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Mail\Rest;

use Aftercare\Mail\MailboxPoller;
use Aftercare\Settings\Settings;
use Aftercare\Tests\Mail\MailTestCase;

final class MailStatusRouteTest extends MailTestCase {

	public function test_the_status_says_where_mail_comes_in(): void {
		$this->post( "Subject: broken\r\n\r\nno sender\r\n" );
		$response = $this->rest( 'GET', '/aftercare/v1/mail/status', array(), $this->supervisor->ID );
		$this->assertSame( 200, $response->get_status() );
		$status = $response->get_data();
		$this->assertSame( 'help@shop.example', $status['support_address'] );
		$this->assertSame( $this->reply->for_ticket( 1042 ), $status['reply_address_example'] );
		$this->assertMatchesRegularExpression( '/^help\+t1042\.[0-9a-f]{8}@shop\.example$/', $status['reply_address_example'] );
		$this->assertSame( rest_url( 'aftercare/v1/inbound/email' ), $status['webhook_url'] );
		$this->assertSame( rest_url( 'aftercare/v1/inbound/postmark' ), $status['postmark_url'] );
		$this->assertTrue( $status['secret_set'], 'made on first use (the post above)' );
		$this->assertSame( 1, $status['needs_attention'] );
		$this->assertSame(
			array(
				'enabled'         => false,
				'host'            => '',
				'user'            => '',
				'folder'          => 'INBOX',
				'last_checked'    => null,
				'last_handled'    => null,
				'last_error'      => '',
				'last_error_kind' => '',
			),
			$status['mailbox']
		);
		$this->assertStringNotContainsString( $this->reply->secret(), (string) wp_json_encode( $status ), 'the secret itself is never shown' );
	}

	public function test_the_mailbox_part_shows_the_last_run(): void {
		( new Settings() )->update(
			array(
				'mailbox_host'     => '127.0.0.1',
				'mailbox_port'     => 1,
				'mailbox_user'     => 'support',
				'mailbox_password' => 'secret',
			)
		);
		global $wpdb;
		$lock   = new \Aftercare\Infrastructure\Database\Lock( $wpdb, new \Aftercare\Infrastructure\SystemClock() );
		$poller = new MailboxPoller( new Settings(), new \Aftercare\Tests\Mail\RecordingReceiver(), $lock );
		try {
			$poller->poll();
			$this->fail( 'a closed port cannot be read' );
		} catch ( \Aftercare\Mail\ImapError $error ) {
			$this->assertSame( 'connect', $error->kind );
		}
		$mailbox = $this->rest( 'GET', '/aftercare/v1/mail/status', array(), $this->supervisor->ID )->get_data()['mailbox'];
		$this->assertTrue( $mailbox['enabled'] );
		$this->assertSame( array( '127.0.0.1', 'support' ), array( $mailbox['host'], $mailbox['user'] ) );
		$this->assertNotNull( $mailbox['last_checked'] );
		$this->assertSame( 0, $mailbox['last_handled'] );
		$this->assertSame( 'connect', $mailbox['last_error_kind'] );
		$this->assertNotSame( '', $mailbox['last_error'] );
		$this->assertArrayNotHasKey( 'password', $mailbox );
	}

	public function test_only_supervisors_see_the_status_or_rotate_the_secret(): void {
		$before = $this->reply->secret();
		foreach ( array( 0 => 401, $this->agent->ID => 403, $this->customer_a->ID => 403 ) as $user => $status ) {
			$this->assertErrorCode( 'aftercare_forbidden', $this->rest( 'GET', '/aftercare/v1/mail/status', array(), $user ), $status );
			$this->assertErrorCode( 'aftercare_forbidden', $this->rest( 'POST', '/aftercare/v1/mail/secret', array(), $user ), $status );
		}
		$this->assertSame( $before, $this->reply->secret(), 'not rotated' );
	}

	public function test_rotating_the_secret_shows_the_new_one_once_and_the_old_one_stops_working(): void {
		$raw = self::mail( array( 'Message-ID' => '<after-rotation@mail.example.test>' ) );
		$old = $this->reply->signature( $raw );
		$key = $this->reply->secret();

		$response = $this->rest( 'POST', '/aftercare/v1/mail/secret', array(), $this->supervisor->ID );
		$this->assertSame( 201, $response->get_status() );
		$secret = $response->get_data()['secret'];
		$this->assertMatchesRegularExpression( '/^[A-Za-z0-9]{40}$/', $secret );
		$this->assertNotSame( $key, $secret );
		$this->assertSame( add_query_arg( 'key', $secret, rest_url( 'aftercare/v1/inbound/postmark' ) ), $response->get_data()['postmark_url'] );

		$this->assertErrorCode( 'aftercare_bad_signature', $this->post( $raw, $old ), 401 );
		$this->assertSame( 0, $this->count_received(), 'nothing read with the old secret' );
		$postmark = new \WP_REST_Request( 'POST', '/aftercare/v1/inbound/postmark' );
		$postmark->set_query_params( array( 'key' => $key ) );
		$postmark->set_body( '{}' );
		$this->assertSame( 401, rest_get_server()->dispatch( $postmark )->get_status(), 'nor with the old key' );

		$this->assertSame( 201, $this->post( $raw, 'sha256=' . hash_hmac( 'sha256', $raw, $secret ) )->get_status() );

		$settings = $this->rest( 'GET', '/aftercare/v1/settings', array(), $this->admin->ID )->get_data();
		$this->assertArrayNotHasKey( 'inbound_secret', $settings, 'never read back' );
		$this->assertStringNotContainsString( $secret, (string) wp_json_encode( $settings ) );
		$this->assertNotSame( $secret, $this->rest( 'POST', '/aftercare/v1/mail/secret', array(), $this->admin->ID )->get_data()['secret'], 'each rotation is new' );
	}
}
