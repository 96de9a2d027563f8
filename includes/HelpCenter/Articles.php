<?php
/**
 * The help center's read side and event log, as the REST controllers and blocks use it: search
 * results as article summaries, popular articles, categories, and logging what shoppers do.
 *
 * Rate limits of the public routes can be changed with the `aftercare_help_rate_limit` filter:
 *
 *     apply_filters( 'aftercare_help_rate_limit', int $per_window, string $route ) // search|events|feedback|visitor
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\HelpCenter;

use Aftercare\Infrastructure\Clock;

final class Articles {

	public function __construct(
		private Searcher $searcher,
		private Tokenizer $tokenizer,
		private SearchLog $log,
		private Visitors $visitors,
		private Clock $clock
	) {}

	/**
	 * @return array<int, array{id: int, title: string, excerpt: string, url: string, category: string}>
	 */
	public function search( string $query, int $limit = 8, bool $prefix = false ): array {
		return $this->summaries( $this->searcher->search( $query, $limit, $prefix ) );
	}

	/**
	 * Logs a search (the result count is measured here, never taken from the client).
	 *
	 * @return int Articles found.
	 */
	public function log_search( string $query, string $source, string $visitor ): int {
		$normalized = $this->tokenizer->normalize_query( $query );
		if ( '' === $normalized ) {
			return 0;
		}
		$count = count( $this->searcher->search( $normalized, 20 ) );
		$this->log->record( 'search', $source, $normalized, $count, 0, $this->visitors->hash( $visitor ) );
		return $count;
	}

	/**
	 * Logs a click on a result or suggestion, or the suggestions a visitor was shown.
	 *
	 * @param string $kind     click or suggest.
	 * @param int[]  $post_ids Clicked article (one) or shown articles.
	 */
	public function log_articles( string $kind, string $source, string $query, array $post_ids, string $visitor ): void {
		$normalized = $this->tokenizer->normalize_query( $query );
		$hash       = $this->visitors->hash( $visitor );
		foreach ( array_unique( $post_ids ) as $post_id ) {
			$this->log->record( $kind, $source, $normalized, count( $post_ids ), (int) $post_id, $hash );
		}
	}

	/**
	 * Whether the id is a published help article.
	 */
	public function is_public( int $post_id ): bool {
		$post = get_post( $post_id );
		return $post && ArticleType::POST_TYPE === $post->post_type && 'publish' === $post->post_status && '' === $post->post_password;
	}

	/**
	 * Most clicked articles of the last 90 days, topped up with the newest ones.
	 *
	 * @return array<int, array{id: int, title: string, excerpt: string, url: string, category: string}>
	 */
	public function popular( int $limit ): array {
		$ids = array_keys( $this->log->clicks_by_article( $this->clock->now() - 90 * DAY_IN_SECONDS, $limit * 2 ) );
		_prime_post_caches( $ids, false, false );
		$ids = array_values( array_filter( $ids, array( $this, 'is_public' ) ) );
		if ( count( $ids ) < $limit ) {
			$newest = get_posts(
				array(
					'post_type'        => ArticleType::POST_TYPE,
					'post_status'      => 'publish',
					'has_password'     => false,
					'posts_per_page'   => $limit,
					'fields'           => 'ids',
					'orderby'          => array(
						'menu_order' => 'ASC',
						'date'       => 'DESC',
					),
					'suppress_filters' => false,
				)
			);
			$ids = array_values( array_unique( array_merge( $ids, array_map( 'intval', $newest ) ) ) );
		}
		return $this->summaries( array_slice( $ids, 0, $limit ) );
	}

	/**
	 * Categories for the grid: the chosen ones in the chosen order, or the largest ones.
	 *
	 * @param int[] $ids   Chosen category ids; empty for all.
	 * @param int   $limit At most this many.
	 * @return array<int, array{id: int, name: string, description: string, url: string, count: int}>
	 */
	public function categories( array $ids, int $limit ): array {
		$args  = array(
			'taxonomy'   => ArticleType::TAXONOMY,
			'hide_empty' => true,
			'number'     => $limit,
		);
		$args += $ids ? array(
			'include' => $ids,
			'orderby' => 'include',
		) : array(
			'orderby' => 'count',
			'order'   => 'DESC',
			'parent'  => 0,
		);
		$terms = get_terms( $args );
		if ( ! is_array( $terms ) ) {
			return array();
		}
		return array_map(
			static fn( \WP_Term $term ): array => array(
				'id'          => (int) $term->term_id,
				'name'        => $term->name,
				'description' => $term->description,
				'url'         => (string) get_term_link( $term ),
				'count'       => (int) $term->count,
			),
			array_values( array_filter( $terms, static fn( $t ): bool => $t instanceof \WP_Term ) )
		);
	}

	/**
	 * @param int[] $ids Article ids, in order.
	 * @return array<int, array{id: int, title: string, excerpt: string, url: string, category: string}>
	 */
	public function summaries( array $ids ): array {
		if ( ! $ids ) {
			return array();
		}
		_prime_post_caches( $ids, true, false );
		$out = array();
		foreach ( $ids as $id ) {
			$post = get_post( $id );
			if ( ! $post || ArticleType::POST_TYPE !== $post->post_type ) {
				continue;
			}
			$terms = get_the_terms( $post, ArticleType::TAXONOMY );
			$out[] = array(
				'id'       => (int) $post->ID,
				'title'    => html_entity_decode( wp_strip_all_tags( get_the_title( $post ) ), ENT_QUOTES, 'UTF-8' ),
				'excerpt'  => $this->excerpt( $post ),
				'url'      => (string) get_permalink( $post ),
				'category' => is_array( $terms ) && $terms ? html_entity_decode( $terms[0]->name, ENT_QUOTES, 'UTF-8' ) : '',
			);
		}
		return $out;
	}

	private function excerpt( \WP_Post $post ): string {
		$text = '' !== $post->post_excerpt ? $post->post_excerpt : excerpt_remove_blocks( strip_shortcodes( $post->post_content ) );
		$text = html_entity_decode( wp_strip_all_tags( $text ), ENT_QUOTES, 'UTF-8' );
		return wp_trim_words( $text, 24, '…' );
	}
}
