<?php
/**
 * Brings a site's tables, capabilities and data up to date.
 *
 * Each table carries its own schema version and is run through dbDelta when the stored version is
 * older. Data migrations then run in order; each is idempotent and returns true once finished, or
 * false to be resumed by a later request (large stores migrate in batches). A row lock in the
 * options table keeps two requests from installing at once, on any number of web nodes.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Infrastructure\Database;

use Aftercare\Infrastructure\Capabilities;
use Aftercare\Infrastructure\Registrable;

final class Installer implements Registrable {

	public const STATE_OPTION = 'aftercare_install_state';
	public const ERROR_OPTION = 'aftercare_install_error';
	public const LOCK_OPTION  = 'aftercare_install_lock';

	/** A lock older than this was left by a request that died; it may be taken over. */
	private const LOCK_TTL = 600;

	/**
	 * @param \wpdb                          $wpdb         Database.
	 * @param Table[]                        $tables       Every Aftercare table.
	 * @param array<string, callable(): bool> $migrations Data migrations by id, in the order they must run.
	 * @param Capabilities                   $capabilities Roles and capabilities.
	 * @param Lock                           $lock         The install lock.
	 */
	public function __construct(
		private \wpdb $wpdb,
		private array $tables,
		private array $migrations,
		private Capabilities $capabilities,
		private Lock $lock
	) {}

	public function register(): void {
		add_action( 'init', array( $this, 'maybe_install' ), 1 );
		// After WordPress has made a new site's own tables (priority 10).
		add_action( 'wp_initialize_site', array( $this, 'initialize_site' ), 20 );
		add_filter( 'wpmu_drop_tables', array( $this, 'drop_tables_with_site' ), 10, 2 );
	}

	/**
	 * Installs when anything is out of date. The check reads one autoloaded option. After a failure
	 * only wp-admin requests retry, so a broken database does not slow every storefront page.
	 */
	public function maybe_install(): void {
		if ( ! $this->is_current() && ( is_admin() || ! get_option( self::ERROR_OPTION ) ) ) {
			$this->install();
		}
	}

	public function is_current(): bool {
		$state = $this->stored_state();
		foreach ( $this->tables as $table ) {
			if ( ( $state['tables'][ $table->table_name() ] ?? 0 ) < $table->schema_version() ) {
				return false;
			}
		}
		return $state['capabilities'] >= Capabilities::VERSION && ! array_diff( array_keys( $this->migrations ), $state['migrations'] );
	}

	/**
	 * @return string `installed`, `current`, `locked` (another request is installing), `partial`
	 *                (a migration will resume later) or `failed`.
	 */
	public function install(): string {
		if ( $this->is_current() ) {
			return 'current';
		}
		$lock = $this->lock->acquire( self::LOCK_OPTION, self::LOCK_TTL );
		if ( null === $lock ) {
			return 'locked';
		}
		try {
			// Another request may have finished while we waited for the lock.
			wp_cache_delete( 'alloptions', 'options' );
			wp_cache_delete( self::STATE_OPTION, 'options' );
			$state  = $this->stored_state();
			$result = $this->update_tables( $state ) && $this->update_capabilities( $state ) && $this->run_migrations( $state );
			update_option( self::STATE_OPTION, $state, true );
			if ( ! $result ) {
				return get_option( self::ERROR_OPTION ) ? 'failed' : 'partial';
			}
			delete_option( self::ERROR_OPTION );
			return 'installed';
		} finally {
			$this->lock->release( self::LOCK_OPTION, $lock );
		}
	}

	/**
	 * Activation: this site, or every site of the network when network-activated.
	 */
	public function activate( bool $network_wide ): void {
		if ( ! is_multisite() || ! $network_wide ) {
			$this->install();
			return;
		}
		foreach ( get_sites( array( 'fields' => 'ids', 'number' => 0 ) ) as $site_id ) {
			switch_to_blog( (int) $site_id );
			$this->install();
			restore_current_blog();
		}
	}

	/**
	 * A site created after network activation gets its own tables at once.
	 */
	public function initialize_site( \WP_Site $site ): void {
		if ( ! function_exists( 'is_plugin_active_for_network' ) ) {
			require_once ABSPATH . 'wp-admin/includes/plugin.php';
		}
		if ( is_plugin_active_for_network( plugin_basename( AFTERCARE_FILE ) ) ) {
			switch_to_blog( (int) $site->blog_id );
			$this->install();
			restore_current_blog();
		}
	}

	/**
	 * Deleting a site deletes its Aftercare tables too.
	 *
	 * @param string[] $tables  Tables WordPress will drop.
	 * @param int      $site_id Site being deleted.
	 * @return string[]
	 */
	public function drop_tables_with_site( array $tables, int $site_id ): array {
		$prefix = $this->wpdb->get_blog_prefix( $site_id );
		foreach ( $this->tables as $table ) {
			$tables[] = $prefix . 'aftercare_' . $table->table_name();
		}
		return $tables;
	}

	/**
	 * Full names of this site's tables, for uninstall and diagnostics.
	 *
	 * @return string[]
	 */
	public function table_names(): array {
		return array_map( fn( Table $table ): string => $this->wpdb->prefix . 'aftercare_' . $table->table_name(), $this->tables );
	}

	/**
	 * @return array{tables: array<string, int>, capabilities: int, migrations: string[]}
	 */
	private function stored_state(): array {
		$state = get_option( self::STATE_OPTION );
		$state = is_array( $state ) ? $state : array();
		return array(
			'tables'       => array_map( 'intval', (array) ( $state['tables'] ?? array() ) ),
			'capabilities' => (int) ( $state['capabilities'] ?? 0 ),
			'migrations'   => array_values( array_map( 'strval', (array) ( $state['migrations'] ?? array() ) ) ),
		);
	}

	/**
	 * @param array{tables: array<string, int>, capabilities: int, migrations: string[]} $state Updated in place.
	 */
	private function update_tables( array &$state ): bool {
		$stale = array_filter( $this->tables, fn( Table $table ): bool => ( $state['tables'][ $table->table_name() ] ?? 0 ) < $table->schema_version() );
		if ( ! $stale ) {
			return true;
		}
		require_once ABSPATH . 'wp-admin/includes/upgrade.php';
		$collate = $this->wpdb->get_charset_collate();
		foreach ( $stale as $table ) {
			$name = $this->wpdb->prefix . 'aftercare_' . $table->table_name();
			dbDelta( $table->schema( $name, $collate ) );
			if ( $this->wpdb->get_var( $this->wpdb->prepare( 'SHOW TABLES LIKE %s', $this->wpdb->esc_like( $name ) ) ) !== $name ) {
				return $this->fail( sprintf( 'Table %s could not be created: %s', $name, $this->wpdb->last_error ) );
			}
			$state['tables'][ $table->table_name() ] = $table->schema_version();
		}
		return true;
	}

	/**
	 * @param array{tables: array<string, int>, capabilities: int, migrations: string[]} $state Updated in place.
	 */
	private function update_capabilities( array &$state ): bool {
		if ( $state['capabilities'] < Capabilities::VERSION ) {
			$this->capabilities->sync();
			$state['capabilities'] = Capabilities::VERSION;
		}
		return true;
	}

	/**
	 * @param array{tables: array<string, int>, capabilities: int, migrations: string[]} $state Updated in place.
	 */
	private function run_migrations( array &$state ): bool {
		foreach ( $this->migrations as $id => $migration ) {
			if ( in_array( $id, $state['migrations'], true ) ) {
				continue;
			}
			try {
				if ( ! $migration() ) {
					return false;
				}
			} catch ( \Throwable $error ) {
				return $this->fail( sprintf( 'Migration %s failed: %s', $id, $error->getMessage() ) );
			}
			$state['migrations'][] = $id;
			// Saved after each step, so a request that dies later never repeats a finished migration.
			update_option( self::STATE_OPTION, $state, true );
		}
		return true;
	}

	private function fail( string $message ): bool {
		update_option( self::ERROR_OPTION, $message, false );
		error_log( 'Aftercare: ' . $message ); // phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_error_log -- a failed install must reach the server log.
		return false;
	}
}
