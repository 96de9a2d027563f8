<?php
/**
 * POST aftercare/v1/settings/email/test against the runner's private Dovecot: the server's
 * answer, or its refusal in plain words.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Mail\Rest;

use Aftercare\Infrastructure\Capabilities;
use Aftercare\Settings\Settings;
use Aftercare\Tests\Mail\ImapServer;
use Aftercare\Tests\TestCase;

/**
 * @group imap
 */
final class MailboxTestRouteTest extends TestCase {

	private const ROUTE = '/aftercare/v1/settings/email/test';

	private int $admin;

	protected function setUp(): void {
		if ( ! ImapServer::available() ) {
			$this->markTestSkipped( 'No IMAP server: npm test starts one for the phpunit:wp-7.1 layer.' );
		}
		parent::setUp();
		$this->admin = $this->user( 'administrator' )->ID;
	}

	public function test_it_answers_the_servers_greeting_capabilities_and_message_count(): void {
		$server = new ImapServer();
		$folder = $server->folder();
		$server->deliver( $folder, "Subject: one\r\n\r\nHello\r\n" );
		( new Settings() )->update( ImapServer::settings( $folder ) );

		$response = $this->rest( 'POST', self::ROUTE, array(), $this->admin );
		$this->assertSame( 200, $response->get_status(), wp_json_encode( $response->get_data() ) );
		$data = $response->get_data();
		$this->assertStringContainsString( 'Dovecot', $data['greeting'] );
		$this->assertContains( 'IMAP4REV1', $data['capabilities'] );
		$this->assertSame( $folder, $data['folder'] );
		$this->assertSame( 1, $data['messages'] );
	}

	public function test_unsaved_values_are_tried_with_the_saved_password(): void {
		( new Settings() )->update( ImapServer::settings( 'INBOX', array( 'mailbox_host' => 'unused.invalid' ) ) );

		$response = $this->rest( 'POST', self::ROUTE, array( 'mailbox_host' => ImapServer::env( 'HOST' ) ), $this->admin );
		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( 'unused.invalid', ( new Settings() )->get( 'mailbox_host' ), 'testing saves nothing' );
	}

	/**
	 * @return array<string, array{0: array<string, mixed>, 1: string, 2: string}>
	 */
	public function failures(): array {
		return array(
			'wrong password'  => array( array( 'mailbox_password' => 'wrong' ), 'aftercare_mailbox_auth', 'refused the user name or password' ),
			'nothing listens'  => array( array( 'mailbox_port' => 1 ), 'aftercare_mailbox_connect', 'Could not reach' ),
			'untrusted cert'  => array( array( 'mailbox_allow_self_signed' => false ), 'aftercare_mailbox_tls', 'certificate is not trusted' ),
			'no such folder'  => array( array( 'mailbox_folder' => 'Nowhere' ), 'aftercare_mailbox_server', 'The server refused SELECT' ),
			'not configured'  => array( array( 'mailbox_user' => '' ), 'aftercare_mailbox_not_configured', 'Enter the server' ),
		);
	}

	/**
	 * @dataProvider failures
	 *
	 * @param array<string, mixed> $values What differs from a working mailbox.
	 */
	public function test_a_failure_is_a_400_in_plain_words( array $values, string $code, string $words ): void {
		( new Settings() )->update( ImapServer::settings( 'INBOX', $values ) );

		$response = $this->rest( 'POST', self::ROUTE, array(), $this->admin );
		$this->assertErrorCode( $code, $response, 400 );
		$this->assertStringContainsString( $words, $response->get_data()['message'] );
		$this->assertStringNotContainsString( ImapServer::env( 'PASSWORD' ), $response->get_data()['message'] );
	}

	public function test_only_supervisors_test_the_mailbox(): void {
		( new Settings() )->update( ImapServer::settings( 'INBOX' ) );
		$this->assertErrorCode( 'aftercare_forbidden', $this->rest( 'POST', self::ROUTE, array(), 0 ), 401 );
		$this->assertErrorCode( 'aftercare_forbidden', $this->rest( 'POST', self::ROUTE, array(), $this->user( Capabilities::AGENT_ROLE )->ID ), 403 );
	}
}
