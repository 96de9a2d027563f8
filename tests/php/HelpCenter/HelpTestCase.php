<?php
/**
 * Shared helpers of the help-center tests: articles and categories inside the test's transaction.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\HelpCenter;

use Aftercare\HelpCenter\ArticleType;
use Aftercare\Tests\TestCase;

abstract class HelpTestCase extends TestCase {

	/**
	 * @param array<string, mixed> $args Post fields over the defaults.
	 */
	protected function article( string $title, string $content = '', array $args = array() ): int {
		$id = wp_insert_post(
			$args + array(
				'post_type'    => ArticleType::POST_TYPE,
				'post_status'  => 'publish',
				'post_title'   => $title,
				'post_content' => $content,
			),
			true
		);
		$this->assertIsInt( $id );
		return $id;
	}

	/**
	 * The demo store's 32 articles (scripts/demo/help-center.php), title → id.
	 *
	 * @return array<string, int>
	 */
	protected function demo_articles(): array {
		require_once AFTERCARE_DIR . 'scripts/demo/help-center.php';
		$ids = array();
		foreach ( aftercare_demo_help_articles() as $category ) {
			foreach ( $category['articles'] as $title => $sections ) {
				$content = '';
				foreach ( $sections as $heading => $paragraph ) {
					$content .= ( '' !== $heading ? "<h2>{$heading}</h2>" : '' ) . "<p>{$paragraph}</p>";
				}
				$ids[ $title ] = $this->article( $title, $content );
			}
		}
		return $ids;
	}

	/**
	 * Titles the search route answers, best first.
	 *
	 * @param array<string, mixed> $params Query parameters besides q.
	 * @return string[]
	 */
	protected function search( string $query, array $params = array() ): array {
		$response = $this->rest( 'GET', '/aftercare/v1/help/search', array( 'q' => $query ) + $params );
		$this->assertSame( 200, $response->get_status(), wp_json_encode( $response->get_data() ) );
		return array_column( $response->get_data(), 'title' );
	}

	/**
	 * The index's stored weight of a term for an article (0 when absent).
	 */
	protected function weight( int $post_id, string $term ): int {
		global $wpdb;
		return (int) $wpdb->get_var(
			$wpdb->prepare(
				"SELECT p.weight FROM {$wpdb->prefix}aftercare_search_postings p INNER JOIN {$wpdb->prefix}aftercare_search_terms t ON t.term_id = p.term_id WHERE p.post_id = %d AND t.term = %s", // phpcs:ignore Generic.Files.LineLength.TooLong -- one SQL query.
				$post_id,
				$term
			)
		);
	}

	protected function is_indexed( int $post_id ): bool {
		global $wpdb;
		return (bool) $wpdb->get_var( $wpdb->prepare( "SELECT post_id FROM {$wpdb->prefix}aftercare_search_documents WHERE post_id = %d", $post_id ) );
	}
}
