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
	 * The file's lasting address, as a message body stores it (an email's inline image). It opens
	 * nothing by itself in a browser: sign_in() turns it into the viewer's signed link on display.
	 */
	public static function address( int $file_id ): string {
		return rest_url( 'aftercare/v1/attachments/' . $file_id );
	}

	/**
	 * A message body with the lasting addresses of its own files replaced by the viewer's signed
	 * links; any other address is left as it is (and opens nothing without credentials).
	 *
	 * @param Attachment[] $files The message's files.
	 */
	public function sign_in( string $body, array $files ): string {
		if ( ! $files || ! str_contains( $body, 'aftercare/v1/attachments/' ) ) {
			return $body;
		}
		$links = array();
		foreach ( $files as $file ) {
			$links[ self::address( $file->id ) ] = $this->url( $file );
		}
		return (string) preg_replace_callback(
			'/\shref="([^"]*)"/',
			static function ( array $match ) use ( $links ): string {
				$url = html_entity_decode( $match[1], ENT_QUOTES | ENT_HTML5 );
				return isset( $links[ $url ] ) ? ' href="' . esc_url( $links[ $url ] ) . '"' : $match[0];
			},
			$body
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
