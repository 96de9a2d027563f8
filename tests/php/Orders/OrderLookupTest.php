<?php
/**
 * OrderLookup's limits over time (a clock moved by hand): back-off per client, short lockouts of
 * shared keys (order number, email), the day's lock when many clients fail on one, and keys
 * normalised.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Orders;

use Aftercare\Http\ClientAddress;
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

	private OrderFactory $orders;

	private int $order_id;

	protected function setUp(): void {
		parent::setUp();
		global $wpdb;
		$this->orders   = SiteOrders::factory();
		$this->clock    = new FixedClock( time() );
		$this->lookup   = new OrderLookup(
			$this->orders->source(),
			new RateLimiter( $wpdb, $this->clock ),
			new Settings(),
			new ClientAddress( new Settings() ),
			$this->clock,
			0
		);
		$this->order_id = $this->orders->create( array( 'email' => 'gwen@example.test' ) );
		$this->number   = $this->orders->source()->find( $this->order_id )->number;
	}

	protected function tearDown(): void {
		$_SERVER['REMOTE_ADDR'] = '127.0.0.1';
		parent::tearDown();
	}

	/**
	 * @return int 0 when found, 404 or 429 (then the Retry-After seconds as a negative number).
	 */
	private function attempt( string $number, string $email, string $ip = '203.0.113.5' ): int {
		$_SERVER['REMOTE_ADDR'] = $ip;
		try {
			$this->lookup->lookup( $number, $email, '' );
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
	 * Failures of up to MAX_CLIENTS - 1 strangers on the buyer's order number: each round locks
	 * the number for one window, never longer, and the buyer gets in after it.
	 */
	public function test_strangers_keep_the_buyer_out_of_an_order_for_one_window_at_most(): void {
		for ( $round = 0; $round < 3; $round++ ) {
			for ( $i = 0; $i < OrderLookup::MAX_FAILURES; $i++ ) {
				$stranger = '198.51.100.' . ( $i % ( OrderLookup::MAX_CLIENTS - 1 ) );
				$this->assertSame( 404, $this->attempt( $this->number, "guess{$round}{$i}@example.test", $stranger ) );
			}
			$this->assertSame( -OrderLookup::WINDOW, $this->attempt( $this->number, 'gwen@example.test', '192.0.2.1' ), "round {$round}: a short lock, no back-off" );
			$this->clock->time += OrderLookup::WINDOW;
			$this->assertSame( 0, $this->attempt( $this->number, 'gwen@example.test', '192.0.2.1' ), "round {$round}: the buyer gets in" );
		}
		$this->assertSame( array(), $this->orders->notes( $this->order_id ) );
	}

	public function test_failures_from_many_clients_lock_the_order_for_a_day_and_tell_the_store(): void {
		for ( $i = 1; $i <= OrderLookup::MAX_CLIENTS; $i++ ) {
			// Slowly, one failure per client and window: no short lock explains what follows.
			$this->clock->time += OrderLookup::WINDOW;
			$this->assertSame( 404, $this->attempt( '#' . $this->number, "guess{$i}@example.test", "2001:db8:{$i}::1" ) );
		}

		$this->assertSame( -DAY_IN_SECONDS, $this->attempt( $this->number, 'gwen@example.test', '192.0.2.1' ), 'safety wins: even the right details wait a day' );
		$this->assertSame( 404, $this->attempt( '90000001', 'someone@example.test', '192.0.2.1' ), 'other numbers are not locked' );
		$notes = $this->orders->notes( $this->order_id );
		$this->assertCount( 1, $notes, 'the store is told once' );
		$this->assertFalse( $notes[0]['for_customer'] );
		$this->assertStringContainsString( (string) OrderLookup::MAX_CLIENTS, $notes[0]['note'] );
		$this->assertStringContainsString(
			wp_date( get_option( 'date_format' ) . ' ' . get_option( 'time_format' ), $this->clock->time + DAY_IN_SECONDS ),
			$notes[0]['note']
		);

		$this->clock->time += DAY_IN_SECONDS;
		$this->assertSame( 0, $this->attempt( $this->number, 'gwen@example.test', '192.0.2.1' ), 'and get in after it' );
	}

	public function test_one_client_failing_often_is_that_clients_problem_not_a_distributed_attack(): void {
		for ( $round = 0; $round < 4; $round++ ) {
			$this->fail_times( OrderLookup::MAX_FAILURES );
			$this->clock->time += DAY_IN_SECONDS;
		}
		$this->assertSame( array(), $this->orders->notes( $this->order_id ) );
		$this->assertSame( 0, $this->attempt( $this->number, 'gwen@example.test', '192.0.2.1' ) );
	}

	public function test_a_known_email_cannot_walk_order_numbers_from_many_addresses(): void {
		// Two addresses share the walk, so neither reaches its own limit.
		for ( $i = 0; $i < OrderLookup::MAX_FAILURES; $i++ ) {
			$this->assertSame( 404, $this->attempt( (string) ( 90000000 + $i ), ' Gwen@Example.test', '198.51.100.' . ( $i % 2 ) ) );
		}
		$this->assertSame( -OrderLookup::WINDOW, $this->attempt( $this->number, 'gwen@example.test', '192.0.2.1' ), 'the email is locked for a window' );
		$this->assertSame( 404, $this->attempt( $this->number, 'someone@example.test', '192.0.2.1' ), 'other emails are not' );

		$this->clock->time += OrderLookup::WINDOW;
		for ( $i = 2; $i < OrderLookup::MAX_CLIENTS - 1; $i++ ) {
			$this->assertSame( 404, $this->attempt( (string) ( 91000000 + $i ), 'gwen@example.test', '198.51.100.' . $i ) );
		}
		$this->assertSame( array(), $this->orders->notes( $this->order_id ) );
		$this->assertSame( 404, $this->attempt( '91000099', 'gwen@example.test', '198.51.100.99' ), 'the fifth different address' );

		$this->assertSame( -DAY_IN_SECONDS, $this->attempt( $this->number, 'gwen@example.test', '192.0.2.1' ) );
		$notes = $this->orders->notes( $this->order_id );
		$this->assertCount( 1, $notes, 'the email\'s latest order tells the store' );
		$this->assertFalse( $notes[0]['for_customer'] );
	}
}
