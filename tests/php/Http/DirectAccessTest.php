<?php
/**
 * Every PHP file the plugin ships that is not a class file (the main file, uninstall.php, block
 * render files, templates, generated asset files) does nothing when a browser requests it
 * directly: requested over HTTP from the test site, each answers an empty body. The server shows
 * PHP errors, so a file that ran without WordPress (an undefined variable, a missing function)
 * would print them.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Http;

use Aftercare\Tests\SiteServer;
use Aftercare\Tests\TestCase;

final class DirectAccessTest extends TestCase {

	/** What the plugin ships: everything but tests, benches, dev scripts, sources of the build. */
	private const SHIPPED = array( 'plugin.php', 'uninstall.php', 'includes', 'blocks', 'build' );

	public function test_no_shipped_script_runs_when_requested_directly(): void {
		$base    = SiteServer::url() . '/wp-content/plugins/aftercare/';
		$scripts = self::scripts();
		$this->assertContains( 'blocks/contact/render.php', $scripts );
		$this->assertContains( 'includes/Tickets/Storefront/thread.php', $scripts );
		$this->assertContains( 'uninstall.php', $scripts );
		$this->assertNotContains( 'includes/Plugin.php', $scripts, 'class files are not entry points' );

		foreach ( $scripts as $script ) {
			$response = wp_remote_get( $base . $script, array( 'timeout' => 20 ) );
			$this->assertIsArray( $response, $script );
			$this->assertLessThan( 500, wp_remote_retrieve_response_code( $response ), $script );
			$this->assertSame( '', wp_remote_retrieve_body( $response ), $script . ' ran when requested directly' );
		}
	}

	/**
	 * The shipped PHP files that declare no class, interface, trait or enum.
	 *
	 * @return string[] Paths relative to the plugin folder.
	 */
	private static function scripts(): array {
		$root  = AFTERCARE_DIR;
		$found = array();
		foreach ( self::SHIPPED as $entry ) {
			$path = $root . $entry;
			if ( is_file( $path ) ) {
				$found[] = $path;
				continue;
			}
			if ( ! is_dir( $path ) ) {
				continue;
			}
			$files = new \RecursiveIteratorIterator( new \RecursiveDirectoryIterator( $path, \FilesystemIterator::SKIP_DOTS ) );
			foreach ( $files as $file ) {
				if ( 'php' === $file->getExtension() ) {
					$found[] = $file->getPathname();
				}
			}
		}
		$scripts = array();
		foreach ( $found as $file ) {
			// phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents
			if ( ! preg_match( '/^(?:(?:final|abstract|readonly)\s+)*(?:class|interface|trait|enum)\s+\w+/m', (string) file_get_contents( $file ) ) ) {
				$scripts[] = substr( $file, strlen( $root ) );
			}
		}
		sort( $scripts );
		return $scripts;
	}
}
