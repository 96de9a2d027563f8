<?php
/**
 * The reports' shapes (docs/reports.md) and their arguments.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Reports\Rest;

use Aftercare\Reports\ReportCsv;
use Aftercare\Reports\Reports;

final class ReportsSchema {

	/**
	 * GET reports/summary.
	 *
	 * @return array<string, mixed>
	 */
	public function summary(): array {
		$int   = array( 'type' => 'integer' );
		$count = self::object(
			array(
				'code'     => array( 'type' => 'string' ),
				'label'    => array( 'type' => 'string' ),
				'current'  => $int,
				'previous' => array( 'type' => array( 'integer', 'null' ) ),
			)
		);
		$dist  = self::list(
			self::object(
				array(
					'from_minutes' => $int,
					'to_minutes'   => array( 'type' => array( 'integer', 'null' ) ),
					'current'      => $int,
					'previous'     => array( 'type' => array( 'integer', 'null' ) ),
				)
			)
		);
		return self::item(
			'aftercare_report_summary',
			array(
				'period'        => self::field( self::period(), __( 'The period: first and last day (site time zone) and its length.', 'aftercare' ) ),
				'previous'      => self::field( self::nullable( self::period() ), __( 'The period before, of the same length; null without compare.', 'aftercare' ) ),
				'currency'      => self::field( array( 'type' => 'string' ), __( 'The currency of refund values (ISO 4217); empty without WooCommerce.', 'aftercare' ) ),
				'current'       => self::field( self::figures(), __( 'The figures of the period.', 'aftercare' ) ),
				'compare'       => self::field( self::nullable( self::figures() ), __( 'The figures of the period before; null without compare.', 'aftercare' ) ),
				'distributions' => self::field(
					self::object(
						array(
							'first_response' => $dist,
							'resolution'     => $dist,
						)
					),
					__( 'First-response and resolution times in business minutes: tickets per bucket.', 'aftercare' )
				),
				'returns'       => self::field(
					self::object(
						array(
							'by_reason'  => self::list( $count ),
							'by_outcome' => self::list( $count ),
						)
					),
					__( 'Settled returns: returned lines by reason, returns by outcome.', 'aftercare' )
				),
			)
		);
	}

	/**
	 * GET reports/breakdown.
	 *
	 * @return array<string, mixed>
	 */
	public function breakdown(): array {
		return self::item(
			'aftercare_report_breakdown',
			array(
				'period'   => self::field( self::period(), __( 'The period.', 'aftercare' ) ),
				'previous' => self::field( self::nullable( self::period() ), __( 'The period before; null without compare.', 'aftercare' ) ),
				'currency' => self::field( array( 'type' => 'string' ), __( 'The currency of refund values (ISO 4217); empty without WooCommerce.', 'aftercare' ) ),
				'group'    => self::field( array( 'type' => 'string', 'enum' => Reports::GROUPS ), __( 'What the rows are.', 'aftercare' ) ),
				'rows'     => self::field(
					self::list(
						self::object(
							array(
								'key'     => array( 'type' => 'string' ),
								'label'   => array( 'type' => 'string' ),
								'current' => self::figures(),
								'compare' => self::nullable( self::figures() ),
							)
						)
					),
					__( 'One row per agent, channel, priority, tag or product with any figure.', 'aftercare' )
				),
			)
		);
	}

	/**
	 * GET reports/trend.
	 *
	 * @return array<string, mixed>
	 */
	public function trend(): array {
		$int    = array( 'type' => 'integer' );
		$number = array( 'type' => array( 'number', 'null' ) );
		return self::item(
			'aftercare_report_trend',
			array(
				'period'   => self::field( self::period(), __( 'The period.', 'aftercare' ) ),
				'currency' => self::field( array( 'type' => 'string' ), __( 'The currency of refund values (ISO 4217); empty without WooCommerce.', 'aftercare' ) ),
				'days'     => self::field(
					self::list(
						self::object(
							array(
								'date'                          => array( 'type' => 'string' ),
								'tickets_created'               => $int,
								'tickets_solved'                => $int,
								'backlog'                       => $int,
								'first_response_median_minutes' => $number,
								'first_response_p90_minutes'    => $number,
								'resolution_median_minutes'     => $number,
								'resolution_p90_minutes'        => $number,
								'fcr_rate'                      => $number,
								'reopened'                      => $int,
								'sla_attained'                  => $number,
								'csat_score'                    => $number,
								'ces_mean'                      => $number,
								'returns_settled'               => $int,
								'refund_value'                  => array( 'type' => 'number' ),
							)
						)
					),
					__( 'One entry per day of the period, oldest first.', 'aftercare' )
				),
			)
		);
	}

	/**
	 * GET and POST reports/rebuild.
	 *
	 * @return array<string, mixed>
	 */
	public function rebuild(): array {
		$date = array( 'type' => array( 'string', 'null' ) );
		return self::item(
			'aftercare_report_rebuild',
			array(
				'state'       => self::field( array( 'type' => 'string', 'enum' => array( 'idle', 'running', 'done' ) ), __( 'Whether a rebuild runs.', 'aftercare' ) ),
				'from'        => self::field( $date, __( 'First day of the range rebuilt.', 'aftercare' ) ),
				'to'          => self::field( $date, __( 'Last day of the range rebuilt.', 'aftercare' ) ),
				'next'        => self::field( $date, __( 'The day rebuilt next; null when done.', 'aftercare' ) ),
				'days_done'   => self::field( array( 'type' => 'integer' ), __( 'Days rebuilt so far.', 'aftercare' ) ),
				'days_total'  => self::field( array( 'type' => 'integer' ), __( 'Days in the range.', 'aftercare' ) ),
				'percent'     => self::field( array( 'type' => 'number' ), __( 'Share done, in percent.', 'aftercare' ) ),
				'started_at'  => self::field( $date, __( 'When it started (ISO 8601, UTC).', 'aftercare' ) ),
				'finished_at' => self::field( $date, __( 'When it finished (ISO 8601, UTC).', 'aftercare' ) ),
			)
		);
	}

	/**
	 * Arguments every report takes; $extra adds a route's own.
	 *
	 * @param string $report summary, breakdown, trend or rebuild.
	 * @return array<string, array<string, mixed>>
	 */
	public function args( string $report ): array {
		$args = array(
			'from' => array(
				'description' => __( 'First day (YYYY-MM-DD, site time zone); default: 29 days before the last.', 'aftercare' ),
				'type'        => 'string',
				'default'     => '',
			),
			'to'   => array(
				'description' => __( 'Last day (YYYY-MM-DD, site time zone); default: today.', 'aftercare' ),
				'type'        => 'string',
				'default'     => '',
			),
		);
		if ( 'rebuild' === $report ) {
			$args['from']['description'] = __( 'First day to rebuild (YYYY-MM-DD); default: 365 days before the last.', 'aftercare' );
			return $args;
		}
		if ( 'trend' !== $report ) {
			$args['compare'] = array(
				'description' => __( 'Also the period before, of the same length.', 'aftercare' ),
				'type'        => 'boolean',
				'default'     => true,
			);
		}
		if ( 'breakdown' === $report ) {
			$args['group'] = array(
				'description' => __( 'What to group by.', 'aftercare' ),
				'type'        => 'string',
				'enum'        => Reports::GROUPS,
				'required'    => true,
			);
		}
		if ( 'summary' === $report ) {
			$args['table'] = array(
				'description' => __( 'With format=csv: which of the summary\'s tables.', 'aftercare' ),
				'type'        => 'string',
				'enum'        => ReportCsv::SUMMARY_TABLES,
				'default'     => 'figures',
			);
		}
		$args['format'] = array(
			'description' => __( 'json, or csv for a download.', 'aftercare' ),
			'type'        => 'string',
			'enum'        => array( 'json', 'csv' ),
			'default'     => 'json',
		);
		return $args;
	}

	/**
	 * The figures every table shares.
	 *
	 * @return array<string, mixed>
	 */
	private static function figures(): array {
		$int    = array( 'type' => 'integer' );
		$number = array( 'type' => array( 'number', 'null' ) );
		$times  = self::object(
			array(
				'count'          => $int,
				'median_minutes' => $number,
				'p90_minutes'    => $number,
			)
		);
		$rate   = self::object(
			array(
				'count' => $int,
				'rate'  => $number,
			)
		);
		return self::object(
			array(
				'tickets_created'          => $int,
				'tickets_solved'           => $int,
				'backlog'                  => $int,
				'backlog_age'              => self::object( array_fill_keys( array( 'lt1d', '1to3d', '3to7d', '7to30d', 'gt30d' ), $int ) ),
				'first_response'           => $times,
				'resolution'               => $times,
				'first_contact_resolution' => $rate,
				'reopened'                 => $rate,
				'sla'                      => self::object(
					array(
						'met'      => $int,
						'missed'   => $int,
						'attained' => $number,
					)
				),
				'csat'                     => self::object(
					array(
						'good'  => $int,
						'okay'  => $int,
						'bad'   => $int,
						'score' => $number,
					)
				),
				'ces'                      => self::object(
					array(
						'count' => $int,
						'sum'   => $int,
						'mean'  => $number,
					)
				),
				'returns'                  => self::object(
					array(
						'settled'      => $int,
						'refund_value' => array( 'type' => 'number' ),
					)
				),
			)
		);
	}

	/**
	 * @return array<string, mixed>
	 */
	private static function period(): array {
		return self::object(
			array(
				'from' => array( 'type' => 'string' ),
				'to'   => array( 'type' => 'string' ),
				'days' => array( 'type' => 'integer' ),
			)
		);
	}

	/**
	 * @param array<string, mixed> $properties Properties.
	 * @return array<string, mixed>
	 */
	private static function item( string $title, array $properties ): array {
		return array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => $title,
			'type'       => 'object',
			'properties' => $properties,
		);
	}

	/**
	 * @param array<string, mixed> $properties Properties.
	 * @return array<string, mixed>
	 */
	private static function object( array $properties ): array {
		return array(
			'type'                 => 'object',
			'properties'           => $properties,
			'required'             => array_keys( $properties ),
			'additionalProperties' => false,
		);
	}

	/**
	 * @param array<string, mixed> $schema An object schema.
	 * @return array<string, mixed>
	 */
	private static function nullable( array $schema ): array {
		return array( 'type' => array( 'object', 'null' ) ) + $schema;
	}

	/**
	 * @param array<string, mixed> $items Items' schema.
	 * @return array<string, mixed>
	 */
	private static function list( array $items ): array {
		return array(
			'type'  => 'array',
			'items' => $items,
		);
	}

	/**
	 * @param array<string, mixed> $schema Schema.
	 * @return array<string, mixed>
	 */
	private static function field( array $schema, string $description ): array {
		return $schema + array(
			'description' => $description,
			'readonly'    => true,
			'context'     => array( 'view', 'edit' ),
		);
	}
}
