<?php
/**
 * Registers built scripts with the dependencies and version that wp-scripts wrote beside them.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Infrastructure;

final class Assets {

	/**
	 * Enqueues `build/{entry}/index.js` (and its CSS when there is one) with script translations.
	 *
	 * @return bool False when the build is missing (the plugin was not built: `npm run build`).
	 */
	public function enqueue( string $entry ): bool {
		$asset_file = AFTERCARE_DIR . "build/{$entry}/index.asset.php";
		if ( ! is_readable( $asset_file ) ) {
			return false;
		}
		$asset  = require $asset_file;
		$handle = "aftercare-{$entry}";
		wp_enqueue_script( $handle, plugins_url( "build/{$entry}/index.js", AFTERCARE_FILE ), $asset['dependencies'], $asset['version'], true );
		wp_set_script_translations( $handle, 'aftercare', AFTERCARE_DIR . 'languages' );
		if ( is_readable( AFTERCARE_DIR . "build/{$entry}/index.css" ) ) {
			wp_enqueue_style( $handle, plugins_url( "build/{$entry}/index.css", AFTERCARE_FILE ), array( 'wp-components' ), $asset['version'] );
			wp_style_add_data( $handle, 'rtl', 'replace' );
		}
		return true;
	}

	/**
	 * Answers the given REST paths in the page itself, so a screen's first render needs no request.
	 *
	 * @param array<int, string|string[]> $paths REST paths, e.g. `/aftercare/v1/settings`, or [path, method] (OPTIONS).
	 */
	public function preload( array $paths ): void {
		$data = array_reduce( $paths, 'rest_preload_api_request', array() );
		wp_add_inline_script( 'wp-api-fetch', sprintf( 'wp.apiFetch.use( wp.apiFetch.createPreloadingMiddleware( %s ) );', wp_json_encode( $data ) ), 'after' );
	}
}
