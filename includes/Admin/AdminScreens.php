<?php
/**
 * The "Support" menu (under WooCommerce, or top level without it) and the mount node of each
 * screen of the admin app. Scripts load only on these screens.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Admin;

use Aftercare\Infrastructure\Assets;
use Aftercare\Infrastructure\Database\Installer;

final class AdminScreens {

	/** @var array<string, string> Hook suffix → screen name, filled as the pages are added. */
	private array $hooks = array();

	public function __construct( private Assets $assets ) {}

	public function can_register(): bool {
		return is_admin();
	}

	public function register(): void {
		add_action( 'admin_menu', array( $this, 'add_pages' ), 60 );
		add_action( 'admin_enqueue_scripts', array( $this, 'enqueue' ) );
		add_action( 'admin_notices', array( $this, 'install_error_notice' ) );
	}

	/**
	 * Screens of the app: page slug → title, capability, screen name and REST paths to preload.
	 *
	 * @return array<string, array{title: string, capability: string, screen: string, preload: string[]}>
	 */
	private function screens(): array {
		return array(
			'aftercare' => array(
				'title'      => __( 'Support', 'aftercare' ),
				'capability' => 'manage_aftercare',
				'screen'     => 'settings',
				'preload'    => array( '/aftercare/v1/settings' ),
			),
			'aftercare-help-center' => array(
				'title'      => __( 'Help center', 'aftercare' ),
				'capability' => 'view_aftercare_reports',
				'screen'     => 'help-center',
				'preload'    => array( '/aftercare/v1/help/reports?days=30' ),
			),
		);
	}

	public function add_pages(): void {
		$parent = class_exists( 'WooCommerce' ) ? 'woocommerce' : null;
		foreach ( $this->screens() as $slug => $screen ) {
			$render = fn() => $this->render( $screen['screen'] );
			if ( null === $parent ) {
				$hook   = add_menu_page( $screen['title'], $screen['title'], $screen['capability'], $slug, $render, 'dashicons-sos', 56 );
				$parent = $slug;
			} else {
				$hook = add_submenu_page( $parent, $screen['title'], $screen['title'], $screen['capability'], $slug, $render );
			}
			if ( $hook ) {
				$this->hooks[ $hook ] = $slug;
			}
		}
	}

	public function enqueue( string $hook_suffix ): void {
		$slug = $this->hooks[ $hook_suffix ] ?? null;
		if ( null === $slug ) {
			return;
		}
		if ( $this->assets->enqueue( 'admin' ) ) {
			$this->assets->preload( $this->screens()[ $slug ]['preload'] );
			return;
		}
		add_action(
			'admin_notices',
			static fn() => printf( '<div class="notice notice-error"><p>%s</p></div>', esc_html__( 'Aftercare\'s screens are not built. Run “npm run build” in the plugin folder.', 'aftercare' ) )
		);
	}

	private function render( string $screen ): void {
		printf( '<div class="wrap"><div id="aftercare-admin-app" data-screen="%s">', esc_attr( $screen ) );
		// Shown until the app mounts, and instead of it when the build is missing.
		printf( '<p class="aftercare-admin-app__loading">%s</p>', esc_html__( 'Loading…', 'aftercare' ) );
		echo '</div></div>';
	}

	public function install_error_notice(): void {
		$error = get_option( Installer::ERROR_OPTION );
		if ( $error && current_user_can( 'manage_aftercare' ) ) {
			printf(
				'<div class="notice notice-error"><p>%s</p><p><code>%s</code></p></div>',
				esc_html__( 'Aftercare could not finish setting up its database tables. It will try again on the next admin page load. The database said:', 'aftercare' ),
				esc_html( (string) $error )
			);
		}
	}
}
