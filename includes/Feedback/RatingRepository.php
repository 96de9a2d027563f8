<?php
/**
 * The answers to the store's mailed questions: one row per ticket (CSAT) or return (CES), changed
 * in place when the customer changes their answer, with counts by score for reports.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Feedback;

use Aftercare\Infrastructure\Clock;
use Aftercare\Infrastructure\Database\Table;

final class RatingRepository implements Table {

	public const MAX_COMMENT = 2000;

	public function __construct( private \wpdb $wpdb, private Clock $clock ) {}

	public function table_name(): string {
		return 'ratings';
	}

	public function schema_version(): int {
		return 1;
	}

	public function schema( string $table, string $collate ): string {
		return "CREATE TABLE {$table} (
  id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  object_type varchar(20) NOT NULL,
  object_id bigint(20) unsigned NOT NULL,
  score tinyint(3) unsigned NOT NULL,
  comment text NOT NULL,
  created_at bigint(20) unsigned NOT NULL DEFAULT 0,
  updated_at bigint(20) unsigned NOT NULL DEFAULT 0,
  PRIMARY KEY  (id),
  UNIQUE KEY object (object_type,object_id),
  KEY rated (object_type,updated_at)
) {$collate};";
	}

	public function table(): string {
		return $this->wpdb->prefix . 'aftercare_' . $this->table_name();
	}

	public function find( Survey $survey, int $object_id ): ?Rating {
		return $this->find_many( $survey, array( $object_id ) )[ $object_id ] ?? null;
	}

	/**
	 * @param int[] $object_ids Tickets or returns.
	 * @return array<int, Rating> By object id; unrated ones are missing.
	 */
	public function find_many( Survey $survey, array $object_ids ): array {
		$ids = array_values( array_unique( array_filter( array_map( 'intval', $object_ids ) ) ) );
		if ( ! $ids ) {
			return array();
		}
		$rows = $this->wpdb->get_results(
			$this->wpdb->prepare(
				// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared,WordPress.DB.PreparedSQLPlaceholders.UnfinishedPrepare -- table name and one %d per id.
				"SELECT * FROM {$this->table()} WHERE object_type = %s AND object_id IN (" . implode( ',', array_fill( 0, count( $ids ), '%d' ) ) . ')',
				$survey->object_type(),
				...$ids
			)
		);
		$ratings = array();
		foreach ( $rows as $row ) {
			$ratings[ (int) $row->object_id ] = Rating::from_row( $row );
		}
		return $ratings;
	}

	/**
	 * Records the answer (the first, or a change); a null comment keeps the one already given.
	 * Call inside the unit of work that also records the timeline event.
	 */
	public function save( Survey $survey, int $object_id, int $score, ?string $comment ): Rating {
		$table = $this->table();
		$now   = $this->clock->now();
		$this->wpdb->query(
			$this->wpdb->prepare(
				// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name.
				"INSERT IGNORE INTO {$table} (object_type, object_id, score, comment, created_at, updated_at) VALUES (%s, %d, %d, %s, %d, %d)",
				$survey->object_type(),
				$object_id,
				$score,
				(string) $comment,
				$now,
				$now
			)
		);
		$data = array(
			'score'      => $score,
			'updated_at' => $now,
		);
		if ( null !== $comment ) {
			$data['comment'] = $comment;
		}
		$this->wpdb->update( $table, $data, array( 'object_type' => $survey->object_type(), 'object_id' => $object_id ) );
		return $this->find( $survey, $object_id ) ?? new Rating( $survey, $object_id, $score, (string) $comment, $now, $now );
	}

	/**
	 * How many answers gave each score, among those last given in [$from, $to) (Unix seconds).
	 *
	 * @return array<int, int> Score => count, every score of the scale present.
	 */
	public function counts( Survey $survey, int $from, int $to ): array {
		$rows   = $this->wpdb->get_results(
			$this->wpdb->prepare(
				// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name.
				"SELECT score, COUNT(*) AS answers FROM {$this->table()} WHERE object_type = %s AND updated_at >= %d AND updated_at < %d GROUP BY score",
				$survey->object_type(),
				$from,
				$to
			)
		);
		$counts = array_fill_keys( $survey->scores(), 0 );
		foreach ( $rows as $row ) {
			if ( isset( $counts[ (int) $row->score ] ) ) {
				$counts[ (int) $row->score ] = (int) $row->answers;
			}
		}
		return $counts;
	}

	/**
	 * The answers first given in [$from, $to), as they stand now (the reports' rebuild). An answer
	 * first given then was last changed since $from, which the index finds.
	 *
	 * @return Rating[]
	 */
	public function first_given_between( Survey $survey, int $from, int $to ): array {
		$rows = $this->wpdb->get_results(
			$this->wpdb->prepare(
				// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name.
				"SELECT * FROM {$this->table()} WHERE object_type = %s AND updated_at >= %d AND created_at >= %d AND created_at < %d",
				$survey->object_type(),
				$from,
				$from,
				$to
			)
		);
		return array_map( static fn( object $row ): Rating => Rating::from_row( $row ), $rows );
	}

	/**
	 * The comment stops saying anything about the person (privacy erasure); the score stays.
	 */
	public function erase_comment( Survey $survey, int $object_id ): void {
		$this->wpdb->update( $this->table(), array( 'comment' => '' ), array( 'object_type' => $survey->object_type(), 'object_id' => $object_id ) );
	}
}
