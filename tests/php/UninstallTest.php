<?php
/**
 * uninstall.php keeps the store's data unless a supervisor opted in to removal.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests;

use Aftercare\Infrastructure\Capabilities;
use Aftercare\Plugin;
use Aftercare\Settings\Settings;

final class UninstallTest extends TestCase {

	protected bool $transactional = false;

	protected function tearDown(): void {
		delete_option( Settings::OPTION );
		Plugin::activate();
		parent::tearDown();
	}

	private function uninstall(): void {
		if ( ! defined( 'WP_UNINSTALL_PLUGIN' ) ) {
			define( 'WP_UNINSTALL_PLUGIN', plugin_basename( AFTERCARE_FILE ) );
		}
		include AFTERCARE_DIR . 'uninstall.php';
		wp_cache_flush();
		wp_roles()->for_site();
	}

	private function tables_left(): int {
		global $wpdb;
		return (int) $wpdb->get_var( $wpdb->prepare( 'SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name LIKE %s', $wpdb->esc_like( $wpdb->prefix . 'aftercare_' ) . '%' ) );
	}

	public function test_data_is_kept_by_default(): void {
		$before = $this->tables_left();
		$this->uninstall();

		$this->assertGreaterThan( 0, $before );
		$this->assertSame( $before, $this->tables_left() );
		$this->assertNotNull( get_role( Capabilities::AGENT_ROLE ) );
		$this->assertNotFalse( get_option( 'aftercare_install_state' ) );
	}

	public function test_opting_in_removes_tables_options_and_roles(): void {
		update_option( Settings::OPTION, array( 'delete_data_on_uninstall' => true ) );
		$this->uninstall();

		$this->assertSame( 0, $this->tables_left() );
		$this->assertFalse( get_option( 'aftercare_install_state' ) );
		$this->assertFalse( get_option( Settings::OPTION ) );
		$this->assertNull( get_role( Capabilities::AGENT_ROLE ) );
		$this->assertFalse( get_role( 'administrator' )->has_cap( 'manage_aftercare' ) );
	}
}
