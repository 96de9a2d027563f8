<?php
/**
 * Aftercare beside a real WooCommerce (runs when WOOCOMMERCE_DIR names a built WooCommerce plugin).
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests;

use Aftercare\Settings\Settings;
use Aftercare\Admin\AdminScreens;
use Aftercare\Admin\OrderTicketAction;
use Aftercare\Infrastructure\Assets;
use Aftercare\Infrastructure\Capabilities;
use Automattic\WooCommerce\Internal\Features\FeaturesController;
use Automattic\WooCommerce\Utilities\OrderUtil;

/**
 * @group woocommerce
 */
final class WooCommerceTest extends TestCase {

	public function test_woocommerce_runs_with_hpos_and_aftercare_is_declared_compatible(): void {
		$this->assertTrue( class_exists( 'WooCommerce' ), 'WooCommerce is active' );
		$this->assertTrue( OrderUtil::custom_orders_table_usage_is_enabled() );

		$compatible = wc_get_container()->get( FeaturesController::class )->get_compatible_plugins_for_feature( 'custom_order_tables', true );
		$this->assertContains( plugin_basename( AFTERCARE_FILE ), $compatible['compatible'] );
		$this->assertNotContains( plugin_basename( AFTERCARE_FILE ), $compatible['incompatible'] );
	}

	public function test_the_support_menu_sits_under_woocommerce(): void {
		wp_set_current_user( $this->user( 'administrator' )->ID );
		( new AdminScreens( new Assets(), new Settings() ) )->add_pages();

		$this->assertNotFalse( has_action( get_plugin_page_hookname( 'aftercare', 'woocommerce' ) ) );
	}

	public function test_the_order_screen_offers_a_new_ticket_to_agents_only(): void {
		global $wp_meta_boxes;
		// Loaded by wp-admin and WooCommerce's admin only.
		require_once ABSPATH . 'wp-admin/includes/template.php';
		require_once ABSPATH . 'wp-admin/includes/class-wp-screen.php';
		require_once ABSPATH . 'wp-admin/includes/screen.php';
		require_once WC_ABSPATH . 'includes/admin/wc-admin-functions.php';
		$screen = wc_get_page_screen_id( 'shop-order' );
		$action = new OrderTicketAction();

		wp_set_current_user( $this->user( 'customer' )->ID );
		$action->add();
		$this->assertArrayNotHasKey( 'aftercare-new-ticket', $wp_meta_boxes[ $screen ]['side']['high'] ?? array() );

		wp_set_current_user( $this->user( 'shop_manager' )->ID );
		$action->add();
		$this->assertArrayHasKey( 'aftercare-new-ticket', $wp_meta_boxes[ $screen ]['side']['high'] ?? array() );

		$order = wc_create_order();
		ob_start();
		$action->render( $order );
		$html = (string) ob_get_clean();
		$this->assertStringContainsString( 'page=aftercare&#038;new=1&#038;order_id=' . $order->get_id() . '"', $html );
	}

	public function test_agents_may_enter_wp_admin_and_customers_are_still_sent_to_my_account(): void {
		wp_set_current_user( $this->user( Capabilities::AGENT_ROLE )->ID );
		$this->assertFalse( apply_filters( 'woocommerce_prevent_admin_access', true ) );

		wp_set_current_user( $this->user( 'customer' )->ID );
		$this->assertTrue( apply_filters( 'woocommerce_prevent_admin_access', true ) );
		$this->assertFalse( apply_filters( 'woocommerce_prevent_admin_access', false ) );
	}

	public function test_shop_managers_supervise_and_customers_get_nothing(): void {
		$manager  = $this->user( 'shop_manager' );
		$customer = $this->user( 'customer' );
		foreach ( Capabilities::SUPERVISOR as $cap ) {
			$this->assertTrue( user_can( $manager, $cap ), $cap );
			$this->assertFalse( user_can( $customer, $cap ), $cap );
		}
	}
}
