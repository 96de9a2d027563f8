<?php
/**
 * A failure the caller can act on. The REST layer turns it into a WP_Error with the matching status.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Infrastructure;

final class DomainError extends \RuntimeException {

	/**
	 * @param string               $reason  Short snake_case reason; the REST error code is `aftercare_{reason}`.
	 * @param string               $message Translated, human message.
	 * @param int                  $status  HTTP status.
	 * @param array<string, mixed> $data    Extra data for the error response (never anything secret).
	 */
	private function __construct( public readonly string $reason, string $message, public readonly int $status, public readonly array $data = array() ) {
		parent::__construct( $message );
	}

	/**
	 * @param array<string, mixed> $data Extra data, e.g. `params` naming the invalid fields.
	 */
	public static function invalid( string $reason, string $message, array $data = array() ): self {
		return new self( $reason, $message, 400, $data );
	}

	public static function forbidden( string $reason, string $message ): self {
		return new self( $reason, $message, is_user_logged_in() ? 403 : 401 );
	}

	public static function not_found( string $reason, string $message ): self {
		return new self( $reason, $message, 404 );
	}

	public static function conflict( string $reason, string $message ): self {
		return new self( $reason, $message, 409 );
	}

	/**
	 * Something that worked once and no longer does (an expired link).
	 */
	public static function gone( string $reason, string $message ): self {
		return new self( $reason, $message, 410 );
	}

	public static function too_large( string $reason, string $message ): self {
		return new self( $reason, $message, 413 );
	}

	public static function throttled( string $message, int $retry_after ): self {
		return new self( 'throttled', $message, 429, array( 'retry_after' => $retry_after ) );
	}
}
