<?php
/**
 * What priming a page of orders saves in the WooCommerce adapter, before and after in the same run:
 *
 *     php bench/order-page.php <siteDir> [rounds=8] [page=250]
 *
 * On the WooCommerce (HPOS) site bench/return-simulator.mjs leaves (100k orders from
 * bench/seed-orders.php, its MariaDB up), it reads one page of orders from the middle of the
 * history with the query orders_created_between() makes, then maps it to Aftercare's orders two
 * ways, round by round and interleaved with the floor (the test mu-plugin's tiny REST route,
 * dispatched in process): order by order (WooCommerceOrderSource::map() alone, WooCommerce
 * loading what each order asks, as before prime() existed) and as the adapter does now
 * (map_all(): prime() first). The object cache is emptied before each, as in a new request.
 * Prints the medians and the queries of each as JSON.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

require __DIR__ . '/lib/wordpress.php';
require aftercare_bench_wp_load( $argv, 1, 'bench/order-page.php <siteDir> [rounds] [page]' );

global $wpdb;
$aftercare_rounds = max( 1, (int) ( $argv[2] ?? 8 ) );
$aftercare_page   = max( 2, (int) ( $argv[3] ?? 250 ) );
$aftercare_source = Aftercare\Plugin::instance()->orders;
if ( ! $aftercare_source instanceof Aftercare\Orders\WooCommerceOrderSource ) {
	throw new RuntimeException( 'Not a WooCommerce site.' );
}
$aftercare_map     = new ReflectionMethod( $aftercare_source, 'map' );
$aftercare_map_all = new ReflectionMethod( $aftercare_source, 'map_all' );
$aftercare_query   = array(
	'type'        => 'shop_order',
	'limit'       => $aftercare_page,
	'orderby'     => 'ID',
	'order'       => 'ASC',
	// The middle of bench/seed-orders.php's orders (ids from 10,000,001).
	'field_query' => array(
		array(
			'field'   => 'id',
			'value'   => 10_050_000,
			'compare' => '>',
		),
	),
);
$aftercare_ways = array(
	'floor: tiny REST route' => static fn() => rest_do_request( new WP_REST_Request( 'POST', '/aftercare-test/v1/ping' ) ),
	'order by order'         => static fn() => array_map(
		static fn( $order ) => $aftercare_map->invoke( $aftercare_source, $order ),
		wc_get_orders( $aftercare_query )
	),
	'primed page'            => static fn() => $aftercare_map_all->invoke( $aftercare_source, wc_get_orders( $aftercare_query ) ),
);
wp_set_current_user( 1 );
$aftercare_ms      = array_fill_keys( array_keys( $aftercare_ways ), array() );
$aftercare_queries = array();
for ( $aftercare_round = 0; $aftercare_round < $aftercare_rounds; $aftercare_round++ ) {
	foreach ( $aftercare_ways as $aftercare_way => $aftercare_run ) {
		wp_cache_flush();
		$aftercare_before = $wpdb->num_queries;
		$aftercare_start  = hrtime( true );
		$aftercare_result = $aftercare_run();
		$aftercare_ms[ $aftercare_way ][]   = ( hrtime( true ) - $aftercare_start ) / 1e6;
		$aftercare_queries[ $aftercare_way ] = $wpdb->num_queries - $aftercare_before;
		if ( is_array( $aftercare_result ) && count( $aftercare_result ) !== $aftercare_page ) {
			throw new RuntimeException( $aftercare_way . ': ' . count( $aftercare_result ) . ' orders.' );
		}
	}
}
$aftercare_out = array();
foreach ( $aftercare_ms as $aftercare_way => $aftercare_times ) {
	sort( $aftercare_times );
	$aftercare_out[ $aftercare_way ] = array(
		'median_ms' => round( $aftercare_times[ intdiv( count( $aftercare_times ), 2 ) ], 1 ),
		'queries'   => $aftercare_queries[ $aftercare_way ],
	);
}
echo wp_json_encode( array( 'orders' => $aftercare_page ) + $aftercare_out ), "\n";
