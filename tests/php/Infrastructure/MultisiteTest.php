<?php
/**
 * Per-site tables on a network where Aftercare is network-activated (run on the multisite test site).
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Infrastructure;

use Aftercare\Plugin;
use Aftercare\Tests\TestCase;

/**
 * @group multisite
 */
final class MultisiteTest extends TestCase {

	protected bool $transactional = false;

	private function table_exists( string $table ): bool {
		global $wpdb;
		return $table === $wpdb->get_var( $wpdb->prepare( 'SHOW TABLES LIKE %s', $table ) );
	}

	private function rate_limits_table( int $site_id ): string {
		global $wpdb;
		return $wpdb->get_blog_prefix( $site_id ) . 'aftercare_rate_limits';
	}

	public function test_every_existing_site_has_its_own_tables(): void {
		$this->assertTrue( is_multisite() );
		$this->assertTrue( is_plugin_active_for_network( plugin_basename( AFTERCARE_FILE ) ) );
		$sites = get_sites( array( 'fields' => 'ids' ) );
		$this->assertGreaterThanOrEqual( 2, count( $sites ) );
		foreach ( $sites as $site_id ) {
			$this->assertTrue( $this->table_exists( $this->rate_limits_table( (int) $site_id ) ), "site {$site_id}" );
		}
	}

	public function test_a_new_site_gets_tables_and_loses_them_when_deleted(): void {
		$site_id = wp_insert_site( array( 'domain' => get_network()->domain, 'path' => '/late-' . wp_generate_password( 6, false, false ) . '/' ) );
		$this->assertIsInt( $site_id );
		try {
			$this->assertTrue( $this->table_exists( $this->rate_limits_table( $site_id ) ) );
			switch_to_blog( $site_id );
			$this->assertTrue( Plugin::instance()->installer->is_current() );
			restore_current_blog();
		} finally {
			wp_delete_site( $site_id );
		}
		$this->assertFalse( $this->table_exists( $this->rate_limits_table( $site_id ) ) );
	}

	public function test_network_activation_reaches_a_site_missing_its_tables(): void {
		global $wpdb;
		$site_id = (int) get_sites( array( 'fields' => 'ids', 'offset' => 1, 'number' => 1 ) )[0];
		$wpdb->query( 'DROP TABLE ' . $this->rate_limits_table( $site_id ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
		switch_to_blog( $site_id );
		delete_option( 'aftercare_install_state' );
		restore_current_blog();

		Plugin::activate( true );

		$this->assertTrue( $this->table_exists( $this->rate_limits_table( $site_id ) ) );
	}
}
