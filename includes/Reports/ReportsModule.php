<?php
/**
 * Reports: the daily rollup (kept by events, rebuilt by a job), the figures read from it, CSV,
 * and their REST routes.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Reports;

use Aftercare\Cli\Output;
use Aftercare\Infrastructure\InfrastructureModule;
use Aftercare\Infrastructure\Module;
use Aftercare\Reports\Cli\ReportsCommand;
use Aftercare\Reports\Rest\BreakdownController;
use Aftercare\Reports\Rest\RebuildController;
use Aftercare\Reports\Rest\ReportsSchema;
use Aftercare\Reports\Rest\SummaryController;
use Aftercare\Reports\Rest\TrendController;
use Aftercare\Returns\ReturnsModule;
use Aftercare\Tickets\TicketsModule;

final class ReportsModule extends Module {

	public readonly RollupTable $table;
	/** The month table RollupTable keeps beside the days. */
	private RollupMonths $months;
	public readonly Rollup $rollup;
	/** Rebuilds ranges of days (the job, the REST route, WP-CLI). */
	public readonly RollupRebuild $rebuild;
	public readonly Reports $reports;
	/** Every report table as CSV (the REST routes, WP-CLI). */
	public readonly ReportCsv $csv;

	public function __construct( private InfrastructureModule $shared, TicketsModule $tickets, ReturnsModule $returns ) {
		$this->months  = new RollupMonths();
		$this->table   = new RollupTable( $shared->wpdb, $shared->transaction, $this->months );
		$this->rollup  = new Rollup(
			$this->table,
			new Facts( $tickets->sla ),
			$tickets->repository,
			$tickets->messages,
			$tickets->events,
			$tickets->ratings,
			$returns->repository,
			$shared->clock
		);
		$this->rebuild = new RollupRebuild( $this->rollup, $shared->clock );
		$this->reports = new Reports( $this->table, $returns->policy );
		$this->csv     = new ReportCsv( $this->reports, $shared->clock );
	}

	public function services(): array {
		$shapes = new ReportsSchema();
		return array(
			$this->rollup,
			$this->rebuild,
			new SummaryController( $this->reports, $this->csv, $shapes, $this->shared->clock ),
			new BreakdownController( $this->reports, $this->csv, $shapes, $this->shared->clock ),
			new TrendController( $this->reports, $this->csv, $shapes, $this->shared->clock ),
			new RebuildController( $this->rebuild, $shapes ),
		);
	}

	public function commands( Output $output ): array {
		return array( 'aftercare reports' => new ReportsCommand( $output, $this->rebuild, $this->csv ) );
	}

	public function tables(): array {
		return array( $this->table, $this->months );
	}

	public function migrations(): array {
		// Sites that had the day table before the month table: their months from their days.
		return array( 'report_months' => array( $this->table, 'fill_months' ) );
	}
}
