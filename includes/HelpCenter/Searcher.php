<?php
/**
 * Answers a query from the index.
 *
 * A query becomes groups, one per word (or per synonym phrase): each group lists the terms that
 * satisfy it with a factor — the word's stem (1.0), its synonyms (0.9, shared among a phrase's
 * words), words it begins while the shopper is still typing (0.6), and indexed terms one typo away
 * (0.6; two for words of 8+ letters). Articles then rank by how many groups they satisfy, then
 * by Σ weight × factor × idf over each term's strongest postings. Weights make a title hit beat a
 * heading hit beat body hits.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\HelpCenter;

final class Searcher {

	private const SYNONYM_FACTOR = 0.9;
	private const PREFIX_FACTOR  = 0.6;
	private const TYPO_FACTOR    = 0.6;

	/** Postings read per term, strongest first. */
	private const POSTINGS_PER_TERM = 400;

	public function __construct( private \wpdb $wpdb, private SearchIndex $index, private Tokenizer $tokenizer, private Synonyms $synonyms ) {}

	/**
	 * Article ids, best first.
	 *
	 * @param string $query  What the shopper typed.
	 * @param int    $limit  At most this many.
	 * @param bool   $prefix Treat the last word as unfinished (search as you type).
	 * @return int[]
	 */
	public function search( string $query, int $limit = 8, bool $prefix = false ): array {
		$groups = $this->groups( $query, $prefix );
		if ( ! $groups ) {
			return array();
		}
		$factors  = array();
		$group_of = array();
		foreach ( $groups as $index => $group ) {
			foreach ( $group as $term_id => $factor ) {
				if ( ! isset( $factors[ $term_id ] ) ) {
					$factors[ $term_id ]  = $factor;
					$group_of[ $term_id ] = $index;
				}
			}
		}
		if ( ! $factors ) {
			return array();
		}
		// Each term contributes its strongest postings only (title and heading hits come first), read
		// through the (term_id, weight, post_id) index: a few hundred rows per term however large the
		// help center grows. Integer scores and id tie-breaks rank alike on every database.
		$idf      = $this->idf( array_keys( $factors ) );
		$postings = $this->index->table( 'postings' );
		$scores   = array();
		$matched  = array();
		foreach ( $factors as $term_id => $factor ) {
			$multiplier = max( 1, (int) round( 1000 * $factor * ( $idf[ $term_id ] ?? 1.0 ) ) );
			$rows       = $this->wpdb->get_results(
				$this->wpdb->prepare(
					// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name.
					"SELECT post_id, weight FROM {$postings} WHERE term_id = %d ORDER BY weight DESC, post_id DESC LIMIT %d",
					$term_id,
					self::POSTINGS_PER_TERM
				),
				ARRAY_N
			);
			foreach ( $rows as $row ) {
				$post_id                                      = (int) $row[0];
				$scores[ $post_id ]                           = ( $scores[ $post_id ] ?? 0 ) + (int) $row[1] * $multiplier;
				$matched[ $post_id ][ $group_of[ $term_id ] ] = true;
			}
		}
		// Most query words (or synonym phrases) covered first, then score, then the older article.
		$needed = max( 1, (int) ceil( count( $groups ) / 2 ) );
		$ranked = array();
		foreach ( $scores as $post_id => $score ) {
			$covered = count( $matched[ $post_id ] );
			if ( $covered >= $needed ) {
				$ranked[] = array( $covered, $score, $post_id );
			}
		}
		usort( $ranked, static fn( array $a, array $b ): int => array( $b[0], $b[1], $a[2] ) <=> array( $a[0], $a[1], $b[2] ) );
		return array_map( static fn( array $row ): int => $row[2], array_slice( $ranked, 0, max( 1, min( 50, $limit ) ) ) );
	}

	/**
	 * The query as groups of term id → factor; a group with no indexed term stays, empty, so it
	 * still counts against coverage.
	 *
	 * @return array<int, array<int, float>>
	 */
	public function groups( string $query, bool $prefix = false ): array {
		$words = $this->tokenizer->words( $query );
		if ( ! $words ) {
			return array();
		}
		$stems = array_map( array( $this->tokenizer, 'stem' ), $words );

		// Each group: stemmed term → factor, before looking the terms up.
		$groups   = array();
		$position = 0;
		$count    = count( $stems );
		$synonyms = $this->synonyms->groups();
		while ( $position < $count ) {
			list( $length, $alternatives ) = $this->synonym_at( $stems, $position, $synonyms );
			if ( $length > 0 ) {
				$groups[] = array( 'terms' => $alternatives, 'word' => null );
				$position += $length;
				continue;
			}
			$groups[] = array(
				'terms' => array( $stems[ $position ] => 1.0 ),
				'word'  => $words[ $position ],
				'last'  => $position === $count - 1,
			);
			++$position;
		}

		$all = array();
		foreach ( $groups as $group ) {
			$all = array_merge( $all, array_keys( $group['terms'] ) );
		}
		$ids = $this->index->term_ids( array_map( 'strval', $all ) );

		$resolved = array();
		foreach ( $groups as $group ) {
			$terms = array();
			foreach ( $group['terms'] as $term => $factor ) {
				if ( isset( $ids[ (string) $term ] ) ) {
					$terms[ $ids[ (string) $term ] ] = max( $factor, $terms[ $ids[ (string) $term ] ] ?? 0 );
				}
			}
			if ( null !== $group['word'] ) {
				$stem = (string) array_key_first( $group['terms'] );
				if ( $prefix && ! empty( $group['last'] ) ) {
					$terms += $this->prefixed( array_unique( array( $group['word'], $stem ) ) );
				}
				if ( ! $terms ) {
					$terms = $this->near( $stem );
				}
			}
			$resolved[] = $terms;
		}
		return $resolved;
	}

	/**
	 * Whether a synonym phrase starts at $position: its length in words and the group's terms.
	 *
	 * @param string[]                         $stems    Stemmed query words.
	 * @param array<int, array<int, string[]>> $synonyms Synonym groups.
	 * @return array{0: int, 1: array<string, float>}
	 */
	private function synonym_at( array $stems, int $position, array $synonyms ): array {
		foreach ( $synonyms as $phrases ) {
			foreach ( $phrases as $phrase ) {
				if ( array_slice( $stems, $position, count( $phrase ) ) !== $phrase ) {
					continue;
				}
				$terms = array();
				foreach ( $phrases as $other ) {
					$factor = ( $other === $phrase ? 1.0 : self::SYNONYM_FACTOR ) / count( $other );
					foreach ( $other as $term ) {
						$terms[ $term ] = max( $factor, $terms[ $term ] ?? 0 );
					}
				}
				return array( count( $phrase ), $terms );
			}
		}
		return array( 0, array() );
	}

	/**
	 * Indexed terms that begin with what the shopper is typing (the most common eight).
	 *
	 * @param string[] $beginnings Word as typed and its stem.
	 * @return array<int, float>
	 */
	private function prefixed( array $beginnings ): array {
		$table = $this->index->table( 'terms' );
		$terms = array();
		foreach ( $beginnings as $beginning ) {
			if ( mb_strlen( $beginning ) < 2 ) {
				continue;
			}
			$rows = $this->wpdb->get_col(
				$this->wpdb->prepare(
					// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name.
					"SELECT term_id FROM {$table} WHERE term LIKE %s AND doc_count > 0 ORDER BY doc_count DESC, term ASC LIMIT 8",
					$this->wpdb->esc_like( $beginning ) . '%'
				)
			);
			foreach ( $rows as $id ) {
				$terms[ (int) $id ] = self::PREFIX_FACTOR;
			}
		}
		return $terms;
	}

	/**
	 * Indexed terms one edit away (two for long words): candidates share trigrams and have a
	 * similar length, then the edit distance is checked exactly.
	 *
	 * @return array<int, float>
	 */
	private function near( string $stem ): array {
		$length = mb_strlen( $stem );
		if ( $length < 4 ) {
			return array();
		}
		$max          = $length >= 8 ? 2 : 1;
		$grams        = $this->tokenizer->trigrams( $stem );
		$placeholders = implode( ', ', array_fill( 0, count( $grams ), '%s' ) );
		$terms_table  = $this->index->table( 'terms' );
		$grams_table  = $this->index->table( 'grams' );
		$rows         = $this->wpdb->get_results(
			$this->wpdb->prepare(
				"SELECT t.term_id, t.term, COUNT(*) AS shared
				FROM {$grams_table} g INNER JOIN {$terms_table} t ON t.term_id = g.term_id
				WHERE g.gram IN ({$placeholders}) AND t.term_length BETWEEN %d AND %d AND t.doc_count > 0
				GROUP BY t.term_id, t.term
				ORDER BY shared DESC, t.doc_count DESC, t.term ASC
				LIMIT 60", // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared,WordPress.DB.PreparedSQLPlaceholders.UnfinishedPrepare,Generic.Files.LineLength.TooLong -- table names and placeholders.
				array_merge( $grams, array( $length - $max, $length + $max ) )
			)
		);
		$terms = array();
		foreach ( $rows as $row ) {
			$distance = $this->tokenizer->distance( $stem, (string) $row->term, $max );
			if ( $distance <= $max ) {
				$terms[ (int) $row->term_id ] = self::TYPO_FACTOR / $distance;
			}
		}
		return $terms;
	}

	/**
	 * Inverse document frequency of each term (BM25's, never below 0.1).
	 *
	 * @param int[] $term_ids Terms.
	 * @return array<int, float>
	 */
	private function idf( array $term_ids ): array {
		$table        = $this->index->table( 'terms' );
		$placeholders = implode( ', ', array_fill( 0, count( $term_ids ), '%d' ) );
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared,WordPress.DB.PreparedSQLPlaceholders.UnfinishedPrepare -- table name and placeholders.
		$rows         = $this->wpdb->get_results( $this->wpdb->prepare( "SELECT term_id, doc_count FROM {$table} WHERE term_id IN ({$placeholders})", $term_ids ) );
		$total        = max( 1, $this->index->document_count() );
		$idf          = array();
		foreach ( $rows as $row ) {
			$df                           = (int) $row->doc_count;
			$idf[ (int) $row->term_id ] = max( 0.1, log( 1 + ( $total - $df + 0.5 ) / ( $df + 0.5 ) ) );
		}
		return $idf;
	}
}
