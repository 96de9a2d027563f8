<?php
/**
 * What Aftercare adds to a WooCommerce order save while the store has priority rules, against
 * the same save with Aftercare's listener removed (the floor), interleaved in one run:
 *
 *     php bench/order-save.php <siteDir> [rounds=60] [tickets=5] [history=50] [amount=10]
 *
 * On a WooCommerce (HPOS) site (e.g. the one `node scripts/test.mjs phpunit:woocommerce` makes,
 * its MariaDB up), it sets one rule of each condition, makes a customer with `history` paid orders
 * of 40.00 and `tickets` open tickets about the newest, then saves that order round by round two
 * ways — a meta change (`$order->save()`) and a status change (processing ↔ completed, mail
 * short-circuited) — each with and without the `aftercare_order_changed` listener, the order of
 * the two alternating by round. The rules' `amount` decides what fires: 10 fires the value rules
 * once (later saves re-read only what the other rules look at); a large one never fires them, so
 * every save reads the customer's spending again. The object cache is emptied and the order read
 * before each save, as in a new request; only the save is timed. Prints p50/p95, the added ms,
 * Aftercare's share of the save and the queries of each as JSON. Restores the rules; what it made
 * stays, so run it on a site that is rebuilt anyway.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

require __DIR__ . '/lib/wordpress.php';
require aftercare_bench_wp_load( $argv, 1, 'bench/order-save.php <siteDir> [rounds] [tickets] [history] [amount]' );

use Aftercare\Orders\OrderSource;
use Aftercare\Plugin;

global $wpdb, $wp_filter;
$aftercare_rounds  = max( 2, (int) ( $argv[2] ?? 60 ) );
$aftercare_tickets = max( 1, (int) ( $argv[3] ?? 5 ) );
$aftercare_history = max( 1, (int) ( $argv[4] ?? 50 ) );
$aftercare_amount  = max( 0.0, (float) ( $argv[5] ?? 10 ) );
if ( ! Plugin::instance()->orders instanceof Aftercare\Orders\WooCommerceOrderSource ) {
	throw new RuntimeException( 'Not a WooCommerce site.' );
}

// One rule per condition, none of which changes anything after its first firing (as in a store).
$aftercare_settings = get_option( 'aftercare_settings', array() );
$aftercare_rules    = array();
foreach ( Aftercare\Tickets\PriorityRules::CONDITIONS as $aftercare_when ) {
	$aftercare_rules[] = Aftercare\Tickets\PriorityRules::normalize(
		array(
			'key'      => 'bench-' . str_replace( '_', '-', $aftercare_when ),
			'when'     => $aftercare_when,
			'amount'   => $aftercare_amount,
			'days'     => 1,
			'priority' => 'raise',
		)
	);
}
update_option( 'aftercare_settings', array( 'priority_rules' => $aftercare_rules ) + (array) $aftercare_settings );

$aftercare_customer = wp_insert_user(
	array(
		'user_login' => 'bench_' . wp_generate_password( 8, false ),
		'user_email' => 'bench.' . wp_generate_password( 8, false ) . '@example.test',
		'user_pass'  => wp_generate_password(),
		'role'       => 'customer',
	)
);
if ( is_wp_error( $aftercare_customer ) ) {
	throw new RuntimeException( $aftercare_customer->get_error_message() );
}
$aftercare_email  = get_userdata( $aftercare_customer )->user_email;
$aftercare_orders = array();
for ( $aftercare_i = 0; $aftercare_i < $aftercare_history; $aftercare_i++ ) {
	$aftercare_order = new WC_Order();
	$aftercare_order->set_customer_id( $aftercare_customer );
	$aftercare_order->set_billing_email( $aftercare_email );
	$aftercare_item = new WC_Order_Item_Product();
	$aftercare_item->set_name( 'Linen shirt' );
	$aftercare_item->set_quantity( 2 );
	$aftercare_item->set_subtotal( '40' );
	$aftercare_item->set_total( '40' );
	$aftercare_order->add_item( $aftercare_item );
	$aftercare_order->set_total( '40' );
	$aftercare_order->set_status( 'completed' );
	$aftercare_order->set_date_created( time() - ( $aftercare_history - $aftercare_i ) * DAY_IN_SECONDS );
	$aftercare_order->set_date_completed( time() - ( $aftercare_history - $aftercare_i ) * DAY_IN_SECONDS );
	$aftercare_orders[] = $aftercare_order->save();
}
$aftercare_order_id = (int) end( $aftercare_orders );
$aftercare_last = wc_get_order( $aftercare_order_id );
$aftercare_last->set_status( 'processing' );
$aftercare_last->save();

wp_set_current_user( $aftercare_customer );
$aftercare_ticket_ids = array();
for ( $aftercare_i = 0; $aftercare_i < $aftercare_tickets; $aftercare_i++ ) {
	$aftercare_ticket_ids[] = Plugin::instance()->tickets->create(
		array(
			'subject'  => 'Where is my parcel? ' . $aftercare_i,
			'message'  => 'It has not arrived.',
			'order_id' => $aftercare_order_id,
		),
		$aftercare_customer
	)['ticket']->id;
}
wp_set_current_user( 1 );
add_filter( 'pre_wp_mail', '__return_true' );

$aftercare_listener = $wp_filter[ OrderSource::CHANGED ] ?? null;
if ( ! $aftercare_listener ) {
	throw new RuntimeException( 'Nothing listens to ' . OrderSource::CHANGED . '.' );
}
$aftercare_saves = array(
	'meta save'     => static function ( WC_Order $order, int $round ): void {
		$order->update_meta_data( '_aftercare_bench', $round );
		$order->save();
	},
	'status change' => static function ( WC_Order $order ): void {
		$order->set_status( 'completed' === $order->get_status() ? 'processing' : 'completed' );
		$order->save();
	},
);
$aftercare_ms      = array();
$aftercare_queries = array();
for ( $aftercare_round = 0; $aftercare_round < $aftercare_rounds; $aftercare_round++ ) {
	foreach ( $aftercare_saves as $aftercare_kind => $aftercare_save ) {
		$aftercare_ways = 0 === $aftercare_round % 2 ? array( 'floor', 'aftercare' ) : array( 'aftercare', 'floor' );
		foreach ( $aftercare_ways as $aftercare_way ) {
			if ( 'floor' === $aftercare_way ) {
				unset( $wp_filter[ OrderSource::CHANGED ] );
			} else {
				$wp_filter[ OrderSource::CHANGED ] = $aftercare_listener; // phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited -- put back as it was.
			}
			wp_cache_flush();
			$aftercare_order  = wc_get_order( $aftercare_order_id );
			$aftercare_before = $wpdb->num_queries;
			$aftercare_start  = hrtime( true );
			$aftercare_save( $aftercare_order, $aftercare_round );
			$aftercare_ms[ $aftercare_kind ][ $aftercare_way ][]   = ( hrtime( true ) - $aftercare_start ) / 1e6;
			$aftercare_queries[ $aftercare_kind ][ $aftercare_way ] = $wpdb->num_queries - $aftercare_before;
		}
	}
}
$wp_filter[ OrderSource::CHANGED ] = $aftercare_listener; // phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited -- put back as it was.

$aftercare_fired = 0;
foreach ( $aftercare_ticket_ids as $aftercare_ticket_id ) {
	$aftercare_fired += count( Plugin::instance()->tickets->get( $aftercare_ticket_id )->rules );
}

/**
 * The p-th percentile (nearest rank).
 *
 * @param float[] $values Times.
 */
function aftercare_bench_percentile( array $values, float $p ): float {
	sort( $values );
	return $values[ max( 0, (int) ceil( $p / 100 * count( $values ) ) - 1 ) ];
}

$aftercare_out = array(
	'rounds'       => $aftercare_rounds,
	'open_tickets' => $aftercare_tickets,
	'orders'       => $aftercare_history,
	'rules'        => count( $aftercare_rules ),
	'amount'       => $aftercare_amount,
	'rules_fired'  => $aftercare_fired,
);
foreach ( $aftercare_ms as $aftercare_kind => $aftercare_by_way ) {
	$aftercare_row = array();
	foreach ( array( 50, 95 ) as $aftercare_p ) {
		$aftercare_floor = aftercare_bench_percentile( $aftercare_by_way['floor'], $aftercare_p );
		$aftercare_with  = aftercare_bench_percentile( $aftercare_by_way['aftercare'], $aftercare_p );
		$aftercare_row[ "floor_p{$aftercare_p}_ms" ]     = round( $aftercare_floor, 1 );
		$aftercare_row[ "aftercare_p{$aftercare_p}_ms" ] = round( $aftercare_with, 1 );
		$aftercare_row[ "added_p{$aftercare_p}_ms" ]     = round( $aftercare_with - $aftercare_floor, 1 );
		$aftercare_row[ "share_p{$aftercare_p}" ]        = round( ( $aftercare_with - $aftercare_floor ) / $aftercare_with, 2 );
	}
	$aftercare_row['queries']        = $aftercare_queries[ $aftercare_kind ];
	$aftercare_out[ $aftercare_kind ] = $aftercare_row;
}

// The rules as they were; the customer, orders and tickets stay (the test layer rebuilds its site each run).
update_option( 'aftercare_settings', $aftercare_settings );

echo wp_json_encode( $aftercare_out ), "\n";
