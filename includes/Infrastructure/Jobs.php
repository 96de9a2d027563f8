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
			$next = as_next_scheduled_action( $hook, array(), 'aftercare' );
			if ( false === $next || ( is_int( $next ) && $next > $time ) ) {
				as_schedule_single_action( $time, $hook, array(), 'aftercare', true );
			}
			return;
		}
		$next = wp_next_scheduled( $hook );
		if ( false === $next || $next > $time ) {
			wp_schedule_single_event( $time, $hook );
		}
	}
}
