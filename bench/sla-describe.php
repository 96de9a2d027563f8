<?php
/**
 * What business hours add to the queue: the SLA state of each row (Sla::describe()), around the
 * clock and in business time, on a site named on the command line:
 *
 *     php bench/sla-describe.php <siteDir> [rounds=15] [ms-per-round=300]
 *
 * Inside a transaction that is rolled back at the end, it adds 100 open tickets (created over the
 * last ten days, every priority, a fifth with a finished pause, a tenth paused now), then times,
 * round by round and interleaved: the floor (a tiny REST route, dispatched in process), the
 * queue's first page of 100 (GET /aftercare/v1/tickets, in process, as an administrator) around
 * the clock and in business hours, and describe() over the 100 rows alone both ways. Business
 * hours: Monday to Friday 09:00–17:00, ten holidays, Europe/Berlin. Prints the medians as JSON.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

require __DIR__ . '/lib/wordpress.php';
require aftercare_bench_wp_load( $argv, 1, 'bench/sla-describe.php <siteDir> [rounds] [ms-per-round]' );

global $wpdb;
$aftercare_rounds   = max( 1, (int) ( $argv[2] ?? 15 ) );
$aftercare_round_ms = max( 10, (int) ( $argv[3] ?? 300 ) );
$aftercare_settings = new Aftercare\Settings\Settings();
$aftercare_clock    = new Aftercare\Infrastructure\SystemClock();
$aftercare_sla      = new Aftercare\Tickets\Sla( $aftercare_settings, $aftercare_clock );
$aftercare_tickets  = new Aftercare\Tickets\TicketRepository(
	$wpdb,
	new Aftercare\Tickets\TagRepository( $wpdb ),
	new Aftercare\Tickets\TicketTerms( $wpdb, new Aftercare\HelpCenter\Tokenizer() ),
	new Aftercare\Tickets\MessageRepository( $wpdb ),
	new Aftercare\Tickets\TicketCounts( $wpdb, Aftercare\Plugin::instance()->transaction )
);
$aftercare_stored   = get_option( Aftercare\Settings\Settings::OPTION, array() );
$aftercare_modes    = array(
	'around the clock' => array( 'sla_business_hours' => false ),
	'business hours'   => array(
		'sla_business_hours' => true,
		'holidays'           => array_map( static fn( int $day ): string => gmdate( 'Y-m-d', time() + ( 7 * $day - 30 ) * DAY_IN_SECONDS ), range( 0, 9 ) ),
	),
);
$aftercare_mode     = static function ( string $name ) use ( $aftercare_modes, $aftercare_stored ): void {
	remove_all_filters( 'pre_option_' . Aftercare\Settings\Settings::OPTION );
	$values = $aftercare_modes[ $name ] + ( is_array( $aftercare_stored ) ? $aftercare_stored : array() );
	add_filter( 'pre_option_' . Aftercare\Settings\Settings::OPTION, static fn() => $values );
};
add_filter( 'pre_option_timezone_string', static fn() => 'Europe/Berlin' );

$wpdb->query( 'START TRANSACTION' );
$aftercare_rows = array();
$aftercare_now  = time();
$aftercare_mode( 'around the clock' );
for ( $i = 0; $i < 100; $i++ ) {
	$aftercare_status  = 0 === $i % 10 ? Aftercare\Tickets\Status::Pending : Aftercare\Tickets\Status::Open;
	$aftercare_created = $aftercare_now - ( $i * 8640 + 600 );
	$aftercare_ticket  = new Aftercare\Tickets\Ticket(
		0,
		0,
		'Bench ' . $i,
		$aftercare_status,
		Aftercare\Tickets\Priority::cases()[ $i % 4 ],
		Aftercare\Tickets\Channel::Web,
		0,
		'bench@example.test',
		'Bench',
		0,
		0,
		Aftercare\Tickets\Ticket::awaiting_for( $aftercare_status ),
		$aftercare_created,
		$aftercare_created
	);
	if ( 0 === $i % 5 ) {
		$aftercare_ticket->sla_pauses         = array( array( $aftercare_created + 600, $aftercare_created + 4 * HOUR_IN_SECONDS ) );
		$aftercare_ticket->sla_paused_seconds = 4 * HOUR_IN_SECONDS - 600;
	}
	$aftercare_ticket->sla_paused_at = 0 === $i % 10 ? $aftercare_now - 3600 : 0;
	$aftercare_ticket->due_at        = $aftercare_sla->due_at( $aftercare_ticket );
	$aftercare_rows[]                = $aftercare_tickets->insert( $aftercare_ticket, '' );
}
wp_set_current_user( 1 );

$aftercare_request = static function ( string $route, array $query = array() ): array {
	$request = new WP_REST_Request( 'GET', $route );
	$request->set_query_params( $query );
	$response = rest_do_request( $request );
	if ( 200 !== $response->get_status() ) {
		throw new RuntimeException( $route . ': ' . $response->get_status() );
	}
	return (array) $response->get_data();
};
if ( 100 !== count( $aftercare_request( '/aftercare/v1/tickets', array( 'per_page' => 100 ) ) ) ) {
	throw new RuntimeException( 'The queue does not show 100 rows.' );
}
$aftercare_queue    = static fn() => $aftercare_request( '/aftercare/v1/tickets', array( 'per_page' => 100, 'orderby' => 'due' ) );
$aftercare_describe = static fn() => array_map( array( $aftercare_sla, 'describe' ), $aftercare_rows );
$aftercare_ways     = array(
	'floor: tiny REST route'             => array( 'around the clock', static fn() => $aftercare_request( '/aftercare-test/v1/ping' ) ),
	'queue, 100 rows, around the clock'  => array( 'around the clock', $aftercare_queue ),
	'queue, 100 rows, business hours'    => array( 'business hours', $aftercare_queue ),
	'describe() x 100, around the clock' => array( 'around the clock', $aftercare_describe ),
	'describe() x 100, business hours'   => array( 'business hours', $aftercare_describe ),
);

/**
 * Milliseconds per call of $way, over about $ms milliseconds.
 */
function aftercare_bench_round( callable $way, int $ms ): float {
	$count   = 0;
	$started = hrtime( true );
	$until   = $started + $ms * 1000000;
	do {
		$way();
		++$count;
	} while ( hrtime( true ) < $until );
	return ( hrtime( true ) - $started ) / 1e6 / $count;
}

$aftercare_times = array_fill_keys( array_keys( $aftercare_ways ), array() );
foreach ( $aftercare_ways as list( $aftercare_name, $aftercare_way ) ) {
	$aftercare_mode( $aftercare_name );
	aftercare_bench_round( $aftercare_way, 50 ); // Warm-up.
}
for ( $i = 0; $i < $aftercare_rounds; $i++ ) {
	foreach ( $aftercare_ways as $aftercare_label => list( $aftercare_name, $aftercare_way ) ) {
		$aftercare_mode( $aftercare_name );
		$aftercare_times[ $aftercare_label ][] = aftercare_bench_round( $aftercare_way, $aftercare_round_ms );
	}
}
$wpdb->query( 'ROLLBACK' );

$aftercare_medians = array_map(
	static function ( array $times ): float {
		sort( $times );
		return round( $times[ intdiv( count( $times ), 2 ) ], 3 );
	},
	$aftercare_times
);
echo wp_json_encode( $aftercare_medians, JSON_PRETTY_PRINT ), "\n";
