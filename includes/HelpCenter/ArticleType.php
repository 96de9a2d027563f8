<?php
/**
 * Help articles: the `aftercare_article` post type and its `aftercare_article_category` taxonomy,
 * edited in the block editor with revisions, public under the store's help base (`/help/…`), kept
 * in the search index on every save, status change and delete.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\HelpCenter;

use Aftercare\Infrastructure\Registrable;
use Aftercare\Settings\Settings;

final class ArticleType implements Registrable {

	public const POST_TYPE = 'aftercare_article';
	public const TAXONOMY  = 'aftercare_article_category';

	/** Set when rewrite rules must be rebuilt on the next request (after activation). */
	public const FLUSH_OPTION = 'aftercare_help_flush_rewrites';

	public function __construct( private Settings $settings, private SearchIndex $index ) {}

	public function register(): void {
		add_action( 'init', array( $this, 'register_types' ), 5 );
		add_action( 'init', array( $this, 'maybe_flush_rewrites' ), 99 );
		add_action( 'wp_after_insert_post', array( $this, 'after_save' ), 10, 2 );
		add_action( 'deleted_post', array( $this, 'after_delete' ), 10, 2 );
		add_action( 'update_option_' . Settings::OPTION, array( $this, 'settings_changed' ), 10, 2 );
	}

	/**
	 * The help base from the settings, e.g. `help` or `support/help`.
	 */
	public function base(): string {
		$base = trim( (string) $this->settings->get( 'help_base' ), '/' );
		return '' === $base ? 'help' : $base;
	}

	public function register_types(): void {
		$base = $this->base();
		// The taxonomy first: its rules (`help/category/…`) must come before the articles' ones.
		register_taxonomy(
			self::TAXONOMY,
			self::POST_TYPE,
			array(
				'labels'            => array(
					'name'          => _x( 'Help categories', 'taxonomy general name', 'aftercare' ),
					'singular_name' => _x( 'Help category', 'taxonomy singular name', 'aftercare' ),
					'search_items'  => __( 'Search help categories', 'aftercare' ),
					'all_items'     => __( 'All help categories', 'aftercare' ),
					'edit_item'     => __( 'Edit help category', 'aftercare' ),
					'update_item'   => __( 'Update help category', 'aftercare' ),
					'add_new_item'  => __( 'Add new help category', 'aftercare' ),
					'new_item_name' => __( 'New help category name', 'aftercare' ),
					'menu_name'     => __( 'Categories', 'aftercare' ),
				),
				'public'            => true,
				'hierarchical'      => true,
				'show_in_rest'      => true,
				'show_admin_column' => true,
				'rest_base'         => 'aftercare-article-categories',
				'rewrite'           => array(
					'slug'       => $base . '/category',
					'with_front' => false,
				),
			)
		);
		register_post_type(
			self::POST_TYPE,
			array(
				'labels'        => array(
					'name'               => _x( 'Help articles', 'post type general name', 'aftercare' ),
					'singular_name'      => _x( 'Help article', 'post type singular name', 'aftercare' ),
					'menu_name'          => __( 'Help articles', 'aftercare' ),
					'add_new_item'       => __( 'Add new help article', 'aftercare' ),
					'edit_item'          => __( 'Edit help article', 'aftercare' ),
					'new_item'           => __( 'New help article', 'aftercare' ),
					'view_item'          => __( 'View help article', 'aftercare' ),
					'search_items'       => __( 'Search help articles', 'aftercare' ),
					'not_found'          => __( 'No help articles found.', 'aftercare' ),
					'not_found_in_trash' => __( 'No help articles found in Trash.', 'aftercare' ),
					'all_items'          => __( 'All help articles', 'aftercare' ),
				),
				'public'        => true,
				'show_in_rest'  => true,
				'rest_base'     => 'aftercare-articles',
				'menu_icon'     => 'dashicons-book-alt',
				'menu_position' => 57,
				// The help center is a page holding the help-center block (at /help/ in the demo).
				'has_archive'   => false,
				'supports'      => array( 'title', 'editor', 'excerpt', 'revisions', 'author', 'custom-fields' ),
				'taxonomies'    => array( self::TAXONOMY ),
				'rewrite'       => array(
					'slug'       => $base,
					'with_front' => false,
				),
				'template'      => array(
					array( 'core/paragraph', array( 'placeholder' => __( 'Answer the question in the first sentence…', 'aftercare' ) ) ),
				),
			)
		);
	}

	/**
	 * @param int      $post_id Saved post.
	 * @param \WP_Post $post    The post as saved, terms included.
	 */
	public function after_save( int $post_id, \WP_Post $post ): void {
		if ( self::POST_TYPE === $post->post_type ) {
			$this->index->sync( $post );
		}
	}

	public function after_delete( int $post_id, ?\WP_Post $post = null ): void {
		if ( $post && self::POST_TYPE === $post->post_type ) {
			$this->index->remove( $post_id );
		}
	}

	/**
	 * A new help base applies at once: the types are registered again and the rules rebuilt.
	 *
	 * @param mixed $old_value Settings before.
	 * @param mixed $value     Settings after.
	 */
	public function settings_changed( mixed $old_value, mixed $value ): void {
		$before = is_array( $old_value ) ? ( $old_value['help_base'] ?? 'help' ) : 'help';
		$after  = is_array( $value ) ? ( $value['help_base'] ?? 'help' ) : 'help';
		if ( $before !== $after && did_action( 'init' ) ) {
			$this->register_types();
			flush_rewrite_rules( false );
		}
	}

	public function maybe_flush_rewrites(): void {
		if ( get_option( self::FLUSH_OPTION ) ) {
			delete_option( self::FLUSH_OPTION );
			flush_rewrite_rules( false );
		}
	}

	/**
	 * Data migration: rebuild the rules on the next request, when the types are registered.
	 */
	public static function request_flush(): bool {
		update_option( self::FLUSH_OPTION, 1, true );
		return true;
	}
}
