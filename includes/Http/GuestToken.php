<?php
/**
 * A guest's access token on the routes that let one read or answer a ticket or a return without
 * an account: sent as the X-Aftercare-Token header or the `token` parameter.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Http;

final class GuestToken {

	public const HEADER = 'X-Aftercare-Token';

	/** The query or body parameter a link or a no-JS form carries it in. */
	public const PARAM = 'token';

	/**
	 * The `token` argument of a route guests may use.
	 *
	 * @return array<string, mixed>
	 */
	public static function arg(): array {
		return array(
			'description' => __( 'Guests: the ticket\'s access token (or send the X-Aftercare-Token header).', 'aftercare' ),
			'type'        => 'string',
			'maxLength'   => 64,
		);
	}

	/**
	 * The token a request carries ('' for none); the header wins over the parameter.
	 */
	public static function from( \WP_REST_Request $request ): string {
		$token = $request->get_header( self::HEADER ) ?? $request->get_param( self::PARAM );
		return is_string( $token ) ? $token : '';
	}
}
