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

use Aftercare\HelpCenter\ArticleType;

$aftercare_uninstall = static function (): void {
	global $wpdb;
	$plugin   = Aftercare\Plugin::instance();
	$settings = get_option( Aftercare\Settings\Settings::OPTION );
	if ( empty( $settings['delete_data_on_uninstall'] ) ) {
		return;
	}
	// Help articles (with their revisions, meta, comments and category links), then their
	// categories. The plugin is not running, so the types are registered for WordPress's own
	// deletion to see them; deleted before the tables, whose index hooks may still listen.
	if ( ! post_type_exists( ArticleType::POST_TYPE ) ) {
		register_post_type( ArticleType::POST_TYPE );
	}
	if ( ! taxonomy_exists( ArticleType::TAXONOMY ) ) {
		register_taxonomy( ArticleType::TAXONOMY, ArticleType::POST_TYPE );
	}
	foreach ( $wpdb->get_col( $wpdb->prepare( "SELECT ID FROM {$wpdb->posts} WHERE post_type = %s", ArticleType::POST_TYPE ) ) as $article ) {
		wp_delete_post( (int) $article, true );
	}
	foreach ( $wpdb->get_col( $wpdb->prepare( "SELECT term_id FROM {$wpdb->term_taxonomy} WHERE taxonomy = %s", ArticleType::TAXONOMY ) ) as $category ) {
		wp_delete_term( (int) $category, ArticleType::TAXONOMY );
	}
	// The articles' addresses: WordPress rebuilds the rules without them on the next request.
	delete_option( 'rewrite_rules' );

	foreach ( $plugin->installer->table_names() as $table ) {
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared,WordPress.DB.DirectDatabaseQuery.SchemaChange -- our own table names.
		$wpdb->query( "DROP TABLE IF EXISTS `{$table}`" );
	}
	$wpdb->query( $wpdb->prepare( "DELETE FROM {$wpdb->options} WHERE option_name LIKE %s", $wpdb->esc_like( 'aftercare_' ) . '%' ) );
	wp_cache_flush();
	$plugin->capabilities->remove();
	// Attachment files (random names) and the folder's guard files; the folder goes when nothing
	// else is in it, so a folder the store chose and shares keeps what is not Aftercare's.
	require_once ABSPATH . 'wp-admin/includes/file.php';
	WP_Filesystem();
	global $wp_filesystem;
	$aftercare_files = Aftercare\Tickets\AttachmentStore::folder();
	foreach ( array_keys( (array) $wp_filesystem?->dirlist( $aftercare_files ) ) as $aftercare_file ) {
		if ( preg_match( '/^(?:[0-9a-f]{32}|\.htaccess|index\.php)$/', (string) $aftercare_file ) ) {
			$wp_filesystem->delete( $aftercare_files . $aftercare_file );
		}
	}
	$wp_filesystem?->rmdir( $aftercare_files );
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
