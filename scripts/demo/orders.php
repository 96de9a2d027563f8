<?php
/**
 * Plugin Name: Aftercare demo orders
 * Description: Gives the `npm start` site orders to look up without WooCommerce (the test environment's order source and its sample orders), an "Order status" page, and the contact page as "Get help with this order". Local sites only; never shipped.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

// The test environment's order source: a table of sample orders (1001 for a guest, 1002 and 1003
// for customer1, 2001 for customer2). A store with WooCommerce active reads WooCommerce instead.
require_once dirname( __DIR__, 2 ) . '/tests/fixtures/mu-plugins/test-order-source.php';

add_action(
	'aftercare_seed_demo',
	static function (): void {
		if ( ! get_page_by_path( 'order-status' ) ) {
			wp_insert_post(
				array(
					'post_type'    => 'page',
					'post_status'  => 'publish',
					'post_name'    => 'order-status',
					'post_title'   => __( 'Order status', 'aftercare' ),
					'post_content' => "<!-- wp:paragraph -->\n<p>Try order <strong>1001</strong> with <strong>guest@example.test</strong>, or log in as customer1 / password to see your orders.</p>\n<!-- /wp:paragraph -->\n\n<!-- wp:aftercare/order-status /-->",
				)
			);
		}
		$contact = get_page_by_path( 'contact-us' );
		if ( $contact && class_exists( Aftercare\Settings\Settings::class ) ) {
			( new Aftercare\Settings\Settings() )->update( array( 'contact_page' => $contact->ID ) );
		}
	},
	20
);
