<?php
/**
 * Rebuilds the rollup of a range of days: in the background, a day at a time, with its place
 * and progress in an option (a run that stops resumes at the next day; rebuilding a day twice
 * gives the same rows), or at once for WP-CLI with a progress callback.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Reports;

use Aftercare\Infrastructure\Clock;
use Aftercare\Infrastructure\DomainError;
use Aftercare\Infrastructure\Jobs;
use Aftercare\Infrastructure\Registrable;

final class RollupRebuild implements Registrable {

	public const HOOK = 'aftercare_report_rebuild';

	/** The progress of the background rebuild. */
	public const OPTION = 'aftercare_report_rebuild';

	/** Seconds a run works before it hands the rest to the next run. */
	private const BUDGET = 10;

	public function __construct( private Rollup $rollup, private Clock $clock ) {}

	public function register(): void {
		add_action( self::HOOK, array( $this, 'run' ) );
	}

	/**
	 * Rebuilds the days from $from to $to in order, now.
	 *
	 * @param callable(string, int, int): void|null $progress Called after each day: the day, days done, days in all.
	 * @return int Days rebuilt.
	 */
	public function rebuild( string $from, string $to, ?callable $progress = null ): int {
		$period = Period::parse( $from, $to, $this->clock, Period::MAX_DAYS );
		$total  = $period->days;
		for ( $done = 0; $done < $total; ) {
			$day = Rollup::shift( $period->from, $done );
			$this->rollup->rebuild( $day );
			++$done;
			if ( $progress ) {
				$progress( $day, $done, $total );
			}
		}
		return $total;
	}

	/**
	 * Starts the background rebuild of a range (none may be running).
	 *
	 * @return array<string, mixed> The progress.
	 */
	public function start( string $from, string $to ): array {
		$period = Period::parse( $from, $to, $this->clock, Period::MAX_DAYS );
		if ( 'running' === $this->progress()['state'] ) {
			throw DomainError::conflict( 'rebuild_running', __( 'A rebuild of the reports is already running. Wait for it to finish.', 'aftercare' ) );
		}
		update_option(
			self::OPTION,
			array(
				'from'        => $period->from,
				'to'          => $period->to,
				'next'        => $period->from,
				'days_done'   => 0,
				'days_total'  => $period->days,
				'started_at'  => $this->clock->now(),
				'finished_at' => 0,
			),
			false
		);
		Jobs::wake( self::HOOK, $this->clock->now() );
		return $this->progress();
	}

	/**
	 * Rebuilds days from where the last run stopped, for a while.
	 *
	 * @return int Days rebuilt in this run.
	 */
	public function run(): int {
		$state   = $this->state();
		$started = microtime( true );
		$done    = 0;
		while ( $state && '' !== $state['next'] ) {
			$this->rollup->rebuild( $state['next'] );
			++$done;
			++$state['days_done'];
			$state['next'] = $state['next'] < $state['to'] ? Rollup::shift( $state['next'], 1 ) : '';
			if ( '' === $state['next'] ) {
				$state['finished_at'] = $this->clock->now();
			}
			update_option( self::OPTION, $state, false );
			if ( '' !== $state['next'] && microtime( true ) - $started >= self::BUDGET ) {
				Jobs::wake( self::HOOK, $this->clock->now() );
				break;
			}
		}
		return $done;
	}

	/**
	 * What the screen shows: idle (never started), running, or done.
	 *
	 * @return array{state: string, from: string|null, to: string|null, next: string|null, days_done: int, days_total: int,
	 *               percent: float, started_at: string|null, finished_at: string|null}
	 */
	public function progress(): array {
		$state = $this->state();
		$iso   = static fn( int $time ): ?string => $time ? gmdate( 'Y-m-d\TH:i:s\Z', $time ) : null;
		return array(
			'state'       => ! $state ? 'idle' : ( '' === $state['next'] ? 'done' : 'running' ),
			'from'        => $state['from'] ?? null,
			'to'          => $state['to'] ?? null,
			'next'        => $state && '' !== $state['next'] ? $state['next'] : null,
			'days_done'   => (int) ( $state['days_done'] ?? 0 ),
			'days_total'  => (int) ( $state['days_total'] ?? 0 ),
			'percent'     => $state && $state['days_total'] ? round( 100 * $state['days_done'] / $state['days_total'], 1 ) : 0.0,
			'started_at'  => $iso( (int) ( $state['started_at'] ?? 0 ) ),
			'finished_at' => $iso( (int) ( $state['finished_at'] ?? 0 ) ),
		);
	}

	/**
	 * The stored progress, read from the database (another request may have started one).
	 *
	 * @return array{from: string, to: string, next: string, days_done: int, days_total: int, started_at: int, finished_at: int}|null
	 */
	private function state(): ?array {
		wp_cache_delete( self::OPTION, 'options' );
		$state = get_option( self::OPTION );
		return is_array( $state ) && isset( $state['from'], $state['to'], $state['next'], $state['days_done'], $state['days_total'] ) ? $state : null;
	}
}
