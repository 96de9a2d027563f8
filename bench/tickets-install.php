<?php
/**
 * Brings a bench site's Aftercare tables and data up to date, running resumable migrations to the
 * end (as requests would, batch by batch): `php bench/tickets-install.php <siteDir>`.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

if ( 'cli' !== PHP_SAPI || $argc < 2 ) {
	fwrite( STDERR, "usage: php bench/tickets-install.php <siteDir>\n" );
	exit( 2 );
}
$aftercare_site         = json_decode( (string) file_get_contents( $argv[1] . '/site.json' ), true );
$aftercare_url          = (string) $aftercare_site['url'];
$_SERVER['HTTP_HOST']   = (string) parse_url( $aftercare_url, PHP_URL_HOST ) . ':' . (int) parse_url( $aftercare_url, PHP_URL_PORT ); // phpcs:ignore WordPress.WP.AlternativeFunctions.parse_url_parse_url -- WordPress is not loaded yet.
$_SERVER['REQUEST_URI'] = '/';
require $argv[1] . '/wp-load.php';

$aftercare_started = microtime( true );
$aftercare_steps   = 0;
do {
	$aftercare_result = Aftercare\Plugin::instance()->installer->install();
	++$aftercare_steps;
} while ( 'partial' === $aftercare_result );
fwrite( STDERR, sprintf( "  install: %s after %d steps in %.1fs\n", $aftercare_result, $aftercare_steps, microtime( true ) - $aftercare_started ) );
exit( in_array( $aftercare_result, array( 'installed', 'current' ), true ) ? 0 : 1 );
