<?php
// phpcs:disable Generic.Files.LineLength.TooLong -- plugin header.
/**
 * Plugin Name: Aftercare demo orders
 * Description: Gives the `npm start` site orders to look up without WooCommerce (the test environment's order source and its sample orders), an "Order status" page, and the contact page as "Get help with this order". Local sites only; never shipped.
 *
 * @package Aftercare
 */
// phpcs:enable Generic.Files.LineLength.TooLong

declare( strict_types=1 );

// The test environment's order source: a table of sample orders (1001 for a guest, 1002 and 1003
// for customer1, 2001 for customer2). A store with WooCommerce active reads WooCommerce instead.
require_once dirname( __DIR__, 2 ) . '/tests/fixtures/mu-plugins/test-order-source.php';

// Without WooCommerce the demo's tickets and returns (scripts/demo/support-desk.php, priority 30)
// need orders to point at: the known ones, and completed orders with several lines to return.
add_action(
	'aftercare_seed_demo',
	static function (): void {
		if ( class_exists( 'WooCommerce' ) || get_option( 'aftercare_demo_orders_seeded' ) ) {
			return;
		}
		aftercare_test_seed_orders();
		$customers = array(
			'customer1' => get_user_by( 'login', 'customer1' ),
			'customer2' => get_user_by( 'login', 'customer2' ),
		);
		// The billing names of the test adapter's own orders for them.
		$names = array(
			'customer1'          => 'Casey Customer',
			'customer2'          => 'Cam Second',
			'riley@example.test' => 'Riley Guest',
		);
		$now    = time();
		$orders = array(
			// Number, customer login (or guest email), days since completion, lines: name => [quantity, total].
			array( '3001', 'customer1', 3, array( 'Denim jacket' => array( 1, 79.0 ), 'Linen shirt' => array( 2, 40.0 ) ) ),
			array( '3002', 'customer1', 6, array( 'Rain boots' => array( 1, 65.0 ), 'Wool socks' => array( 3, 18.0 ) ) ),
			array( '3003', 'customer2', 5, array( 'Chino trousers' => array( 2, 90.0 ), 'Leather belt' => array( 1, 25.0 ) ) ),
			array( '3004', 'customer2', 10, array( 'Summer dress' => array( 1, 59.0 ), 'Straw sun hat' => array( 1, 22.0 ) ) ),
			array( '3005', 'customer1', 12, array( 'Merino hoodie' => array( 2, 110.0 ), 'Beanie' => array( 1, 15.0 ) ) ),
			array( '3006', 'riley@example.test', 8, array( 'Trail trainers' => array( 1, 95.0 ) ) ),
		);
		foreach ( $orders as list( $number, $who, $days, $lines ) ) {
			$user  = $customers[ $who ] ?? null;
			$items = array();
			foreach ( $lines as $name => list( $quantity, $total ) ) {
				$items[] = array(
					'name'     => $name,
					'quantity' => $quantity,
					'total'    => $total,
				);
			}
			aftercare_test_order_source()->insert(
				array(
					'number'      => $number,
					'status'      => 'completed',
					'created'     => $now - ( $days + 4 ) * DAY_IN_SECONDS,
					'paid'        => $now - ( $days + 4 ) * DAY_IN_SECONDS,
					'completed'   => $now - $days * DAY_IN_SECONDS,
					'customer_id' => $user ? $user->ID : 0,
					'email'       => $user ? $user->user_email : $who,
					'name'        => $names[ $who ],
					'postcode'    => '90210',
					'address'     => '1 Main Street, Springfield',
					'phone'       => '+1 555 0100',
					'currency'    => 'USD',
					'total'       => array_sum( array_column( $items, 'total' ) ),
					'items'       => $items,
				)
			);
		}
		update_option( 'aftercare_demo_orders_seeded', 1, false );
	},
	5
);

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
					'post_content' => "<!-- wp:paragraph -->\n<p>Try order <strong>1001</strong> with <strong>guest@example.test</strong>, or log in as customer1 / password to see your orders.</p>\n<!-- /wp:paragraph -->\n\n<!-- wp:aftercare/order-status /-->", // phpcs:ignore Generic.Files.LineLength.TooLong -- one HTML string.
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
