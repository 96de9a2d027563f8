<?php
/**
 * What the help-center tables that record anonymous visitors (searches, votes, visitor-ticket
 * links) answer for privacy: a visitor's rows, forgetting them, and deleting old ones. The using
 * class names its time column in TIME_COLUMN.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\HelpCenter;

trait VisitorRecords {

	/**
	 * The rows of these visitors (their hashes), oldest first.
	 *
	 * @param string[] $visitors Visitor hashes.
	 * @return object[]
	 */
	public function of_visitors( array $visitors ): array {
		if ( ! $visitors ) {
			return array();
		}
		$in = implode( ',', array_fill( 0, count( $visitors ), '%s' ) );
		return $this->wpdb->get_results( $this->wpdb->prepare( "SELECT * FROM {$this->table()} WHERE visitor IN ({$in}) ORDER BY id", $visitors ) ); // phpcs:ignore WordPress.DB.PreparedSQL
	}

	/**
	 * Deletes every row of these visitors.
	 *
	 * @param string[] $visitors Visitor hashes.
	 */
	public function forget_visitors( array $visitors ): void {
		if ( ! $visitors ) {
			return;
		}
		$in = implode( ',', array_fill( 0, count( $visitors ), '%s' ) );
		$this->wpdb->query( $this->wpdb->prepare( "DELETE FROM {$this->table()} WHERE visitor IN ({$in})", $visitors ) ); // phpcs:ignore WordPress.DB.PreparedSQL
	}

	/**
	 * Deletes up to $limit rows recorded before $cutoff, oldest first.
	 *
	 * @return int How many were deleted ($limit: there may be more).
	 */
	public function delete_before( int $cutoff, int $limit ): int {
		$column = self::TIME_COLUMN;
		// Ids first, then by id: DELETE … LIMIT is not portable to SQLite.
		$ids = array_map( 'intval', $this->wpdb->get_col( $this->wpdb->prepare( "SELECT id FROM {$this->table()} WHERE {$column} < %d ORDER BY id LIMIT %d", $cutoff, $limit ) ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table and column names.
		if ( $ids ) {
			$this->wpdb->query( "DELETE FROM {$this->table()} WHERE id IN (" . implode( ',', $ids ) . ')' ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared,WordPress.DB.PreparedSQL.NotPrepared -- integers.
		}
		return count( $ids );
	}
}
