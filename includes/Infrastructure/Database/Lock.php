<?php
/**
 * A named lock that holds across requests and web nodes on MariaDB/MySQL and SQLite alike: one
 * row in the options table, taken with an atomic INSERT IGNORE (the unique option name lets only
 * one request in). Its value starts with the expiry time, so a lock left by a request that died
 * is taken over once it expires. Used outside transactions: the row must be visible to others.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Infrastructure\Database;

use Aftercare\Infrastructure\Clock;

final class Lock {

	public function __construct( private \wpdb $wpdb, private Clock $clock ) {}

	/**
	 * Takes the lock if it is free (or expired).
	 *
	 * @param string $name Option name of the lock.
	 * @param int    $ttl  Seconds after which a holder is presumed dead.
	 * @return string|null The lock's value, needed to release it; null when another request holds it.
	 */
	public function acquire( string $name, int $ttl ): ?string {
		$now   = $this->clock->now();
		$value = sprintf( '%d.%s', $now + $ttl, wp_generate_password( 12, false ) );
		$taken = $this->wpdb->query(
			$this->wpdb->prepare( "INSERT IGNORE INTO {$this->wpdb->options} (option_name, option_value, autoload) VALUES (%s, %s, 'off')", $name, $value )
		);
		if ( ! $taken ) {
			// Expiry is the value's leading timestamp; equal-length digits compare correctly as strings.
			$taken = $this->wpdb->query(
				$this->wpdb->prepare( "UPDATE {$this->wpdb->options} SET option_value = %s WHERE option_name = %s AND option_value < %s", $value, $name, (string) $now )
			);
		}
		return $taken ? $value : null;
	}

	/**
	 * Takes the lock, waiting up to $timeout seconds for its holder to let go.
	 *
	 * @return string|null As acquire(); null when the holder kept it for the whole wait.
	 */
	public function wait( string $name, int $ttl, float $timeout ): ?string {
		$until = microtime( true ) + $timeout;
		// phpcs:ignore Generic.CodeAnalysis.AssignmentInCondition.FoundInWhileCondition, WordPress.CodeAnalysis.AssignmentInCondition.FoundInWhileCondition
		while ( null === ( $value = $this->acquire( $name, $ttl ) ) && microtime( true ) < $until ) {
			usleep( 50000 );
		}
		return $value;
	}

	/**
	 * Lets go of a lock this request holds (a taken-over lock, with another value, stays).
	 */
	public function release( string $name, string $value ): void {
		$this->wpdb->delete(
			$this->wpdb->options,
			array(
				'option_name'  => $name,
				'option_value' => $value,
			)
		);
	}
}
