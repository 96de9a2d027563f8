<?php
/**
 * The test site over real HTTP: `php -S` with the project's router (scripts/router.php), as
 * `npm start` and the e2e layer serve it, on the host the site was installed for. Started once for
 * the tests that need it (or reused when a server already answers there) and stopped at exit.
 * Errors are displayed, so a PHP file that runs when requested directly shows it in the body.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests;

final class SiteServer {

	/** @var resource|null */
	private static $process = null;

	/**
	 * The site's base URL, e.g. http://127.0.0.1:9350, with a server answering there.
	 */
	public static function url(): string {
		$host = (string) ( getenv( 'AFTERCARE_WP_HOST' ) ?: '127.0.0.1' );
		if ( null === self::$process && ! self::answers( $host ) ) {
			$root          = (string) getenv( 'AFTERCARE_WP_DIR' );
			$log           = $root . '/test-server.log';
			self::$process = proc_open(
				array( PHP_BINARY, '-d', 'display_errors=1', '-d', 'error_reporting=-1', '-S', $host, '-t', $root, dirname( __DIR__, 2 ) . '/scripts/router.php' ),
				array(
					0 => array( 'file', '/dev/null', 'r' ),
					1 => array( 'file', $log, 'a' ),
					2 => array( 'file', $log, 'a' ),
				),
				$pipes,
				$root
			);
			register_shutdown_function( array( self::class, 'stop' ) );
			for ( $i = 0; $i < 200 && ! self::answers( $host ); $i++ ) {
				usleep( 50000 );
			}
			if ( ! self::answers( $host ) ) {
				throw new \RuntimeException( "php -S did not start on {$host}; see {$log}" );
			}
		}
		return 'http://' . $host;
	}

	public static function stop(): void {
		if ( is_resource( self::$process ) ) {
			proc_terminate( self::$process );
			proc_close( self::$process );
		}
		self::$process = null;
	}

	private static function answers( string $host ): bool {
		list( $name, $port ) = array_pad( explode( ':', $host ), 2, '80' );
		// phpcs:ignore WordPress.PHP.NoSilencedErrors.Discouraged -- a refused connection is the answer.
		$socket              = @fsockopen( $name, (int) $port, $errno, $error, 0.2 );
		if ( ! $socket ) {
			return false;
		}
		fclose( $socket ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_fclose
		return true;
	}
}
