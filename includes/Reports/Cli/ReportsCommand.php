<?php
/**
 * `wp aftercare reports`: rebuilding the daily rollup, and every report table as CSV.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Reports\Cli;

use Aftercare\Cli\Command;
use Aftercare\Cli\Output;
use Aftercare\Cli\Progress;
use Aftercare\Infrastructure\DomainError;
use Aftercare\Reports\ReportCsv;
use Aftercare\Reports\RollupRebuild;

final class ReportsCommand extends Command {

	public function __construct( Output $output, private RollupRebuild $rebuild, private ReportCsv $csv ) {
		parent::__construct( $output );
	}

	/**
	 * Rebuilds the reports' daily rollup from the tickets, ratings and returns, day by day.
	 *
	 * Each day's rows are recomputed and replaced in one transaction, so the reports stay readable
	 * meanwhile and a rebuild can be run again at any time. Runs now, in this process; the
	 * Reports screen's rebuild runs in the background instead.
	 *
	 * ## OPTIONS
	 *
	 * [--from=<date>]
	 * : First day (YYYY-MM-DD, the store's calendar). Default: 365 days before --to.
	 *
	 * [--to=<date>]
	 * : Last day. Default: today. At most 366 days in all.
	 *
	 * ## EXAMPLES
	 *
	 *     wp aftercare reports rebuild
	 *     wp aftercare reports rebuild --from=2026-01-01 --to=2026-06-30
	 *
	 * @param string[]             $args       Positional arguments (none).
	 * @param array<string, mixed> $assoc_args Named arguments.
	 */
	public function rebuild( array $args, array $assoc_args ): void {
		$bar = null;
		try {
			$days = $this->rebuild->rebuild(
				(string) ( $assoc_args['from'] ?? '' ),
				(string) ( $assoc_args['to'] ?? '' ),
				function ( string $day, int $done, int $total ) use ( &$bar ): void {
					$bar ??= $this->output->progress( __( 'Rebuilding report days', 'aftercare' ), $total );
					$bar->tick();
				}
			);
		} catch ( DomainError $error ) {
			$this->output->error( $error->getMessage() );
		}
		if ( $bar instanceof Progress ) {
			$bar->finish();
		}
		/* translators: %d: number of days rebuilt. */
		$this->output->success( sprintf( _n( 'Rebuilt the reports of %d day.', 'Rebuilt the reports of %d days.', $days, 'aftercare' ), $days ) );
	}

	/**
	 * Prints a report table as CSV, as the Reports screen downloads it.
	 *
	 * ## OPTIONS
	 *
	 * <report>
	 * : summary, breakdown or trend.
	 *
	 * [--from=<date>]
	 * : First day (YYYY-MM-DD). Default: 29 days before --to.
	 *
	 * [--to=<date>]
	 * : Last day. Default: today.
	 *
	 * [--[no-]compare]
	 * : With the previous period of the same length (summary and breakdown). Default: on.
	 *
	 * [--group=<group>]
	 * : The breakdown's rows: agent, channel, priority, tag or product.
	 *
	 * [--table=<table>]
	 * : The summary's table: figures (default), first_response, resolution, reasons or outcomes.
	 *
	 * ## EXAMPLES
	 *
	 *     wp aftercare reports export summary > summary.csv
	 *     wp aftercare reports export breakdown --group=agent --from=2026-11-01 --to=2026-11-30
	 *
	 * @param string[]             $args       The report.
	 * @param array<string, mixed> $assoc_args Named arguments.
	 */
	public function export( array $args, array $assoc_args ): void {
		$params = array_intersect_key( $assoc_args, array_flip( array( 'from', 'to', 'group', 'table' ) ) );
		if ( isset( $assoc_args['compare'] ) ) {
			$params['compare'] = wp_validate_boolean( $assoc_args['compare'] );
		}
		try {
			$csv = $this->csv->export( (string) ( $args[0] ?? '' ), $params );
		} catch ( DomainError $error ) {
			$this->output->error( $error->getMessage() );
		}
		$this->output->write( $csv );
	}
}
