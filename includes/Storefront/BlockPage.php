<?php
/**
 * Where a block's links lead: the page the store chose for it, else the first published page
 * that holds the block. A link into a page without the block would show the shopper nothing.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Storefront;

final class BlockPage {

	/**
	 * The URL of the chosen page ($page_id, when published), else of the first published page
	 * with $block; '' when there is neither.
	 */
	public static function url( int $page_id, string $block ): string {
		if ( $page_id > 0 && 'publish' === get_post_status( $page_id ) ) {
			return (string) get_permalink( $page_id );
		}
		$with_block = get_posts(
			array(
				'post_type'      => 'page',
				'post_status'    => 'publish',
				's'              => '<!-- wp:' . $block . ' ',
				'sentence'       => true,
				'search_columns' => array( 'post_content' ),
				'orderby'        => 'ID',
				'order'          => 'ASC',
				'numberposts'    => 1,
				'fields'         => 'ids',
			)
		);
		return $with_block ? (string) get_permalink( (int) $with_block[0] ) : '';
	}
}
