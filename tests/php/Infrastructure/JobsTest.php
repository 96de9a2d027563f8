<?php
/**
 * Waking a background hook: once, at the earliest time asked for, also from inside a run of it;
 * in Action Scheduler where WooCommerce brings it (phpunit:woocommerce), else WP-Cron.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Infrastructure;

use Aftercare\Infrastructure\Jobs;
use Aftercare\Tests\TestCase;

final class JobsTest extends TestCase {

	private const HOOK = 'aftercare_test_jobs';

	private static function action_scheduler(): bool {
		return function_exists( 'as_next_scheduled_action' ) && did_action( 'action_scheduler_init' );
	}

	/** When the next run waits (true: one is in progress), or false. */
	private static function next(): int|bool {
		return self::action_scheduler() ? as_next_scheduled_action( self::HOOK, array(), 'aftercare' ) : wp_next_scheduled( self::HOOK );
	}

	public function test_one_run_at_the_earliest_time_asked_for(): void {
		$time = time() + DAY_IN_SECONDS;
		Jobs::wake( self::HOOK, $time );
		$this->assertSame( $time, self::next() );

		Jobs::wake( self::HOOK, $time + HOUR_IN_SECONDS );
		$this->assertSame( $time, self::next(), 'a later wake changes nothing' );

		Jobs::wake( self::HOOK, $time - HOUR_IN_SECONDS );
		$this->assertSame( $time - HOUR_IN_SECONDS, self::next(), 'an earlier one brings it forward' );
		if ( self::action_scheduler() ) {
			$this->assertCount( 1, as_get_scheduled_actions( array( 'hook' => self::HOOK, 'status' => \ActionScheduler_Store::STATUS_PENDING ), 'ids' ) );
		}
	}

	public function test_a_run_in_progress_can_ask_for_the_next(): void {
		if ( ! self::action_scheduler() ) {
			$this->markTestSkipped( 'WP-Cron takes an event off the schedule before running it; Action Scheduler runs in phpunit:woocommerce.' );
		}
		$running = as_schedule_single_action( time() - 60, self::HOOK, array(), 'aftercare' );
		\ActionScheduler::store()->log_execution( $running );
		$this->assertTrue( self::next(), 'in progress' );

		Jobs::wake( self::HOOK, time() + 60 );

		$pending = as_get_scheduled_actions( array( 'hook' => self::HOOK, 'status' => \ActionScheduler_Store::STATUS_PENDING ), 'ids' );
		$this->assertCount( 1, $pending, 'the next run waits beside the running one' );
	}
}
