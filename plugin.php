<?php
// phpcs:disable Generic.Files.LineLength.TooLong -- plugin header.
/**
 * Plugin Name:       Aftercare
 * Plugin URI:        https://example.test/aftercare
 * Description:       A support desk for WooCommerce stores: a ticket queue for agents, and storefront blocks for contact, order status, returns and a help center.
 * Version:           0.1.0
 * Requires at least: 6.8
 * Requires PHP:      8.2
 * Author:            Aftercare
 * License:           GPL-2.0-or-later
 * License URI:       https://www.gnu.org/licenses/gpl-2.0.html
 * Text Domain:       aftercare
 * Domain Path:       /languages
 * WC requires at least: 9.0
 * WC tested up to:   10.0
 *
 * @package Aftercare
 */
// phpcs:enable Generic.Files.LineLength.TooLong

declare( strict_types=1 );

defined( 'ABSPATH' ) || exit;

const AFTERCARE_VERSION      = '0.1.0';
const AFTERCARE_FILE         = __FILE__;
const AFTERCARE_MIN_PHP      = '8.2';
const AFTERCARE_MIN_WP       = '6.8';
define( 'AFTERCARE_DIR', plugin_dir_path( __FILE__ ) );

// The guard runs before any namespaced code, so an old PHP never parses a syntax it cannot read.
if ( version_compare( PHP_VERSION, AFTERCARE_MIN_PHP, '<' ) || version_compare( get_bloginfo( 'version' ), AFTERCARE_MIN_WP, '<' ) ) {
	add_action(
		'admin_notices',
		static function (): void {
			printf(
				'<div class="notice notice-error"><p>%s</p></div>',
				esc_html(
					sprintf(
						/* translators: 1: required PHP version, 2: required WordPress version */
						__( 'Aftercare needs PHP %1$s and WordPress %2$s or newer. It is installed but inactive until the site is updated.', 'aftercare' ),
						AFTERCARE_MIN_PHP,
						AFTERCARE_MIN_WP
					)
				)
			);
		}
	);
	return;
}

spl_autoload_register(
	static function ( string $class_name ): void {
		if ( str_starts_with( $class_name, 'Aftercare\\' ) ) {
			$file = AFTERCARE_DIR . 'includes/' . str_replace( '\\', '/', substr( $class_name, 10 ) ) . '.php';
			if ( is_readable( $file ) ) {
				require $file;
			}
		}
	}
);

register_activation_hook( __FILE__, array( Aftercare\Plugin::class, 'activate' ) );
register_deactivation_hook( __FILE__, array( Aftercare\Plugin::class, 'deactivate' ) );

// WooCommerce reads this before it loads: orders are only ever touched through its order API.
add_action(
	'before_woocommerce_init',
	static function (): void {
		if ( class_exists( Automattic\WooCommerce\Utilities\FeaturesUtil::class ) ) {
			Automattic\WooCommerce\Utilities\FeaturesUtil::declare_compatibility( 'custom_order_tables', __FILE__, true );
			Automattic\WooCommerce\Utilities\FeaturesUtil::declare_compatibility( 'cart_checkout_blocks', __FILE__, true );
		}
	}
);

add_action( 'plugins_loaded', array( Aftercare\Plugin::class, 'boot' ) );
