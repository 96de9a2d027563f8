<?php
/**
 * Seeds a bench site with orders, fast: `php bench/seed-orders.php <siteDir> <count>`.
 *
 * Without WooCommerce the orders go into the test environment's adapter (its own table). With
 * WooCommerce active they go straight into its HPOS tables with a few INSERT … SELECT statements
 * (WooCommerce's API makes a few hundred orders a minute; the bench needs 100k): only seeding
 * writes SQL, the bench then reads every order through WooCommerceOrderSource and the order API.
 * Also creates two pages (one plain, one with the block) and prints JSON: the pages and a sample
 * of order numbers with their billing emails.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

require __DIR__ . '/lib/wordpress.php';
require aftercare_bench_wp_load( $argv, 2, 'bench/seed-orders.php <siteDir> <count>' );

global $wpdb;
$aftercare_count = max( 1, (int) $argv[2] );
$aftercare_batch = 2000;
$aftercare_now   = time();
$aftercare_email = static fn( int $i ): string => "shopper{$i}@example.test";

if ( class_exists( 'WooCommerce' ) ) {
	// Ids far above any post, so they never meet a placeholder post WooCommerce made.
	$aftercare_base = 10_000_000;
	$aftercare_seq  = "seq_1_to_{$aftercare_count}";
	$wpdb->query( "DELETE FROM {$wpdb->prefix}wc_orders WHERE id > {$aftercare_base}" );
	$wpdb->query( "DELETE FROM {$wpdb->prefix}wc_order_addresses WHERE order_id > {$aftercare_base}" );
	$wpdb->query( "DELETE FROM {$wpdb->prefix}wc_order_operational_data WHERE order_id > {$aftercare_base}" );
	$wpdb->query( "DELETE FROM {$wpdb->prefix}woocommerce_order_items WHERE order_id > {$aftercare_base}" );
	$wpdb->query(
		// phpcs:disable Generic.Files.LineLength.TooLong -- one SQL query.
		"INSERT INTO {$wpdb->prefix}wc_orders (id, status, currency, type, tax_amount, total_amount, customer_id, billing_email, date_created_gmt, date_updated_gmt, parent_order_id, payment_method, payment_method_title, transaction_id, ip_address, user_agent, customer_note)
		SELECT {$aftercare_base} + seq, ELT(1 + seq % 3, 'wc-processing', 'wc-completed', 'wc-on-hold'), 'USD', 'shop_order', 0, 54.00, 0, CONCAT('shopper', seq, '@example.test'),
			FROM_UNIXTIME({$aftercare_now} - seq * 60), FROM_UNIXTIME({$aftercare_now} - seq * 60), 0, 'bacs', 'Bank transfer', '', '203.0.113.1', 'bench', ''
		FROM {$aftercare_seq}"
		// phpcs:enable Generic.Files.LineLength.TooLong
	);
	$wpdb->query(
		// phpcs:disable Generic.Files.LineLength.TooLong -- one SQL query.
		"INSERT INTO {$wpdb->prefix}wc_order_addresses (order_id, address_type, first_name, last_name, address_1, city, postcode, country, email, phone)
		SELECT {$aftercare_base} + seq, 'billing', 'Sam', CONCAT('Shopper ', seq), '1 Main Street', 'Springfield', 'SW1A 1AA', 'GB', CONCAT('shopper', seq, '@example.test'), '+44 20 7946 0000'
		FROM {$aftercare_seq}"
		// phpcs:enable Generic.Files.LineLength.TooLong
	);
	$wpdb->query(
		// phpcs:disable Generic.Files.LineLength.TooLong -- one SQL query.
		"INSERT INTO {$wpdb->prefix}wc_order_operational_data (order_id, created_via, woocommerce_version, prices_include_tax, coupon_usages_are_counted, download_permission_granted, cart_hash, new_order_email_sent, order_key, order_stock_reduced, date_paid_gmt, date_completed_gmt, shipping_tax_amount, shipping_total_amount, discount_tax_amount, discount_total_amount, recorded_sales)
		SELECT {$aftercare_base} + seq, 'checkout', '10.0.2', 0, 1, 1, '', 1, CONCAT('wc_order_bench', seq), 1, FROM_UNIXTIME({$aftercare_now} - seq * 60),
			IF(seq % 3 = 1, FROM_UNIXTIME({$aftercare_now} - seq * 60 + 3600), NULL), 0, 0, 0, 0, 1
		FROM {$aftercare_seq}"
		// phpcs:enable Generic.Files.LineLength.TooLong
	);
	$wpdb->query(
		"INSERT INTO {$wpdb->prefix}woocommerce_order_items (order_item_name, order_item_type, order_id)
		SELECT 'Linen shirt', 'line_item', {$aftercare_base} + seq FROM {$aftercare_seq}"
	);
	$wpdb->query(
		"INSERT INTO {$wpdb->prefix}woocommerce_order_itemmeta (order_item_id, meta_key, meta_value)
		SELECT order_item_id, '_qty', '2' FROM {$wpdb->prefix}woocommerce_order_items WHERE order_id > {$aftercare_base}
		UNION ALL SELECT order_item_id, '_line_total', '54' FROM {$wpdb->prefix}woocommerce_order_items WHERE order_id > {$aftercare_base}"
	);
	$aftercare_number = static fn( int $i ): string => (string) ( $aftercare_base + $i );
} else {
	$aftercare_source = aftercare_test_order_source();
	$aftercare_table  = $aftercare_source->table();
	$wpdb->query( "TRUNCATE TABLE {$aftercare_table}" );
	for ( $aftercare_from = 1; $aftercare_from <= $aftercare_count; $aftercare_from += $aftercare_batch ) {
		$aftercare_rows = array();
		for ( $i = $aftercare_from; $i < min( $aftercare_count + 1, $aftercare_from + $aftercare_batch ); $i++ ) {
			$aftercare_data   = Aftercare\TestEnvironment\TestOrderSource::data(
				array(
					'name'      => "Sam Shopper {$i}",
					'total'     => 54.0,
					'paid'      => $aftercare_now - $i * 60,
					// Completed an hour after it was placed (the return simulator's window starts there).
					'completed' => 1 === $i % 3 ? $aftercare_now - $i * 60 + 3600 : null,
					'items'     => array(
						array(
							'name'     => 'Linen shirt',
							'quantity' => 2,
							'total'    => 54.0,
						),
					),
					'meta'      => array(
						'_wc_shipment_tracking_items' => array(
							array(
								'tracking_provider' => 'ups',
								'tracking_number'   => '1Z' . str_pad( (string) $i, 16, '0', STR_PAD_LEFT ),
								'date_shipped'      => $aftercare_now - $i * 30,
							),
						),
					),
				)
			);
			$aftercare_rows[] = $wpdb->prepare(
				'(%d, %s, %s, %d, 0, %s, %s, %s)',
				$i,
				(string) $i,
				array( 'processing', 'completed', 'on-hold' )[ $i % 3 ],
				$aftercare_now - $i * 60,
				$aftercare_email( $i ),
				'SW1A1AA',
				(string) wp_json_encode( $aftercare_data )
			);
		}
		$wpdb->query(
			// phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- each row is prepared above.
			"INSERT INTO {$aftercare_table} (id, number, status, created, customer_id, billing_email, billing_postcode, data) VALUES " . implode( ',', $aftercare_rows )
		);
	}
	$aftercare_number = static fn( int $i ): string => (string) $i;
}

$aftercare_pages = array();
foreach ( array(
	'plain'  => '<!-- wp:paragraph --><p>A page without Aftercare blocks.</p><!-- /wp:paragraph -->',
	'status' => '<!-- wp:aftercare/order-status /-->',
) as $aftercare_slug => $aftercare_content ) {
	$aftercare_page                     = get_page_by_path( "bench-{$aftercare_slug}" );
	$aftercare_pages[ $aftercare_slug ] = $aftercare_page ? $aftercare_page->ID : wp_insert_post(
		array(
			'post_type'    => 'page',
			'post_status'  => 'publish',
			'post_name'    => "bench-{$aftercare_slug}",
			'post_title'   => "Bench {$aftercare_slug}",
			'post_content' => $aftercare_content,
		)
	);
}

$aftercare_sample = array();
for ( $i = 0; $i < 500; $i++ ) {
	$aftercare_n        = 1 + (int) floor( $i * $aftercare_count / 500 );
	$aftercare_sample[] = array( $aftercare_number( $aftercare_n ), $aftercare_email( $aftercare_n ) );
}
echo wp_json_encode(
	array(
		'orders' => (int) $aftercare_count,
		'pages'  => $aftercare_pages,
		'sample' => $aftercare_sample,
	)
), "\n";
