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
		$in  = implode( ',', array_fill( 0, count( $visitors ), '%s' ) );
		$sql = "SELECT * FROM {$this->table()} WHERE visitor IN ({$in}) ORDER BY id";
		return $this->wpdb->get_results( $this->wpdb->prepare( $sql, $visitors ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- table name, placeholders.
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
		$in  = implode( ',', array_fill( 0, count( $visitors ), '%s' ) );
		$sql = "DELETE FROM {$this->table()} WHERE visitor IN ({$in})";
		$this->wpdb->query( $this->wpdb->prepare( $sql, $visitors ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- table name, placeholders.
	}

	/**
	 * Deletes up to $limit rows recorded before $cutoff, oldest first.
	 *
	 * @return int How many were deleted ($limit: there may be more).
	 */
	public function delete_before( int $cutoff, int $limit ): int {
		$column = self::TIME_COLUMN;
		// Ids first, then by id: DELETE … LIMIT is not portable to SQLite.
		$sql = "SELECT id FROM {$this->table()} WHERE {$column} < %d ORDER BY id LIMIT %d";
		// phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- table and column names.
		$ids = array_map( 'intval', $this->wpdb->get_col( $this->wpdb->prepare( $sql, $cutoff, $limit ) ) );
		if ( $ids ) {
			$delete = "DELETE FROM {$this->table()} WHERE id IN (" . implode( ',', $ids ) . ')';
			$this->wpdb->query( $delete ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- integers.
		}
		return count( $ids );
	}
}
