<?php
/**
 * ClientAddress: REMOTE_ADDR unless a trusted proxy forwards, the right-most untrusted hop, IPv6
 * by /64, ranges matched bit by bit, masked records, and the one filter.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Http;

use Aftercare\Http\ClientAddress;
use Aftercare\Settings\Settings;
use Aftercare\Tests\TestCase;

final class ClientAddressTest extends TestCase {

	private ClientAddress $client;

	protected function setUp(): void {
		parent::setUp();
		$this->client = new ClientAddress( new Settings() );
	}

	protected function tearDown(): void {
		$_SERVER['REMOTE_ADDR'] = '127.0.0.1';
		unset( $_SERVER['HTTP_X_FORWARDED_FOR'], $_SERVER['HTTP_CF_CONNECTING_IP'] );
		remove_all_filters( 'aftercare_client_ip' );
		delete_option( Settings::OPTION );
		parent::tearDown();
	}

	/**
	 * @param string[] $proxies Trusted proxies.
	 */
	private function behind( array $proxies, string $header = 'X-Forwarded-For' ): void {
		( new Settings() )->update(
			array(
				'trusted_proxies'       => $proxies,
				'client_address_header' => $header,
			)
		);
	}

	private function from( string $remote, ?string $forwarded = null ): string {
		$_SERVER['REMOTE_ADDR'] = $remote;
		unset( $_SERVER['HTTP_X_FORWARDED_FOR'] );
		if ( null !== $forwarded ) {
			$_SERVER['HTTP_X_FORWARDED_FOR'] = $forwarded;
		}
		return $this->client->address();
	}

	public function test_without_trusted_proxies_forwarding_headers_are_ignored(): void {
		$this->assertSame( '203.0.113.9', $this->from( '203.0.113.9', '198.51.100.1' ) );
		$this->behind( array( '10.0.0.0/8' ) );
		$this->assertSame( '203.0.113.9', $this->from( '203.0.113.9', '198.51.100.1' ), 'a peer that is not a trusted proxy' );
	}

	/**
	 * @return array<string, array{0: string, 1: string}>
	 */
	public function forwarded(): array {
		return array(
			'one hop'                          => array( '198.51.100.1', '198.51.100.1' ),
			'a forged hop on the left'         => array( '6.6.6.6, 198.51.100.1', '198.51.100.1' ),
			'a chain of trusted proxies'       => array( '6.6.6.6, 198.51.100.1, 10.1.2.3, 10.0.0.9', '198.51.100.1' ),
			'ports and brackets'               => array( '[2001:db8::7]:443, 198.51.100.1:4711', '198.51.100.1' ),
			'IPv6 in brackets'                 => array( '[2001:DB8::7]:443', '2001:db8::7' ),
			'garbage stops at the last proxy'  => array( 'evil, 10.0.0.9', '10.0.0.9' ),
			'only trusted hops: the left-most' => array( '10.0.0.8, 10.0.0.9', '10.0.0.8' ),
			'no header: the proxy'             => array( '', '10.0.0.5' ),
		);
	}

	/**
	 * @dataProvider forwarded
	 */
	public function test_behind_trusted_proxies_the_right_most_untrusted_hop_is_the_client( string $header, string $client ): void {
		$this->behind( array( '10.0.0.0/8', '2001:db8:ffff::/48' ) );
		$this->assertSame( $client, $this->from( '10.0.0.5', '' === $header ? null : $header ) );
	}

	public function test_the_store_chooses_the_header(): void {
		$this->behind( array( '10.0.0.5' ), 'CF-Connecting-IP' );
		$_SERVER['HTTP_CF_CONNECTING_IP'] = '198.51.100.2';
		$this->assertSame( '198.51.100.2', $this->from( '10.0.0.5', '203.0.113.1' ), 'the other header is not read' );
	}

	/**
	 * @return array<string, array{0: string, 1: string, 2: bool}>
	 */
	public function ranges(): array {
		return array(
			'IPv4 inside'           => array( '192.0.2.128/25', '192.0.2.200', true ),
			'IPv4 outside'          => array( '192.0.2.128/25', '192.0.2.127', false ),
			'IPv4 single address'   => array( '192.0.2.1', '192.0.2.1', true ),
			'IPv4 single, not it'   => array( '192.0.2.1', '192.0.2.10', false ),
			'IPv6 inside'           => array( '2001:db8:abcd::/45', '2001:db8:abcf:1::1', true ),
			'IPv6 outside'          => array( '2001:db8:abcd::/45', '2001:db8:abd0::1', false ),
			'IPv4 range, IPv6 peer' => array( '0.0.0.0/0', '2001:db8::1', false ),
			'mapped IPv4 peer'      => array( '192.0.2.0/24', '::ffff:192.0.2.9', true ),
		);
	}

	/**
	 * @dataProvider ranges
	 */
	public function test_proxies_are_matched_by_their_ranges( string $range, string $remote, bool $trusted ): void {
		$this->behind( array( $range ) );
		$this->assertSame( $trusted ? '198.51.100.1' : $remote, $this->from( $remote, '198.51.100.1' ) );
	}

	public function test_limits_count_an_ipv6_address_by_its_64_network_and_ipv4_by_itself(): void {
		$this->from( '2001:db8:1:2:aaaa:bbbb:cccc:dddd' );
		$this->assertSame( '2001:db8:1:2::/64', $this->client->key() );
		$this->from( '2001:0DB8:0001:0002::1' );
		$this->assertSame( '2001:db8:1:2::/64', $this->client->key(), 'however it is written' );
		$this->from( '::ffff:203.0.113.9' );
		$this->assertSame( '203.0.113.9', $this->client->key(), 'a mapped IPv4 address is that address' );
		$this->from( 'not an address' );
		$this->assertSame( 'unknown', $this->client->key() );
	}

	/**
	 * @return array<string, array{0: string, 1: string}>
	 */
	public function addresses(): array {
		return array(
			'IPv4'           => array( '203.0.113.77', '203.0.113.x' ),
			'IPv6'           => array( '2001:db8:85a3:8d3:1319:8a2e:370:7348', '2001:db8:85a3::x' ),
			'short IPv6'     => array( '::1', '0:0:0::x' ),
			'not an address' => array( 'evil<script>', 'unknown address' ),
		);
	}

	/**
	 * @dataProvider addresses
	 */
	public function test_records_show_addresses_masked( string $ip, string $masked ): void {
		$this->from( $ip );
		$this->assertSame( $masked, $this->client->masked() );
	}

	public function test_the_filter_decides_last_and_must_return_an_address(): void {
		add_filter( 'aftercare_client_ip', static fn( string $address, string $remote ) => '203.0.113.9' === $remote ? '2001:db8::1' : 'garbage', 10, 2 );
		$this->assertSame( '2001:db8::1', $this->from( '203.0.113.9' ) );
		$this->assertSame( '', $this->from( '203.0.113.10' ) );
		$this->assertSame( 'unknown', $this->client->key() );
	}
}
