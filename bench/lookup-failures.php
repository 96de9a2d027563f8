<?php
/**
 * In-process timing of OrderLookup on a seeded bench site, without HTTP:
 * `php bench/lookup-failures.php <siteDir> <number> <email> <runs>`.
 *
 * Times a found order, a wrong email for a real number and an unknown number, round-robin, with
 * the rate limits cleared before each attempt (the bench is one address), and prints JSON:
 * milliseconds per attempt for each kind. Failures should take the same time (both are padded
 * to OrderLookup::FAILURE_FLOOR_MS), so neither tells an attacker whether the number exists.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

require __DIR__ . '/lib/wordpress.php';
require aftercare_bench_wp_load( $argv, 4, 'bench/lookup-failures.php <siteDir> <number> <email> <runs>' );

global $wpdb;
$aftercare_plugin = Aftercare\Plugin::instance();
$aftercare_lookup = new Aftercare\Orders\OrderLookup(
	$aftercare_plugin->orders,
	new Aftercare\Infrastructure\RateLimiter( $wpdb, new Aftercare\Infrastructure\SystemClock() ),
	new Aftercare\Settings\Settings(),
	new Aftercare\Http\ClientAddress( new Aftercare\Settings\Settings() ),
	new Aftercare\Infrastructure\SystemClock()
);
$aftercare_kinds  = array(
	'found'       => array( $argv[2], $argv[3] ),
	'wrong email' => array( $argv[2], 'someone.else@example.test' ),
	'unknown'     => array( '98765432109', $argv[3] ),
);
$aftercare_times  = array_fill_keys( array_keys( $aftercare_kinds ), array() );
for ( $i = 0; $i < (int) $argv[4]; $i++ ) {
	foreach ( $aftercare_kinds as $aftercare_kind => $aftercare_input ) {
		$wpdb->query( "DELETE FROM {$wpdb->prefix}aftercare_rate_limits" );
		$aftercare_started = hrtime( true );
		try {
			$aftercare_lookup->lookup( $aftercare_input[0], $aftercare_input[1], '' );
		} catch ( Aftercare\Infrastructure\DomainError $aftercare_error ) {
			if ( 404 !== $aftercare_error->status ) {
				throw $aftercare_error;
			}
		}
		$aftercare_times[ $aftercare_kind ][] = ( hrtime( true ) - $aftercare_started ) / 1e6;
	}
}
echo wp_json_encode( $aftercare_times ), "\n";
