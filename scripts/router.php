<?php
/**
 * Router for `php -S` serving a WordPress site: the rewrite rules Apache would
 * apply with WordPress's .htaccess (pretty permalinks, subdirectory multisite).
 *
 * Runs in the global scope, as WordPress expects of its entry points, so every
 * variable here is prefixed and unset before WordPress runs.
 */

$aftercare_root = rtrim( $_SERVER['DOCUMENT_ROOT'], '/' );
$aftercare_path = rawurldecode( (string) parse_url( $_SERVER['REQUEST_URI'], PHP_URL_PATH ) );

// Normalize "." and ".." so no spelling of a path gets around the rules below.
$aftercare_segments = array();
foreach ( explode( '/', $aftercare_path ) as $aftercare_segment ) {
	if ( '..' === $aftercare_segment ) {
		array_pop( $aftercare_segments );
	} elseif ( '' !== $aftercare_segment && '.' !== $aftercare_segment ) {
		$aftercare_segments[] = $aftercare_segment;
	}
}
$aftercare_path = '/' . implode( '/', $aftercare_segments ) . ( str_ends_with( $aftercare_path, '/' ) && $aftercare_segments ? '/' : '' );

// Private attachments are only ever streamed by the plugin after a permission check.
// Dot files (.ht.sqlite, the plugin's .git through its symlink) and logs are never served either.
if (
	preg_match( '#^/(?:[\w-]+/)?wp-content/uploads/(?:.*/)?aftercare-private(?:/|$)#', $aftercare_path )
	|| preg_match( '#/\.(?!well-known/)|\.log$#', $aftercare_path )
) {
	http_response_code( 403 );
	header( 'Content-Type: text/plain' );
	echo "Forbidden\n";
	return true;
}

$aftercare_file = $aftercare_root . $aftercare_path;

// Subdirectory multisite: /second/wp-admin/… and /second/wp-login.php are the main site's files.
if ( ! file_exists( $aftercare_file ) && getenv( 'AFTERCARE_MULTISITE' )
	&& preg_match( '#^/[\w-]+(/(?:wp-(?:content|admin|includes)(?:/.*)?|[^/]+\.php))$#', $aftercare_path, $aftercare_match )
) {
	$aftercare_path = $aftercare_match[1];
	$aftercare_file = $aftercare_root . $aftercare_path;
}

if ( is_dir( $aftercare_file ) ) {
	if ( ! str_ends_with( $aftercare_path, '/' ) ) {
		$aftercare_query = parse_url( $_SERVER['REQUEST_URI'], PHP_URL_QUERY );
		header( 'Location: ' . parse_url( $_SERVER['REQUEST_URI'], PHP_URL_PATH ) . '/' . ( $aftercare_query ? "?$aftercare_query" : '' ), true, 301 );
		return true;
	}
	$aftercare_path .= 'index.php';
	$aftercare_file  = $aftercare_root . $aftercare_path;
}

if ( ! is_file( $aftercare_file ) ) {
	$aftercare_path = '/index.php';
	$aftercare_file = $aftercare_root . $aftercare_path;
}

if ( ! str_ends_with( $aftercare_file, '.php' ) ) {
	if ( $aftercare_path === parse_url( $_SERVER['REQUEST_URI'], PHP_URL_PATH ) ) {
		return false; // php -S serves the requested file itself.
	}
	// A rewritten static file (multisite) has to be sent by hand.
	$aftercare_types = array(
		'css'   => 'text/css',
		'js'    => 'text/javascript',
		'mjs'   => 'text/javascript',
		'json'  => 'application/json',
		'map'   => 'application/json',
		'svg'   => 'image/svg+xml',
		'png'   => 'image/png',
		'jpg'   => 'image/jpeg',
		'jpeg'  => 'image/jpeg',
		'gif'   => 'image/gif',
		'webp'  => 'image/webp',
		'avif'  => 'image/avif',
		'ico'   => 'image/x-icon',
		'woff'  => 'font/woff',
		'woff2' => 'font/woff2',
		'ttf'   => 'font/ttf',
		'txt'   => 'text/plain',
		'html'  => 'text/html',
		'xml'   => 'application/xml',
	);
	$aftercare_extension = strtolower( pathinfo( $aftercare_file, PATHINFO_EXTENSION ) );
	header( 'Content-Type: ' . ( $aftercare_types[ $aftercare_extension ] ?? 'application/octet-stream' ) );
	header( 'Content-Length: ' . filesize( $aftercare_file ) );
	readfile( $aftercare_file );
	return true;
}

$_SERVER['SCRIPT_NAME']     = $aftercare_path;
$_SERVER['PHP_SELF']        = $aftercare_path;
$_SERVER['SCRIPT_FILENAME'] = $aftercare_file;
unset( $_SERVER['PATH_INFO'], $_SERVER['ORIG_PATH_INFO'] );
chdir( dirname( $aftercare_file ) );

unset( $aftercare_root, $aftercare_path, $aftercare_segments, $aftercare_segment, $aftercare_match, $aftercare_query );
require $aftercare_file;
