<?php
/**
 * Fixed-window counters kept in the database, so an object-cache flush or a second web node
 * can never reset a limit. Keys are hashed: no IP address or email is stored.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Infrastructure;

use Aftercare\Infrastructure\Database\Table;

final class RateLimiter implements Table {

	public function __construct( private \wpdb $wpdb, private Clock $clock ) {}

	public function table_name(): string {
		return 'rate_limits';
	}

	public function schema_version(): int {
		return 1;
	}

	public function schema( string $table, string $collate ): string {
		return "CREATE TABLE {$table} (
  bucket_key char(64) NOT NULL,
  hits int(10) unsigned NOT NULL DEFAULT 0,
  window_ends bigint(20) unsigned NOT NULL DEFAULT 0,
  PRIMARY KEY  (bucket_key),
  KEY window_ends (window_ends)
) {$collate};";
	}

	/**
	 * Counts one attempt in the window and says whether it was allowed.
	 *
	 * @param string $bucket What is limited, e.g. `order_lookup_ip`.
	 * @param string $key    Who is limited, e.g. the IP address.
	 * @param int    $limit  Attempts allowed per window.
	 * @param int    $window Window length in seconds.
	 * @return int 0 when allowed, otherwise the seconds until the window ends (for Retry-After).
	 */
	public function hit( string $bucket, string $key, int $limit, int $window ): int {
		$row = $this->increment( $bucket, $key, $window );
		return ( (int) $row->hits > $limit ) ? max( 1, (int) $row->window_ends - $this->clock->now() ) : 0;
	}

	/**
	 * Spends an amount (e.g. bytes uploaded) from a budget per window, only when it fits: a refused
	 * amount spends nothing, so a smaller one may still pass.
	 *
	 * @param string $bucket What is limited, e.g. `attachment_bytes`.
	 * @param string $key    Who is limited.
	 * @param int    $amount What this attempt costs.
	 * @param int    $budget What a window allows.
	 * @param int    $window Window length in seconds.
	 * @return int 0 when spent, otherwise the seconds until the window ends (for Retry-After).
	 */
	public function spend( string $bucket, string $key, int $amount, int $budget, int $window ): int {
		$table = $this->table();
		$hash  = $this->hash( $bucket, $key );
		$now   = $this->clock->now();
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name.
		$this->wpdb->query( $this->wpdb->prepare( "INSERT IGNORE INTO {$table} (bucket_key, hits, window_ends) VALUES (%s, 0, 0)", $hash ) );
		// The condition and the change are one UPDATE, so concurrent requests cannot overspend together.
		$spent = $this->wpdb->query(
			$this->wpdb->prepare(
				"UPDATE {$table} SET hits = CASE WHEN window_ends <= %d THEN %d ELSE hits + %d END, window_ends = CASE WHEN window_ends <= %d THEN %d ELSE window_ends END WHERE bucket_key = %s AND CASE WHEN window_ends <= %d THEN 0 ELSE hits END + %d <= %d", // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared,Generic.Files.LineLength.TooLong -- table name.
				$now,
				$amount,
				$amount,
				$now,
				$now + $window,
				$hash,
				$now,
				$amount,
				$budget
			)
		);
		if ( $spent ) {
			return 0;
		}
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name.
		$ends = (int) $this->wpdb->get_var( $this->wpdb->prepare( "SELECT window_ends FROM {$table} WHERE bucket_key = %s", $hash ) );
		return max( 1, ( $ends > $now ? $ends : $now + $window ) - $now );
	}

	/**
	 * Counts one failure. Reaching the limit locks the key out for a window from now, and each
	 * further lockout within $max_lockout doubles that (back-off), up to $max_lockout.
	 * Check retry_after() with the same limit before each attempt.
	 *
	 * @param string $bucket      What is limited, e.g. `order_lookup_ip`.
	 * @param string $key         Who is limited.
	 * @param int    $limit       Failures allowed per window.
	 * @param int    $window      Window (and first lockout) length in seconds.
	 * @param int    $max_lockout Longest lockout, and how long lockouts are remembered.
	 * @return int 0 while under the limit, otherwise the seconds the key is locked out.
	 */
	public function fail( string $bucket, string $key, int $limit, int $window, int $max_lockout = DAY_IN_SECONDS ): int {
		$row = $this->increment( $bucket, $key, $window );
		$now = $this->clock->now();
		if ( (int) $row->hits < $limit ) {
			return 0;
		}
		if ( (int) $row->hits > $limit ) {
			return max( 1, (int) $row->window_ends - $now );
		}
		$lockouts = (int) $this->increment( $bucket . ':lockouts', $key, $max_lockout )->hits;
		$lockout  = (int) min( $max_lockout, $window * ( 2 ** min( 20, max( 0, $lockouts - 1 ) ) ) );
		$table    = $this->table();
		$this->wpdb->query(
			$this->wpdb->prepare(
				// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name.
				"UPDATE {$table} SET window_ends = %d WHERE bucket_key = %s AND window_ends < %d",
				$now + $lockout,
				$this->hash( $bucket, $key ),
				$now + $lockout
			)
		);
		return max( $lockout, (int) $row->window_ends - $now );
	}

	/**
	 * Counts one attempt: resets an expired window, and returns the row after the change.
	 */
	private function increment( string $bucket, string $key, int $window ): object {
		$table = $this->table();
		$hash  = $this->hash( $bucket, $key );
		$now   = $this->clock->now();

		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name.
		$this->wpdb->query( $this->wpdb->prepare( "INSERT IGNORE INTO {$table} (bucket_key, hits, window_ends) VALUES (%s, 0, 0)", $hash ) );
		// One UPDATE both resets an expired window and counts the hit, so concurrent requests never lose a count.
		$this->wpdb->query(
			$this->wpdb->prepare(
				"UPDATE {$table} SET hits = CASE WHEN window_ends <= %d THEN 1 ELSE hits + 1 END, window_ends = CASE WHEN window_ends <= %d THEN %d ELSE window_ends END WHERE bucket_key = %s", // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared,Generic.Files.LineLength.TooLong -- table name.
				$now,
				$now,
				$now + $window,
				$hash
			)
		);
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name.
		$row = $this->wpdb->get_row( $this->wpdb->prepare( "SELECT hits, window_ends FROM {$table} WHERE bucket_key = %s", $hash ) );

		if ( 0 === wp_rand( 0, 99 ) ) {
			$this->purge();
		}
		return $row ? $row : (object) array(
			'hits'        => 0,
			'window_ends' => 0,
		);
	}

	/**
	 * Seconds until the key may try again, without counting an attempt.
	 */
	public function retry_after( string $bucket, string $key, int $limit ): int {
		$table = $this->table();
		$now   = $this->clock->now();
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name.
		$row   = $this->wpdb->get_row( $this->wpdb->prepare( "SELECT hits, window_ends FROM {$table} WHERE bucket_key = %s", $this->hash( $bucket, $key ) ) );
		if ( ! $row || (int) $row->window_ends <= $now || (int) $row->hits < $limit ) {
			return 0;
		}
		return (int) $row->window_ends - $now;
	}

	/**
	 * Forgets the key's attempts, e.g. after a success.
	 */
	public function clear( string $bucket, string $key ): void {
		$this->wpdb->delete( $this->table(), array( 'bucket_key' => $this->hash( $bucket, $key ) ), array( '%s' ) );
	}

	private function purge(): void {
		$table = $this->table();
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name.
		$this->wpdb->query( $this->wpdb->prepare( "DELETE FROM {$table} WHERE window_ends < %d", $this->clock->now() ) );
	}

	private function hash( string $bucket, string $key ): string {
		return hash_hmac( 'sha256', $bucket . '|' . $key, wp_salt( 'nonce' ) );
	}

	private function table(): string {
		return $this->wpdb->prefix . 'aftercare_' . $this->table_name();
	}
}
