<?php
/**
 * Brings a bench site's Aftercare tables and data up to date, running resumable migrations to the
 * end (as requests would, batch by batch): `php bench/tickets-install.php <siteDir>`.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

// Timed from before WordPress loads: its `init` already runs the installer once.
$aftercare_started = microtime( true );
require __DIR__ . '/lib/wordpress.php';
require aftercare_bench_wp_load( $argv, 1, 'bench/tickets-install.php <siteDir>' );

$aftercare_steps   = 0;
do {
	$aftercare_result = Aftercare\Plugin::instance()->installer->install();
	++$aftercare_steps;
} while ( 'partial' === $aftercare_result );
fwrite( STDERR, sprintf( "  install: %s after %d steps in %.1fs\n", $aftercare_result, $aftercare_steps, microtime( true ) - $aftercare_started ) );
exit( in_array( $aftercare_result, array( 'installed', 'current' ), true ) ? 0 : 1 );
