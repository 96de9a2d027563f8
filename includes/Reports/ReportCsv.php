<?php
/**
 * Every report table as CSV: the REST routes' `format=csv` and WP-CLI's export both call this.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Reports;

use Aftercare\Infrastructure\Clock;
use Aftercare\Infrastructure\DomainError;

final class ReportCsv {

	/** The tables of the summary. */
	public const SUMMARY_TABLES = array( 'figures', 'first_response', 'resolution', 'reasons', 'outcomes' );

	public function __construct( private Reports $reports, private Clock $clock ) {}

	/**
	 * The CSV text of a table.
	 *
	 * @param string               $report summary, breakdown or trend.
	 * @param array<string, mixed> $params from, to, compare, group (breakdown), table (summary).
	 */
	public function export( string $report, array $params ): string {
		list( $header, $rows ) = $this->table( $report, $params );
		$out                   = fopen( 'php://temp', 'r+' );
		fputcsv( $out, $header, ',', '"', '' );
		foreach ( $rows as $row ) {
			fputcsv( $out, array_map( array( self::class, 'cell' ), array_values( $row ) ), ',', '"', '' );
		}
		rewind( $out );
		$csv = (string) stream_get_contents( $out );
		fclose( $out );
		return $csv;
	}

	/**
	 * The file name a download of this table gets.
	 *
	 * @param array<string, mixed> $params As export() takes them.
	 */
	public function filename( string $report, array $params ): string {
		$period = $this->period( $params );
		$name   = match ( $report ) {
			'summary'   => 'figures' === self::summary_table( $params ) ? 'summary' : self::summary_table( $params ),
			'breakdown' => 'by-' . self::group( $params ),
			default     => $report,
		};
		return sprintf( 'aftercare-%s-%s-%s.csv', str_replace( '_', '-', $name ), $period->from, $period->to );
	}

	/**
	 * Header and rows.
	 *
	 * @param array<string, mixed> $params As export() takes them.
	 * @return array{0: string[], 1: array<int, array<int|string, mixed>>}
	 */
	private function table( string $report, array $params ): array {
		$period  = $this->period( $params );
		$compare = ! isset( $params['compare'] ) || (bool) $params['compare'];
		if ( 'trend' === $report ) {
			$days = $this->reports->trend( $period )['days'];
			return array( array_keys( $days[0] ), $days );
		}
		if ( 'breakdown' === $report ) {
			$data = $this->reports->breakdown( $period, $compare, self::group( $params ) );
			$rows = array();
			foreach ( $data['rows'] as $row ) {
				$line = array(
					'key'   => $row['key'],
					'label' => $row['label'],
				) + Reports::flatten( $row['current'] );
				$rows[] = $compare ? $line + Reports::flatten( $row['compare'], 'previous_' ) : $line;
			}
			$header = array_merge( array( 'key', 'label' ), array_keys( Reports::flatten( Reports::figures( array() ) ) ) );
			if ( $compare ) {
				$header = array_merge( $header, array_keys( Reports::flatten( Reports::figures( array() ), 'previous_' ) ) );
			}
			return array( $header, $rows );
		}
		if ( 'summary' !== $report ) {
			throw DomainError::invalid( 'invalid_report', __( 'There is no such report. Choose summary, breakdown or trend.', 'aftercare' ) );
		}
		$data = $this->reports->summary( $period, $compare );
		switch ( self::summary_table( $params ) ) {
			case 'first_response':
			case 'resolution':
				return array( array( 'from_minutes', 'to_minutes', 'current', 'previous' ), $data['distributions'][ self::summary_table( $params ) ] );
			case 'reasons':
				return array( array( 'code', 'label', 'current', 'previous' ), $data['returns']['by_reason'] );
			case 'outcomes':
				return array( array( 'code', 'label', 'current', 'previous' ), $data['returns']['by_outcome'] );
		}
		$previous = $compare ? Reports::flatten( $data['compare'] ) : array();
		$rows     = array();
		foreach ( Reports::flatten( $data['current'] ) as $figure => $value ) {
			$rows[] = array( $figure, $value, $previous[ $figure ] ?? null );
		}
		return array( array( 'figure', 'current', 'previous' ), $rows );
	}

	/**
	 * @param array<string, mixed> $params Parameters.
	 */
	private function period( array $params ): Period {
		return Period::parse( (string) ( $params['from'] ?? '' ), (string) ( $params['to'] ?? '' ), $this->clock );
	}

	/**
	 * @param array<string, mixed> $params Parameters.
	 */
	private static function group( array $params ): string {
		$group = (string) ( $params['group'] ?? '' );
		if ( ! in_array( $group, Reports::GROUPS, true ) ) {
			throw DomainError::invalid(
				'invalid_group',
				/* translators: %s: the groups, comma-separated. */
				sprintf( __( 'A breakdown groups by one of: %s.', 'aftercare' ), implode( ', ', Reports::GROUPS ) ),
				array( 'params' => array( 'group' ) )
			);
		}
		return $group;
	}

	/**
	 * @param array<string, mixed> $params Parameters.
	 */
	private static function summary_table( array $params ): string {
		$table = (string) ( $params['table'] ?? 'figures' );
		if ( ! in_array( $table, self::SUMMARY_TABLES, true ) ) {
			throw DomainError::invalid(
				'invalid_table',
				/* translators: %s: the tables, comma-separated. */
				sprintf( __( 'The summary has these tables: %s.', 'aftercare' ), implode( ', ', self::SUMMARY_TABLES ) ),
				array( 'params' => array( 'table' ) )
			);
		}
		return $table;
	}

	/**
	 * A cell as written: text that a spreadsheet would run as a formula is quoted with an apostrophe.
	 */
	private static function cell( mixed $value ): mixed {
		if ( is_string( $value ) && '' !== $value && in_array( $value[0], array( '=', '+', '-', '@', "\t", "\r" ), true ) ) {
			return "'" . $value;
		}
		return $value;
	}
}
