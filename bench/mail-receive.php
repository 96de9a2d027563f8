<?php
/**
 * Mail threaded into tickets per second, through Inbox::receive() into the bench site's real
 * database, beside a floor in the same process and run:
 *
 *     php bench/mail-receive.php <siteDir> [rounds=10] [messages-per-round=24]
 *
 * Each round first opens that many web tickets with TicketService::create() (the floor: the same
 * ticket write, acknowledgement and agents' notice, without any mail work), then receives as many
 * mails: the corpus (tests/fixtures/mail), each made new (its own Message-ID and sender, so none
 * is a duplicate or over a sender's limit), half of them replies by plus-tag to a ticket of the
 * round before, so both threading paths are timed. The rate-limit counters are cleared between
 * rounds (the hourly flood limit would otherwise turn the later mails into cheap refusals).
 *
 * @package Aftercare
 */

declare( strict_types=1 );

require __DIR__ . '/lib/wordpress.php';
require aftercare_bench_wp_load( $argv, 1, 'bench/mail-receive.php <siteDir> [rounds] [messages-per-round]' );

$aftercare_rounds = max( 1, (int) ( $argv[2] ?? 10 ) );
$aftercare_per    = max( 2, (int) ( $argv[3] ?? 24 ) );
$aftercare_corpus = array_map( 'file_get_contents', glob( __DIR__ . '/../tests/fixtures/mail/*.eml' ) ?: array() );
$aftercare_reply  = new Aftercare\Mail\ReplyAddress( new Aftercare\Settings\Settings() );
$aftercare_plugin = Aftercare\Plugin::instance();
( new Aftercare\Settings\Settings() )->update( array( 'support_email' => 'help@shop.example' ) );

/**
 * The i-th mail: a corpus message made new, from its own sender; every other one a reply by
 * plus-tag (then from that ticket's customer).
 */
function aftercare_bench_mail( array $corpus, int $i, ?Aftercare\Tickets\Ticket $ticket, Aftercare\Mail\ReplyAddress $reply ): string {
	$raw    = $corpus[ $i % count( $corpus ) ];
	$from   = $ticket ? $ticket->customer_email : 'sender' . $i . '.' . wp_rand() . '@bench.example';
	$to     = $ticket ? $reply->for_ticket( $ticket->number ) : 'help@shop.example';
	$fields = 'Message-ID: <bench.' . $i . '.' . wp_rand() . "@bench.example>\r\nFrom: <{$from}>\r\nTo: <{$to}>\r\n";
	// New headers first: the parser takes the first of each, and the bytes differ every time.
	return $fields . (string) preg_replace( '/^(?:Message-I[dD]|From|To):.*(?:\r?\n[ \t].*)*\r?\n/mi', '', $raw );
}

$aftercare_times  = array(
	'floor'   => array(),
	'receive' => array(),
);
$aftercare_counts = array();
$aftercare_prev   = array();
$aftercare_n      = 0;
global $wpdb;
for ( $aftercare_round = 0; $aftercare_round <= $aftercare_rounds; $aftercare_round++ ) {
	$wpdb->query( "DELETE FROM {$wpdb->prefix}aftercare_rate_limits" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
	$started = hrtime( true );
	$opened  = array();
	for ( $j = 0; $j < $aftercare_per; $j++ ) {
		$opened[] = $aftercare_plugin->tickets->create(
			array(
				'name'    => 'Bench ' . $j,
				'email'   => 'web' . ( ++$aftercare_n ) . '@bench.example',
				'subject' => 'Where is my parcel?',
				'message' => 'It has been a week since I ordered.',
			),
			0
		)['ticket'];
	}
	$floor   = ( hrtime( true ) - $started ) / 1e9;
	$started = hrtime( true );
	for ( $j = 0; $j < $aftercare_per; $j++ ) {
		$ticket  = 1 === $j % 2 && $aftercare_prev ? $aftercare_prev[ $j % count( $aftercare_prev ) ] : null;
		$receipt = $aftercare_plugin->inbox->receive( aftercare_bench_mail( $aftercare_corpus, ++$aftercare_n, $ticket, $aftercare_reply ), 'webhook' );
		if ( $aftercare_round > 0 ) {
			$joined                    = $ticket && $receipt->ticket_id === $ticket->id;
			$kind                      = $receipt->outcome->value . ( $ticket ? ( $joined ? ' (reply, joined its ticket)' : ' (reply)' ) : '' );
			$aftercare_counts[ $kind ] = ( $aftercare_counts[ $kind ] ?? 0 ) + 1;
		}
	}
	$receive        = ( hrtime( true ) - $started ) / 1e9;
	$aftercare_prev = $opened;
	if ( $aftercare_round > 0 ) { // Round 0 warms up.
		$aftercare_times['floor'][]   = $aftercare_per / $floor;
		$aftercare_times['receive'][] = $aftercare_per / $receive;
	}
}
ksort( $aftercare_counts );
echo wp_json_encode(
	array(
		'rounds'   => $aftercare_rounds,
		'per'      => $aftercare_per,
		'corpus'   => count( $aftercare_corpus ),
		'rates'    => $aftercare_times,
		'outcomes' => $aftercare_counts,
	)
), "\n";
