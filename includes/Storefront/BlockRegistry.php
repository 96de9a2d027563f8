<?php
/**
 * Registers every block in `build/blocks/` from the manifest wp-scripts writes, in one call that
 * reads no block.json at run time.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Storefront;

use Aftercare\Infrastructure\Registrable;

final class BlockRegistry implements Registrable {

	public function register(): void {
		add_action( 'init', array( $this, 'register_blocks' ) );
		add_filter( 'block_categories_all', array( $this, 'add_category' ) );
	}

	public function register_blocks(): void {
		$manifest = AFTERCARE_DIR . 'build/blocks-manifest.php';
		if ( is_readable( $manifest ) ) {
			wp_register_block_types_from_metadata_collection( AFTERCARE_DIR . 'build/blocks', $manifest );
		}
	}

	/**
	 * @param array<int, array<string, mixed>> $categories Block categories.
	 * @return array<int, array<string, mixed>>
	 */
	public function add_category( array $categories ): array {
		$categories[] = array(
			'slug'  => 'aftercare',
			'title' => __( 'Customer support', 'aftercare' ),
			'icon'  => null,
		);
		return $categories;
	}
}
