<?php
/**
 * Download links of attachments: short-lived and signed (HMAC of the file, the expiry and who
 * the link is for), so no REST nonce or guest access token ever sits in an address. A signed-in
 * viewer's link works only in their own login session (read from WordPress's logged_in cookie:
 * the REST API ignores cookies without a nonce, and a nonce in a URL is what this replaces); a
 * guest's link works for whoever holds it, until it expires.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tickets;

use Aftercare\Infrastructure\Clock;

final class AttachmentLinks {

	/** Seconds a signed-in viewer's link works: about as long as the REST nonce it replaces. */
	public const TTL_SIGNED_IN = 12 * HOUR_IN_SECONDS;

	/** Seconds a guest's link works: anyone holding it may open the file meanwhile. */
	public const TTL_GUEST = HOUR_IN_SECONDS;

	public function __construct( private Clock $clock ) {}

	/**
	 * A link for the current viewer (the caller has checked they may read the file).
	 */
	public function url( Attachment $file ): string {
		$user    = get_current_user_id();
		$expires = $this->clock->now() + ( $user ? self::TTL_SIGNED_IN : self::TTL_GUEST );
		return add_query_arg(
			array(
				'expires'   => $expires,
				'signature' => self::sign( $file->id, $expires, $user ? self::session( $user, wp_get_session_token() ) : 'guest' ),
			),
			rest_url( 'aftercare/v1/attachments/' . $file->id )
		);
	}

	/**
	 * Who a link was made for, when it is genuine, unexpired and (for a signed-in viewer) opened in
	 * their login session: the user id, 0 for a guest's link; null otherwise.
	 */
	public function viewer( int $file_id, int $expires, string $signature ): ?int {
		if ( $expires < $this->clock->now() || ! preg_match( '/^[0-9a-f]{64}$/', $signature ) ) {
			return null;
		}
		$user   = (int) wp_validate_auth_cookie( '', 'logged_in' );
		$cookie = $user ? wp_parse_auth_cookie( '', 'logged_in' ) : false;
		if ( is_array( $cookie ) && hash_equals( self::sign( $file_id, $expires, self::session( $user, (string) $cookie['token'] ) ), $signature ) ) {
			return $user;
		}
		return hash_equals( self::sign( $file_id, $expires, 'guest' ), $signature ) ? 0 : null;
	}

	private static function session( int $user_id, string $token ): string {
		return 'user:' . $user_id . ':' . $token;
	}

	private static function sign( int $file_id, int $expires, string $viewer ): string {
		return hash_hmac( 'sha256', implode( '|', array( 'aftercare-attachment', $file_id, $expires, $viewer ) ), wp_salt( 'auth' ) );
	}
}
