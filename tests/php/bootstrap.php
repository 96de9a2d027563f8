<?php
/**
 * Loads a real WordPress (installed by scripts/ against its own test database) with Aftercare
 * active. The runner passes the site folder and host in the environment.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

$aftercare_site = getenv( 'AFTERCARE_WP_DIR' );
if ( ! $aftercare_site || ! is_file( $aftercare_site . '/wp-load.php' ) ) {
	fwrite( STDERR, "AFTERCARE_WP_DIR must name an installed test site (npm test makes one).\n" );
	exit( 1 );
}

$_SERVER['HTTP_HOST']   = getenv( 'AFTERCARE_WP_HOST' ) ?: '127.0.0.1';
$_SERVER['SERVER_NAME'] = explode( ':', $_SERVER['HTTP_HOST'] )[0];
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['SERVER_PROTOCOL'] = 'HTTP/1.1';
$_SERVER['REMOTE_ADDR'] = '127.0.0.1';

require $aftercare_site . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';
require_once ABSPATH . 'wp-admin/includes/user.php';

if ( ! class_exists( Aftercare\Plugin::class ) ) {
	fwrite( STDERR, "Aftercare is not active on the test site.\n" );
	exit( 1 );
}

spl_autoload_register(
	static function ( string $class_name ): void {
		if ( str_starts_with( $class_name, 'Aftercare\\Tests\\' ) ) {
			require __DIR__ . '/' . str_replace( '\\', '/', substr( $class_name, 16 ) ) . '.php';
		}
	}
);
