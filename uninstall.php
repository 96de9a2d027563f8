<?php
/**
 * Deleting the plugin keeps the store's support history unless a supervisor opted in to removal
 * (Support → Settings → "Remove all data when Aftercare is deleted"). On a network, each site
 * decides for itself.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

require_once __DIR__ . '/plugin.php';

$aftercare_uninstall = static function (): void {
	global $wpdb;
	$plugin   = Aftercare\Plugin::instance();
	$settings = get_option( Aftercare\Settings\Settings::OPTION );
	if ( empty( $settings['delete_data_on_uninstall'] ) ) {
		return;
	}
	foreach ( $plugin->installer->table_names() as $table ) {
		$wpdb->query( "DROP TABLE IF EXISTS `{$table}`" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared,WordPress.DB.DirectDatabaseQuery.SchemaChange -- our own table names.
	}
	$wpdb->query( $wpdb->prepare( "DELETE FROM {$wpdb->options} WHERE option_name LIKE %s", $wpdb->esc_like( 'aftercare_' ) . '%' ) );
	wp_cache_flush();
	$plugin->capabilities->remove();
	$uploads = wp_upload_dir( null, false );
	if ( ! empty( $uploads['basedir'] ) ) {
		require_once ABSPATH . 'wp-admin/includes/file.php';
		WP_Filesystem();
		global $wp_filesystem;
		$wp_filesystem?->delete( trailingslashit( $uploads['basedir'] ) . 'aftercare-private', true );
	}
};

if ( is_multisite() ) {
	foreach ( get_sites( array( 'fields' => 'ids', 'number' => 0 ) ) as $aftercare_site_id ) {
		switch_to_blog( (int) $aftercare_site_id );
		$aftercare_uninstall();
		restore_current_blog();
	}
} else {
	$aftercare_uninstall();
}
