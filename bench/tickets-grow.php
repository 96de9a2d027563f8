<?php
/**
 * Grows a bench site's tickets table to a size, fast: `php bench/tickets-grow.php <siteDir> <tickets>`.
 *
 * The first 1,000 tickets are generated (the mix of bench/tickets-seed.php: 32% open, 60% assigned
 * to one of five agents); then the table doubles with INSERT … SELECT of itself (times shifted)
 * until it holds the size, so a million tickets take one statement per doubling rather than a
 * round trip per row. Tickets only: no messages, tags or search terms (the queue's lists and
 * counts do not read them). Prints progress on stderr and JSON (the agents) on stdout.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

require __DIR__ . '/lib/wordpress.php';
require aftercare_bench_wp_load( $argv, 2, 'bench/tickets-grow.php <siteDir> <tickets>' );

global $wpdb;
$aftercare_target = max( 1, (int) $argv[2] );
$aftercare_table  = $wpdb->prefix . 'aftercare_tickets';
$aftercare_now    = time();
// phpcs:disable Generic.PHP.ForbiddenFunctions.FoundWithAlternative, WordPress.WP.AlternativeFunctions.rand_mt_rand -- seeded: every run writes the same tickets.
mt_srand( 42 );

$aftercare_agents = array();
for ( $i = 1; $i <= 5; $i++ ) {
	$aftercare_existing = get_user_by( 'login', "bench_agent{$i}" );
	$aftercare_agents[] = $aftercare_existing ? $aftercare_existing->ID : (int) wp_insert_user(
		array(
			'user_login' => "bench_agent{$i}",
			'user_pass'  => wp_generate_password(),
			'user_email' => "bench_agent{$i}@example.test",
			'role'       => 'aftercare_agent',
		)
	);
}

// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
$aftercare_count = static fn(): int => (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$aftercare_table}" );
$aftercare_query = static function ( string $sql ) use ( $wpdb ): void {
	if ( false === $wpdb->query( $sql ) ) { // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- generated here, no input.
		fwrite( STDERR, $wpdb->last_error . "\n" );
		exit( 1 );
	}
};
$aftercare_started = microtime( true );
$aftercare_have    = $aftercare_count();

if ( 0 === $aftercare_have ) {
	$statuses = array( 'new' => 10, 'open' => 12, 'pending' => 8, 'on_hold' => 2, 'solved' => 40, 'closed' => 28 );
	$prios    = array( 'low' => 20, 'normal' => 55, 'high' => 20, 'urgent' => 5 );
	$ranks    = array( 'low' => 1, 'normal' => 2, 'high' => 3, 'urgent' => 4 );
	$pick     = static function ( array $weights ): string {
		$roll = mt_rand( 1, array_sum( $weights ) );
		foreach ( $weights as $key => $weight ) {
			$roll -= $weight;
			if ( $roll <= 0 ) {
				return (string) $key;
			}
		}
		return (string) array_key_last( $weights );
	};
	$rows = array();
	for ( $id = 1; $id <= min( 1000, $aftercare_target ); $id++ ) {
		$status   = $pick( $statuses );
		$priority = $pick( $prios );
		$open     = in_array( $status, array( 'solved', 'closed' ), true ) ? 0 : 1;
		$created  = $aftercare_now - mt_rand( 0, 365 * DAY_IN_SECONDS );
		$updated  = min( $aftercare_now, $created + mt_rand( 0, 10 * DAY_IN_SECONDS ) );
		$due      = ( $open && 'pending' !== $status ) ? $created + mt_rand( 1800, 2 * DAY_IN_SECONDS ) : 4102444800;
		$awaiting = in_array( $status, array( 'new', 'open' ), true ) ? 'agent' : ( 'pending' === $status ? 'customer' : 'none' );
		$assignee = mt_rand( 1, 10 ) <= 6 ? $aftercare_agents[ mt_rand( 0, 4 ) ] : 0;
		$rows[]   = $wpdb->prepare(
			'(%d, %d, %s, %s, %d, %s, %d, %s, %s, %s, %d, %s, %d, %d, %d, %d, %d)',
			$id,
			$id + 1000,
			'Bench ticket ' . $id,
			$status,
			$open,
			$priority,
			$ranks[ $priority ],
			'web',
			"customer{$id}@example.test",
			"Customer {$id}",
			$assignee,
			$awaiting,
			$created,
			$updated,
			$open ? 0 : $updated,
			$due,
			1
		);
	}
	$aftercare_query(
		"INSERT INTO {$aftercare_table} (id, number, subject, status, is_open, priority, priority_rank, channel, customer_email, customer_name, assignee_id, awaiting, created_at, updated_at, solved_at, due_at, message_count) VALUES " . implode( ',', $rows ) // phpcs:ignore Generic.Files.LineLength.TooLong -- one SQL statement.
	);
	$aftercare_have = $aftercare_count();
}

// Doubling: copies of the first rows with new ids and times shifted by up to a day.
while ( $aftercare_have < $aftercare_target ) {
	$copy = min( $aftercare_have, $aftercare_target - $aftercare_have );
	$max  = (int) $wpdb->get_var( "SELECT MAX(id) FROM {$aftercare_table}" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
	$aftercare_query( 'START TRANSACTION' );
	$aftercare_query(
		"INSERT INTO {$aftercare_table} (id, number, subject, status, is_open, priority, priority_rank, channel, customer_email, customer_name, assignee_id, awaiting,
			created_at, updated_at, solved_at, due_at, message_count)
		SELECT id + {$max}, id + {$max} + 1000, subject, status, is_open, priority, priority_rank, channel, customer_email, customer_name, assignee_id, awaiting,
			created_at - (id * 37) % 86400, updated_at - (id * 37) % 86400, solved_at, IF(due_at = 4102444800, due_at, due_at - (id * 37) % 86400), message_count
		FROM {$aftercare_table} ORDER BY id LIMIT {$copy}"
	);
	$aftercare_query( 'COMMIT' );
	$aftercare_have += $copy;
	fwrite( STDERR, sprintf( "  %s tickets in %.0fs\n", number_format( $aftercare_have ), microtime( true ) - $aftercare_started ) );
}
$aftercare_query( "ANALYZE TABLE {$aftercare_table}" );

// The counts are recounted by the install migration (bench/tickets-install.php runs it).
$aftercare_state               = (array) get_option( 'aftercare_install_state', array() );
$aftercare_state['migrations'] = array_values( array_diff( (array) ( $aftercare_state['migrations'] ?? array() ), array( 'ticket_counts' ) ) );
update_option( 'aftercare_install_state', $aftercare_state, true );
wp_cache_flush();

echo wp_json_encode(
	array(
		'tickets' => $aftercare_have,
		'agents'  => $aftercare_agents,
		'seconds' => round( microtime( true ) - $aftercare_started, 1 ),
	)
), "\n";
