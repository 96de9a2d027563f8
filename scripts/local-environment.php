<?php
// phpcs:disable Generic.Files.LineLength.TooLong -- plugin header.
/**
 * Plugin Name: Aftercare local environment
 * Description: Must-use plugin that scripts/lib/site.mjs links into every local site. The local environment reaches no host but its own, so WordPress must not check wordpress.org for updates: each failed check logs PHP warnings to debug.log.
 */
// phpcs:enable Generic.Files.LineLength.TooLong

$aftercare_update_checks = array(
	'init'                 => array( 'wp_schedule_update_checks' ),
	'admin_init'           => array( '_maybe_update_core', '_maybe_update_plugins', '_maybe_update_themes' ),
	'wp_version_check'     => array( 'wp_version_check' ),
	'wp_update_plugins'    => array( 'wp_update_plugins' ),
	'wp_update_themes'     => array( 'wp_update_themes' ),
	'wp_maybe_auto_update' => array( 'wp_maybe_auto_update' ),
	'load-plugins.php'     => array( 'wp_update_plugins' ),
	'load-themes.php'      => array( 'wp_update_themes' ),
	'load-update.php'      => array( 'wp_update_plugins', 'wp_update_themes' ),
	'load-update-core.php' => array( 'wp_update_plugins', 'wp_update_themes' ),
);
foreach ( $aftercare_update_checks as $aftercare_hook => $aftercare_callbacks ) {
	foreach ( $aftercare_callbacks as $aftercare_callback ) {
		remove_action( $aftercare_hook, $aftercare_callback );
	}
}
unset( $aftercare_update_checks, $aftercare_hook, $aftercare_callbacks, $aftercare_callback );

// Installing a plugin (an upload, the zip test layer) checks for updates once it is done; wp-admin
// adds those checks after this file has run, so they go just before they would run.
add_action(
	'upgrader_process_complete',
	static function (): void {
		foreach ( array( 'wp_version_check', 'wp_update_plugins', 'wp_update_themes' ) as $check ) {
			remove_action( 'upgrader_process_complete', $check );
		}
	},
	0
);

// The block directory searches wordpress.org from the inserter; offline, that search fails with a 500.
remove_action( 'enqueue_block_editor_assets', 'wp_enqueue_editor_block_directory_assets' );

// Sites live inside the repository (.cache/sites) and Aftercare is linked to it, so plugin_basename()
// also maps another plugin's files (WooCommerce's) into Aftercare: "aftercare/.cache/sites/<site>/
// wp-content/plugins/woocommerce/…". Its asset URLs are put back on the plugin's own folder.
add_filter(
	'plugins_url',
	static function ( string $url ): string {
		$aftercare = realpath( WP_PLUGIN_DIR . '/aftercare' );
		$plugins   = realpath( WP_PLUGIN_DIR );
		if ( $aftercare && $plugins && str_starts_with( $plugins, $aftercare . '/' ) ) {
			$url = str_replace( '/aftercare/' . substr( $plugins, strlen( $aftercare ) + 1 ) . '/', '/', $url );
		}
		return $url;
	}
);
