<?php
/**
 * Activation, re-activation, migrations and the install lock against the real database.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Infrastructure;

use Aftercare\Infrastructure\Capabilities;
use Aftercare\Infrastructure\Database\Installer;
use Aftercare\Infrastructure\Database\Lock;
use Aftercare\Infrastructure\Database\Table;
use Aftercare\Plugin;
use Aftercare\Tests\FixedClock;
use Aftercare\Tests\TestCase;

final class InstallerTest extends TestCase {

	protected bool $transactional = false;

	/** @var mixed */
	private $saved_state;

	protected function setUp(): void {
		parent::setUp();
		$this->saved_state = get_option( Installer::STATE_OPTION );
	}

	protected function tearDown(): void {
		global $wpdb;
		$wpdb->query( "DROP TABLE IF EXISTS {$wpdb->prefix}aftercare_probe" );
		delete_option( Installer::ERROR_OPTION );
		delete_option( Installer::LOCK_OPTION );
		// Other processes (the concurrency test) wrote the state: forget this process's cached copy, or the restore is skipped as "unchanged".
		wp_cache_flush();
		update_option( Installer::STATE_OPTION, $this->saved_state, true );
		Plugin::instance()->installer->install();
		parent::tearDown();
	}

	public function test_activation_creates_tables_capabilities_and_role(): void {
		global $wpdb;
		$this->drop_everything();
		$this->assertFalse( Plugin::instance()->installer->is_current() );

		Plugin::activate();

		foreach ( Plugin::instance()->installer->table_names() as $table ) {
			$this->assertSame( $table, $wpdb->get_var( $wpdb->prepare( 'SHOW TABLES LIKE %s', $table ) ) );
		}
		wp_roles()->for_site();
		$admin = get_role( 'administrator' );
		foreach ( Capabilities::SUPERVISOR as $cap ) {
			$this->assertTrue( $admin->has_cap( $cap ), $cap );
		}
		$agent = get_role( Capabilities::AGENT_ROLE );
		$this->assertNotNull( $agent );
		foreach ( Capabilities::AGENT as $cap ) {
			$this->assertTrue( $agent->has_cap( $cap ), $cap );
		}
		$this->assertFalse( $agent->has_cap( 'manage_aftercare' ) );
		$this->assertTrue( Plugin::instance()->installer->is_current() );
	}

	public function test_reactivation_changes_nothing(): void {
		$before = $this->snapshot();

		Plugin::activate();
		$this->assertSame( 'current', Plugin::instance()->installer->install() );

		$this->assertSame( $before, $this->snapshot() );
	}

	public function test_a_newer_table_version_runs_dbdelta_again_and_keeps_rows(): void {
		global $wpdb;
		$this->installer( $this->probe( 1 ) )->install();
		$wpdb->insert( "{$wpdb->prefix}aftercare_probe", array( 'id' => 7 ) );

		$this->assertSame( 'installed', $this->installer( $this->probe( 2 ) )->install() );

		$columns = $wpdb->get_col( "SHOW COLUMNS FROM {$wpdb->prefix}aftercare_probe" );
		$this->assertContains( 'added_in_v2', $columns );
		$this->assertSame( '7', $wpdb->get_var( "SELECT id FROM {$wpdb->prefix}aftercare_probe" ) );
		$this->assertSame( 2, get_option( Installer::STATE_OPTION )['tables']['probe'] );
	}

	public function test_migrations_run_in_order_once_and_resume(): void {
		$log     = array();
		$batches = 2;
		$steps   = array(
			'first'  => function () use ( &$log ): bool {
				$log[] = 'first';
				return true;
			},
			'second' => function () use ( &$log, &$batches ): bool {
				$log[] = 'second';
				return 0 === --$batches;
			},
			'third'  => function () use ( &$log ): bool {
				$log[] = 'third';
				return true;
			},
		);
		$installer = $this->installer( $this->probe( 1 ), $steps );

		$this->assertSame( 'partial', $installer->install() );
		$this->assertSame( array( 'first', 'second' ), $log );
		$this->assertFalse( $installer->is_current() );

		$this->assertSame( 'installed', $installer->install() );
		$this->assertSame( array( 'first', 'second', 'second', 'third' ), $log );

		$this->assertSame( 'current', $installer->install() );
		$this->assertCount( 4, $log );
	}

	public function test_a_failing_migration_is_recorded_and_retried_later(): void {
		$fail      = true;
		$installer = $this->installer(
			$this->probe( 1 ),
			array(
				'flaky' => function () use ( &$fail ): bool {
					if ( $fail ) {
						throw new \RuntimeException( 'disk full' );
					}
					return true;
				},
			)
		);

		$this->assertSame( 'failed', $installer->install() );
		$this->assertStringContainsString( 'disk full', (string) get_option( Installer::ERROR_OPTION ) );

		$fail = false;
		$this->assertSame( 'installed', $installer->install() );
		$this->assertFalse( get_option( Installer::ERROR_OPTION ) );
	}

	public function test_a_held_lock_stops_a_second_install_and_a_stale_one_is_taken_over(): void {
		global $wpdb;
		$clock = new FixedClock();
		$wpdb->insert( $wpdb->options, array( 'option_name' => Installer::LOCK_OPTION, 'option_value' => ( $clock->time + 60 ) . '.other', 'autoload' => 'off' ) );
		$ran       = 0;
		$installer = $this->installer(
			$this->probe( 1 ),
			array(
				'count' => function () use ( &$ran ): bool {
					++$ran;
					return true;
				},
			),
			$clock
		);

		$this->assertSame( 'locked', $installer->install() );
		$this->assertSame( 0, $ran );
		$this->assertNull( $wpdb->get_var( $wpdb->prepare( 'SHOW TABLES LIKE %s', "{$wpdb->prefix}aftercare_probe" ) ) );

		$clock->time += 61;
		$this->assertSame( 'installed', $installer->install() );
		$this->assertSame( 1, $ran );
		$this->assertNull(
			$wpdb->get_var( $wpdb->prepare( "SELECT option_value FROM {$wpdb->options} WHERE option_name = %s", Installer::LOCK_OPTION ) ),
			'lock released'
		);
	}

	public function test_two_processes_installing_at_once_migrate_once(): void {
		global $wpdb;
		$script = dirname( __DIR__, 2 ) . '/fixtures/concurrency/install.php';
		$procs  = array();
		for ( $i = 0; $i < 2; $i++ ) {
			$pipes   = array();
			$procs[] = array( proc_open( array( PHP_BINARY, $script ), array( 1 => array( 'pipe', 'w' ), 2 => array( 'pipe', 'w' ) ), $pipes ), $pipes );
		}
		$results = array();
		foreach ( $procs as list( $proc, $pipes ) ) {
			$results[] = trim( (string) stream_get_contents( $pipes[1] ) ) . trim( (string) stream_get_contents( $pipes[2] ) );
			proc_close( $proc );
		}
		sort( $results );

		$this->assertSame( array( 'installed', 'locked' ), $results );
		$this->assertSame( '1', $wpdb->get_var( "SELECT COUNT(*) FROM {$wpdb->prefix}aftercare_probe" ), 'the migration ran exactly once' );
	}

	private function drop_everything(): void {
		global $wpdb;
		foreach ( Plugin::instance()->installer->table_names() as $table ) {
			$wpdb->query( "DROP TABLE IF EXISTS {$table}" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		}
		delete_option( Installer::STATE_OPTION );
		Plugin::instance()->capabilities->remove();
		wp_roles()->for_site();
	}

	/**
	 * @return array<string, mixed> Everything activation touches.
	 */
	private function snapshot(): array {
		global $wpdb;
		$tables = array();
		foreach ( Plugin::instance()->installer->table_names() as $table ) {
			$tables[ $table ] = $wpdb->get_row( "SHOW CREATE TABLE {$table}", ARRAY_N )[1]; // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		}
		wp_cache_flush();
		return array(
			'tables' => $tables,
			'state'  => get_option( Installer::STATE_OPTION ),
			'roles'  => get_option( $wpdb->prefix . 'user_roles' ),
		);
	}

	/**
	 * @param array<string, callable(): bool> $migrations Migrations.
	 */
	private function installer( Table $table, array $migrations = array(), ?FixedClock $clock = null ): Installer {
		global $wpdb;
		return new Installer( $wpdb, array( $table ), $migrations, new Capabilities(), new Lock( $wpdb, $clock ?? new FixedClock() ) );
	}

	private function probe( int $version ): Table {
		return new ProbeTable( $version );
	}
}
