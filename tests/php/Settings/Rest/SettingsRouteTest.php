<?php
/**
 * aftercare/v1/settings against every actor, with hostile input.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Settings\Rest;

use Aftercare\Infrastructure\Capabilities;
use Aftercare\Settings\Settings;
use Aftercare\Tests\TestCase;

final class SettingsRouteTest extends TestCase {

	/**
	 * @return array<string, array{0: string|null, 1: int}>
	 */
	public function forbidden_actors(): array {
		return array(
			'guest'    => array( null, 401 ),
			'customer' => array( 'subscriber', 403 ),
			'editor'   => array( 'editor', 403 ),
			'agent'    => array( Capabilities::AGENT_ROLE, 403 ),
		);
	}

	/**
	 * @dataProvider forbidden_actors
	 */
	public function test_only_supervisors_read_or_change_settings( ?string $role, int $status ): void {
		$user = $role ? $this->user( $role )->ID : 0;

		$this->assertErrorCode( 'aftercare_forbidden', $this->rest( 'GET', '/aftercare/v1/settings', array(), $user ), $status );
		$this->assertErrorCode( 'aftercare_forbidden', $this->rest( 'POST', '/aftercare/v1/settings', array( 'delete_data_on_uninstall' => true ), $user ), $status );
		$this->assertFalse( get_option( Settings::OPTION ), 'nothing written' );
	}

	public function test_a_supervisor_reads_defaults_and_saves(): void {
		$admin = $this->user( 'administrator' )->ID;

		$read = $this->rest( 'GET', '/aftercare/v1/settings', array(), $admin );
		$this->assertSame( 200, $read->get_status() );
		$defaults = array_map( static fn( array $field ) => $field['default'], ( new Settings() )->fields() );
		$write_only = array(
			'mailbox_password' => 1,
			'inbound_secret'   => 1,
		);
		$this->assertSame( array_diff_key( $defaults, $write_only ) + array( 'mailbox_password_set' => false ), $read->get_data() );
		$this->assertSame( 'email', $defaults['order_lookup_keys'], 'guests use their email unless the store allows the postcode' );
		$this->assertSame( false, $defaults['delete_data_on_uninstall'] );

		$saved = $this->rest( 'POST', '/aftercare/v1/settings', array( 'delete_data_on_uninstall' => true ), $admin );
		$this->assertSame( 200, $saved->get_status() );
		$this->assertTrue( $saved->get_data()['delete_data_on_uninstall'] );
		wp_cache_flush();
		$this->assertTrue( get_option( Settings::OPTION )['delete_data_on_uninstall'] );
	}

	public function test_the_mailbox_password_is_write_only(): void {
		$admin = $this->user( 'administrator' )->ID;

		$saved = $this->rest( 'POST', '/aftercare/v1/settings', array( 'mailbox_password' => 'app-password-123' ), $admin );
		$this->assertSame( 200, $saved->get_status() );
		$this->assertArrayNotHasKey( 'mailbox_password', $saved->get_data() );
		$this->assertTrue( $saved->get_data()['mailbox_password_set'] );
		$read = $this->rest( 'GET', '/aftercare/v1/settings', array( 'context' => 'edit' ), $admin );
		$this->assertStringNotContainsString( 'app-password-123', (string) wp_json_encode( $read->get_data() ) );
		$this->assertSame( 'app-password-123', ( new Settings() )->get( 'mailbox_password' ) );

		$this->rest( 'POST', '/aftercare/v1/settings', array( 'mailbox_folder' => 'Support' ), $admin );
		$this->assertSame( 'app-password-123', ( new Settings() )->get( 'mailbox_password' ), 'kept when not sent' );
		$cleared = $this->rest( 'POST', '/aftercare/v1/settings', array( 'mailbox_password' => '' ), $admin );
		$this->assertFalse( $cleared->get_data()['mailbox_password_set'] );
	}

	/**
	 * @return array<string, array{0: array<string, mixed>}>
	 */
	public function hostile_bodies(): array {
		return array(
			'wrong type'   => array( array( 'delete_data_on_uninstall' => array( 'yes' ) ) ),
			'script tag'   => array( array( 'delete_data_on_uninstall' => '<script>alert(1)</script>' ) ),
			'sql fragment' => array( array( 'delete_data_on_uninstall' => "1' OR '1'='1" ) ),
			'unknown key'  => array( array( 'order_lookup_keys' => 'phone' ) ),
			'negative id'  => array( array( 'contact_page' => -3 ) ),
			'prefix too long' => array( array( 'trusted_proxies' => array( '10.0.0.0/8', '10.0.0.0/33' ) ) ),
			'not an address'  => array( array( 'trusted_proxies' => array( 'proxy.example' ) ) ),
			'unknown header'  => array( array( 'client_address_header' => 'X-Client' ) ),
			'mail security'   => array( array( 'mailbox_security' => 'none' ) ),
			'host with path'  => array( array( 'mailbox_host' => 'imap.example.com/evil' ) ),
		);
	}

	/**
	 * @dataProvider hostile_bodies
	 *
	 * @param array<string, mixed> $body Request body.
	 */
	public function test_invalid_values_get_a_clear_400_and_nothing_is_written( array $body ): void {
		$response = $this->rest( 'POST', '/aftercare/v1/settings', $body, $this->user( 'administrator' )->ID );

		$this->assertErrorCode( 'rest_invalid_param', $response, 400 );
		$this->assertArrayHasKey( (string) array_key_first( $body ), $response->get_data()['data']['params'] );
		$this->assertFalse( get_option( Settings::OPTION ) );
	}

	public function test_a_wrong_proxy_range_is_named_in_the_message(): void {
		$response = $this->rest(
			'POST',
			'/aftercare/v1/settings',
			array( 'trusted_proxies' => array( '2001:db8::/32', '2001:db8::/129' ) ),
			$this->user( 'administrator' )->ID
		);

		$this->assertErrorCode( 'rest_invalid_param', $response, 400 );
		$this->assertStringContainsString( '"2001:db8::/129" is not an IP address or a range', $response->get_data()['data']['params']['trusted_proxies'] );
	}

	public function test_trusted_proxies_and_their_header_are_saved(): void {
		$body     = array(
			'trusted_proxies'       => array( '10.0.0.0/8', '203.0.113.7', '2001:db8::/32' ),
			'client_address_header' => 'CF-Connecting-IP',
		);
		$response = $this->rest( 'POST', '/aftercare/v1/settings', $body, $this->user( 'administrator' )->ID );

		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( $body, array_intersect_key( ( new Settings() )->all(), $body ) );
	}

	public function test_unknown_settings_are_ignored(): void {
		$response = $this->rest( 'POST', '/aftercare/v1/settings', array( 'siteurl' => 'https://evil.example' ), $this->user( 'administrator' )->ID );

		$this->assertSame( 200, $response->get_status() );
		$this->assertArrayNotHasKey( 'siteurl', get_option( Settings::OPTION ) );
		$this->assertNotSame( 'https://evil.example', get_option( 'siteurl' ) );
	}
}
