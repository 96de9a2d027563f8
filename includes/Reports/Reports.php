<?php
/**
 * The reports' figures, read from the rollup: a period and the one before, the distributions of
 * response and resolution times, returns by reason and outcome, breakdowns and daily trends.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Reports;

use Aftercare\Returns\Policy;
use Aftercare\Returns\ReturnStatus;
use Aftercare\Tickets\Channel;
use Aftercare\Tickets\Priority;

final class Reports {

	/** What a breakdown can group by. */
	public const GROUPS = array( 'agent', 'channel', 'priority', 'tag', 'product' );

	/** The open tickets' age buckets as the figures name them. */
	private const AGES = array( 'lt1d', '1to3d', '3to7d', '7to30d', 'gt30d' );

	/** The measures the trend's columns read beside the two histograms (a year has 366 days of rows). */
	private const TREND = array(
		'created',
		'solved',
		'backlog',
		'fcr',
		'reopened',
		'sla_met',
		'sla_missed',
		'csat_good',
		'csat_okay',
		'csat_bad',
		'ces_sum',
		'ces_count',
		'returns_settled',
		'refund_cents',
	);

	public function __construct( private RollupTable $table, private Policy $policy ) {}

	/**
	 * @return array<string, mixed> See docs/reports.md, `GET reports/summary`.
	 */
	public function summary( Period $period, bool $compare ): array {
		$previous = $compare ? $period->previous() : null;
		$sums     = $this->table->sums( 'total', $period->from, $period->to, $previous?->from, $previous?->to )[''] ?? array();
		$current  = $sums['current'] ?? array();
		$before   = $compare ? ( $sums['previous'] ?? array() ) : null;
		return array(
			'period'        => $period->to_array(),
			'previous'      => $previous?->to_array(),
			'currency'      => self::currency(),
			'current'       => self::figures( $current ),
			'compare'       => null === $before ? null : self::figures( $before ),
			'distributions' => array(
				'first_response' => self::distribution( 'first_response', $current, $before ),
				'resolution'     => self::distribution( 'resolution', $current, $before ),
			),
			'returns'       => array(
				'by_reason'  => $this->counts( 'return_reason:', $current, $before, fn( string $code ): string => $this->reason_label( $code ) ),
				'by_outcome' => $this->counts(
					'return_outcome:',
					$current,
					$before,
					static fn( string $code ): string => ReturnStatus::tryFrom( $code )?->label() ?? $code
				),
			),
		);
	}

	/**
	 * @return array<string, mixed> See docs/reports.md, `GET reports/breakdown`.
	 */
	public function breakdown( Period $period, bool $compare, string $group ): array {
		$previous = $compare ? $period->previous() : null;
		$sums     = $this->table->sums( $group, $period->from, $period->to, $previous?->from, $previous?->to );
		// The labels read users and products: one query for all of them.
		$ids = array_filter( array_map( 'intval', array_keys( $sums ) ) );
		if ( 'agent' === $group ) {
			cache_users( $ids );
		} elseif ( 'product' === $group ) {
			_prime_post_caches( $ids, false, false );
		}
		$rows = array();
		foreach ( $sums as $key => $both ) {
			$rows[] = array(
				'key'     => (string) $key,
				'label'   => self::label( $group, (string) $key ),
				'current' => self::figures( $both['current'] ),
				'compare' => $compare ? self::figures( $both['previous'] ) : null,
			);
		}
		usort(
			$rows,
			static fn( array $a, array $b ): int => array( $b['current']['tickets_created'], $b['current']['returns']['settled'], $a['key'] )
				<=> array( $a['current']['tickets_created'], $a['current']['returns']['settled'], $b['key'] )
		);
		return array(
			'period'   => $period->to_array(),
			'previous' => $previous?->to_array(),
			'currency' => self::currency(),
			'group'    => $group,
			'rows'     => $rows,
		);
	}

	/**
	 * @return array<string, mixed> See docs/reports.md, `GET reports/trend`.
	 */
	public function trend( Period $period ): array {
		$measures = self::TREND;
		for ( $bucket = 0; $bucket < Histogram::size(); $bucket++ ) {
			array_push( $measures, 'first_response:' . $bucket, 'resolution:' . $bucket );
		}
		$daily = $this->table->daily( $period->from, $period->to, $measures );
		$days  = array();
		for ( $i = 0; $i < $period->days; $i++ ) {
			$day     = Rollup::shift( $period->from, $i );
			$figures = self::figures( $daily[ $day ] ?? array() );
			$days[]  = array(
				'date'                          => $day,
				'tickets_created'               => $figures['tickets_created'],
				'tickets_solved'                => $figures['tickets_solved'],
				'backlog'                       => $figures['backlog'],
				'first_response_median_minutes' => $figures['first_response']['median_minutes'],
				'first_response_p90_minutes'    => $figures['first_response']['p90_minutes'],
				'resolution_median_minutes'     => $figures['resolution']['median_minutes'],
				'resolution_p90_minutes'        => $figures['resolution']['p90_minutes'],
				'fcr_rate'                      => $figures['first_contact_resolution']['rate'],
				'reopened'                      => $figures['reopened']['count'],
				'sla_attained'                  => $figures['sla']['attained'],
				'csat_score'                    => $figures['csat']['score'],
				'ces_mean'                      => $figures['ces']['mean'],
				'returns_settled'               => $figures['returns']['settled'],
				'refund_value'                  => $figures['returns']['refund_value'],
			);
		}
		return array(
			'period'   => $period->to_array(),
			'currency' => self::currency(),
			'days'     => $days,
		);
	}

	/**
	 * The figures of summed measures.
	 *
	 * @param array<string, int> $m Measure => amount.
	 * @return array<string, mixed> See docs/reports.md, Figures.
	 */
	public static function figures( array $m ): array {
		$get     = static fn( string $measure ): int => (int) ( $m[ $measure ] ?? 0 );
		$rate    = static fn( int $part, int $whole ): ?float => $whole > 0 ? round( 100 * $part / $whole, 1 ) : null;
		$solved  = $get( 'solved' );
		$ratings = $get( 'csat_good' ) + $get( 'csat_okay' ) + $get( 'csat_bad' );
		$ages    = array();
		foreach ( self::AGES as $age ) {
			$ages[ $age ] = $get( 'backlog_age:' . $age );
		}
		return array(
			'tickets_created'          => $get( 'created' ),
			'tickets_solved'           => $solved,
			'backlog'                  => $get( 'backlog' ),
			'backlog_age'              => $ages,
			'first_response'           => self::times( 'first_response', $m ),
			'resolution'               => self::times( 'resolution', $m ),
			'first_contact_resolution' => array(
				'count' => $get( 'fcr' ),
				'rate'  => $rate( $get( 'fcr' ), $solved ),
			),
			'reopened'                 => array(
				'count' => $get( 'reopened' ),
				'rate'  => $rate( $get( 'reopened' ), $solved ),
			),
			'sla'                      => array(
				'met'      => $get( 'sla_met' ),
				'missed'   => $get( 'sla_missed' ),
				'attained' => $rate( $get( 'sla_met' ), $get( 'sla_met' ) + $get( 'sla_missed' ) ),
			),
			'csat'                     => array(
				'good'  => $get( 'csat_good' ),
				'okay'  => $get( 'csat_okay' ),
				'bad'   => $get( 'csat_bad' ),
				'score' => $rate( $get( 'csat_good' ), $ratings ),
			),
			'ces'                      => array(
				'count' => $get( 'ces_count' ),
				'sum'   => $get( 'ces_sum' ),
				'mean'  => $get( 'ces_count' ) > 0 ? round( $get( 'ces_sum' ) / $get( 'ces_count' ), 2 ) : null,
			),
			'returns'                  => array(
				'settled'      => $get( 'returns_settled' ),
				'refund_value' => round( $get( 'refund_cents' ) / 100, 2 ),
			),
		);
	}

	/**
	 * Figures as one flat row (CSV columns).
	 *
	 * @param array<string, mixed> $figures As figures() makes them.
	 * @return array<string, int|float|null>
	 */
	public static function flatten( array $figures, string $prefix = '' ): array {
		$flat = array();
		foreach ( $figures as $name => $value ) {
			if ( is_array( $value ) ) {
				$flat += self::flatten( $value, $prefix . $name . '_' );
			} else {
				$flat[ $prefix . $name ] = $value;
			}
		}
		return $flat;
	}

	/**
	 * @param array<string, int> $m Measure => amount.
	 * @return array{count: int, median_minutes: float|null, p90_minutes: float|null}
	 */
	private static function times( string $measure, array $m ): array {
		$counts = self::buckets( $measure, $m );
		return array(
			'count'          => array_sum( $counts ),
			'median_minutes' => Histogram::quantile( $counts, 0.5 ),
			'p90_minutes'    => Histogram::quantile( $counts, 0.9 ),
		);
	}

	/**
	 * @param array<string, int> $m Measure => amount.
	 * @return int[] Count per bucket.
	 */
	private static function buckets( string $measure, array $m ): array {
		$counts = array();
		for ( $bucket = 0; $bucket < Histogram::size(); $bucket++ ) {
			$counts[ $bucket ] = (int) ( $m[ $measure . ':' . $bucket ] ?? 0 );
		}
		return $counts;
	}

	/**
	 * @param array<string, int>      $current  Measure => amount.
	 * @param array<string, int>|null $previous Measure => amount.
	 * @return array<int, array{from_minutes: int, to_minutes: int|null, current: int, previous: int|null}>
	 */
	private static function distribution( string $measure, array $current, ?array $previous ): array {
		$now    = self::buckets( $measure, $current );
		$before = null === $previous ? null : self::buckets( $measure, $previous );
		$rows   = array();
		foreach ( $now as $bucket => $count ) {
			list( $low, $high ) = Histogram::edges( $bucket );
			$rows[]             = array(
				'from_minutes' => $low,
				'to_minutes'   => $high,
				'current'      => $count,
				'previous'     => null === $before ? null : $before[ $bucket ],
			);
		}
		return $rows;
	}

	/**
	 * Counts of measures named `<prefix><code>`, each code once, most frequent first.
	 *
	 * @param array<string, int>        $current  Measure => amount.
	 * @param array<string, int>|null   $previous Measure => amount.
	 * @param callable(string): string  $label    A code's label.
	 * @return array<int, array{code: string, label: string, current: int, previous: int|null}>
	 */
	private function counts( string $prefix, array $current, ?array $previous, callable $label ): array {
		$codes = array();
		foreach ( array_keys( $current + ( $previous ?? array() ) ) as $measure ) {
			if ( str_starts_with( $measure, $prefix ) ) {
				$codes[] = substr( $measure, strlen( $prefix ) );
			}
		}
		$rows = array();
		foreach ( $codes as $code ) {
			$rows[] = array(
				'code'     => $code,
				'label'    => $label( $code ),
				'current'  => (int) ( $current[ $prefix . $code ] ?? 0 ),
				'previous' => null === $previous ? null : (int) ( $previous[ $prefix . $code ] ?? 0 ),
			);
		}
		usort( $rows, static fn( array $a, array $b ): int => array( $b['current'], $a['code'] ) <=> array( $a['current'], $b['code'] ) );
		return $rows;
	}

	/** The store's currency (ISO 4217) the refund values are in; '' without WooCommerce. */
	private static function currency(): string {
		return function_exists( 'get_woocommerce_currency' ) ? (string) get_woocommerce_currency() : '';
	}

	private function reason_label( string $code ): string {
		return $this->policy->all_reasons()[ $code ]['label'] ?? ( 'other' === $code ? __( 'Other', 'aftercare' ) : $code );
	}

	/** What a breakdown row is called. */
	private static function label( string $group, string $key ): string {
		switch ( $group ) {
			case 'agent':
				$user = '0' === $key ? false : get_userdata( (int) $key );
				/* translators: %d: a user id. */
				return '0' === $key ? __( 'Unassigned', 'aftercare' ) : ( $user ? $user->display_name : sprintf( __( 'User #%d', 'aftercare' ), (int) $key ) );
			case 'channel':
				return Channel::tryFrom( $key )?->label() ?? $key;
			case 'priority':
				return Priority::tryFrom( $key )?->label() ?? $key;
			case 'product':
				$name = (int) $key ? get_the_title( (int) $key ) : '';
				/* translators: %d: a product id. */
				return '' !== $name ? $name : sprintf( __( 'Product #%d', 'aftercare' ), (int) $key );
			default:
				return $key;
		}
	}
}
