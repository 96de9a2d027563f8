<?php
/**
 * Database-backed rate limits.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Infrastructure;

use Aftercare\Infrastructure\RateLimiter;
use Aftercare\Tests\FixedClock;
use Aftercare\Tests\TestCase;

final class RateLimiterTest extends TestCase {

	private FixedClock $clock;

	private RateLimiter $limiter;

	protected function setUp(): void {
		parent::setUp();
		global $wpdb;
		$this->clock   = new FixedClock();
		$this->limiter = new RateLimiter( $wpdb, $this->clock );
	}

	public function test_allows_the_limit_then_refuses_with_the_seconds_left(): void {
		for ( $i = 0; $i < 3; $i++ ) {
			$this->assertSame( 0, $this->limiter->hit( 'lookup', '203.0.113.9', 3, 900 ) );
		}
		$this->assertSame( 900, $this->limiter->retry_after( 'lookup', '203.0.113.9', 3 ) );

		$this->clock->time += 100;
		$this->assertSame( 800, $this->limiter->hit( 'lookup', '203.0.113.9', 3, 900 ) );
	}

	public function test_a_new_window_starts_when_the_old_one_ends(): void {
		for ( $i = 0; $i < 4; $i++ ) {
			$this->limiter->hit( 'lookup', 'k', 3, 60 );
		}
		$this->clock->time += 60;
		$this->assertSame( 0, $this->limiter->retry_after( 'lookup', 'k', 3 ) );
		$this->assertSame( 0, $this->limiter->hit( 'lookup', 'k', 3, 60 ) );
	}

	public function test_spending_takes_only_what_fits_and_a_new_window_refills(): void {
		$this->assertSame( 0, $this->limiter->spend( 'bytes', 'k', 600, 1000, 86400 ) );
		$this->assertSame( 86400, $this->limiter->spend( 'bytes', 'k', 500, 1000, 86400 ), 'refused: 1100 > 1000' );
		$this->assertSame( 0, $this->limiter->spend( 'bytes', 'k', 400, 1000, 86400 ), 'the refusal spent nothing' );
		$this->clock->time += 100;
		$this->assertSame( 86300, $this->limiter->spend( 'bytes', 'k', 1, 1000, 86400 ) );
		$this->assertSame( 86400, $this->limiter->spend( 'bytes', 'other', 1001, 1000, 86400 ), 'more than a window allows never fits' );
		$this->clock->time += 86300;
		$this->assertSame( 0, $this->limiter->spend( 'bytes', 'k', 1000, 1000, 86400 ) );
	}

	public function test_keys_and_buckets_are_independent_and_clear_resets(): void {
		$this->limiter->hit( 'lookup', 'a', 1, 60 );
		$this->assertGreaterThan( 0, $this->limiter->hit( 'lookup', 'a', 1, 60 ) );
		$this->assertSame( 0, $this->limiter->hit( 'lookup', 'b', 1, 60 ) );
		$this->assertSame( 0, $this->limiter->hit( 'create', 'a', 1, 60 ) );

		$this->limiter->clear( 'lookup', 'a' );
		$this->assertSame( 0, $this->limiter->hit( 'lookup', 'a', 1, 60 ) );
	}

	public function test_survives_an_object_cache_flush_and_stores_no_raw_key(): void {
		global $wpdb;
		$this->limiter->hit( 'lookup', 'shopper@example.test', 1, 60 );
		$this->limiter->hit( 'lookup', 'shopper@example.test', 1, 60 );
		wp_cache_flush();

		$this->assertGreaterThan( 0, $this->limiter->retry_after( 'lookup', 'shopper@example.test', 1 ) );
		$keys = $wpdb->get_col( "SELECT bucket_key FROM {$wpdb->prefix}aftercare_rate_limits" );
		$this->assertNotEmpty( $keys );
		foreach ( $keys as $key ) {
			$this->assertMatchesRegularExpression( '/^[0-9a-f]{64}$/', $key );
		}
	}
}
