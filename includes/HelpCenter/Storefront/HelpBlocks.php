<?php
/**
 * Server side of the help center's blocks: `aftercare/help-center` (search with live results,
 * categories, popular articles; without JavaScript its form answers with a normal results page)
 * and `aftercare/article-feedback` ("Was this helpful?"), block-theme templates for articles and
 * categories, and the feedback under every article in classic themes too.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\HelpCenter\Storefront;

use Aftercare\HelpCenter\ArticleType;
use Aftercare\HelpCenter\Articles;
use Aftercare\HelpCenter\Visitors;
use Aftercare\Infrastructure\Registrable;
use Aftercare\Settings\Settings;
use Aftercare\Storefront\DynamicBlock;

final class HelpBlocks implements Registrable {

	public const HELP_CENTER = 'aftercare/help-center';
	public const FEEDBACK    = 'aftercare/article-feedback';

	/** The search box's query parameter, for the no-JavaScript results page. */
	public const QUERY_PARAM = 'q';

	public function __construct( private Articles $articles, private Settings $settings, private Visitors $visitors ) {}

	public function register(): void {
		add_filter( 'register_block_type_args', array( $this, 'block_args' ), 10, 2 );
		add_action( 'init', array( $this, 'register_templates' ), 20 );
		add_filter( 'the_content', array( $this, 'append_feedback' ), 20 );
	}

	/**
	 * @param array<string, mixed> $args Block type arguments.
	 * @return array<string, mixed>
	 */
	public function block_args( array $args, string $name ): array {
		if ( self::HELP_CENTER === $name ) {
			$args['render_callback'] = array( $this, 'render_help_center' );
		} elseif ( self::FEEDBACK === $name ) {
			$args['render_callback'] = array( $this, 'render_feedback' );
		}
		return $args;
	}

	/**
	 * @param array<string, mixed> $attributes Block attributes.
	 */
	public function render_help_center( array $attributes ): string {
		// phpcs:ignore WordPress.Security.NonceVerification.Recommended -- a public search form.
		$query   = isset( $_GET[ self::QUERY_PARAM ] ) ? mb_substr( sanitize_text_field( wp_unslash( (string) $_GET[ self::QUERY_PARAM ] ) ), 0, 190 ) : '';
		$results = '' !== $query ? $this->articles->search( $query, 20 ) : array();
		if ( '' !== $query ) {
			$this->articles->log_search( $query, 'page', $this->visitors->from_request() );
		}
		$contact = (int) $this->settings->get( 'contact_page' );
		$data    = array(
			'query'      => $query,
			'results'    => $results,
			'categories' => empty( $attributes['showCategories'] )
				? array()
				: $this->articles->categories(
					array_map( 'intval', (array) ( $attributes['categories'] ?? array() ) ),
					max( 1, min( 24, (int) ( $attributes['categoryCount'] ?? 6 ) ) )
				),
			'popular'    => empty( $attributes['showPopular'] ) || '' !== $query
				? array()
				: $this->articles->popular( max( 1, min( 20, (int) ( $attributes['popularCount'] ?? 5 ) ) ) ),
			'contact'    => empty( $attributes['showContact'] ) || $contact <= 0 || 'publish' !== get_post_status( $contact ) ? '' : (string) get_permalink( $contact ),
			'action'     => $this->results_page(),
			'rest'       => rest_url( 'aftercare/v1/help/' ),
		);
		return $this->template( 'help-center', $attributes, $data );
	}

	/**
	 * Where a search box sends its query: the help page from the settings, else this page.
	 */
	private function results_page(): string {
		$page = (int) $this->settings->get( 'help_page' );
		if ( $page > 0 && 'publish' === get_post_status( $page ) ) {
			return (string) get_permalink( $page );
		}
		return is_singular() ? (string) get_permalink() : home_url( '/' );
	}

	/**
	 * @param array<string, mixed> $attributes Block attributes.
	 * @param string               $content    Inner content (none).
	 * @param \WP_Block|null       $block      Block instance; its context names the post.
	 */
	public function render_feedback( array $attributes, string $content = '', ?\WP_Block $block = null ): string {
		$post_id = (int) ( $block->context['postId'] ?? get_the_ID() );
		if ( ! $this->articles->is_public( $post_id ) ) {
			return '';
		}
		return $this->template(
			'article-feedback',
			$attributes,
			array(
				'post_id' => $post_id,
				'rest'    => rest_url( 'aftercare/v1/help/' ),
			)
		);
	}

	/**
	 * Classic themes have no template of ours: the feedback follows the article's content.
	 */
	public function append_feedback( string $content ): string {
		if ( wp_is_block_theme() || ! is_singular( ArticleType::POST_TYPE ) || ! in_the_loop() || ! is_main_query() || has_block( self::FEEDBACK ) ) {
			return $content;
		}
		return $content . do_blocks( '<!-- wp:' . self::FEEDBACK . ' /-->' );
	}

	/**
	 * Block-theme templates: one article, and a category of articles.
	 */
	public function register_templates(): void {
		if ( ! function_exists( 'register_block_template' ) ) {
			return;
		}
		$dir = __DIR__ . '/templates/';
		register_block_template(
			'aftercare//single-' . ArticleType::POST_TYPE,
			array(
				'title'       => __( 'Help article', 'aftercare' ),
				'description' => __( 'One help-center article, with "Was this helpful?" under it.', 'aftercare' ),
				'post_types'  => array( ArticleType::POST_TYPE ),
				// phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents -- a file of the plugin.
				'content'     => (string) file_get_contents( $dir . 'single-article.html' ),
			)
		);
		register_block_template(
			'aftercare//taxonomy-' . ArticleType::TAXONOMY,
			array(
				'title'       => __( 'Help category', 'aftercare' ),
				'description' => __( 'The articles of one help-center category.', 'aftercare' ),
				'content'     => str_replace( // phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents -- a file of the plugin.
					'{no_results}',
					esc_html__( 'No articles in this category yet.', 'aftercare' ),
					(string) file_get_contents( $dir . 'taxonomy-category.html' )
				),
			)
		);
	}

	/**
	 * Renders a block's render.php from the build with the prepared data.
	 *
	 * @param array<string, mixed> $attributes     Block attributes.
	 * @param array<string, mixed> $aftercare_data What render.php shows.
	 */
	private function template( string $block, array $attributes, array $aftercare_data ): string {
		return DynamicBlock::render_template(
			AFTERCARE_DIR . "build/blocks/{$block}/render.php",
			array(
				'attributes'     => $attributes,
				'aftercare_data' => $aftercare_data,
			)
		);
	}
}
