<?php
/**
 * The help center's own full-text index, in plain tables that work the same on MariaDB/MySQL and
 * on SQLite:
 *
 * - `search_terms`     one row per stemmed term: id, the term, its length and document frequency;
 * - `search_postings`  (term, article) → weight, where a title hit weighs 100, a heading hit 40 and
 *                      a body hit 10 (more body hits add up to 20: a word repeated in the body never
 *                      outweighs one heading);
 * - `search_grams`     (trigram, term) for finding the terms one typo away from a query word;
 * - `search_documents` the indexed articles, for the document count.
 *
 * It is kept current on every save, status change and delete of an article.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\HelpCenter;

use Aftercare\Infrastructure\Clock;
use Aftercare\Infrastructure\Database\Table;

final class SearchIndex {

	public const TITLE_WEIGHT   = 100;
	public const HEADING_WEIGHT = 40;
	public const BODY_WEIGHT    = 10;

	private const REINDEX_CURSOR = 'aftercare_help_reindex_cursor';

	public const DOCUMENT_COUNT = 'aftercare_help_document_count';

	public function __construct( private \wpdb $wpdb, private Tokenizer $tokenizer, private Clock $clock ) {}

	/**
	 * @return Table[]
	 */
	public function tables(): array {
		return array(
			new IndexTable(
				'search_terms',
				1,
				'  term_id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  term varchar(40) NOT NULL,
  term_length tinyint(3) unsigned NOT NULL DEFAULT 0,
  doc_count int(10) unsigned NOT NULL DEFAULT 0,
  PRIMARY KEY  (term_id),
  UNIQUE KEY term (term),
  KEY term_length (term_length)'
			),
			new IndexTable(
				'search_postings',
				2,
				'  term_id bigint(20) unsigned NOT NULL,
  post_id bigint(20) unsigned NOT NULL,
  weight smallint(5) unsigned NOT NULL DEFAULT 0,
  PRIMARY KEY  (term_id,post_id),
  KEY term_weight (term_id,weight,post_id),
  KEY post_id (post_id)'
			),
			new IndexTable(
				'search_grams',
				1,
				'  gram varchar(12) NOT NULL,
  term_id bigint(20) unsigned NOT NULL,
  PRIMARY KEY  (gram,term_id),
  KEY term_id (term_id)'
			),
			new IndexTable(
				'search_documents',
				1,
				'  post_id bigint(20) unsigned NOT NULL,
  term_count int(10) unsigned NOT NULL DEFAULT 0,
  indexed_at bigint(20) unsigned NOT NULL DEFAULT 0,
  PRIMARY KEY  (post_id)'
			),
		);
	}

	public function table( string $name ): string {
		return $this->wpdb->prefix . 'aftercare_search_' . $name;
	}

	/**
	 * Term → weight for one article: title over headings over body.
	 *
	 * @return array<string, int>
	 */
	public function weigh( string $title, string $content ): array {
		$headings = array();
		if ( preg_match_all( '#<h[1-6][^>]*>(.*?)</h[1-6]>#is', $content, $matches ) ) {
			$headings = $matches[1];
		}
		$body   = (string) preg_replace( '#<h[1-6][^>]*>.*?</h[1-6]>#is', ' ', $content );
		$fields = array(
			'title'   => array_count_values( $this->tokenizer->terms( $title ) ),
			'heading' => array_count_values( $this->tokenizer->terms( wp_strip_all_tags( implode( ' ', $headings ) ) ) ),
			'body'    => array_count_values( $this->tokenizer->terms( wp_strip_all_tags( strip_shortcodes( $body ) ) ) ),
		);
		$weights = array();
		foreach ( $fields['title'] as $term => $count ) {
			$weights[ $term ] = self::TITLE_WEIGHT;
		}
		foreach ( $fields['heading'] as $term => $count ) {
			$weights[ $term ] = ( $weights[ $term ] ?? 0 ) + self::HEADING_WEIGHT + ( $count > 1 ? 10 : 0 );
		}
		foreach ( $fields['body'] as $term => $count ) {
			$weights[ $term ] = ( $weights[ $term ] ?? 0 ) + self::BODY_WEIGHT + 5 * min( $count - 1, 2 );
		}
		return $weights;
	}

	/**
	 * Indexes a published article, or takes any other out of the index.
	 */
	public function sync( \WP_Post $post ): void {
		if ( ArticleType::POST_TYPE !== $post->post_type ) {
			return;
		}
		if ( 'publish' !== $post->post_status || '' !== $post->post_password ) {
			$this->remove( (int) $post->ID );
			return;
		}
		$this->index( (int) $post->ID, $post->post_title, $post->post_content );
	}

	/**
	 * Replaces an article's postings.
	 */
	public function index( int $post_id, string $title, string $content ): void {
		$weights = $this->weigh( $title, $content );
		$this->remove( $post_id, false );
		if ( $weights ) {
			// Numeric terms ("30") are integer array keys: cast back to strings.
			$ids = $this->term_ids( array_map( 'strval', array_keys( $weights ) ), true );
			$this->insert_rows(
				$this->table( 'postings' ),
				array( 'term_id', 'post_id', 'weight' ),
				'(%d, %d, %d)',
				array_map(
					static fn( int|string $term ): array => array( $ids[ $term ], $post_id, min( 65535, $weights[ $term ] ) ),
					array_keys( array_intersect_key( $ids, $weights ) )
				)
			);
			$this->change_doc_counts( array_values( $ids ), 1 );
		}
		$this->wpdb->insert(
			$this->table( 'documents' ),
			array(
				'post_id'    => $post_id,
				'term_count' => count( $weights ),
				'indexed_at' => $this->clock->now(),
			),
			array( '%d', '%d', '%d' )
		);
		$this->count_documents();
		/**
		 * An article's index entry was written.
		 *
		 * @param int $post_id The article.
		 */
		do_action( 'aftercare_article_indexed', $post_id );
	}

	/**
	 * Takes an article out of the index.
	 */
	public function remove( int $post_id, bool $announce = true ): void {
		$postings = $this->table( 'postings' );
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name.
		$term_ids = $this->wpdb->get_col( $this->wpdb->prepare( "SELECT term_id FROM {$postings} WHERE post_id = %d", $post_id ) );
		if ( $term_ids ) {
			$this->wpdb->delete( $postings, array( 'post_id' => $post_id ), array( '%d' ) );
			$this->change_doc_counts( array_map( 'intval', $term_ids ), -1 );
		}
		$deleted = $this->wpdb->delete( $this->table( 'documents' ), array( 'post_id' => $post_id ), array( '%d' ) );
		if ( $deleted && $announce ) {
			$this->count_documents();
		}
		if ( $announce && $deleted ) {
			/**
			 * An article left the index (unpublished, trashed or deleted).
			 *
			 * @param int $post_id The article.
			 */
			do_action( 'aftercare_article_unindexed', $post_id );
		}
	}

	/**
	 * Ids of the given terms; with $create, missing terms (and their trigrams) are added first.
	 *
	 * @param string[] $terms Stemmed terms.
	 * @return array<string, int> Term → id, for the terms that exist.
	 */
	public function term_ids( array $terms, bool $create = false ): array {
		$terms = array_values( array_unique( array_filter( array_map( 'strval', $terms ), static fn( string $t ): bool => '' !== $t ) ) );
		if ( ! $terms ) {
			return array();
		}
		$table = $this->table( 'terms' );
		$ids   = array();
		foreach ( array_chunk( $terms, 500 ) as $chunk ) {
			$placeholders = implode( ', ', array_fill( 0, count( $chunk ), '%s' ) );
			// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared,WordPress.DB.PreparedSQLPlaceholders.UnfinishedPrepare -- table name and placeholders.
			$rows         = $this->wpdb->get_results( $this->wpdb->prepare( "SELECT term_id, term FROM {$table} WHERE term IN ({$placeholders})", $chunk ) );
			foreach ( $rows as $row ) {
				$ids[ (string) $row->term ] = (int) $row->term_id;
			}
		}
		$missing = array_values( array_diff( $terms, array_map( 'strval', array_keys( $ids ) ) ) );
		if ( ! $create || ! $missing ) {
			return $ids;
		}
		$this->insert_rows(
			$table,
			array( 'term', 'term_length', 'doc_count' ),
			'(%s, %d, 0)',
			array_map( static fn( string $term ): array => array( $term, mb_strlen( $term ) ), $missing ),
			true
		);
		$added = $this->term_ids( $missing );
		$grams = array();
		foreach ( $added as $term => $id ) {
			foreach ( $this->tokenizer->trigrams( (string) $term ) as $gram ) {
				$grams[] = array( $gram, $id );
			}
		}
		$this->insert_rows( $this->table( 'grams' ), array( 'gram', 'term_id' ), '(%s, %d)', $grams, true );
		return $ids + $added;
	}

	/**
	 * Articles in the index (for the idf), kept in an autoloaded option so a search reads none.
	 */
	public function document_count(): int {
		$count = get_option( self::DOCUMENT_COUNT );
		return false === $count ? $this->count_documents() : (int) $count;
	}

	private function count_documents(): int {
		$table = $this->table( 'documents' );
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared,WordPress.DB.DirectDatabaseQuery -- table name, no input.
		$count = (int) $this->wpdb->get_var( "SELECT COUNT(*) FROM {$table}" );
		update_option( self::DOCUMENT_COUNT, $count, true );
		return $count;
	}

	/**
	 * Whether the article is in the index.
	 */
	public function contains( int $post_id ): bool {
		$table = $this->table( 'documents' );
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name.
		return (bool) $this->wpdb->get_var( $this->wpdb->prepare( "SELECT post_id FROM {$table} WHERE post_id = %d", $post_id ) );
	}

	/**
	 * Articles of any status: what a full reindex visits.
	 */
	public function article_count(): int {
		return (int) $this->wpdb->get_var( $this->wpdb->prepare( "SELECT COUNT(*) FROM {$this->wpdb->posts} WHERE post_type = %s", ArticleType::POST_TYPE ) );
	}

	/**
	 * Starts the reindex over from the first article, and takes out the entries of articles that
	 * are gone without a delete hook (removed with SQL, say), which a reindex would never visit.
	 *
	 * @return int Entries taken out.
	 */
	public function restart_reindex(): int {
		delete_option( self::REINDEX_CURSOR );
		$orphans = $this->wpdb->get_col(
			$this->wpdb->prepare(
				// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table names.
				"SELECT d.post_id FROM {$this->table( 'documents' )} d LEFT JOIN {$this->wpdb->posts} p ON p.ID = d.post_id AND p.post_type = %s WHERE p.ID IS NULL",
				ArticleType::POST_TYPE
			)
		);
		foreach ( $orphans as $post_id ) {
			$this->remove( (int) $post_id );
		}
		return count( $orphans );
	}

	/**
	 * Data migration: (re)indexes every published article, 200 at a time, resuming where the last
	 * request stopped. Returns true when every article has been seen.
	 *
	 * @param callable(int): void|null $seen Told each article's id once it is synced (WP-CLI's progress bar).
	 */
	public function reindex_batch( ?callable $seen = null ): bool {
		$cursor = (int) get_option( self::REINDEX_CURSOR, 0 );
		$ids    = $this->wpdb->get_col(
			$this->wpdb->prepare(
				"SELECT ID FROM {$this->wpdb->posts} WHERE post_type = %s AND ID > %d ORDER BY ID ASC LIMIT 200",
				ArticleType::POST_TYPE,
				$cursor
			)
		);
		foreach ( $ids as $id ) {
			$post = get_post( (int) $id );
			if ( $post ) {
				$this->sync( $post );
			}
			$cursor = (int) $id;
			if ( $seen ) {
				$seen( $cursor );
			}
		}
		if ( count( $ids ) < 200 ) {
			delete_option( self::REINDEX_CURSOR );
			return true;
		}
		update_option( self::REINDEX_CURSOR, $cursor, false );
		return false;
	}

	/**
	 * @param int[] $term_ids Terms whose article count changes.
	 */
	private function change_doc_counts( array $term_ids, int $delta ): void {
		$table = $this->table( 'terms' );
		foreach ( array_chunk( $term_ids, 500 ) as $chunk ) {
			$placeholders = implode( ', ', array_fill( 0, count( $chunk ), '%d' ) );
			$expression   = $delta > 0 ? 'doc_count + 1' : 'CASE WHEN doc_count > 0 THEN doc_count - 1 ELSE 0 END';
			// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared,WordPress.DB.PreparedSQLPlaceholders.UnfinishedPrepare -- table name, fixed expression and placeholders.
			$this->wpdb->query( $this->wpdb->prepare( "UPDATE {$table} SET doc_count = {$expression} WHERE term_id IN ({$placeholders})", $chunk ) );
		}
	}

	/**
	 * Multi-row INSERT, 300 rows per statement, every value prepared.
	 *
	 * @param string          $table   Full table name.
	 * @param string[]        $columns Column names.
	 * @param string          $row     Placeholders of one row, e.g. `(%d, %s)`.
	 * @param array<int, array<int, int|string>> $rows Values.
	 * @param bool            $ignore  INSERT IGNORE (rows that exist already are skipped).
	 */
	private function insert_rows( string $table, array $columns, string $row, array $rows, bool $ignore = false ): void {
		$verb = $ignore ? 'INSERT IGNORE' : 'INSERT';
		foreach ( array_chunk( $rows, 300 ) as $chunk ) {
			$sql = "{$verb} INTO {$table} (" . implode( ', ', $columns ) . ') VALUES ' . implode( ', ', array_fill( 0, count( $chunk ), $row ) );
			// phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- built from column names and placeholders only.
			$this->wpdb->query( $this->wpdb->prepare( $sql, array_merge( ...$chunk ) ) );
		}
	}
}
