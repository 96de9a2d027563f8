<?php
/**
 * Installs the release zip into a clean local site the way a store owner's upload does (core's
 * Plugin_Upgrader from wp-admin → Plugins → Upload Plugin), activates it, then loads the site
 * with it active. Each step is a PHP process of its own, like scripts/install-site.php.
 *
 *     php tests/zip/install-zip.php <siteDir> <zip> install|load
 *
 * Prints "ok <what>" per check and exits 1 on the first failure; PHP notices go to the site's
 * debug.log (WP_DEBUG_LOG), which the `zip` layer of scripts/test.mjs reads.
 *
 * @package Aftercare
 */

if ( 'cli' !== PHP_SAPI ) {
	exit( 1 );
}

list( , $aftercare_site_dir, $aftercare_zip, $aftercare_step ) = $argv + array( '', '', '', '' );
if ( ! is_file( "$aftercare_site_dir/site.json" ) || ! is_file( $aftercare_zip ) || ! in_array( $aftercare_step, array( 'install', 'load' ), true ) ) {
	fwrite( STDERR, "usage: php tests/zip/install-zip.php <siteDir> <zip> install|load\n" );
	exit( 2 );
}

$aftercare_url              = json_decode( (string) file_get_contents( "$aftercare_site_dir/site.json" ), true )['url'];
$_SERVER['HTTP_HOST']       = (string) parse_url( $aftercare_url, PHP_URL_HOST ) . ':' . (string) parse_url( $aftercare_url, PHP_URL_PORT );
$_SERVER['REQUEST_URI']     = '/';
$_SERVER['REQUEST_METHOD']  = 'GET';
$_SERVER['SERVER_PROTOCOL'] = 'HTTP/1.1';
$_SERVER['REMOTE_ADDR']     = '127.0.0.1';
require "$aftercare_site_dir/wp-load.php";

/**
 * Stops with a message.
 */
function aftercare_zip_fail( string $message ): never {
	fwrite( STDERR, "not ok $message\n" );
	exit( 1 );
}

wp_set_current_user( 1 );
$aftercare_plugin = 'aftercare/plugin.php';

if ( 'install' === $aftercare_step ) {
	require_once ABSPATH . 'wp-admin/includes/admin.php';
	require_once ABSPATH . 'wp-admin/includes/class-wp-upgrader.php';
	if ( is_dir( WP_PLUGIN_DIR . '/aftercare' ) ) {
		aftercare_zip_fail( 'the site is not clean: wp-content/plugins/aftercare exists' );
	}
	$aftercare_skin   = new Automatic_Upgrader_Skin();
	$aftercare_result = ( new Plugin_Upgrader( $aftercare_skin ) )->install( $aftercare_zip );
	if ( true !== $aftercare_result ) {
		$aftercare_error = is_wp_error( $aftercare_result ) ? $aftercare_result : $aftercare_skin->result;
		aftercare_zip_fail(
			'install: ' . ( is_wp_error( $aftercare_error ) ? $aftercare_error->get_error_message() : implode( ' ', $aftercare_skin->get_upgrade_messages() ) )
		);
	}
	$aftercare_data = get_plugin_data( WP_PLUGIN_DIR . '/' . $aftercare_plugin, false, false );
	echo 'ok installed ', esc_html( $aftercare_data['Name'] ), ' ', esc_html( $aftercare_data['Version'] ), " from the zip\n";
	$aftercare_result = activate_plugin( $aftercare_plugin );
	if ( is_wp_error( $aftercare_result ) ) {
		aftercare_zip_fail( 'activate: ' . $aftercare_result->get_error_message() );
	}
	echo "ok activated\n";
	exit( 0 );
}

// Loaded the normal way: the plugin boots, its installer has made the tables, its routes and blocks answer.
if ( ! is_plugin_active( $aftercare_plugin ) || ! class_exists( Aftercare\Plugin::class ) ) {
	aftercare_zip_fail( 'Aftercare is not active after activation' );
}
if ( 200 !== rest_do_request( new WP_REST_Request( 'GET', '/aftercare/v1/settings' ) )->get_status() ) {
	aftercare_zip_fail( 'GET /aftercare/v1/settings did not answer 200' );
}
echo "ok the REST routes answer\n";
if ( ! str_contains( do_blocks( '<!-- wp:aftercare/contact /-->' ), 'wp-block-aftercare-contact' ) ) {
	aftercare_zip_fail( 'the contact block did not render' );
}
echo "ok the blocks render\n";
