<?php
/**
 * The signed link a guest's order lookup hands back: it opens that order's timeline (as a guest
 * sees it) for a day, and nothing else. Signed, not stored (`expiry.hmac`): a lookup writes
 * nothing more for it, and a day is short enough that it needs no revoking.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Orders;

use Aftercare\Infrastructure\Clock;

final class TimelineToken {

	public const TTL = DAY_IN_SECONDS;

	public function __construct( private Clock $clock ) {}

	public function issue( int $order_id ): string {
		$expires = $this->clock->now() + self::TTL;
		return $expires . '.' . $this->sign( $order_id, $expires );
	}

	public function verify( int $order_id, string $token ): bool {
		if ( ! preg_match( '/^(\d{1,12})\.([A-Za-z0-9_-]{43})$/', $token, $parts ) ) {
			return false;
		}
		return (int) $parts[1] > $this->clock->now() && hash_equals( $this->sign( $order_id, (int) $parts[1] ), $parts[2] );
	}

	private function sign( int $order_id, int $expires ): string {
		// phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_encode -- URL-safe token text.
		return rtrim( strtr( base64_encode( hash_hmac( 'sha256', 'order-timeline|' . $order_id . '|' . $expires, wp_salt( 'auth' ), true ) ), '+/', '-_' ), '=' );
	}
}
