<?php
/**
 * Fixed buckets of business minutes for first-response and resolution times: counts per bucket
 * add up over days and dimensions, and the median and p90 are read back from the sums (exact to
 * within a bucket's width).
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Reports;

final class Histogram {

	/** Upper edges in minutes; one open bucket follows the last. */
	public const EDGES = array( 5, 10, 15, 30, 45, 60, 90, 120, 180, 240, 360, 480, 720, 960, 1440, 1920, 2880, 4320, 5760, 7200, 10080, 14400, 20160 );

	/** How many buckets there are (the edges and the open one). */
	public static function size(): int {
		return count( self::EDGES ) + 1;
	}

	/** The bucket of a duration in seconds. */
	public static function bucket( int $seconds ): int {
		$minutes = max( 0, $seconds ) / 60;
		foreach ( self::EDGES as $index => $edge ) {
			if ( $minutes < $edge ) {
				return $index;
			}
		}
		return count( self::EDGES );
	}

	/**
	 * The lower and upper edge of a bucket (null: open above).
	 *
	 * @return array{0: int, 1: int|null}
	 */
	public static function edges( int $bucket ): array {
		return array( $bucket > 0 ? self::EDGES[ $bucket - 1 ] : 0, self::EDGES[ $bucket ] ?? null );
	}

	/**
	 * The q-quantile in minutes (one decimal), interpolated inside its bucket; null when empty.
	 *
	 * @param int[] $counts Count per bucket index.
	 * @param float $q      0.5 for the median, 0.9 for p90.
	 */
	public static function quantile( array $counts, float $q ): ?float {
		$total = array_sum( $counts );
		if ( $total <= 0 ) {
			return null;
		}
		$rank = $q * $total;
		$seen = 0;
		for ( $bucket = 0; $bucket < self::size(); $bucket++ ) {
			$count = (int) ( $counts[ $bucket ] ?? 0 );
			if ( $count > 0 && $seen + $count >= $rank ) {
				list( $low, $high ) = self::edges( $bucket );
				if ( null === $high ) {
					return (float) $low;
				}
				return round( $low + ( $high - $low ) * ( $rank - $seen ) / $count, 1 );
			}
			$seen += $count;
		}
		return (float) end( self::EDGES );
	}
}
