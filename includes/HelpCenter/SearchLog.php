<?php
/**
 * The search log: what shoppers searched (normalized), how many articles they got, what they
 * clicked and which suggestions they saw, by anonymous visitor (an HMAC; no IP is stored).
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\HelpCenter;

use Aftercare\Infrastructure\Clock;
use Aftercare\Infrastructure\Database\Table;

final class SearchLog implements Table {

	use VisitorRecords;

	/** When a row was recorded (see VisitorRecords). */
	private const TIME_COLUMN = 'created_at';

	public const KINDS   = array( 'search', 'click', 'suggest' );
	public const SOURCES = array( 'help-center', 'contact', 'returns', 'page' );

	public function __construct( private \wpdb $wpdb, private Clock $clock ) {}

	public function table_name(): string {
		return 'search_log';
	}

	public function schema_version(): int {
		return 1;
	}

	public function schema( string $table, string $collate ): string {
		return "CREATE TABLE {$table} (
  id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  created_at bigint(20) unsigned NOT NULL DEFAULT 0,
  kind varchar(10) NOT NULL DEFAULT 'search',
  source varchar(20) NOT NULL DEFAULT 'help-center',
  query varchar(190) NOT NULL DEFAULT '',
  result_count smallint(5) unsigned NOT NULL DEFAULT 0,
  post_id bigint(20) unsigned NOT NULL DEFAULT 0,
  visitor char(64) NOT NULL DEFAULT '',
  PRIMARY KEY  (id),
  KEY kind_time (kind,created_at),
  KEY query_time (query,created_at),
  KEY post_time (post_id,created_at),
  KEY visitor_time (visitor,created_at)
) {$collate};";
	}

	public function table(): string {
		return $this->wpdb->prefix . 'aftercare_' . $this->table_name();
	}

	/**
	 * @param string $kind         search, click or suggest.
	 * @param string $source       Where it happened (help-center, contact, …).
	 * @param string $query        Normalized query.
	 * @param int    $result_count Articles found.
	 * @param int    $post_id      Clicked or suggested article, or 0.
	 * @param string $visitor      Visitor HMAC, or ''.
	 */
	public function record( string $kind, string $source, string $query, int $result_count, int $post_id, string $visitor ): int {
		$this->wpdb->insert(
			$this->table(),
			array(
				'created_at'   => $this->clock->now(),
				'kind'         => $kind,
				'source'       => $source,
				'query'        => $query,
				'result_count' => min( 65535, max( 0, $result_count ) ),
				'post_id'      => $post_id,
				'visitor'      => $visitor,
			),
			array( '%d', '%s', '%s', '%s', '%d', '%d', '%s' )
		);
		$id = (int) $this->wpdb->insert_id;
		/**
		 * A search, click or suggestion was logged.
		 *
		 * @param int    $id   Log row.
		 * @param string $kind search, click or suggest.
		 */
		do_action( 'aftercare_help_search_logged', $id, $kind );
		return $id;
	}

	/**
	 * Most searched queries since a time, with how many visitors searched them and clicked.
	 *
	 * @return array<int, array{query: string, searches: int, zero: int, clicks: int}>
	 */
	public function top_queries( int $since, int $limit, bool $zero_only = false ): array {
		$table  = $this->table();
		$having = $zero_only ? 'HAVING MAX(CASE WHEN kind = \'search\' THEN result_count ELSE 0 END) = 0' : '';
		$rows   = $this->wpdb->get_results(
			$this->wpdb->prepare(
				"SELECT query,
					SUM(CASE WHEN kind = 'search' THEN 1 ELSE 0 END) AS searches,
					SUM(CASE WHEN kind = 'search' AND result_count = 0 THEN 1 ELSE 0 END) AS zero,
					SUM(CASE WHEN kind = 'click' THEN 1 ELSE 0 END) AS clicks,
					MAX(created_at) AS last_at
				FROM {$table}
				WHERE created_at >= %d AND query <> '' AND kind IN ('search', 'click')
				GROUP BY query
				{$having}
				ORDER BY searches DESC, last_at DESC, query ASC
				LIMIT %d", // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name and a fixed clause.
				$since,
				$limit
			)
		);
		return array_values(
			array_filter(
				array_map(
					static fn( $row ): array => array(
						'query'    => (string) $row->query,
						'searches' => (int) $row->searches,
						'zero'     => (int) $row->zero,
						'clicks'   => (int) $row->clicks,
						'last_at'  => (int) $row->last_at,
					),
					$rows
				),
				static fn( array $row ): bool => $row['searches'] > 0
			)
		);
	}

	/**
	 * Articles shoppers clicked most since a time.
	 *
	 * @return array<int, int> Post id → clicks.
	 */
	public function clicks_by_article( int $since, int $limit ): array {
		$table = $this->table();
		$rows  = $this->wpdb->get_results(
			$this->wpdb->prepare(
				// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared,Generic.Files.LineLength.TooLong -- table name.
				"SELECT post_id, COUNT(*) AS clicks FROM {$table} WHERE kind = 'click' AND created_at >= %d AND post_id > 0 GROUP BY post_id ORDER BY clicks DESC, post_id DESC LIMIT %d",
				$since,
				$limit
			)
		);
		$out   = array();
		foreach ( $rows as $row ) {
			$out[ (int) $row->post_id ] = (int) $row->clicks;
		}
		return $out;
	}

	/**
	 * Searches, zero-result searches and clicks per UTC day.
	 *
	 * @return array<int, array{searches: int, zero: int, clicks: int}> Day start → counts.
	 */
	public function daily( int $since ): array {
		$table = $this->table();
		$rows  = $this->wpdb->get_results(
			$this->wpdb->prepare(
				"SELECT created_at - (created_at % 86400) AS day,
					SUM(CASE WHEN kind = 'search' THEN 1 ELSE 0 END) AS searches,
					SUM(CASE WHEN kind = 'search' AND result_count = 0 THEN 1 ELSE 0 END) AS zero,
					SUM(CASE WHEN kind = 'click' THEN 1 ELSE 0 END) AS clicks
				FROM {$table} WHERE created_at >= %d GROUP BY created_at - (created_at % 86400)", // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared,Generic.Files.LineLength.TooLong -- table name.
				$since
			)
		);
		$out = array();
		foreach ( $rows as $row ) {
			$out[ (int) $row->day ] = array(
				'searches' => (int) $row->searches,
				'zero'     => (int) $row->zero,
				'clicks'   => (int) $row->clicks,
			);
		}
		return $out;
	}
}
