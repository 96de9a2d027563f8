<?php
/**
 * The monthly rollup: the day rollup's counts summed by month (keyed by the month's first day),
 * so a long period reads its whole months here and only its edge days from the day table.
 * RollupTable writes it, with the days, in the same transactions; snapshots stay daily only.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Reports;

use Aftercare\Infrastructure\Database\Table;

final class RollupMonths implements Table {

	public function table_name(): string {
		return 'report_months';
	}

	public function schema_version(): int {
		return 1;
	}

	public function schema( string $table, string $collate ): string {
		return RollupTable::shape( $table, $collate );
	}
}
