<?php
/**
 * Background runs of a hook: through Action Scheduler when WooCommerce brings it (a queue in the
 * database, with a log), else WP-Cron.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Infrastructure;

final class Jobs {

	/**
	 * Makes sure a run of $hook happens at $time (or sooner).
	 */
	public static function wake( string $hook, int $time ): void {
		if ( function_exists( 'as_schedule_single_action' ) && function_exists( 'as_next_scheduled_action' ) && did_action( 'action_scheduler_init' ) ) {
			// An int: a pending run at that time. true: a run in progress, often the caller asking for its
			// next one, which must not stop it (so no `unique`, which counts runs in progress too).
			$next = as_next_scheduled_action( $hook, array(), 'aftercare' );
			if ( is_int( $next ) && $next <= $time ) {
				return;
			}
			if ( is_int( $next ) ) {
				as_unschedule_action( $hook, array(), 'aftercare' ); // Replaced by the earlier run.
			}
			as_schedule_single_action( $time, $hook, array(), 'aftercare', true !== $next );
			return;
		}
		$next = wp_next_scheduled( $hook );
		if ( false === $next || $next > $time ) {
			wp_schedule_single_event( $time, $hook );
		}
	}
}
