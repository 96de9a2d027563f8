<?php
/**
 * Signed access for people without an account (a guest's ticket or return): random 192-bit
 * tokens, stored only as a keyed hash, compared in constant time, each with an expiry. A token
 * sent by mail is marked so: using it proves the person reads that mailbox, which
 * `aftercare_mailed_link_opened` ( $object_type, $object_id ) announces.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Infrastructure;

use Aftercare\Infrastructure\Database\Table;

final class AccessTokens implements Table {

	public const TTL = 90 * DAY_IN_SECONDS;

	public function __construct( private \wpdb $wpdb, private Clock $clock ) {}

	public function table_name(): string {
		return 'access_tokens';
	}

	public function schema_version(): int {
		return 2;
	}

	public function schema( string $table, string $collate ): string {
		return "CREATE TABLE {$table} (
  token_hash char(64) NOT NULL,
  object_type varchar(20) NOT NULL,
  object_id bigint(20) unsigned NOT NULL,
  expires_at bigint(20) unsigned NOT NULL,
  mailed tinyint(1) unsigned NOT NULL DEFAULT 0,
  PRIMARY KEY  (token_hash),
  KEY object (object_type,object_id)
) {$collate};";
	}

	private function table(): string {
		return $this->wpdb->prefix . 'aftercare_access_tokens';
	}

	/**
	 * A new token for the object; the caller shows or mails it once, it is never stored in clear.
	 *
	 * @param bool $mailed Whether it goes only to the object's email address (not shown on a page).
	 */
	public function issue( string $object_type, int $object_id, bool $mailed = false ): string {
		// phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_encode -- URL-safe token text.
		$token = rtrim( strtr( base64_encode( random_bytes( 24 ) ), '+/', '-_' ), '=' );
		$this->wpdb->insert(
			$this->table(),
			array(
				'token_hash'  => $this->hash( $token ),
				'object_type' => $object_type,
				'object_id'   => $object_id,
				'expires_at'  => $this->clock->now() + self::TTL,
				'mailed'      => $mailed ? 1 : 0,
			)
		);
		return $token;
	}

	public function verify( string $object_type, int $object_id, string $token ): bool {
		if ( ! preg_match( '/^[A-Za-z0-9_-]{32}$/', $token ) ) {
			return false;
		}
		$hash = $this->hash( $token );
		$row  = $this->wpdb->get_row(
			// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
			$this->wpdb->prepare( "SELECT token_hash, object_type, object_id, expires_at, mailed FROM {$this->table()} WHERE token_hash = %s", $hash )
		);
		$valid = $row
			&& hash_equals( (string) $row->token_hash, $hash )
			&& $row->object_type === $object_type
			&& (int) $row->object_id === $object_id
			&& (int) $row->expires_at > $this->clock->now();
		if ( $valid && (int) $row->mailed ) {
			do_action( 'aftercare_mailed_link_opened', $object_type, $object_id );
		}
		return $valid;
	}

	/**
	 * Every token of an object stops working (e.g. when the person's data is erased).
	 */
	public function revoke( string $object_type, int $object_id ): void {
		$this->wpdb->delete( $this->table(), array( 'object_type' => $object_type, 'object_id' => $object_id ) );
	}

	private function hash( string $token ): string {
		return hash_hmac( 'sha256', $token, wp_salt( 'auth' ) );
	}
}
