<?php
/**
 * Installs a local WordPress site whose files and wp-config.php are already in place.
 *
 *     php scripts/install-site.php <siteDir> '{"url":"http://127.0.0.1:8890","multisite":false,"demo":false}'
 *
 * Each step runs in a PHP process of its own: a plugin must be activated before it
 * is loaded, while the configure step needs it loaded the normal way (it adds its
 * hooks on plugins_loaded), and a multisite network only exists for a process that
 * starts after its constants were written to wp-config.php.
 */

if ( 'cli' !== PHP_SAPI ) {
	exit( 1 );
}

// This file's globals share WordPress's global scope (wp-config.php must be loaded
// there), hence the prefix.
$aftercare_site_dir = $argv[1] ?? '';
$aftercare_json     = $argv[2] ?? '';
$aftercare_step     = $argv[3] ?? null;
$aftercare_steps    = array( 'install', 'activate', 'configure' );
$aftercare_options  = json_decode( $aftercare_json, true );
if (
	! is_file( "$aftercare_site_dir/wp-config.php" ) || ! isset( $aftercare_options['url'] )
	|| ( null !== $aftercare_step && ! in_array( $aftercare_step, $aftercare_steps, true ) )
) {
	fwrite( STDERR, "usage: php install-site.php <siteDir> '{\"url\":\"http://127.0.0.1:PORT\",\"multisite\":false,\"demo\":false}'\n" );
	exit( 2 );
}

if ( null === $aftercare_step ) {
	foreach ( $aftercare_steps as $aftercare_step ) {
		passthru(
			implode( ' ', array_map( 'escapeshellarg', array( PHP_BINARY, __FILE__, $aftercare_site_dir, $aftercare_json, $aftercare_step ) ) ),
			$aftercare_status
		);
		if ( 0 !== $aftercare_status ) {
			exit( $aftercare_status );
		}
	}
	exit( 0 );
}

// A step that ends before its last line failed, also when it ended through exit() (a
// plugin redirecting after activation) or a fatal error WP_DEBUG_DISPLAY kept quiet.
register_shutdown_function(
	static function (): void {
		if ( Aftercare_Site_Installer::$finished ) {
			return;
		}
		$error = error_get_last();
		if ( $error && in_array( $error['type'], array( E_ERROR, E_PARSE, E_CORE_ERROR, E_COMPILE_ERROR, E_USER_ERROR ), true ) ) {
			fwrite( STDERR, "install-site: PHP fatal error: {$error['message']} in {$error['file']}:{$error['line']}\n" );
		} else {
			fwrite( STDERR, "install-site: the {$GLOBALS['aftercare_step']} step ended early\n" );
		}
		exit( 1 );
	}
);

// wp_die() would print HTML and exit 0. Hooks set up before WordPress loads become real ones.
$GLOBALS['wp_filter']['wp_die_handler'][10][] = array(
	'accepted_args' => 1,
	'function'      => static fn() => static function ( $message ): never {
		Aftercare_Site_Installer::fail( 'wp_die: ' . wp_strip_all_tags( is_wp_error( $message ) ? $message->get_error_message() : (string) $message ) );
	},
);

$aftercare_url  = rtrim( $aftercare_options['url'], '/' );
$aftercare_port = parse_url( $aftercare_url, PHP_URL_PORT );
$aftercare_host = parse_url( $aftercare_url, PHP_URL_HOST ) . ( $aftercare_port ? ":$aftercare_port" : '' );

$_SERVER['HTTP_HOST']       = $aftercare_host;
$_SERVER['SERVER_NAME']     = parse_url( $aftercare_url, PHP_URL_HOST );
$_SERVER['SERVER_PORT']     = $aftercare_port ?? 80;
$_SERVER['REQUEST_URI']     = '/';
$_SERVER['REQUEST_METHOD']  = 'GET';
$_SERVER['SERVER_PROTOCOL'] = 'HTTP/1.1';
$_SERVER['REMOTE_ADDR']     = '127.0.0.1';

if ( 'install' === $aftercare_step ) {
	define( 'WP_INSTALLING', true );
}
require "$aftercare_site_dir/wp-load.php";

match ( $aftercare_step ) {
	'install'   => Aftercare_Site_Installer::install( $aftercare_site_dir, $aftercare_url, $aftercare_host, (bool) ( $aftercare_options['multisite'] ?? false ) ),
	'activate'  => Aftercare_Site_Installer::activate(),
	'configure' => Aftercare_Site_Installer::configure( $aftercare_host, (bool) ( $aftercare_options['demo'] ?? false ) ),
};
Aftercare_Site_Installer::$finished = true;

final class Aftercare_Site_Installer {
	private const PLUGIN        = 'aftercare/plugin.php';
	private const SQLITE_PLUGIN = 'sqlite-database-integration/load.php';
	private const WOOCOMMERCE   = 'woocommerce/woocommerce.php';

	public static bool $finished = false;

	public static function fail( string $message ): never {
		fwrite( STDERR, "install-site: $message\n" );
		self::$finished = true;
		exit( 1 );
	}

	public static function install( string $site_dir, string $url, string $host, bool $multisite ): void {
		global $wpdb, $wp_rewrite;

		if ( ! function_exists( 'wp_new_blog_notification' ) ) {
			// There is no mail on a local install.
			function wp_new_blog_notification() {}
		}
		require_once ABSPATH . 'wp-admin/includes/upgrade.php';

		wp_install( 'Aftercare Demo Store', 'admin', 'admin@example.test', true, '', wp_slash( 'password' ) );
		update_option( 'siteurl', $url );
		update_option( 'home', $url );

		if ( $multisite ) {
			require_once ABSPATH . 'wp-admin/includes/network.php';
			// A single site's wpdb does not name the network tables yet.
			foreach ( $wpdb->tables( 'ms_global' ) as $table => $prefixed_table ) {
				$wpdb->$table = $prefixed_table;
			}
			install_network();
			$result = populate_network( 1, $host, 'admin@example.test', 'Aftercare Demo Network', '/', false );
			if ( is_wp_error( $result ) ) {
				self::fail( 'populate_network: ' . $result->get_error_message() );
			}
			self::add_network_constants( "$site_dir/wp-config.php", $host );
		}
		// After populate_network(), which gives a main site a /blog/ date-based structure.
		$wp_rewrite->set_permalink_structure( '/%postname%/' );
		echo 'Installed WordPress ', get_bloginfo( 'version' ), $multisite ? ' (subdirectory network)' : '', " at $url\n";
	}

	public static function activate(): void {
		require_once ABSPATH . 'wp-admin/includes/plugin.php';
		wp_set_current_user( 1 );

		// The SQLite plugin's activation hooks only redirect to its admin page (and exit).
		// No Aftercare on a clean site that a test installs the plugin's zip into.
		$plugins = is_file( WP_PLUGIN_DIR . '/' . self::PLUGIN ) ? array( self::PLUGIN => false ) : array();
		if ( is_file( WP_PLUGIN_DIR . '/' . self::WOOCOMMERCE ) ) {
			$plugins = array( self::WOOCOMMERCE => false ) + $plugins;
		}
		if ( is_file( WP_PLUGIN_DIR . '/' . self::SQLITE_PLUGIN ) ) {
			$plugins = array( self::SQLITE_PLUGIN => true ) + $plugins;
		}
		foreach ( $plugins as $plugin => $silent ) {
			$result = activate_plugin( $plugin, '', is_multisite(), $silent );
			if ( is_wp_error( $result ) ) {
				$data = $result->get_error_data();
				self::fail( "could not activate $plugin: " . $result->get_error_message() . ( is_string( $data ) && '' !== $data ? "\n$data" : '' ) );
			}
			echo 'Activated ', $plugin, is_multisite() ? ' network-wide' : '', "\n";
		}
	}

	public static function configure( string $host, bool $demo ): void {
		wp_set_current_user( 1 );
		if ( class_exists( 'WC_Install' ) ) {
			self::configure_woocommerce();
		}

		$users = array();
		foreach ( array( 'agent', 'customer1', 'customer2' ) as $login ) {
			$user_id = wp_insert_user(
				array(
					'user_login' => $login,
					'user_pass'  => 'password',
					'user_email' => "$login@example.test",
					'role'       => self::role( $login ),
				)
			);
			if ( is_wp_error( $user_id ) ) {
				self::fail( "could not create user $login: " . $user_id->get_error_message() );
			}
			$users[ $login ] = $user_id;
		}
		echo 'Users (password "password"): admin, ', implode(
			', ',
			array_map( static fn( $login ) => "$login (" . self::role( $login ) . ')', array_keys( $users ) )
		), "\n";

		if ( is_multisite() ) {
			$blog_id = wpmu_create_blog( $host, '/second/', 'Aftercare Second Store', 1 );
			if ( is_wp_error( $blog_id ) ) {
				self::fail( 'could not create the second site: ' . $blog_id->get_error_message() );
			}
			switch_to_blog( $blog_id );
			foreach ( $users as $login => $user_id ) {
				add_user_to_blog( $blog_id, $user_id, self::role( $login ) );
			}
			update_option( 'permalink_structure', '/%postname%/' );
			// Rebuilt on the site's next request, with its own rules.
			delete_option( 'rewrite_rules' );
			restore_current_blog();
			echo "Created site #$blog_id at ", get_home_url( $blog_id ), "\n";
		}

		if ( $demo ) {
			if ( has_action( 'aftercare_seed_demo' ) ) {
				do_action( 'aftercare_seed_demo' );
				echo "Seeded demo data\n";
			} else {
				echo "No demo data: nothing hooks aftercare_seed_demo\n";
			}
		}

		// The plugin is loaded in this process, so the rules include its post types.
		// init() first: creating a site leaves $wp_rewrite set up for that site. init() also
		// forgets the endpoints added on `init` (WooCommerce's My Account ones and ours).
		$endpoints = $GLOBALS['wp_rewrite']->endpoints;
		$GLOBALS['wp_rewrite']->init();
		$GLOBALS['wp_rewrite']->endpoints = $endpoints;
		flush_rewrite_rules();
	}

	/** WooCommerce's tables (HPOS ones included), HPOS on, and no onboarding wizard. */
	private static function configure_woocommerce(): void {
		WC_Install::install();
		wc_get_container()->get( Automattic\WooCommerce\Internal\DataStores\Orders\DataSynchronizer::class )->create_database_tables();
		update_option( 'woocommerce_custom_orders_table_enabled', 'yes' );
		update_option( 'woocommerce_onboarding_profile', array( 'skipped' => true ) );
		delete_transient( '_wc_activation_redirect' );
		echo 'WooCommerce ', WC()->version, " installed (HPOS on)\n";
	}

	private static function add_network_constants( string $config_file, string $host ): void {
		$marker = "/* That's all, stop editing!";
		$config = file_get_contents( $config_file );
		if ( ! str_contains( $config, $marker ) ) {
			self::fail( "$config_file has no \"$marker\" line to add the network constants before" );
		}
		$constants = "define( 'WP_ALLOW_MULTISITE', true );\n"
			. "define( 'MULTISITE', true );\n"
			. "define( 'SUBDOMAIN_INSTALL', false );\n"
			. "define( 'DOMAIN_CURRENT_SITE', " . var_export( $host, true ) . " );\n"
			. "define( 'PATH_CURRENT_SITE', '/' );\n"
			. "define( 'SITE_ID_CURRENT_SITE', 1 );\n"
			. "define( 'BLOG_ID_CURRENT_SITE', 1 );\n\n";
		file_put_contents( $config_file, str_replace( $marker, $constants . $marker, $config ) );
	}

	/** The plugin's role for a demo user when it defines one, else the closest core role. */
	private static function role( string $login ): string {
		if ( 'agent' === $login ) {
			return get_role( 'aftercare_agent' ) ? 'aftercare_agent' : 'editor';
		}
		return get_role( 'customer' ) ? 'customer' : 'subscriber';
	}
}
