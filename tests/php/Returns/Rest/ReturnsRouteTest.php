<?php
/**
 * aftercare/v1/returns, /returns/{id}, /returns/{id}/messages and /returns/eligibility against
 * every actor: guest, guest with the link, customer A (the owner), customer B, agent,
 * supervisor and admin; hostile input; nothing written when refused.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Returns\Rest;

use Aftercare\Infrastructure\Capabilities;
use Aftercare\Orders\Order;
use Aftercare\Orders\OrderLookup;
use Aftercare\Tests\Returns\ReturnsTestCase;

/**
 * @group sqlite
 */
final class ReturnsRouteTest extends ReturnsTestCase {

	private const ROUTE = '/aftercare/v1/returns';

	private \WP_User $customer_a;

	private \WP_User $customer_b;

	private \WP_User $agent;

	private \WP_User $supervisor;

	private \WP_User $admin;

	protected function setUp(): void {
		parent::setUp();
		$this->customer_a = $this->user( 'subscriber' );
		$this->customer_b = $this->user( 'subscriber' );
		$this->agent      = $this->user( 'aftercare_agent' );
		$this->admin      = $this->user( 'administrator' );
		$this->supervisor = $this->user( 'editor' );
		foreach ( Capabilities::SUPERVISOR as $cap ) {
			$this->supervisor->add_cap( $cap );
		}
	}

	/**
	 * @return array<string, int> Actor name => user id (guests are 0).
	 */
	private function actors(): array {
		return array(
			'guest'      => 0,
			'customer A' => $this->customer_a->ID,
			'customer B' => $this->customer_b->ID,
			'agent'      => $this->agent->ID,
			'supervisor' => $this->supervisor->ID,
			'admin'      => $this->admin->ID,
		);
	}

	private function order_of_a(): Order {
		return $this->order(
			array(
				'customer_id' => $this->customer_a->ID,
				'email'       => $this->customer_a->user_email,
			)
		);
	}

	/**
	 * @param array<string, mixed> $params Extra parameters.
	 * @return array<string, mixed> The guest's request for the order's first line.
	 */
	private function guest_request( Order $order, array $params = array() ): array {
		return $params + array(
			'order_number' => $order->number,
			'email'        => 'GWEN@example.test',
		) + $this->input( $order );
	}

	private function with_token( string $method, string $path, string $token, array $params = array() ): \WP_REST_Response {
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

	public function test_a_guest_files_a_return_and_follows_the_link_that_only_opens_that_return(): void {
		$order    = $this->order();
		$response = $this->rest( 'POST', self::ROUTE, $this->guest_request( $order ) );
		$this->assertSame( 201, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		$data  = $response->get_data();
		$token = $data['access_token'];
		$this->assertMatchesRegularExpression( '/^R-\d+$/', $data['number'] );
		$this->assertSame( 'requested', $data['status'] );
		$this->assertStringContainsString( 'aftercare_return=' . $data['id'], $data['access_url'] );
		$this->assertArrayNotHasKey( 'ticket_id', $data, 'agents only' );
		$this->assertStringEndsWith( self::ROUTE . '/' . $data['id'], $response->get_headers()['Location'] );
		$this->assertSame( wp_get_nocache_headers()['Cache-Control'], $response->get_headers()['Cache-Control'] );

		$path  = self::ROUTE . '/' . $data['id'];
		$second = $this->order();
		$other  = $this->returns->create( $second, $this->input( $second ), 0 );
		$this->assertSame( 200, $this->with_token( 'GET', $path, $token )->get_status() );
		$this->assertSame( 200, $this->rest( 'GET', $path, array( 'token' => $token ) )->get_status(), 'or as a parameter' );
		$this->assertSame( 401, $this->rest( 'GET', $path )->get_status() );
		$this->assertSame( 401, $this->with_token( 'GET', $path, str_repeat( 'a', 32 ) )->get_status() );
		$this->assertSame( 401, $this->with_token( 'GET', self::ROUTE . '/' . $other['return']->id, $token )->get_status(), 'one link, one return' );
		$this->assertSame( 401, $this->with_token( 'GET', $path, $other['token'] )->get_status() );
		$this->assertSame( 401, $this->with_token( 'GET', self::ROUTE . '/999999', $token )->get_status(), 'a missing return looks like a forbidden one' );
		$this->assertSame( 401, $this->with_token( 'GET', self::ROUTE, $token )->get_status(), 'no list for guests' );
		$this->assertSame( 401, $this->with_token( 'PATCH', $path, $token, array( 'status' => 'approved' ) )->get_status() );

		$messages = $path . '/messages';
		$this->assertSame( 401, $this->rest( 'GET', $messages )->get_status() );
		$this->assertCount( 1, $this->with_token( 'GET', $messages, $token )->get_data() );
		$this->assertSame( 201, $this->with_token( 'POST', $messages, $token, array( 'body' => 'Any news?' ) )->get_status() );
		$this->assertSame( 401, $this->with_token( 'POST', $messages, $other['token'], array( 'body' => 'Not mine' ) )->get_status() );
		$this->assertErrorCode( 'aftercare_empty_message', $this->with_token( 'POST', $messages, $token, array( 'body' => '  ' ) ), 400 );
		$this->assertSame( 400, $this->with_token( 'POST', $messages, $token, array( 'body' => array( 'x' ) ) )->get_status() );
		$this->assertCount( 2, $this->with_token( 'GET', $messages, $token )->get_data() );

		$expected = array(
			'customer A' => 403,
			'customer B' => 403,
			'agent'      => 200,
			'supervisor' => 200,
			'admin'      => 200,
		);
		foreach ( $expected as $actor => $status ) {
			$read = $this->rest( 'GET', $path, array( 'context' => 'edit' ), $this->actors()[ $actor ] );
			$this->assertSame( 200 === $status ? 200 : 403, $read->get_status(), $actor );
			$this->assertSame( $status, $this->rest( 'GET', $messages, array(), $this->actors()[ $actor ] )->get_status(), $actor );
			if ( 200 === $status ) {
				$this->assertArrayHasKey( 'ticket_id', $read->get_data(), $actor );
			}
		}
	}

	public function test_guest_lookups_fail_uniformly_write_nothing_and_are_limited(): void {
		$order  = $this->order();
		$before = $this->rows();
		$wrong  = $this->rest( 'POST', self::ROUTE, $this->guest_request( $order, array( 'email' => 'other@example.test' ) ) );
		$none   = $this->rest( 'POST', self::ROUTE, $this->guest_request( $order, array( 'order_number' => '99999999' ) ) );
		$this->assertErrorCode( 'aftercare_order_not_found', $wrong, 404 );
		$this->assertSame( $wrong->get_data(), $none->get_data(), 'a wrong email and an unknown number look alike' );
		$this->assertSame( OrderLookup::not_found_message(), $wrong->get_data()['message'] );
		$this->assertErrorCode( 'aftercare_invalid_lookup', $this->rest( 'POST', self::ROUTE, $this->guest_request( $order, array( 'email' => '' ) ) ), 400 );
		for ( $i = 2; $i < OrderLookup::MAX_FAILURES; $i++ ) {
			$this->rest( 'POST', '/aftercare/v1/returns/eligibility', array( 'order_number' => $order->number, 'email' => 'x' . $i . '@example.test' ) );
		}
		$throttled = $this->rest( 'POST', self::ROUTE, $this->guest_request( $order ) );
		$this->assertErrorCode( 'aftercare_throttled', $throttled, 429 );
		$this->assertArrayHasKey( 'Retry-After', $throttled->get_headers() );
		$this->assertSame( $before, $this->rows() );
	}

	public function test_guests_are_limited_per_address(): void {
		$order = $this->order( array( 'items' => array( array( 'name' => 'Socks', 'quantity' => 50, 'total' => 50.0 ) ) ) );
		for ( $i = 0; $i < \Aftercare\Returns\Rest\ReturnsController::CREATE_LIMITS['ip']; $i++ ) {
			$this->assertSame( 201, $this->rest( 'POST', self::ROUTE, $this->guest_request( $order ) )->get_status() );
		}
		$this->assertErrorCode( 'aftercare_throttled', $this->rest( 'POST', self::ROUTE, $this->guest_request( $order ) ), 429 );
	}

	public function test_customers_return_from_their_own_orders_and_see_only_their_returns(): void {
		$order_a  = $this->order_of_a();
		$order_b  = $this->order( array( 'customer_id' => $this->customer_b->ID, 'email' => $this->customer_b->user_email ) );
		$created  = $this->rest( 'POST', self::ROUTE, array( 'order_id' => $order_a->id ) + $this->input( $order_a ), $this->customer_a->ID );
		$this->assertSame( 201, $created->get_status(), (string) wp_json_encode( $created->get_data() ) );
		$this->assertArrayNotHasKey( 'access_token', $created->get_data(), 'customers use their account' );
		$id     = $created->get_data()['id'];
		$before = $this->rows();
		$this->assertErrorCode(
			'aftercare_order_not_found',
			$this->rest( 'POST', self::ROUTE, array( 'order_id' => $order_a->id ) + $this->input( $order_a ), $this->customer_b->ID ),
			404
		);
		$this->assertErrorCode(
			'aftercare_order_not_found',
			$this->rest( 'POST', self::ROUTE, array( 'order_id' => 999999 ) + $this->input( $order_a ), $this->customer_b->ID ),
			404
		);
		$this->assertErrorCode( 'aftercare_missing_order', $this->rest( 'POST', self::ROUTE, $this->guest_request( $order_a ), $this->customer_b->ID ), 400 );
		$this->assertSame( $before, $this->rows() );
		$this->returns->create( $order_b, $this->input( $order_b ), $this->customer_b->ID );
		$guest_order = $this->order( array( 'email' => $this->customer_a->user_email ) );
		$this->returns->create( $guest_order, $this->input( $guest_order ), 0 );

		$mine = $this->rest( 'GET', self::ROUTE, array(), $this->customer_a->ID );
		$this->assertSame( 200, $mine->get_status() );
		$this->assertSame(
			array( $id ),
			array_column( $mine->get_data(), 'id' ),
			'neither B\'s returns nor a guest order\'s (which the link opens, not the account)'
		);
		$this->assertSame( 403, $this->rest( 'GET', self::ROUTE, array( 'context' => 'edit' ), $this->customer_a->ID )->get_status() );
		$this->assertSame( 401, $this->rest( 'GET', self::ROUTE )->get_status() );
		$this->assertSame( 200, $this->rest( 'GET', self::ROUTE . '/' . $id, array(), $this->customer_a->ID )->get_status() );
		$this->assertSame( 403, $this->rest( 'GET', self::ROUTE . '/' . $id, array(), $this->customer_b->ID )->get_status() );
		$this->assertSame(
			201,
			$this->rest( 'POST', self::ROUTE . '/' . $id . '/messages', array( 'body' => 'Label please' ), $this->customer_a->ID )->get_status()
		);
		$this->assertSame( 403, $this->rest( 'POST', self::ROUTE . '/' . $id . '/messages', array( 'body' => 'Not mine' ), $this->customer_b->ID )->get_status() );
		$this->assertSame( 403, $this->rest( 'PATCH', self::ROUTE . '/' . $id, array( 'status' => 'approved' ), $this->customer_a->ID )->get_status() );
		$this->assertSame( 'requested', $this->returns->get( $id )->status->value );
	}

	public function test_agents_work_the_queue_with_filters_and_the_state_machine(): void {
		$order = $this->order( array( 'items' => array( array( 'name' => 'Socks', 'quantity' => 10, 'total' => 50.0 ) ) ) );
		$size  = $this->returns->create( $order, $this->input( $order, array( array( 0, 1, 'size' ) ) ), 0 )['return'];
		$mind  = $this->returns->create( $order, $this->input( $order, array( array( 0, 1, 'changed_mind' ) ), array( 'outcome' => 'store_credit' ) ), 0 )['return'];
		foreach ( array( 'agent', 'supervisor', 'admin' ) as $actor ) {
			$all = $this->rest( 'GET', self::ROUTE, array( 'context' => 'edit' ), $this->actors()[ $actor ] );
			$this->assertSame( 200, $all->get_status(), $actor );
			$this->assertSame( '2', (string) $all->get_headers()['X-WP-Total'], $actor );
		}
		$agent = $this->agent->ID;
		$this->assertSame( array( $size->id ), array_column( $this->rest( 'GET', self::ROUTE, array( 'reason' => 'size' ), $agent )->get_data(), 'id' ) );
		$this->assertSame( array( $mind->id ), array_column( $this->rest( 'GET', self::ROUTE, array( 'outcome' => 'store_credit' ), $agent )->get_data(), 'id' ) );
		$this->assertSame(
			array( $mind->id ),
			array_column( $this->rest( 'GET', self::ROUTE, array( 'number' => $mind->public_number() ), $agent )->get_data(), 'id' )
		);

		$approved = $this->rest( 'PATCH', self::ROUTE . '/' . $size->id, array( 'status' => 'approved', 'message' => 'Please send it back.' ), $agent );
		$this->assertSame( 200, $approved->get_status() );
		$this->assertSame( 'approved', $approved->get_data()['status'] );
		$this->assertSame(
			array( $size->id ),
			array_column( $this->rest( 'GET', self::ROUTE, array( 'status' => array( 'approved' ) ), $agent )->get_data(), 'id' )
		);
		$this->assertErrorCode( 'aftercare_invalid_transition', $this->rest( 'PATCH', self::ROUTE . '/' . $size->id, array( 'status' => 'approved' ), $agent ), 409 );
		$this->assertSame( 400, $this->rest( 'PATCH', self::ROUTE . '/' . $size->id, array( 'status' => 'refunded' ), $agent )->get_status() );
		$this->assertSame( 404, $this->rest( 'PATCH', self::ROUTE . '/999999', array( 'status' => 'approved' ), $agent )->get_status() );
		$this->assertSame( 404, $this->rest( 'GET', self::ROUTE . '/999999', array(), $agent )->get_status() );
		$this->assertSame( 401, $this->rest( 'PATCH', self::ROUTE . '/' . $mind->id, array( 'status' => 'approved' ) )->get_status() );
		$this->assertSame( 403, $this->rest( 'PATCH', self::ROUTE . '/' . $mind->id, array( 'status' => 'approved' ), $this->customer_b->ID )->get_status() );
		$this->assertSame( 'requested', $this->returns->get( $mind->id )->status->value );
	}

	public function test_hostile_input_is_refused_with_a_message_and_writes_nothing(): void {
		$order  = $this->order();
		$line   = $order->items[0]->id;
		$before = $this->rows();
		$bad    = array(
			'items not a list'      => array( 'items' => 'all' ),
			'no items'              => array( 'items' => array() ),
			'quantity words'        => array( 'items' => array( array( 'order_item_id' => $line, 'quantity' => 'two', 'reason' => 'size' ) ) ),
			'negative quantity'     => array( 'items' => array( array( 'order_item_id' => $line, 'quantity' => -2, 'reason' => 'size' ) ) ),
			'too many'              => array( 'items' => array( array( 'order_item_id' => $line, 'quantity' => 3, 'reason' => 'size' ) ) ),
			'another order\'s line' => array( 'items' => array( array( 'order_item_id' => 1, 'quantity' => 1, 'reason' => 'size' ) ) ),
			'extra field'           => array( 'items' => array( array( 'order_item_id' => $line, 'quantity' => 1, 'reason' => 'size', 'price' => 0 ) ) ),
			'reason injection'      => array( 'items' => array( array( 'order_item_id' => $line, 'quantity' => 1, 'reason' => "size' OR 1=1 --" ) ) ),
			'unknown outcome'       => array( 'outcome' => 'cash' ),
			'no outcome'            => array( 'outcome' => null ),
			'huge comment'          => array( 'comment' => str_repeat( 'x', 5001 ) ),
			'bad idempotency key'   => array( 'idempotency_key' => '<script>' ),
			'order number too long' => array( 'order_number' => str_repeat( '9', 41 ) ),
		);
		foreach ( $bad as $case => $params ) {
			$request = array_filter( $params + $this->guest_request( $order ), static fn( $v ) => null !== $v );
			$status  = $this->rest( 'POST', self::ROUTE, $request )->get_status();
			$this->assertSame( 400, $status, $case );
		}
		$this->assertSame( $before, $this->rows() );

		$xss = $this->rest( 'POST', self::ROUTE, $this->guest_request( $order, array( 'comment' => '<script>alert(1)</script><img src=x onerror=alert(2)>Hi' ) ) );
		$this->assertSame( 201, $xss->get_status() );
		$thread = $this->with_token( 'GET', self::ROUTE . '/' . $xss->get_data()['id'] . '/messages', $xss->get_data()['access_token'] )->get_data();
		$this->assertStringNotContainsString( '<script', $thread[0]['body'] );
		$this->assertStringNotContainsString( '<img', $thread[0]['body'] );
	}

	public function test_a_double_submit_with_one_key_is_one_return(): void {
		$order  = $this->order();
		$params = $this->guest_request( $order, array( 'idempotency_key' => 'submit-0001' ) );
		$first  = $this->rest( 'POST', self::ROUTE, $params );
		$rows   = $this->rows();
		$second = $this->rest( 'POST', self::ROUTE, $params );
		$this->assertSame( 201, $first->get_status() );
		$this->assertFalse( $first->get_data()['replayed'] );
		$this->assertSame( 200, $second->get_status() );
		$this->assertSame( $rows, $this->rows(), 'no second return, no new token' );
		// Whoever replays may only have learnt the key: the number, nothing of the return, no link.
		$this->assertSame(
			array(
				'id'       => $first->get_data()['id'],
				'number'   => $first->get_data()['number'],
				'replayed' => true,
			),
			$second->get_data()
		);

		// A day later the key is forgotten: the same request is a new return (the line has 2).
		global $wpdb;
		$wpdb->update(
			$wpdb->prefix . 'aftercare_returns',
			array( 'created_at' => time() - \Aftercare\Tickets\TicketService::IDEMPOTENCY_TTL - 1 ),
			array( 'id' => $first->get_data()['id'] )
		);
		$later = $this->rest( 'POST', self::ROUTE, $params );
		$this->assertSame( 201, $later->get_status(), (string) wp_json_encode( $later->get_data() ) );
		$this->assertNotSame( $first->get_data()['id'], $later->get_data()['id'] );
	}

	public function test_a_message_that_carries_the_token_is_the_guest_s_whoever_is_signed_in(): void {
		$order    = $this->order();
		$created  = $this->rest( 'POST', self::ROUTE, $this->guest_request( $order ) )->get_data();
		$other    = $this->rest( 'POST', self::ROUTE, $this->guest_request( $this->order() ) )->get_data();
		$messages = self::ROUTE . '/' . $created['id'] . '/messages';
		$sent     = $this->rest(
			'POST',
			$messages,
			array( 'body' => 'Through the link' ),
			$this->agent->ID,
			array( 'X-Aftercare-Token' => $created['access_token'] )
		);
		$this->assertSame( 201, $sent->get_status() );
		$this->assertSame( array( 0, 'customer' ), array( $sent->get_data()['author']['id'], $sent->get_data()['author']['role'] ) );

		$rows = $this->rows();
		foreach ( array( $other['access_token'], str_repeat( 'A', 32 ) ) as $token ) {
			$this->assertErrorCode(
				'aftercare_forbidden',
				$this->rest( 'POST', $messages, array( 'body' => 'Into a stranger\'s thread' ), $this->agent->ID, array( 'X-Aftercare-Token' => $token ) ),
				403
			);
		}
		$this->assertSame( $rows, $this->rows() );
		// Reading is unchanged: the agent still reads the thread, token or not.
		$this->assertSame( 200, $this->rest( 'GET', $messages, array(), $this->agent->ID )->get_status() );
	}

	public function test_photos_go_with_the_request_and_open_with_the_link(): void {
		$order = $this->order();
		wp_set_current_user( 0 );
		$request = new \WP_REST_Request( 'POST', self::ROUTE );
		$params  = $this->guest_request(
			$order,
			array( 'items' => array( array( 'order_item_id' => $order->items[0]->id, 'quantity' => 1, 'reason' => 'damaged' ) ) )
		);
		$request->set_body_params( $params );
		$this->assertErrorCode( 'aftercare_photos_required', rest_get_server()->dispatch( $request ), 400 );

		$upload = self::upload( 'crack.png', self::png() );
		$request->set_file_params(
			array(
				'attachments' => array(
					'name'     => array( $upload['name'] ),
					'tmp_name' => array( $upload['tmp_name'] ),
					'size'     => array( $upload['size'] ),
					'error'    => array( UPLOAD_ERR_OK ),
					'type'     => array( 'image/png' ),
				),
			)
		);
		$response = rest_get_server()->dispatch( $request );
		$this->assertSame( 201, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		$photos = $response->get_data()['photos'];
		$this->assertSame( array( 'crack.png' ), array_column( $photos, 'name' ) );
		$this->assertStringNotContainsString( $response->get_data()['access_token'], $photos[0]['url'], 'a signed link, never the token' );
		$this->assertMatchesRegularExpression( '/[?&]signature=[0-9a-f]{64}/', $photos[0]['url'] );
	}

	public function test_eligibility_for_each_actor(): void {
		$order_a = $this->order_of_a();
		$path    = self::ROUTE . '/eligibility';
		$expect  = array(
			'guest'      => 401,
			'customer A' => 200,
			'customer B' => 404,
			'agent'      => 200,
			'supervisor' => 200,
			'admin'      => 200,
		);
		foreach ( $expect as $actor => $status ) {
			$this->assertSame( $status, $this->rest( 'GET', $path, array( 'order_id' => $order_a->id ), $this->actors()[ $actor ] )->get_status(), $actor );
		}
		$data = $this->rest( 'GET', $path, array( 'order_id' => $order_a->id ), $this->customer_a->ID )->get_data();
		$this->assertTrue( $data['returnable'] );
		$this->assertSame( array( 2, 1 ), array_column( $data['items'], 'returnable' ) );
		$this->assertContains( 'size', array_column( $data['reasons'], 'key' ) );
		$this->assertSame( array( 'refund', 'store_credit', 'exchange' ), $data['outcomes'] );

		$guest = $this->rest( 'POST', $path, array( 'order_number' => $order_a->number, 'email' => $this->customer_a->user_email ) );
		$this->assertSame( 200, $guest->get_status() );
		$this->assertSame( $data['items'], $guest->get_data()['items'] );
		$this->assertErrorCode(
			'aftercare_order_not_found',
			$this->rest( 'POST', $path, array( 'order_number' => $order_a->number, 'email' => 'gwen@example.test' ) ),
			404
		);
		$this->assertSame( 400, $this->rest( 'POST', $path, array( 'order_number' => $order_a->number ) )->get_status() );

		$late = $this->order( array( 'customer_id' => $this->customer_a->ID, 'completed' => time() - 45 * DAY_IN_SECONDS ) );
		$no   = $this->rest( 'GET', $path, array( 'order_id' => $late->id ), $this->customer_a->ID )->get_data();
		$this->assertFalse( $no['returnable'] );
		$this->assertSame( 'Completed 45 days ago; returns are accepted for 30 days.', $no['items'][0]['reason'] );
	}

	public function test_only_agents_act_and_the_guest_sees_each_status_through_the_link(): void {
		$order   = $this->order();
		$created = $this->rest(
			'POST',
			self::ROUTE,
			$this->guest_request( $order, array( 'items' => array( array( 'order_item_id' => $order->items[0]->id, 'quantity' => 2, 'reason' => 'size' ) ) ) )
		)->get_data();
		$path    = self::ROUTE . '/' . $created['id'];
		$token   = $created['access_token'];
		$status  = fn() => $this->with_token( 'GET', $path, $token )->get_data()['status'];

		foreach ( array( 'guest' => 401, 'customer A' => 403, 'customer B' => 403 ) as $actor => $expected ) {
			$this->assertSame( $expected, $this->rest( 'POST', $path . '/actions', array( 'action' => 'refund' ), $this->actors()[ $actor ] )->get_status(), $actor );
		}
		$this->assertSame(
			401,
			$this->with_token( 'POST', $path . '/actions', $token, array( 'action' => 'refund' ) )->get_status(),
			'the link reads, it does not act'
		);
		$agent = $this->agent->ID;
		$this->assertSame( 400, $this->rest( 'POST', $path . '/actions', array(), $agent )->get_status() );
		$this->assertSame( 400, $this->rest( 'POST', $path . '/actions', array( 'action' => 'refund', 'fee' => 'lots' ), $agent )->get_status() );
		$this->assertSame( 400, $this->rest( 'POST', $path . '/actions', array( 'action' => 'receive', 'items' => array( 'x' => -1 ) ), $agent )->get_status() );
		$this->assertErrorCode( 'aftercare_invalid_transition', $this->rest( 'POST', $path . '/actions', array( 'action' => 'refund' ), $agent ), 409 );
		$this->assertSame( 'requested', $status() );

		$this->assertSame( 200, $this->rest( 'PATCH', $path, array( 'status' => 'approved', 'message' => 'Approved.' ), $this->supervisor->ID )->get_status() );
		$this->assertSame( 'approved', $status() );
		$received = $this->rest( 'POST', $path . '/actions', array( 'action' => 'receive', 'items' => array( (string) $order->items[0]->id => 2 ) ), $agent );
		$this->assertSame( 200, $received->get_status(), (string) wp_json_encode( $received->get_data() ) );
		$this->assertSame( 'received', $status() );
		$refunded = $this->rest( 'POST', $path . '/actions', array( 'action' => 'refund', 'fee' => 5 ), $this->admin->ID );
		$this->assertSame( 200, $refunded->get_status(), (string) wp_json_encode( $refunded->get_data() ) );
		$seen = $this->with_token( 'GET', $path, $token )->get_data();
		$this->assertSame( 'refunded', $seen['status'] );
		$this->assertSame( array( 'amount' => 35.0, 'fee' => 5.0, 'reference' => $refunded->get_data()['refund']['reference'] ), $seen['refund'] );
		$this->assertSame( 409, $this->rest( 'POST', $path . '/actions', array( 'action' => 'credit' ), $agent )->get_status() );
	}

	public function test_store_credit_stops_at_the_items_value_unless_a_store_manager_goes_over_and_is_named(): void {
		$order  = $this->order();
		$path   = self::ROUTE . '/' . $this->returns->create( $order, $this->input( $order ), 0 )['return']->id;
		$agent  = $this->agent->ID;
		$quote  = fn( int $user ) => $this->rest( 'GET', $path, array( 'context' => 'edit' ), $user )->get_data()['quote'];
		$this->assertSame( 200, $this->rest( 'PATCH', $path, array( 'status' => 'approved' ), $agent )->get_status() );
		$before = $this->rows();
		$this->assertSame( 20.0, $quote( $agent )['max_credit'], 'an agent may credit up to what one shirt was paid' );
		$this->assertNull( $quote( $this->supervisor->ID )['max_credit'], 'a store manager has no ceiling' );

		$over = $this->rest( 'POST', $path . '/actions', array( 'action' => 'credit', 'amount' => 20.01 ), $agent );
		$this->assertErrorCode( 'aftercare_credit_over_value', $over, 400 );
		$this->assertSame( array( 'amount' ), $over->get_data()['data']['params'] );
		$this->assertStringContainsString( '20.00', $over->get_data()['message'] );
		$still = $this->rest( 'GET', $path, array( 'context' => 'edit' ), $agent )->get_data();
		$this->assertSame( 'approved', $still['status'] );
		$this->assertSame( '', $still['coupon_code'] ?? '', 'no coupon made' );
		$this->assertSame( $before, $this->rows(), 'nothing written' );
		$this->assertStringNotContainsString( 'store credit', implode( "\n", array_column( $this->orders->notes( $order->id ), 'note' ) ) );

		$given = $this->rest( 'POST', $path . '/actions', array( 'action' => 'credit', 'amount' => 50 ), $this->supervisor->ID );
		$this->assertSame( 200, $given->get_status(), (string) wp_json_encode( $given->get_data() ) );
		$this->assertSame( 50.0, $this->orders->coupon( $given->get_data()['coupon_code'] )['amount'] );
		$events = $this->rest( 'GET', $path . '/events', array(), $agent )->get_data();
		$credit = array_values( array_filter( $events, static fn( array $event ) => 'credit' === $event['type'] ) )[0];
		$this->assertSame( $this->supervisor->ID, $credit['actor']['id'], 'the timeline names who went over' );
		$this->assertSame( 50.0, (float) $credit['data']->amount );
		$this->assertSame( 20.0, (float) $credit['data']->value );
		$notes = implode( "\n", array_column( $this->orders->notes( $order->id ), 'note' ) );
		$this->assertStringContainsString( 'more than the items were paid (20.00), given by ' . $this->supervisor->display_name, $notes );
	}

	public function test_an_agent_may_credit_exactly_the_items_value(): void {
		$order = $this->order();
		$path  = self::ROUTE . '/' . $this->returns->create( $order, $this->input( $order ), 0 )['return']->id;
		$this->assertSame( 200, $this->rest( 'PATCH', $path, array( 'status' => 'approved' ), $this->agent->ID )->get_status() );
		$given = $this->rest( 'POST', $path . '/actions', array( 'action' => 'credit', 'amount' => 20 ), $this->agent->ID );
		$this->assertSame( 200, $given->get_status(), (string) wp_json_encode( $given->get_data() ) );
		$this->assertStringNotContainsString( 'more than the items were paid', implode( "\n", array_column( $this->orders->notes( $order->id ), 'note' ) ) );
	}
}
