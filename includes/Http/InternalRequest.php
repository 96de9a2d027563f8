<?php
/**
 * A REST request made inside the current request, as the current visitor: the storefront's
 * no-JS forms and My Account pages go through the same routes as the block scripts, so
 * permissions, validation, rate limits and idempotency have one home.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Http;

final class InternalRequest {

	/**
	 * Dispatches a request and returns its status and data (an error's data holds its `message`).
	 *
	 * @param array<string, mixed> $params Query parameters for GET, body parameters otherwise.
	 * @param array<string, mixed> $files  Uploads as in $_FILES (empty file inputs and all:
	 *                                     Uploads::from() leaves those out on the route's side).
	 * @return array{status: int, data: array<mixed>}
	 */
	public static function dispatch( string $method, string $route, array $params, array $files = array() ): array {
		$request = new \WP_REST_Request( $method, $route );
		if ( 'GET' === $method ) {
			$request->set_query_params( $params );
		} else {
			$request->set_body_params( $params );
			$request->set_file_params( $files );
		}
		$response = rest_do_request( $request );
		$data     = rest_get_server()->response_to_data( $response, false );
		return array(
			'status' => $response->get_status(),
			'data'   => is_array( $data ) ? $data : array(),
		);
	}

	/**
	 * An answer's message for people: the route's own words for a refusal, never anything
	 * internal (a server error gets a generic apology).
	 *
	 * @param array{status: int, data: array<mixed>} $answer From dispatch().
	 */
	public static function error_message( array $answer ): string {
		$message = $answer['data']['message'] ?? '';
		return is_string( $message ) && '' !== $message && $answer['status'] < 500 ? $message : __( 'Something went wrong. Please try again.', 'aftercare' );
	}
}
