<?php
/**
 * The options-row lock (installs, an order's returns): one holder at a time, a dead holder's
 * lock is taken over once it expires, only the holder releases it, and a waiter gives up.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Infrastructure;

use Aftercare\Infrastructure\Database\Lock;
use Aftercare\Tests\FixedClock;
use Aftercare\Tests\TestCase;

/**
 * @group sqlite
 */
final class LockTest extends TestCase {

	public function test_one_holder_at_a_time_expiry_and_release(): void {
		global $wpdb;
		$clock = new FixedClock();
		$lock  = new Lock( $wpdb, $clock );
		$first = $lock->acquire( 'aftercare_test_lock', 60 );
		$this->assertNotNull( $first );
		$this->assertNull( $lock->acquire( 'aftercare_test_lock', 60 ), 'held' );
		$this->assertNull( $lock->wait( 'aftercare_test_lock', 60, 0.2 ), 'a waiter gives up while it is held' );

		$clock->time += 61;
		$second = $lock->acquire( 'aftercare_test_lock', 60 );
		$this->assertNotNull( $second, 'an expired lock is taken over' );
		$this->assertNotSame( $first, $second );

		$lock->release( 'aftercare_test_lock', $first );
		$this->assertNull( $lock->acquire( 'aftercare_test_lock', 60 ), 'the old holder cannot release the new holder\'s lock' );
		$lock->release( 'aftercare_test_lock', $second );
		$this->assertNotNull( $lock->acquire( 'aftercare_test_lock', 60 ), 'free again once released' );
	}
}
