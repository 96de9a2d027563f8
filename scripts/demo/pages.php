<?php
/**
 * Plugin Name: Aftercare demo pages
 * Description: Seeds the `npm start` site with pages that use Aftercare's blocks. Local sites only; never shipped.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

add_action(
	'aftercare_seed_demo',
	static function (): void {
		$pages = array(
			'contact-us' => array(
				'title'   => __( 'Contact us', 'aftercare' ),
				'content' => "<!-- wp:paragraph -->\n<p>Questions about an order, sizing or delivery? Write to us and we answer within one business day.</p>\n<!-- /wp:paragraph -->\n\n<!-- wp:aftercare/contact /-->", // phpcs:ignore Generic.Files.LineLength.TooLong -- one HTML string.
			),
			'returns'    => array(
				'title'   => __( 'Returns', 'aftercare' ),
				'content' => "<!-- wp:paragraph -->\n<p>Something not right? Choose the items to send back within 30 days of delivery.</p>\n<!-- /wp:paragraph -->\n\n<!-- wp:aftercare/returns /-->", // phpcs:ignore Generic.Files.LineLength.TooLong -- one HTML string.
			),
		);
		foreach ( $pages as $slug => $page ) {
			if ( ! get_page_by_path( $slug ) ) {
				wp_insert_post(
					array(
						'post_type'    => 'page',
						'post_status'  => 'publish',
						'post_name'    => $slug,
						'post_title'   => $page['title'],
						'post_content' => $page['content'],
					)
				);
			}
		}
	}
);
