<?php
/**
 * What the PHP helpers of bench/ share: the bench site named first on their command line, loaded
 * as a request to its own address would load it.
 *
 *     require aftercare_bench_wp_load( $argv, 2, 'bench/tickets-install.php <siteDir>' );
 *
 * (WordPress must be loaded at file scope, so this returns wp-load.php rather than loading it.)
 *
 * @package Aftercare
 */

declare( strict_types=1 );

/**
 * Checks the command line, sets the request WordPress expects and returns the site's wp-load.php;
 * exits with the usage on a wrong command line.
 *
 * @param string[] $argv     The script's arguments ($argv[1]: the site directory).
 * @param int      $required How many arguments it needs.
 * @param string   $usage    What to print when they are wrong.
 */
function aftercare_bench_wp_load( array $argv, int $required, string $usage ): string {
	$dir = (string) ( $argv[1] ?? '' );
	if ( 'cli' !== PHP_SAPI || count( $argv ) <= $required || ! is_file( $dir . '/site.json' ) ) {
		fwrite( STDERR, "usage: php {$usage}\n" );
		exit( 2 );
	}
	$url  = (string) json_decode( (string) file_get_contents( $dir . '/site.json' ), true )['url'];
	$port = parse_url( $url, PHP_URL_PORT ); // phpcs:ignore WordPress.WP.AlternativeFunctions.parse_url_parse_url -- WordPress is not loaded yet.
	// phpcs:ignore WordPress.WP.AlternativeFunctions.parse_url_parse_url -- WordPress is not loaded yet.
	$_SERVER['HTTP_HOST']   = (string) parse_url( $url, PHP_URL_HOST ) . ( $port ? ':' . $port : '' );
	$_SERVER['REQUEST_URI'] = '/';
	$_SERVER['REMOTE_ADDR'] = '127.0.0.1';
	return $dir . '/wp-load.php';
}
