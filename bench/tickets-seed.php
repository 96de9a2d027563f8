<?php
/**
 * Seeds a bench site with tickets, fast: `php bench/tickets-seed.php <siteDir> <tickets> <messagesPerTicket>`.
 *
 * Writes the same tickets twice with multi-row INSERTs: into Aftercare's tables, and as the
 * baseline (tickets-baseline.php) stores them, a custom post type with post meta and replies as
 * child posts. Creates five agents. Prints JSON: the agents, and words to search for.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

require __DIR__ . '/lib/wordpress.php';
require aftercare_bench_wp_load( $argv, 3, 'bench/tickets-seed.php <siteDir> <tickets> <messagesPerTicket>' );

global $wpdb;
$aftercare_tickets  = max( 1, (int) $argv[2] );
$aftercare_per      = max( 1, (int) $argv[3] );
$aftercare_now      = time();
$aftercare_words    = explode(
	' ',
	'order parcel delivery refund return size colour broken missing late tracking invoice discount exchange warranty zipper button strap battery charger screen cable wrong damaged package courier address payment card coupon account password subscription cancel shipping' // phpcs:ignore Generic.Files.LineLength.TooLong -- one string.
);
$aftercare_statuses = array( 'new' => 10, 'open' => 12, 'pending' => 8, 'on_hold' => 2, 'solved' => 40, 'closed' => 28 );
$aftercare_prios    = array( 'low' => 1, 'normal' => 2, 'high' => 3, 'urgent' => 4 );
$aftercare_targets  = array( 'low' => 1440, 'normal' => 480, 'high' => 120, 'urgent' => 30 );
$aftercare_tags     = array( 'shipping', 'refund', 'vip', 'warranty', 'wholesale', 'damaged', 'sizing', 'billing' );
// phpcs:disable Generic.PHP.ForbiddenFunctions.FoundWithAlternative -- seeded mt_rand: every run writes the same tickets.
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

/**
 * Runs one multi-row INSERT.
 *
 * @param string[]                   $columns Columns.
 * @param array<int, array<int, mixed>> $rows Rows.
 */
function aftercare_bench_insert( string $table, array $columns, array $rows ): void {
	global $wpdb;
	if ( ! $rows ) {
		return;
	}
	$values = array();
	foreach ( $rows as $row ) {
		$values[] = '(' . implode( ',', array_map( static fn( $v ) => is_int( $v ) ? (string) $v : "'" . esc_sql( (string) $v ) . "'", $row ) ) . ')';
	}
	// phpcs:ignore WordPress.DB.PreparedSQL -- values escaped above.
	$ok = $wpdb->query( "INSERT INTO {$table} (" . implode( ',', $columns ) . ') VALUES ' . implode( ',', $values ) );
	if ( false === $ok ) {
		fwrite( STDERR, $wpdb->last_error . "\n" );
		exit( 1 );
	}
}

/**
 * A weighted pick.
 *
 * @param array<string, int> $weights Weight per key.
 */
function aftercare_bench_pick( array $weights ): string {
	$roll = mt_rand( 1, array_sum( $weights ) );
	foreach ( $weights as $key => $weight ) {
		$roll -= $weight;
		if ( $roll <= 0 ) {
			return (string) $key;
		}
	}
	return (string) array_key_last( $weights );
}

$aftercare_sentence = static function ( int $words ) use ( $aftercare_words ): string {
	$out = array();
	for ( $i = 0; $i < $words; $i++ ) {
		$out[] = $aftercare_words[ mt_rand( 0, count( $aftercare_words ) - 1 ) ];
	}
	return ucfirst( implode( ' ', $out ) );
};

$wpdb->query( 'SET unique_checks = 0' );
$t             = $wpdb->prefix . 'aftercare_';
$post_id       = (int) $wpdb->get_var( "SELECT COALESCE(MAX(ID), 0) FROM {$wpdb->posts}" ) + 1;
$ticket_id     = (int) $wpdb->get_var( "SELECT COALESCE(MAX(id), 0) FROM {$t}tickets" ) + 1; // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
$batch         = 500;
$ticket_cols   = array(
	'id',
	'number',
	'subject',
	'status',
	'is_open',
	'priority',
	'priority_rank',
	'channel',
	'customer_id',
	'customer_email',
	'customer_name',
	'order_id',
	'assignee_id',
	'awaiting',
	'created_at',
	'updated_at',
	'first_response_at',
	'solved_at',
	'due_at',
	'sla_paused_at',
	'sla_paused_seconds',
	'message_count',
);
$message_cols  = array( 'ticket_id', 'type', 'author_id', 'author_role', 'author_name', 'body', 'created_at' );
$post_cols     = array(
	'ID',
	'post_author',
	'post_date',
	'post_date_gmt',
	'post_content',
	'post_title',
	'post_excerpt',
	'post_status',
	'comment_status',
	'ping_status',
	'post_name',
	'to_ping',
	'pinged',
	'post_modified',
	'post_modified_gmt',
	'post_content_filtered',
	'post_parent',
	'guid',
	'post_type',
);
$meta_cols     = array( 'post_id', 'meta_key', 'meta_value' );
$started       = microtime( true );
$search_sample = array();

for ( $done = 0; $done < $aftercare_tickets; $done += $batch ) {
	$tickets  = array();
	$messages = array();
	$tags     = array();
	$posts    = array();
	$meta     = array();
	for ( $i = $done; $i < min( $aftercare_tickets, $done + $batch ); $i++, $ticket_id++ ) {
		$status   = aftercare_bench_pick( $aftercare_statuses );
		$priority = aftercare_bench_pick( array( 'low' => 20, 'normal' => 55, 'high' => 20, 'urgent' => 5 ) );
		$open     = in_array( $status, array( 'solved', 'closed' ), true ) ? 0 : 1;
		$created  = $aftercare_now - mt_rand( 0, 365 * DAY_IN_SECONDS );
		$updated  = min( $aftercare_now, $created + mt_rand( 0, 10 * DAY_IN_SECONDS ) );
		$answered = 'new' === $status ? 0 : $created + mt_rand( 600, 2 * DAY_IN_SECONDS );
		$due      = ( $open && 'pending' !== $status ) ? $created + 60 * ( $answered ? 2880 : $aftercare_targets[ $priority ] ) : 4102444800;
		$assignee = mt_rand( 1, 10 ) <= 6 ? $aftercare_agents[ mt_rand( 0, 4 ) ] : 0;
		$customer = mt_rand( 1, 20000 );
		$email    = "customer{$customer}@example.test";
		$name     = "Customer {$customer}";
		$order    = mt_rand( 1, 10 ) <= 3 ? mt_rand( 1, 50000 ) : 0;
		$subject  = $aftercare_sentence( mt_rand( 3, 7 ) );
		$awaiting = match ( $status ) {
			'new', 'open' => 'agent',
			'pending'     => 'customer',
			default       => 'none',
		};
		$thread = array();
		for ( $m = 0; $m < $aftercare_per; $m++ ) {
			$agent_turn = 1 === $m % 2;
			$note       = $agent_turn && 0 === mt_rand( 0, 4 );
			$text       = $aftercare_sentence( mt_rand( 12, 30 ) ) . '.';
			$thread[]   = array(
				$ticket_id,
				$note ? 'note' : 'reply',
				$agent_turn ? ( $assignee ?: $aftercare_agents[0] ) : 0,
				$agent_turn ? 'agent' : 'customer',
				$agent_turn ? 'Agent' : $name,
				"<p>{$text}</p>",
				$created + $m * 3600,
			);
		}
		if ( 0 === $i % 997 ) {
			$search_sample[] = implode( ' ', array_slice( explode( ' ', strtolower( $subject ) ), 0, 2 ) );
		}
		array_push( $messages, ...$thread );
		$tickets[] = array(
			$ticket_id,
			$ticket_id + 1000,
			$subject,
			$status,
			$open,
			$priority,
			$aftercare_prios[ $priority ],
			'web',
			0,
			$email,
			$name,
			$order,
			$assignee,
			$awaiting,
			$created,
			$updated,
			$answered,
			$open ? 0 : $updated,
			$due,
			'pending' === $status ? $updated : 0,
			0,
			$aftercare_per,
		);
		$tag       = mt_rand( 1, 10 ) <= 3 ? array( $aftercare_tags[ mt_rand( 0, 7 ) ] ) : array();
		foreach ( $tag as $name_tag ) {
			$tags[] = array( $ticket_id, $name_tag );
		}

		// The same ticket as the baseline stores it.
		$date       = gmdate( 'Y-m-d H:i:s', $created );
		$modified   = gmdate( 'Y-m-d H:i:s', $updated );
		$ticket_pid = $post_id++;
		$posts[]    = array(
			$ticket_pid,
			0,
			$date,
			$date,
			'',
			$subject,
			'',
			'bench_' . $status,
			'closed',
			'closed',
			'ticket-' . $ticket_pid,
			'',
			'',
			$modified,
			$modified,
			'',
			0,
			'',
			'bench_ticket',
		);
		foreach ( array(
			'_wpas_state'          => $open ? 'open' : 'closed',
			'_wpas_priority'       => $priority,
			'_wpas_channel'        => 'web',
			'_wpas_assignee'       => $assignee,
			'_wpas_awaiting'       => $awaiting,
			'_wpas_due'            => $due,
			'_wpas_customer_email' => $email,
			'_wpas_customer_name'  => $name,
			'_wpas_number'         => $ticket_id + 1000,
			'_wpas_order_id'       => $order,
		) as $key => $value ) {
			$meta[] = array( $ticket_pid, $key, (string) $value );
		}
		foreach ( $thread as $message ) {
			$reply   = $post_id++;
			$when    = gmdate( 'Y-m-d H:i:s', $message[6] );
			$posts[] = array(
				$reply,
				$message[2],
				$when,
				$when,
				$message[5],
				'',
				'',
				'note' === $message[1] ? 'private' : 'publish',
				'closed',
				'closed',
				'reply-' . $reply,
				'',
				'',
				$when,
				$when,
				'',
				$ticket_pid,
				'',
				'bench_reply',
			);
		}
	}
	$wpdb->query( 'START TRANSACTION' );
	aftercare_bench_insert( "{$t}tickets", $ticket_cols, $tickets );
	foreach ( array_chunk( $messages, 2000 ) as $chunk ) {
		aftercare_bench_insert( "{$t}messages", $message_cols, $chunk );
	}
	aftercare_bench_insert( "{$t}ticket_tags", array( 'ticket_id', 'tag' ), $tags );
	foreach ( array_chunk( $posts, 1000 ) as $chunk ) {
		aftercare_bench_insert( $wpdb->posts, $post_cols, $chunk );
	}
	foreach ( array_chunk( $meta, 2000 ) as $chunk ) {
		aftercare_bench_insert( $wpdb->postmeta, $meta_cols, $chunk );
	}
	$wpdb->query( 'COMMIT' );
	if ( 0 === ( $done / $batch ) % 40 ) {
		fwrite( STDERR, sprintf( "  %d tickets in %.0fs\n", $done + $batch, microtime( true ) - $started ) );
	}
}
$wpdb->query( 'SET unique_checks = 1' );
// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
$wpdb->query( "ANALYZE TABLE {$t}tickets, {$t}messages, {$t}ticket_tags, {$wpdb->posts}, {$wpdb->postmeta}" );
// The search terms are written by the installer's backfill migration (bench/tickets-install.php runs it).
$aftercare_state               = (array) get_option( 'aftercare_install_state', array() );
$aftercare_state['migrations'] = array_values( array_diff( (array) ( $aftercare_state['migrations'] ?? array() ), array( 'ticket_terms_index' ) ) );
update_option( 'aftercare_install_state', $aftercare_state, true );
wp_cache_flush();

echo wp_json_encode(
	array(
		'tickets'  => $aftercare_tickets,
		'messages' => $aftercare_tickets * $aftercare_per,
		'agents'   => $aftercare_agents,
		'search'   => array_values( array_unique( $search_sample ) ),
		'seconds'  => round( microtime( true ) - $started, 1 ),
	)
), "\n";
