<?php
/**
 * Shared actors and helpers of the ticket route tests: a guest, a guest with the ticket's token,
 * customers A and B, an agent, a supervisor (shop manager) and an administrator.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Tickets\Rest;

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
	 * An order of $user's on the site's order adapter (WooCommerce or the test one), shipped
	 * with UPS tracking.
	 *
	 * @param array<string, mixed> $spec Overrides.
	 */
	protected function order_of( \WP_User $user, array $spec = array() ): \Aftercare\Orders\Order {
		$orders = \Aftercare\Tests\Orders\SiteOrders::factory();
		$order  = $orders->source()->find(
			$orders->create(
				$spec + array(
					'status'      => 'processing',
					'customer_id' => $user->ID,
					'email'       => $user->user_email,
					'name'        => $user->display_name,
					'total'       => 89.5,
					'paid'        => time(),
					'items'       => array(
						array(
							'name'     => 'Wool sweater',
							'quantity' => 1,
							'total'    => 89.5,
						),
					),
					'meta'        => array(
						'_aftercare_tracking' => array(
							array(
								'carrier' => 'UPS',
								'number'  => '1Z999AA10123456784',
								'shipped' => time(),
							),
						),
					),
				)
			)
		);
		$this->assertNotNull( $order );
		return $order;
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
		return $this->rest( $method, $path, $params, 0, array( 'X-Aftercare-Token' => $token ) );
	}

	public const ACTORS = array( 'guest', 'guest_token', 'guest_wrong_token', 'guest_expired_token', 'customer_a', 'customer_b', 'agent', 'supervisor', 'admin' );

	/**
	 * Dispatches as one of ACTORS. Token actors use $token (the ticket's), a made-up one, or an
	 * expired token of the same ticket.
	 *
	 * @param array<string, mixed> $params Body or query.
	 */
	protected function as_actor(
		string $actor,
		string $method,
		string $path,
		array $params = array(),
		string $token = '',
		int $ticket_id = 0
	): \WP_REST_Response {
		switch ( $actor ) {
			case 'guest':
				return $this->rest( $method, $path, $params );
			case 'guest_token':
				return $this->as_guest( $method, $path, $token, $params );
			case 'guest_wrong_token':
				// Change the first character to another one, so the token is always wrong.
				return $this->as_guest( $method, $path, ( str_starts_with( $token, 'x' ) ? 'y' : 'x' ) . substr( $token, 1 ), $params );
			case 'guest_expired_token':
				$expired = (
					new \Aftercare\Infrastructure\AccessTokens(
						$GLOBALS['wpdb'],
						new \Aftercare\Tests\FixedClock( time() - \Aftercare\Infrastructure\AccessTokens::TTL - 60 )
					)
				)->issue(
					'ticket',
					$ticket_id
				);
				return $this->as_guest( $method, $path, $expired, $params );
			default:
				return $this->rest( $method, $path, $params, $this->{$actor}->ID );
		}
	}

	/**
	 * Each actor's expected status, by exception: guests 401, customers 403 and $agents for the
	 * agent, the supervisor and the administrator, unless $except says otherwise.
	 *
	 * @param array<string, int> $except Statuses of particular actors.
	 * @return array<string, int>
	 */
	protected static function statuses( int $agents, array $except = array() ): array {
		$default = array_fill_keys( array( 'guest', 'guest_token', 'guest_wrong_token', 'guest_expired_token' ), 401 )
			+ array_fill_keys( array( 'customer_a', 'customer_b' ), 403 )
			+ array_fill_keys( array( 'agent', 'supervisor', 'admin' ), $agents );
		// An actor that does not exist lands last, so assertStatuses() refuses it.
		return array_replace( $default, $except );
	}

	/**
	 * Asserts each actor's status for one request.
	 *
	 * @param array<string, int>   $expected Status per actor (all of ACTORS).
	 * @param array<string, mixed> $params   Body or query.
	 */
	protected function assertStatuses( array $expected, string $method, string $path, array $params = array(), string $token = '', int $ticket_id = 0 ): void {
		$this->assertSame( self::ACTORS, array_keys( $expected ), 'every actor is checked' );
		foreach ( $expected as $actor => $status ) {
			$response = $this->as_actor( $actor, $method, $path, $params, $token, $ticket_id );
			$this->assertSame( $status, $response->get_status(), "{$actor}: {$method} {$path} " . wp_json_encode( $response->get_data() ) );
		}
	}

	/**
	 * A multipart request with uploaded files (PHP's `attachments[]` shape).
	 *
	 * @param array<string, mixed>           $params Body fields.
	 * @param array<int, array{0: string, 1: string}> $files  File name and contents.
	 */
	protected function multipart( string $path, array $params, array $files, int $user_id = 0, string $token = '' ): \WP_REST_Response {
		wp_set_current_user( $user_id );
		$request = new \WP_REST_Request( 'POST', $path );
		$request->set_body_params( $params );
		if ( '' !== $token ) {
			$request->set_header( 'X-Aftercare-Token', $token );
		}
		$field = array(
			'name'     => array(),
			'tmp_name' => array(),
			'size'     => array(),
			'error'    => array(),
			'type'     => array(),
		);
		foreach ( $files as list( $name, $contents ) ) {
			$tmp = (string) tempnam( get_temp_dir(), 'aftercare' );
			file_put_contents( $tmp, $contents ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_file_put_contents
			$field['name'][]     = $name;
			$field['tmp_name'][] = $tmp;
			$field['size'][]     = strlen( $contents );
			$field['error'][]    = UPLOAD_ERR_OK;
			$field['type'][]     = 'image/jpeg'; // What a browser claims; never trusted.
		}
		$request->set_file_params( array( 'attachments' => $field ) );
		return rest_get_server()->dispatch( $request );
	}

	/** A real 1×1 PNG. */
	protected static function png(): string {
		// phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_decode
		return (string) base64_decode( 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==' );
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
