<?php
/**
 * "Was this helpful?" votes: one per visitor per article (keyed by the visitor HMAC, no IP), with
 * an optional comment. A visitor who votes again changes their vote.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\HelpCenter;

use Aftercare\Infrastructure\Clock;
use Aftercare\Infrastructure\Database\Table;

final class ArticleVotes implements Table {

	use VisitorRecords;

	/** When a row was recorded (see VisitorRecords). */
	private const TIME_COLUMN = 'created_at';

	public const MAX_COMMENT = 1000;

	public function __construct( private \wpdb $wpdb, private Clock $clock ) {}

	public function table_name(): string {
		return 'article_votes';
	}

	public function schema_version(): int {
		return 1;
	}

	public function schema( string $table, string $collate ): string {
		return "CREATE TABLE {$table} (
  id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  post_id bigint(20) unsigned NOT NULL,
  visitor char(64) NOT NULL,
  helpful tinyint(1) unsigned NOT NULL DEFAULT 0,
  comment text NOT NULL,
  created_at bigint(20) unsigned NOT NULL DEFAULT 0,
  PRIMARY KEY  (id),
  UNIQUE KEY post_visitor (post_id,visitor),
  KEY created_at (created_at)
) {$collate};";
	}

	public function table(): string {
		return $this->wpdb->prefix . 'aftercare_' . $this->table_name();
	}

	/**
	 * Records or changes a visitor's vote. A null comment keeps the comment already given.
	 *
	 * @return bool True for a new vote, false when an earlier vote was changed.
	 */
	public function vote( int $post_id, string $visitor, bool $helpful, ?string $comment ): bool {
		$table = $this->table();
		$now   = $this->clock->now();
		$new   = (bool) $this->wpdb->query(
			$this->wpdb->prepare(
				// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name.
				"INSERT IGNORE INTO {$table} (post_id, visitor, helpful, comment, created_at) VALUES (%d, %s, %d, %s, %d)",
				$post_id,
				$visitor,
				$helpful ? 1 : 0,
				(string) $comment,
				$now
			)
		);
		if ( ! $new ) {
			$data = array( 'helpful' => $helpful ? 1 : 0 );
			if ( null !== $comment ) {
				$data['comment'] = $comment;
			}
			$this->wpdb->update( $table, $data, array( 'post_id' => $post_id, 'visitor' => $visitor ), array_fill( 0, count( $data ), '%s' ), array( '%d', '%s' ) );
		}
		/**
		 * A visitor voted on an article (or changed their vote).
		 *
		 * @param int  $post_id The article.
		 * @param bool $helpful The vote.
		 */
		do_action( 'aftercare_article_voted', $post_id, $helpful );
		return $new;
	}

	/**
	 * Votes per article since a time.
	 *
	 * @return array<int, array{helpful: int, unhelpful: int, comments: int}>
	 */
	public function by_article( int $since, int $limit ): array {
		$table = $this->table();
		$rows  = $this->wpdb->get_results(
			$this->wpdb->prepare(
				"SELECT post_id, SUM(helpful) AS helpful, SUM(1 - helpful) AS unhelpful, SUM(CASE WHEN comment <> '' THEN 1 ELSE 0 END) AS comments
				FROM {$table} WHERE created_at >= %d GROUP BY post_id ORDER BY COUNT(*) DESC, post_id DESC LIMIT %d", // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared,Generic.Files.LineLength.TooLong -- table name.
				$since,
				$limit
			)
		);
		$out = array();
		foreach ( $rows as $row ) {
			$out[ (int) $row->post_id ] = array(
				'helpful'   => (int) $row->helpful,
				'unhelpful' => (int) $row->unhelpful,
				'comments'  => (int) $row->comments,
			);
		}
		return $out;
	}

	/**
	 * The latest comments on an article.
	 *
	 * @return array<int, array{helpful: bool, comment: string, created_at: int}>
	 */
	public function comments( int $post_id, int $limit ): array {
		$table = $this->table();
		$rows  = $this->wpdb->get_results(
			$this->wpdb->prepare(
				// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name.
				"SELECT helpful, comment, created_at FROM {$table} WHERE post_id = %d AND comment <> '' ORDER BY created_at DESC, id DESC LIMIT %d",
				$post_id,
				$limit
			)
		);
		return array_map(
			static fn( $row ): array => array(
				'helpful'    => (bool) (int) $row->helpful,
				'comment'    => (string) $row->comment,
				'created_at' => (int) $row->created_at,
			),
			$rows
		);
	}

	/**
	 * Helpful and unhelpful votes per UTC day.
	 *
	 * @return array<int, array{helpful: int, unhelpful: int}>
	 */
	public function daily( int $since ): array {
		$table = $this->table();
		$rows  = $this->wpdb->get_results(
			$this->wpdb->prepare(
				// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared,Generic.Files.LineLength.TooLong -- table name.
				"SELECT created_at - (created_at % 86400) AS day, SUM(helpful) AS helpful, SUM(1 - helpful) AS unhelpful FROM {$table} WHERE created_at >= %d GROUP BY created_at - (created_at % 86400)",
				$since
			)
		);
		$out   = array();
		foreach ( $rows as $row ) {
			$out[ (int) $row->day ] = array(
				'helpful'   => (int) $row->helpful,
				'unhelpful' => (int) $row->unhelpful,
			);
		}
		return $out;
	}
}
