<?php
/**
 * The daily rollup: one row per day, dimension, value and measure holding an additive amount
 * (see docs/reports.md for the measures). Events add to today's rows; a rebuild replaces a day.
 * Each write keeps the month table (RollupMonths) equal to the sum of its days' counts in the
 * same transaction, and a period's sums read whole months there and only its edge days here.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Reports;

use Aftercare\Infrastructure\Database\Table;
use Aftercare\Infrastructure\Database\Transaction;

final class RollupTable implements Table {

	/** Rows per INSERT. */
	private const BATCH = 500;

	/** The measures that are a snapshot of their day rather than a count of what happened in it. */
	public const SNAPSHOT = 'backlog';

	/** What a duplicate key does when amounts are added (in SQL: concurrent writers never lose a count). */
	private const ADD = 'amount = amount + VALUES(amount)';

	public function __construct( private \wpdb $wpdb, private Transaction $transaction, private RollupMonths $months ) {}

	public function table_name(): string {
		return 'report_days';
	}

	public function schema_version(): int {
		return 1;
	}

	public function schema( string $table, string $collate ): string {
		return self::shape( $table, $collate );
	}

	/**
	 * The columns the day and the month tables share (`day`: a month's first day in the month table).
	 */
	public static function shape( string $table, string $collate ): string {
		return "CREATE TABLE {$table} (
  dimension varchar(10) NOT NULL,
  day date NOT NULL,
  value varchar(64) NOT NULL DEFAULT '',
  measure varchar(60) NOT NULL,
  amount bigint(20) NOT NULL DEFAULT 0,
  PRIMARY KEY  (dimension,day,value,measure),
  KEY day (day)
) {$collate};";
	}

	public function table(): string {
		return $this->wpdb->prefix . 'aftercare_' . $this->table_name();
	}

	private function month_table(): string {
		return $this->wpdb->prefix . 'aftercare_' . $this->months->table_name();
	}

	/**
	 * Adds amounts to a day's rows and their counts to its month's, in one transaction.
	 *
	 * @param array<string, int> $amounts `dimension|value|measure` => amount to add.
	 */
	public function add( string $day, array $amounts ): void {
		$this->transaction->run(
			function () use ( $day, $amounts ): void {
				$this->insert( $this->table(), $day, $amounts, self::ADD );
				$this->insert( $this->month_table(), self::month_of( $day ), self::counts( $amounts ), self::ADD );
			}
		);
	}

	/**
	 * Replaces a day's rows (all of them, or only its snapshot) with these, and adds the change of
	 * its counts to its month, in one transaction.
	 *
	 * @param array<string, int> $amounts `dimension|value|measure` => amount.
	 */
	public function replace( string $day, array $amounts, bool $snapshot_only = false ): void {
		$this->transaction->run(
			function () use ( $day, $amounts, $snapshot_only ): void {
				if ( ! $snapshot_only ) {
					// Locked first, so a concurrent add() either is in these old rows or waits and adds to the new ones.
					$change = self::counts( $amounts );
					foreach ( self::counts( $this->rows( $this->table(), $day, true ) ) as $key => $old ) {
						$change[ $key ] = ( $change[ $key ] ?? 0 ) - $old;
					}
				}
				$sql = "DELETE FROM {$this->table()} WHERE day = %s" . ( $snapshot_only ? ' AND measure LIKE %s' : '' );
				$args = $snapshot_only ? array( $day, self::SNAPSHOT . '%' ) : array( $day );
				// phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- table name, placeholders.
				$this->wpdb->query( $this->wpdb->prepare( $sql, $args ) );
				$this->insert( $this->table(), $day, $amounts, 'amount = VALUES(amount)' );
				if ( isset( $change ) ) {
					$this->insert( $this->month_table(), self::month_of( $day ), $change, self::ADD );
				}
			}
		);
	}

	/**
	 * Makes every month from the first day rolled up to the last the sum of its days (the upgrade
	 * that added the month table), a month a transaction, its days' rows locked meanwhile.
	 *
	 * @return bool True (the installer's migration contract).
	 */
	public function fill_months(): bool {
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name.
		$span = $this->wpdb->get_row( "SELECT MIN(day), MAX(day) FROM {$this->table()}", ARRAY_N );
		if ( empty( $span[0] ) ) {
			return true;
		}
		for ( $month = self::month_of( $span[0] ); $month <= $span[1]; $month = self::next_month( $month ) ) {
			$this->transaction->run(
				function () use ( $month ): void {
					$rows = $this->wpdb->get_results(
						$this->wpdb->prepare(
							// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name.
							"SELECT dimension, value, measure, SUM(amount) FROM {$this->table()}
							WHERE day >= %s AND day < %s AND measure NOT LIKE %s GROUP BY dimension, value, measure FOR UPDATE",
							$month,
							self::next_month( $month ),
							self::SNAPSHOT . '%'
						),
						ARRAY_N
					);
					$amounts = array();
					foreach ( $rows as list( $dimension, $value, $measure, $amount ) ) {
						$amounts[ $dimension . '|' . $value . '|' . $measure ] = (int) $amount;
					}
					// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name.
					$this->wpdb->query( $this->wpdb->prepare( "DELETE FROM {$this->month_table()} WHERE day = %s", $month ) );
					$this->insert( $this->month_table(), $month, $amounts, 'amount = VALUES(amount)' );
				}
			);
		}
		return true;
	}

	/**
	 * Every row of a day, as replace() takes them (tests compare the event-kept rows with a rebuild).
	 *
	 * @return array<string, int>
	 */
	public function day( string $day ): array {
		return $this->rows( $this->table(), $day, false );
	}

	/**
	 * Every row of a month (its first day), as day() gives a day's.
	 *
	 * @return array<string, int>
	 */
	public function month( string $month ): array {
		return $this->rows( $this->month_table(), $month, false );
	}

	/**
	 * Sums per value and measure of one dimension over two periods (the counts), and the snapshot
	 * of each period's last day.
	 *
	 * @return array<string, array{current: array<string, int>, previous: array<string, int>}> By value.
	 */
	public function sums( string $dimension, string $from, string $to, ?string $previous_from, ?string $previous_to ): array {
		$pieces = self::pieces( $from, $to, 1 );
		if ( null !== $previous_from && null !== $previous_to ) {
			$pieces = array_merge( $pieces, self::pieces( $previous_from, $previous_to, 0 ) );
		}
		$rows = array();
		foreach ( $pieces as list( $months, $first, $last, $current ) ) {
			$table = $months ? $this->month_table() : $this->table();
			$rows  = array_merge(
				$rows,
				$this->wpdb->get_results(
					$this->wpdb->prepare(
						// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name.
						"SELECT value, %d, measure, SUM(amount) FROM {$table}
						WHERE dimension = %s AND day BETWEEN %s AND %s AND measure NOT LIKE %s GROUP BY value, measure",
						$current,
						$dimension,
						$first,
						$last,
						self::SNAPSHOT . '%'
					),
					ARRAY_N
				)
			);
		}
		$days = array_values( array_filter( array( $to, $previous_to ) ) );
		$snap = $this->wpdb->get_results(
			$this->wpdb->prepare(
				// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name.
				"SELECT value, day = %s AS cur, measure, amount FROM {$this->table()} WHERE dimension = %s AND day IN (%s, %s) AND measure LIKE %s",
				$to,
				$dimension,
				$days[0],
				$days[1] ?? $days[0],
				self::SNAPSHOT . '%'
			),
			ARRAY_N
		);
		$sums = array();
		foreach ( array_merge( $rows, $snap ) as list( $value, $current, $measure, $amount ) ) {
			$sums[ $value ] ??= array(
				'current'  => array(),
				'previous' => array(),
			);
			$half                             = $current ? 'current' : 'previous';
			$sums[ $value ][ $half ][ $measure ] = ( $sums[ $value ][ $half ][ $measure ] ?? 0 ) + (int) $amount;
		}
		return $sums;
	}

	/**
	 * Some measures' totals of each day of a period.
	 *
	 * @param string[] $measures The measures to read.
	 * @return array<string, array<string, int>> Day => measure => amount.
	 */
	public function daily( string $from, string $to, array $measures ): array {
		$in   = implode( ',', array_fill( 0, count( $measures ), '%s' ) );
		$rows = $this->wpdb->get_results(
			$this->wpdb->prepare(
				// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name, placeholders.
				"SELECT day, measure, amount FROM {$this->table()} WHERE dimension = 'total' AND day BETWEEN %s AND %s AND measure IN ({$in})",
				...array_merge( array( $from, $to ), $measures )
			)
		);
		$days = array();
		foreach ( $rows as $row ) {
			$days[ $row->day ][ $row->measure ] = (int) $row->amount;
		}
		return $days;
	}

	/**
	 * Where a period's counts are read: its whole months from the month table, the days before the
	 * first and after the last whole month from the day table.
	 *
	 * @return array<int, array{0: bool, 1: string, 2: string, 3: int}> Months or days, first and last day, $current.
	 */
	private static function pieces( string $from, string $to, int $current ): array {
		$first = self::month_of( $from ) === $from ? $from : self::next_month( $from );
		$after = self::month_of( Rollup::shift( $to, 1 ) );
		if ( $first >= $after ) {
			return array( array( false, $from, $to, $current ) );
		}
		$pieces = array( array( true, $first, Rollup::shift( $after, -1 ), $current ) );
		if ( $from < $first ) {
			$pieces[] = array( false, $from, Rollup::shift( $first, -1 ), $current );
		}
		if ( $after <= $to ) {
			$pieces[] = array( false, $after, $to, $current );
		}
		return $pieces;
	}

	/** The first day of a day's month. */
	private static function month_of( string $day ): string {
		return substr( $day, 0, 8 ) . '01';
	}

	/** The first day of the month after a day's. */
	private static function next_month( string $day ): string {
		return ( new \DateTimeImmutable( self::month_of( $day ), new \DateTimeZone( 'UTC' ) ) )->modify( '+1 month' )->format( 'Y-m-d' );
	}

	/**
	 * Amounts without the snapshot measures (what the month table holds).
	 *
	 * @param array<string, int> $amounts `dimension|value|measure` => amount.
	 * @return array<string, int>
	 */
	private static function counts( array $amounts ): array {
		return array_filter(
			$amounts,
			static fn( string $key ): bool => ! str_starts_with( substr( $key, (int) strrpos( $key, '|' ) + 1 ), self::SNAPSHOT ),
			ARRAY_FILTER_USE_KEY
		);
	}

	/**
	 * The non-zero rows of a day (or, in the month table, a month), locked for update if asked.
	 *
	 * @return array<string, int> `dimension|value|measure` => amount, in key order.
	 */
	private function rows( string $table, string $day, bool $lock ): array {
		$rows = $this->wpdb->get_results(
			// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name.
			$this->wpdb->prepare( "SELECT dimension, value, measure, amount FROM {$table} WHERE day = %s AND amount <> 0" . ( $lock ? ' FOR UPDATE' : '' ), $day ),
			ARRAY_N
		);
		$amounts = array();
		foreach ( $rows as list( $dimension, $value, $measure, $amount ) ) {
			$amounts[ $dimension . '|' . $value . '|' . $measure ] = (int) $amount;
		}
		ksort( $amounts );
		return $amounts;
	}

	/**
	 * @param string             $table   The day or the month table.
	 * @param string             $day     The day (a month's first day in the month table).
	 * @param array<string, int> $amounts `dimension|value|measure` => amount.
	 * @param string             $update  What a duplicate key does.
	 */
	private function insert( string $table, string $day, array $amounts, string $update ): void {
		$amounts = array_filter( $amounts );
		foreach ( array_chunk( $amounts, self::BATCH, true ) as $chunk ) {
			$values = array();
			foreach ( $chunk as $key => $amount ) {
				// Dimensions and measures never hold a bar; a tag may.
				$first = (int) strpos( $key, '|' );
				$last  = (int) strrpos( $key, '|' );
				array_push( $values, substr( $key, 0, $first ), $day, substr( $key, $first + 1, $last - $first - 1 ), substr( $key, $last + 1 ), $amount );
			}
			$rows = implode( ',', array_fill( 0, count( $chunk ), '(%s, %s, %s, %s, %d)' ) );
			$sql  = "INSERT INTO {$table} (dimension, day, value, measure, amount) VALUES {$rows} ON DUPLICATE KEY UPDATE {$update}";
			// phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- table name, placeholders.
			if ( false === $this->wpdb->query( $this->wpdb->prepare( $sql, $values ) ) ) {
				throw new \RuntimeException( 'The report rollup could not be written: ' . esc_html( $this->wpdb->last_error ) );
			}
		}
	}
}
