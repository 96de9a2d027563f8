<?php
/**
 * GuestToken: the header or the `token` parameter (the header wins), nothing else counts as a
 * token, and the routes' argument refuses what no token looks like.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Http;

use Aftercare\Http\GuestToken;
use Aftercare\Tests\TestCase;

final class GuestTokenTest extends TestCase {

	/**
	 * @param array<string, mixed>  $params  Query parameters.
	 * @param array<string, string> $headers Headers.
	 */
	private function request( array $params, array $headers = array() ): \WP_REST_Request {
		$request = new \WP_REST_Request( 'GET', '/aftercare/v1/tickets/1' );
		$request->set_query_params( $params );
		$request->set_headers( $headers );
		return $request;
	}

	public function test_the_header_or_the_parameter_carries_it_and_the_header_wins(): void {
		$this->assertSame( 'from-header', GuestToken::from( $this->request( array(), array( GuestToken::HEADER => 'from-header' ) ) ) );
		$this->assertSame( 'from-param', GuestToken::from( $this->request( array( GuestToken::PARAM => 'from-param' ) ) ) );
		$this->assertSame(
			'from-header',
			GuestToken::from( $this->request( array( GuestToken::PARAM => 'from-param' ), array( 'x-aftercare-token' => 'from-header' ) ) )
		);
	}

	public function test_no_token_or_one_that_is_not_a_string_is_none(): void {
		$this->assertSame( '', GuestToken::from( $this->request( array() ) ) );
		$this->assertSame( '', GuestToken::from( $this->request( array( GuestToken::PARAM => array( 'a', 'b' ) ) ) ) );
	}

	public function test_a_route_refuses_a_token_longer_than_any_issued(): void {
		$response = $this->rest( 'GET', '/aftercare/v1/tickets/1', array( GuestToken::PARAM => str_repeat( 'a', 65 ) ) );
		$this->assertErrorCode( 'rest_invalid_param', $response, 400 );
		$this->assertSame( 64, GuestToken::arg()['maxLength'] );
	}
}
