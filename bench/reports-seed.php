<?php
/**
 * Seeds a bench site with a year of support history and times the reports' rollup over it:
 * `php bench/reports-seed.php <siteDir> <tickets>`.
 *
 * Bulk SQL, no per-row round trips: <tickets> tickets spread evenly over the last 365 days (30 %
 * open; five agents and unassigned; four channels and priorities), ten messages each (replies
 * alternating customer and agent, the last a note), their `created` and solve `status` events, a
 * tag on half of them, a CSAT rating on a quarter of the solved ones, and a settled return with
 * one line for every twentieth ticket (with its status event). A site that holds the tickets
 * already is not seeded again. Then it rebuilds five single days (yesterday, 30, 90, 180 and 360
 * days ago) and the whole year, timing each. Prints progress on stderr and JSON on stdout.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

require __DIR__ . '/lib/wordpress.php';
require aftercare_bench_wp_load( $argv, 2, 'bench/reports-seed.php <siteDir> <tickets>' );

use Aftercare\Plugin;
use Aftercare\Reports\Facts;
use Aftercare\Reports\Rollup;

global $wpdb;
$aftercare_n       = max( 1000, (int) $argv[2] );
$aftercare_p       = $wpdb->prefix . 'aftercare_';
$aftercare_now     = time();
$aftercare_started = microtime( true );
$aftercare_sql     = static function ( string $sql ) use ( $wpdb ): void {
	if ( false === $wpdb->query( $sql ) ) { // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- generated here, no input.
		fwrite( STDERR, $wpdb->last_error . "\n" );
		exit( 1 );
	}
};
$aftercare_say     = static fn( string $what ) => fwrite( STDERR, sprintf( "  %s (%.0fs)\n", $what, microtime( true ) - $aftercare_started ) );

$aftercare_users = array();
$aftercare_roles = array( 'bench_admin' => 'administrator' );
for ( $aftercare_i = 1; $aftercare_i <= 5; $aftercare_i++ ) {
	$aftercare_roles[ "bench_agent{$aftercare_i}" ] = 'aftercare_agent';
}
foreach ( $aftercare_roles as $aftercare_login => $aftercare_role ) {
	$aftercare_user                      = get_user_by( 'login', $aftercare_login );
	$aftercare_users[ $aftercare_login ] = $aftercare_user ? $aftercare_user->ID : (int) wp_insert_user(
		array(
			'user_login' => $aftercare_login,
			'user_pass'  => wp_generate_password(),
			'user_email' => "{$aftercare_login}@example.test",
			'role'       => $aftercare_role,
		)
	);
}
$aftercare_agents = implode( ', ', array_slice( array_values( $aftercare_users ), 1 ) );

// phpcs:disable WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table names and numbers made here.
$aftercare_have = (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$aftercare_p}tickets" );
if ( $aftercare_have < $aftercare_n ) {
	foreach ( array( 'tickets', 'messages', 'events', 'ticket_tags', 'ratings', 'returns', 'return_items', 'report_days', 'report_months' ) as $aftercare_table ) {
		$aftercare_sql( "TRUNCATE TABLE {$aftercare_p}{$aftercare_table}" );
	}
	$aftercare_start = $aftercare_now - 365 * DAY_IN_SECONDS;
	$aftercare_span  = 365 * DAY_IN_SECONDS - 4 * HOUR_IN_SECONDS;
	// Created evenly over the year; answered within 8 hours (not every tenth); solved within 3 days after that unless open.
	$aftercare_sql(
		"INSERT INTO {$aftercare_p}tickets (id, number, subject, status, is_open, priority, priority_rank, channel, customer_email, customer_name,
			assignee_id, awaiting, created_at, updated_at, first_response_at, solved_at, due_at, message_count)
		SELECT seq, seq + 1000, CONCAT('Bench ticket ', seq),
			IF(seq % 10 < 3, ELT(1 + seq % 3, 'new', 'open', 'pending'), IF(seq % 7 = 0, 'closed', 'solved')), IF(seq % 10 < 3, 1, 0),
			ELT(1 + (seq DIV 10) % 4, 'low', 'normal', 'high', 'urgent'), 1 + (seq DIV 10) % 4, ELT(1 + (seq DIV 3) % 4, 'web', 'email', 'phone', 'admin'),
			CONCAT('customer', seq, '@example.test'), CONCAT('Customer ', seq), ELT(1 + seq % 6, 0, {$aftercare_agents}),
			IF(seq % 10 < 3, IF(seq % 3 = 2, 'customer', 'agent'), 'none'),
			c, LEAST({$aftercare_now}, c + 36000), fr, IF(seq % 10 < 3, 0, LEAST({$aftercare_now}, c + 28800 + (seq * 15485863) % 259200)), 4102444800, 10
		FROM (SELECT seq, {$aftercare_start} + FLOOR(seq * {$aftercare_span} / {$aftercare_n}) + (seq * 7919) % 3600 AS c,
			IF(seq % 10 = 0, 0, {$aftercare_start} + FLOOR(seq * {$aftercare_span} / {$aftercare_n}) + (seq * 7919) % 3600 + (seq * 104729) % 28800) AS fr
			FROM seq_1_to_{$aftercare_n}) s"
	);
	$aftercare_say( number_format( $aftercare_n ) . ' tickets' );
	for ( $aftercare_from = 0; $aftercare_from < $aftercare_n; $aftercare_from += 20000 ) {
		$aftercare_to = min( $aftercare_n, $aftercare_from + 20000 );
		$aftercare_sql( 'START TRANSACTION' );
		$aftercare_sql(
			"INSERT INTO {$aftercare_p}messages (ticket_id, type, author_id, author_role, author_name, body, created_at)
			SELECT t.id, IF(k.seq = 9, 'note', 'reply'), IF(k.seq % 2 = 1, t.assignee_id, 0), IF(k.seq % 2 = 1, 'agent', 'customer'),
				IF(k.seq % 2 = 1, 'Agent', t.customer_name),
				CONCAT('<p>Message ', k.seq, ' on ticket ', t.id, ': the parcel has not arrived yet. Could you check the tracking and tell me when it will come?</p>'),
				t.created_at + k.seq * 1800
			FROM {$aftercare_p}tickets t JOIN seq_0_to_9 k WHERE t.id > {$aftercare_from} AND t.id <= {$aftercare_to} ORDER BY t.id, k.seq"
		);
		$aftercare_sql( 'COMMIT' );
		$aftercare_say( number_format( $aftercare_to * 10 ) . ' messages' );
	}
	$aftercare_sql(
		"INSERT INTO {$aftercare_p}events (object_type, object_id, type, actor_id, data, created_at)
		SELECT 'ticket', id, 'created', 0, CONCAT('{\"status\":\"new\",\"priority\":\"', priority, '\",\"channel\":\"', channel, '\"}'), created_at
		FROM {$aftercare_p}tickets"
	);
	$aftercare_sql(
		"INSERT INTO {$aftercare_p}events (object_type, object_id, type, actor_id, data, created_at)
		SELECT 'ticket', id, 'status', assignee_id, CONCAT('{\"from\":\"open\",\"to\":\"', status, '\"}'), solved_at FROM {$aftercare_p}tickets WHERE solved_at > 0"
	);
	$aftercare_sql(
		"INSERT INTO {$aftercare_p}ticket_tags (ticket_id, tag)
		SELECT id, ELT(1 + (id DIV 2) % 6, 'shipping', 'refund', 'damaged', 'exchange', 'billing', 'vip') FROM {$aftercare_p}tickets WHERE id % 2 = 0"
	);
	$aftercare_sql(
		"INSERT INTO {$aftercare_p}ratings (object_type, object_id, score, comment, created_at, updated_at)
		SELECT 'ticket', id, 1 + id % 3, '', solved_at + 3600, solved_at + 3600 FROM {$aftercare_p}tickets WHERE solved_at > 0 AND id % 4 = 1"
	);
	$aftercare_sql(
		"INSERT INTO {$aftercare_p}returns (id, number, status, order_id, order_number, customer_email, customer_name, ticket_id, outcome, refund_amount,
			created_at, updated_at)
		SELECT id DIV 20, id DIV 20 + 5000, 'refunded', 100000 + id, CONCAT('', 100000 + id), customer_email, customer_name, id, 'refund', 10 + id % 90, created_at,
			LEAST({$aftercare_now}, created_at + 86400)
		FROM {$aftercare_p}tickets WHERE id % 20 = 0"
	);
	$aftercare_sql(
		"INSERT INTO {$aftercare_p}return_items (return_id, order_id, order_item_id, product_id, name, quantity, reason, reason_label)
		SELECT id, order_id, 1, 500 + id % 40, 'Bench product', 1, ELT(1 + id % 5, 'damaged', 'wrong_item', 'size', 'not_as_described', 'changed_mind'), ''
		FROM {$aftercare_p}returns"
	);
	$aftercare_sql(
		"INSERT INTO {$aftercare_p}events (object_type, object_id, type, actor_id, data, created_at)
		SELECT 'return', id, 'status', 0, '{\"from\":\"received\",\"to\":\"refunded\"}', updated_at FROM {$aftercare_p}returns"
	);
	foreach ( array( 'tickets', 'messages', 'events', 'ticket_tags', 'ratings', 'returns', 'return_items' ) as $aftercare_table ) {
		$aftercare_sql( "ANALYZE TABLE {$aftercare_p}{$aftercare_table}" );
	}
	$aftercare_say( 'events, tags, ratings and returns' );
}
$aftercare_seeded = round( microtime( true ) - $aftercare_started, 1 );
$aftercare_counts = array(
	'tickets'  => (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$aftercare_p}tickets" ),
	'messages' => (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$aftercare_p}messages" ),
	'open'     => (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$aftercare_p}tickets WHERE is_open = 1" ),
);
// phpcs:enable WordPress.DB.PreparedSQL.InterpolatedNotPrepared
wp_cache_flush();

$aftercare_reports = Plugin::instance()->reports;
$aftercare_today   = Facts::day( $aftercare_now );
$aftercare_days    = array();
foreach ( array( 1, 30, 90, 180, 360 ) as $aftercare_ago ) {
	$aftercare_day = Rollup::shift( $aftercare_today, -$aftercare_ago );
	$aftercare_t   = microtime( true );
	$aftercare_reports->rollup->rebuild( $aftercare_day );
	$aftercare_days[ $aftercare_day ] = round( microtime( true ) - $aftercare_t, 3 );
}
$aftercare_say( 'five days rebuilt: ' . implode( ', ', $aftercare_days ) . ' s' );
$aftercare_t    = microtime( true );
$aftercare_year = $aftercare_reports->rebuild->rebuild(
	Rollup::shift( $aftercare_today, -365 ),
	$aftercare_today,
	static function ( string $day, int $done, int $total ) use ( $aftercare_say ): void {
		if ( 0 === $done % 60 ) {
			$aftercare_say( "rollup: {$done} of {$total} days" );
		}
	}
);

echo wp_json_encode(
	$aftercare_counts + array(
		'admin'         => $aftercare_users['bench_admin'],
		'seed_seconds'  => $aftercare_seeded,
		'day_seconds'   => $aftercare_days,
		'year_days'     => $aftercare_year,
		'year_seconds'  => round( microtime( true ) - $aftercare_t, 1 ),
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name.
		'rollup_rows'   => (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$wpdb->prefix}aftercare_report_days" ),
	)
), "\n";
