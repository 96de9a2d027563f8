<?php
/**
 * Shared actors and helpers of the ticket route tests: a guest, a guest with the ticket's token,
 * customers A and B, an agent, a supervisor (shop manager) and an administrator.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Rest\Tickets;

use Aftercare\Tests\TestCase;

abstract class TicketRestTestCase extends TestCase {

	protected \WP_User $customer_a;

	protected \WP_User $customer_b;

	protected \WP_User $agent;

	protected \WP_User $supervisor;

	protected \WP_User $admin;

	protected function setUp(): void {
		parent::setUp();
		$this->customer_a = $this->user( 'subscriber' );
		$this->customer_b = $this->user( 'subscriber' );
		$this->agent      = $this->user( 'aftercare_agent' );
		$this->supervisor = $this->user( 'administrator' );
		$this->admin      = $this->user( 'administrator' );
		$this->supervisor->remove_role( 'administrator' );
		$this->supervisor->add_role( 'editor' );
		foreach ( \Aftercare\Infrastructure\Capabilities::SUPERVISOR as $cap ) {
			$this->supervisor->add_cap( $cap );
		}
	}

	/**
	 * A guest's ticket through the public route.
	 *
	 * @param array<string, mixed> $params Overrides.
	 * @return array<string, mixed> The response data (with access_token).
	 */
	protected function guest_ticket( array $params = array() ): array {
		$response = $this->rest(
			'POST',
			'/aftercare/v1/tickets',
			$params + array(
				'name'    => 'Gwen Guest',
				'email'   => 'gwen' . wp_rand() . '@example.test',
				'subject' => 'Where is my parcel?',
				'message' => 'It has been a week.',
			)
		);
		$this->assertSame( 201, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		return $response->get_data();
	}

	/**
	 * A customer's ticket through the route.
	 *
	 * @return array<string, mixed>
	 */
	protected function customer_ticket( \WP_User $customer, array $params = array() ): array {
		$response = $this->rest(
			'POST',
			'/aftercare/v1/tickets',
			$params + array(
				'subject' => 'Wrong size',
				'message' => 'Can I swap it?',
			),
			$customer->ID
		);
		$this->assertSame( 201, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		return $response->get_data();
	}

	/**
	 * Dispatches with a guest token in the X-Aftercare-Token header.
	 *
	 * @param array<string, mixed> $params Body or query.
	 */
	protected function as_guest( string $method, string $path, string $token, array $params = array() ): \WP_REST_Response {
		wp_set_current_user( 0 );
		$request = new \WP_REST_Request( $method, $path );
		$request->set_header( 'X-Aftercare-Token', $token );
		if ( 'GET' === $method ) {
			$request->set_query_params( $params );
		} else {
			$request->set_header( 'Content-Type', 'application/json' );
			$request->set_body( (string) wp_json_encode( $params ) );
		}
		return rest_get_server()->dispatch( $request );
	}

	protected function count_rows( string $table ): int {
		global $wpdb;
		return (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$wpdb->prefix}aftercare_{$table}" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
	}

	/**
	 * Row counts of every ticket table, to prove a refused request wrote nothing.
	 *
	 * @return array<string, int>
	 */
	protected function snapshot(): array {
		$counts = array();
		foreach ( array( 'tickets', 'messages', 'events', 'ticket_tags', 'attachments', 'access_tokens' ) as $table ) {
			$counts[ $table ] = $this->count_rows( $table );
		}
		return $counts;
	}
}
