<?php
/**
 * OrderLookup's limits over time (a clock moved by hand): back-off, windows that reset, keys
 * normalised, and masked addresses.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Orders;

use Aftercare\Infrastructure\DomainError;
use Aftercare\Infrastructure\RateLimiter;
use Aftercare\Orders\OrderLookup;
use Aftercare\Settings\Settings;
use Aftercare\Tests\FixedClock;
use Aftercare\Tests\TestCase;

final class OrderLookupTest extends TestCase {

	private FixedClock $clock;

	private OrderLookup $lookup;

	private string $number;

	protected function setUp(): void {
		parent::setUp();
		global $wpdb;
		$orders       = SiteOrders::factory();
		$this->clock  = new FixedClock( time() );
		$this->lookup = new OrderLookup( $orders->source(), new RateLimiter( $wpdb, $this->clock ), new Settings(), $this->clock, 0 );
		$this->number = $orders->source()->find( $orders->create( array( 'email' => 'gwen@example.test' ) ) )->number;
	}

	/**
	 * @return int 0 when found, 404 or 429 (then the Retry-After seconds as a negative number).
	 */
	private function attempt( string $number, string $email, string $ip = '203.0.113.5' ): int {
		try {
			$this->lookup->lookup( $number, $email, '', $ip );
			return 0;
		} catch ( DomainError $error ) {
			return 429 === $error->status ? -(int) $error->data['retry_after'] : $error->status;
		}
	}

	private function fail_times( int $times, string $ip = '203.0.113.5' ): void {
		for ( $i = 0; $i < $times; $i++ ) {
			$this->assertSame( 404, $this->attempt( (string) ( 90000000 + $i ), 'gwen@example.test', $ip ) );
		}
	}

	public function test_lockouts_double_while_the_failures_go_on(): void {
		$this->fail_times( OrderLookup::MAX_FAILURES );
		$this->assertSame( -OrderLookup::WINDOW, $this->attempt( $this->number, 'gwen@example.test' ) );

		$this->clock->time += OrderLookup::WINDOW;
		$this->assertSame( 0, $this->attempt( $this->number, 'gwen@example.test' ), 'the first lockout ends after a window' );

		$this->fail_times( OrderLookup::MAX_FAILURES );
		$this->assertSame( -2 * OrderLookup::WINDOW, $this->attempt( $this->number, 'gwen@example.test' ), 'the second lasts twice as long' );
		$this->clock->time += 2 * OrderLookup::WINDOW;
		$this->fail_times( OrderLookup::MAX_FAILURES );
		$this->assertSame( -4 * OrderLookup::WINDOW, $this->attempt( $this->number, 'gwen@example.test' ) );
	}

	public function test_failures_spread_over_windows_never_lock_out(): void {
		$this->fail_times( OrderLookup::MAX_FAILURES - 1 );
		$this->clock->time += OrderLookup::WINDOW;
		$this->fail_times( OrderLookup::MAX_FAILURES - 1 );

		$this->assertSame( 0, $this->attempt( $this->number, 'gwen@example.test' ) );
	}

	public function test_successes_do_not_count_and_an_order_number_is_one_key_however_typed(): void {
		for ( $i = 0; $i < 10; $i++ ) {
			$this->assertSame( 0, $this->attempt( $this->number, 'gwen@example.test' ) );
		}
		foreach ( array( $this->number, '#' . $this->number, ' ' . $this->number . ' ', $this->number, '#' . $this->number ) as $i => $typed ) {
			$this->assertSame( 404, $this->attempt( $typed, "guess{$i}@example.test", "198.51.100.{$i}" ) );
		}

		$this->assertLessThan( 0, $this->attempt( $this->number, 'gwen@example.test', '192.0.2.1' ) );
	}

	/**
	 * @return array<string, array{0: string, 1: string}>
	 */
	public function addresses(): array {
		return array(
			'IPv4'          => array( '203.0.113.77', '203.0.113.x' ),
			'IPv6'          => array( '2001:db8:85a3:8d3:1319:8a2e:370:7348', '2001:db8:85a3::x' ),
			'short IPv6'    => array( '::1', '0:0:0::x' ),
			'not an address' => array( 'evil<script>', 'unknown address' ),
		);
	}

	/**
	 * @dataProvider addresses
	 */
	public function test_addresses_are_recorded_masked( string $ip, string $masked ): void {
		$this->assertSame( $masked, OrderLookup::mask_ip( $ip ) );
	}
}
