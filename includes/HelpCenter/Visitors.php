<?php
/**
 * The anonymous visitor id: a random id the browser makes and keeps in a first-party cookie (and
 * localStorage), sent with searches, clicks and votes, and read from the cookie when a ticket is
 * opened. Only an HMAC of it is ever stored, never the id itself and never an IP address.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\HelpCenter;

final class Visitors {

	public const COOKIE = 'aftercare_visitor';

	public const PATTERN = '^[A-Za-z0-9-]{16,64}$';

	public function is_valid( string $visitor ): bool {
		return 1 === preg_match( '/' . self::PATTERN . '/', $visitor );
	}

	/**
	 * What is stored for a visitor id ('' for none).
	 */
	public function hash( string $visitor ): string {
		return $this->is_valid( $visitor ) ? hash_hmac( 'sha256', 'visitor|' . $visitor, wp_salt( 'nonce' ) ) : '';
	}

	/**
	 * The visitor id of the current request's cookie, or ''.
	 */
	public function from_request(): string {
		$visitor = isset( $_COOKIE[ self::COOKIE ] ) ? sanitize_text_field( wp_unslash( (string) $_COOKIE[ self::COOKIE ] ) ) : '';
		return $this->is_valid( $visitor ) ? $visitor : '';
	}
}
