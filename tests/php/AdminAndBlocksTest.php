<?php
/**
 * The admin screen's menu, mount node and assets, and block registration from the build manifest.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests;

use Aftercare\Admin\AdminScreens;
use Aftercare\Infrastructure\Assets;

final class AdminAndBlocksTest extends TestCase {

	public function test_every_built_block_is_registered(): void {
		$manifest = require AFTERCARE_DIR . 'build/blocks-manifest.php';
		$this->assertNotEmpty( $manifest );
		foreach ( $manifest as $metadata ) {
			$block = \WP_Block_Type_Registry::get_instance()->get_registered( $metadata['name'] );
			$this->assertNotNull( $block, $metadata['name'] );
			$this->assertSame( 'aftercare', $metadata['textdomain'] );
			$this->assertTrue( $block->is_dynamic(), 'blocks render on the server' );
		}
	}

	public function test_the_support_page_mounts_the_app_with_assets_only_on_that_screen(): void {
		global $submenu, $menu;
		$screens = new AdminScreens( new Assets() );
		wp_set_current_user( $this->user( 'administrator' )->ID );

		$screens->add_pages();
		$hook = get_plugin_page_hookname( 'aftercare', class_exists( 'WooCommerce' ) ? 'woocommerce' : '' );

		$screens->enqueue( 'index.php' );
		$this->assertFalse( wp_script_is( 'aftercare-admin', 'enqueued' ), 'no assets on other screens' );

		$screens->enqueue( $hook );
		$this->assertTrue( wp_script_is( 'aftercare-admin', 'enqueued' ) );

		ob_start();
		do_action( $hook );
		$html = (string) ob_get_clean();
		$this->assertStringContainsString( 'id="aftercare-admin-app"', $html );
		$this->assertStringContainsString( 'data-screen="settings"', $html );
		unset( $submenu, $menu );
	}

	public function test_the_support_page_is_hidden_from_those_without_the_capability(): void {
		$screens = new AdminScreens( new Assets() );
		$hook    = get_plugin_page_hookname( 'aftercare', class_exists( 'WooCommerce' ) ? 'woocommerce' : '' );
		remove_all_actions( $hook );
		wp_set_current_user( $this->user( 'subscriber' )->ID );

		$screens->add_pages();

		$this->assertFalse( has_action( $hook ), 'no page callback for a user without manage_aftercare' );
	}
}
