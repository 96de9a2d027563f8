<?php
/**
 * The admin screen's menu, mount node and assets, and block registration from the build manifest.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests;

use Aftercare\Settings\Settings;
use Aftercare\Admin\AdminScreens;
use Aftercare\Infrastructure\Assets;
use Aftercare\Orders\Order;
use Aftercare\Orders\OrderSource;

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
		$screens = new AdminScreens( new Assets(), new Settings() );
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
		$this->assertStringContainsString( 'data-screen="desk"', $html );

		$settings = get_plugin_page_hookname( 'aftercare-settings', class_exists( 'WooCommerce' ) ? 'woocommerce' : 'aftercare' );
		ob_start();
		do_action( $settings );
		$this->assertStringContainsString( 'data-screen="settings"', (string) ob_get_clean() );
		unset( $submenu, $menu );
	}

	public function test_the_app_gets_the_agents_and_the_order_a_new_ticket_starts_from(): void {
		global $submenu, $menu;
		$admin = $this->user( 'administrator' );
		$agent = $this->user( 'aftercare_agent' );
		$subscriber = $this->user( 'subscriber' );
		wp_set_current_user( $admin->ID );
		$orders = $this->createMock( OrderSource::class );
		$orders->method( 'find' )->willReturnCallback(
			static fn( int $id ): ?Order =>
				7 === $id ? new Order( 7, '1007', 'processing', 'Processing', time(), 0, 'gwen@example.test', 'Gwen Guest', 54.0, 'USD' ) : null
		);
		$screens = new AdminScreens( new Assets(), new Settings(), $orders );
		$screens->add_pages();
		$_GET['order_id'] = '7';

		$screens->enqueue( get_plugin_page_hookname( 'aftercare', class_exists( 'WooCommerce' ) ? 'woocommerce' : '' ) );
		unset( $_GET['order_id'] );

		$before = (array) wp_scripts()->get_data( 'aftercare-admin', 'before' );
		$script = (string) end( $before );
		$this->assertMatchesRegularExpression( '/^window\.aftercareAdmin = (\{.*\});$/', $script );
		$data = json_decode( (string) preg_replace( '/^window\.aftercareAdmin = |;$/', '', $script ), true );
		$ids  = array_column( $data['agents'], 'id' );
		$this->assertContains( $agent->ID, $ids, 'agents can be assigned' );
		$this->assertContains( $admin->ID, $ids );
		$this->assertNotContains( $subscriber->ID, $ids, 'subscribers are not agents' );
		$this->assertSame( $admin->ID, $data['currentUser'] );
		$this->assertSame(
			array(
				'id'             => 7,
				'number'         => '1007',
				'customer_id'    => 0,
				'customer_name'  => 'Gwen Guest',
				'customer_email' => 'gwen@example.test',
			),
			$data['order']
		);
		unset( $submenu, $menu );
	}

	public function test_the_support_page_is_hidden_from_those_without_the_capability(): void {
		$screens = new AdminScreens( new Assets(), new Settings() );
		$hook    = get_plugin_page_hookname( 'aftercare', class_exists( 'WooCommerce' ) ? 'woocommerce' : '' );
		remove_all_actions( $hook );
		wp_set_current_user( $this->user( 'subscriber' )->ID );

		$screens->add_pages();

		$this->assertFalse( has_action( $hook ), 'no page callback for a user without read_aftercare_tickets' );
	}
}
