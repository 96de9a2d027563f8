<?php
/**
 * The anonymous visitor id: made by the server (POST help/visitor) and signed with an HMAC, so
 * a browser can neither choose one nor make up new ones to vote again; the browser keeps it in a
 * first-party cookie and sends it with searches, clicks and votes, and the cookie is read when a
 * ticket is opened. Unsigned or forged ids are refused. Only an HMAC of it is ever stored, never
 * the id itself and never an IP address.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\HelpCenter;

use Aftercare\Infrastructure\DomainError;

final class Visitors {

	public const COOKIE = 'aftercare_visitor';

	/** A random id, a dot, its signature. */
	public const PATTERN = '^[0-9a-f]{32}\.[0-9a-f]{32}$';

	/**
	 * A new signed visitor id.
	 */
	public function issue(): string {
		$id = bin2hex( random_bytes( 16 ) );
		return $id . '.' . $this->signature( $id );
	}

	/**
	 * Whether the id is one this site issued.
	 */
	public function is_valid( string $visitor ): bool {
		if ( 1 !== preg_match( '/' . self::PATTERN . '/', $visitor ) ) {
			return false;
		}
		list( $id, $signature ) = explode( '.', $visitor );
		return hash_equals( $this->signature( $id ), $signature );
	}

	/**
	 * The id, when this site issued it.
	 *
	 * @throws DomainError 400 for an unsigned or forged id, whatever is wrong with it.
	 */
	public function verify( string $visitor ): string {
		if ( ! $this->is_valid( $visitor ) ) {
			throw DomainError::invalid(
				'invalid_visitor',
				__( 'This visitor id was not issued by the store. Reload the page and try again.', 'aftercare' ),
				array( 'params' => array( 'visitor' ) )
			);
		}
		return $visitor;
	}

	/**
	 * What is stored for a visitor id ('' for none or a forged one).
	 */
	public function hash( string $visitor ): string {
		return $this->is_valid( $visitor ) ? hash_hmac( 'sha256', 'visitor|' . strtok( $visitor, '.' ), wp_salt( 'nonce' ) ) : '';
	}

	/**
	 * The visitor id of the current request's cookie, or ''.
	 */
	public function from_request(): string {
		$visitor = isset( $_COOKIE[ self::COOKIE ] ) ? sanitize_text_field( wp_unslash( (string) $_COOKIE[ self::COOKIE ] ) ) : '';
		return $this->is_valid( $visitor ) ? $visitor : '';
	}

	private function signature( string $id ): string {
		return substr( hash_hmac( 'sha256', 'visitor-id|' . $id, wp_salt( 'nonce' ) ), 0, 32 );
	}
}
