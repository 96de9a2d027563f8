<?php
/**
 * Nothing personal is cached: one rule for every aftercare/v1 answer and every storefront page
 * that shows a person's tickets, orders or returns, with WordPress's own no-cache headers (so one
 * Cache-Control everywhere, and the `nocache_headers` filter changes all of them). A guest's help
 * search, which depends on the query alone, is the one answer that opts out.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Http;

use Aftercare\Infrastructure\Registrable;
use Aftercare\Rest\AbstractController;

final class CachePolicy implements Registrable {

	/** How cache_publicly() starts the Cache-Control it writes, so the rule can tell it apart. */
	private const PUBLIC_PREFIX = 'public, max-age=';

	public function register(): void {
		add_filter( 'rest_request_after_callbacks', array( $this, 'private_answer' ), 10, 3 );
	}

	/**
	 * Marks an aftercare/v1 answer private and uncacheable, errors from argument validation and
	 * permission checks included (those never reach the handlers), unless its handler chose
	 * cache_publicly().
	 *
	 * @param \WP_REST_Response|\WP_Error|mixed $response Response.
	 * @param array<string, mixed>             $handler  Matched handler.
	 * @param \WP_REST_Request|mixed           $request  Request.
	 * @return \WP_REST_Response|mixed
	 */
	public function private_answer( $response, $handler, $request ) {
		if ( ! $request instanceof \WP_REST_Request || ! str_starts_with( $request->get_route() . '/', '/' . AbstractController::NAMESPACE . '/' ) ) {
			return $response;
		}
		$response = is_wp_error( $response ) ? rest_convert_error_to_response( $response ) : rest_ensure_response( $response );
		if ( str_starts_with( (string) ( $response->get_headers()['Cache-Control'] ?? '' ), self::PUBLIC_PREFIX ) ) {
			return $response;
		}
		foreach ( wp_get_nocache_headers() as $name => $value ) {
			if ( $value ) {
				$response->header( $name, (string) $value );
			}
		}
		return $response;
	}

	/**
	 * The explicit opt-out: an answer that is the same for everyone may be kept by browsers and
	 * shared caches for $seconds.
	 */
	public static function cache_publicly( \WP_REST_Response $response, int $seconds ): \WP_REST_Response {
		$response->header( 'Cache-Control', self::PUBLIC_PREFIX . $seconds );
		return $response;
	}

	/**
	 * Before any output of a personal storefront page (a thread, an order, a return, My
	 * Account): never cached, and its URL (which may carry a guest's token) is neither sent on as
	 * a referrer nor indexed.
	 */
	public static function private_page(): void {
		if ( headers_sent() ) {
			return;
		}
		nocache_headers();
		header( 'Referrer-Policy: no-referrer' );
		header( 'X-Robots-Tag: noindex, nofollow' );
	}
}
