<?php
/**
 * The daily rollup: one row per day, dimension, value and measure holding an additive amount
 * (see docs/reports.md for the measures). Events add to today's rows; a rebuild replaces a day.
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

	public function __construct( private \wpdb $wpdb, private Transaction $transaction ) {}

	public function table_name(): string {
		return 'report_days';
	}

	public function schema_version(): int {
		return 1;
	}

	public function schema( string $table, string $collate ): string {
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

	/**
	 * Adds amounts to a day's rows, in SQL (concurrent writers never lose a count).
	 *
	 * @param array<string, int> $amounts `dimension|value|measure` => amount to add.
	 */
	public function add( string $day, array $amounts ): void {
		$this->insert( $day, $amounts, 'amount = amount + VALUES(amount)' );
	}

	/**
	 * Replaces a day's rows (all of them, or only its snapshot) with these, in one transaction.
	 *
	 * @param array<string, int> $amounts `dimension|value|measure` => amount.
	 */
	public function replace( string $day, array $amounts, bool $snapshot_only = false ): void {
		$this->transaction->run(
			function () use ( $day, $amounts, $snapshot_only ): void {
				$sql = "DELETE FROM {$this->table()} WHERE day = %s" . ( $snapshot_only ? ' AND measure LIKE %s' : '' );
				$args = $snapshot_only ? array( $day, self::SNAPSHOT . '%' ) : array( $day );
				// phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- table name, placeholders.
				$this->wpdb->query( $this->wpdb->prepare( $sql, $args ) );
				$this->insert( $day, $amounts, 'amount = VALUES(amount)' );
			}
		);
	}

	/**
	 * Every row of a day, as replace() takes them (tests compare the event-kept rows with a rebuild).
	 *
	 * @return array<string, int>
	 */
	public function day( string $day ): array {
		$rows = $this->wpdb->get_results(
			// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name.
			$this->wpdb->prepare( "SELECT dimension, value, measure, amount FROM {$this->table()} WHERE day = %s AND amount <> 0", $day ),
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
	 * Sums per value and measure of one dimension over two periods (the counts), and the snapshot
	 * of each period's last day.
	 *
	 * @return array<string, array{current: array<string, int>, previous: array<string, int>}> By value.
	 */
	public function sums( string $dimension, string $from, string $to, ?string $previous_from, ?string $previous_to ): array {
		$start = $previous_from ?? $from;
		$rows  = $this->wpdb->get_results(
			$this->wpdb->prepare(
				// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name.
				"SELECT value, day >= %s AS cur, measure, SUM(amount) FROM {$this->table()}
				WHERE dimension = %s AND day BETWEEN %s AND %s AND measure NOT LIKE %s GROUP BY value, cur, measure",
				$from,
				$dimension,
				$start,
				$to,
				self::SNAPSHOT . '%'
			),
			ARRAY_N
		);
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
			$sums[ $value ][ $current ? 'current' : 'previous' ][ $measure ] = (int) $amount;
		}
		return $sums;
	}

	/**
	 * The totals of each day of a period.
	 *
	 * @return array<string, array<string, int>> Day => measure => amount.
	 */
	public function daily( string $from, string $to ): array {
		$rows = $this->wpdb->get_results(
			$this->wpdb->prepare(
				// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name.
				"SELECT day, measure, amount FROM {$this->table()} WHERE dimension = 'total' AND day BETWEEN %s AND %s",
				$from,
				$to
			),
			ARRAY_N
		);
		$days = array();
		foreach ( $rows as list( $day, $measure, $amount ) ) {
			$days[ $day ][ $measure ] = (int) $amount;
		}
		return $days;
	}

	/**
	 * @param array<string, int> $amounts `dimension|value|measure` => amount.
	 * @param string             $update  What a duplicate key does.
	 */
	private function insert( string $day, array $amounts, string $update ): void {
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
			$sql  = "INSERT INTO {$this->table()} (dimension, day, value, measure, amount) VALUES {$rows} ON DUPLICATE KEY UPDATE {$update}";
			// phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- table name, placeholders.
			if ( false === $this->wpdb->query( $this->wpdb->prepare( $sql, $values ) ) ) {
				throw new \RuntimeException( 'The report rollup could not be written: ' . esc_html( $this->wpdb->last_error ) );
			}
		}
	}
}
