<?php
/**
 * aftercare/v1/orders/{id}/timeline: one order with every kind of event (placed, paid, shipped,
 * delivered, completed, a refund, a coupon, a lookup, a ticket opened, replied, noted and solved,
 * a return through its statuses with store credit, and a rating another feature adds), read by
 * each actor: an agent and the owner see everything with names; the buyer their own order
 * without notes or agents' names; a guest with the lookup's signed link that order only, without
 * prices; another customer, anyone without a token and a wrong token the same 404.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Orders\Rest;

use Aftercare\Orders\Order;
use Aftercare\Orders\Rest\OrderTimelineController;
use Aftercare\Orders\WooCommerceOrderSource;
use Aftercare\Plugin;
use Aftercare\Tests\Returns\ReturnsTestCase;

final class OrderTimelineRouteTest extends ReturnsTestCase {

	private Order $order;

	private \WP_User $buyer;

	private \WP_User $agent;

	private \Closure $rating;

	protected function setUp(): void {
		parent::setUp();
		$this->buyer = $this->user( 'subscriber' );
		$this->agent = $this->user( 'aftercare_agent' );
		wp_update_user(
			array(
				'ID'           => $this->agent->ID,
				'display_name' => 'Agnes Agentname',
			)
		);
		$now         = time();
		$this->order = $this->order(
			array(
				'customer_id' => $this->buyer->ID,
				'email'       => $this->buyer->user_email,
				'created'     => $now - 9 * DAY_IN_SECONDS,
				'paid'        => $now - 9 * DAY_IN_SECONDS + 60,
				'completed'   => $now - 4 * DAY_IN_SECONDS,
				'coupons'     => array( 'spring10' ),
				'meta'        => array(
					'_wc_shipment_tracking_items'         => array(
						array(
							'tracking_provider' => 'ups',
							'tracking_number'   => '1Z999AA10123456784',
							'date_shipped'      => $now - 7 * DAY_IN_SECONDS,
						),
					),
					WooCommerceOrderSource::DELIVERED_META => $now - 5 * DAY_IN_SECONDS,
				),
			)
		);
		$source = $this->orders->source();
		$source->record_lookup( $this->order->id, $now - 6 * DAY_IN_SECONDS, '203.0.113.x', 'guest' );
		$source->refund( $this->order->id, array( $this->order->items[1]->id => 1 ), false, 0.0, 'Damaged in transit' );

		$tickets = Plugin::instance()->tickets;
		$ticket  = $tickets->create(
			array(
				'subject'     => 'Tote arrived torn',
				'message'     => 'The tote has a hole.',
				'customer_id' => $this->buyer->ID,
				'order_id'    => $this->order->id,
			),
			$this->agent->ID
		)['ticket'];
		$tickets->reply( $ticket->id, 'note', 'Secret: third torn tote from this supplier.', $this->agent->ID );
		$tickets->reply( $ticket->id, 'reply', 'Sorry! We refunded the tote.', $this->agent->ID );
		$tickets->reply( $ticket->id, 'reply', 'Thank you.', $this->buyer->ID );
		$tickets->update( $ticket->id, array( 'status' => 'solved' ), $this->agent->ID );

		$return = $this->returns->create( $this->order, $this->input( $this->order ), $this->buyer->ID )['return'];
		$this->returns->move( $return->id, 'approved', $this->agent->ID );
		$this->returns->credit( $return->id, $this->agent->ID );

		// A feature built elsewhere (satisfaction ratings) adds its events through the filter.
		$this->rating = static function ( array $events, Order $order, string $audience ): array {
			$events[] = array(
				'type'   => 'csat',
				'source' => 'csat',
				'time'   => time(),
				'label'  => 'Rated the support: good',
				'actor'  => 'Agnes Agentname',
			);
			return $events;
		};
		add_filter( 'aftercare_order_timeline', $this->rating, 30, 3 );
	}

	protected function tearDown(): void {
		remove_filter( 'aftercare_order_timeline', $this->rating, 30 );
		parent::tearDown();
	}

	/**
	 * @param array<string, mixed> $params Query.
	 */
	private function timeline( int $user_id, array $params = array(), ?int $order_id = null ): \WP_REST_Response {
		return $this->rest( 'GET', '/aftercare/v1/orders/' . ( $order_id ?? $this->order->id ) . '/timeline', $params + array( 'per_page' => 100 ), $user_id );
	}

	/**
	 * @return string[] The event types, in order.
	 */
	private static function types( \WP_REST_Response $response ): array {
		return array_column( $response->get_data(), 'type' );
	}

	/**
	 * @return array<string, mixed> The first event of a type.
	 */
	private static function first( \WP_REST_Response $response, string $type ): array {
		foreach ( $response->get_data() as $event ) {
			if ( $type === $event['type'] ) {
				return $event;
			}
		}
		self::fail( "no {$type} event" );
	}

	/** The signed link a guest's lookup of the order gives. */
	private function guest_token(): string {
		$lookup = $this->rest(
			'POST',
			'/aftercare/v1/order-status',
			array(
				'number' => $this->order->number,
				'email'  => $this->buyer->user_email,
			)
		);
		$this->assertSame( 200, $lookup->get_status() );
		wp_parse_str( (string) wp_parse_url( $lookup->get_data()['timeline_url'], PHP_URL_QUERY ), $query );
		$this->assertStringContainsString( '/aftercare/v1/orders/' . $this->order->id . '/timeline', $lookup->get_data()['timeline_url'] );
		$this->assertNotEmpty( $query['token'] ?? '' );
		return (string) $query['token'];
	}

	public function test_agents_and_the_owner_see_every_event_with_who_did_it(): void {
		foreach ( array( $this->agent->ID, $this->user( 'administrator' )->ID ) as $user_id ) {
			$response = $this->timeline( $user_id );
			$this->assertSame( 200, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
			$types = self::types( $response );
			foreach (
				array(
					'placed',
					'paid',
					'shipped',
					'delivered',
					'completed',
					'refunded',
					'coupon',
					'lookup',
					'ticket_opened',
					'ticket_note',
					'ticket_replied',
					'ticket_solved',
					'return_requested',
					'return_approved',
					'return_credited',
					'csat',
				) as $type
			) {
				$this->assertContains( $type, $types, $type );
			}
			$this->assertSame( (string) count( $types ), $response->get_headers()['X-WP-Total'] );
			$times = array_column( $response->get_data(), 'time' );
			$this->assertSame( $times, array_values( array_filter( $times ) ) );
			$sorted = $times;
			sort( $sorted );
			$this->assertSame( $sorted, $times, 'oldest first' );

			$this->assertStringStartsWith( 'https://www.ups.com/', self::first( $response, 'shipped' )['url'] );
			$this->assertStringContainsString( '1Z999AA10123456784', self::first( $response, 'shipped' )['detail'] );
			$this->assertStringContainsString( 'Damaged in transit', self::first( $response, 'refunded' )['detail'] );
			$this->assertSame( '203.0.113.x', substr( self::first( $response, 'lookup' )['detail'], -11 ) );
			$this->assertSame( 'Tote arrived torn', self::first( $response, 'ticket_opened' )['detail'] );
			$this->assertStringContainsString( 'page=aftercare&ticket=', self::first( $response, 'ticket_opened' )['url'] );
			$this->assertSame( 'Agnes Agentname', self::first( $response, 'ticket_note' )['actor'] );
			$this->assertSame( 'Agnes Agentname', self::first( $response, 'ticket_solved' )['actor'] );
			$this->assertSame( 'Agnes Agentname', self::first( $response, 'csat' )['actor'] );
			$this->assertStringContainsString( 'page=aftercare-returns&return=', self::first( $response, 'return_approved' )['url'] );
			$coupons = array_column( array_filter( $response->get_data(), static fn( $e ) => 'coupon' === $e['type'] ), 'detail' );
			$this->assertContains( 'spring10', $coupons );
			$this->assertMatchesRegularExpression( '/code credit-/', implode( ' ', $coupons ), 'the store credit given' );
			// The return's conversation is its ticket: no second "opened" for it.
			$this->assertSame( 1, count( array_keys( $types, 'ticket_opened', true ) ) );
		}
	}

	public function test_the_buyer_sees_their_order_without_notes_or_agents_names(): void {
		$response = $this->timeline( $this->buyer->ID );
		$this->assertSame( 200, $response->get_status() );
		$types = self::types( $response );
		$json  = (string) wp_json_encode( $response->get_data() );

		$this->assertNotContains( 'ticket_note', $types );
		$this->assertStringNotContainsString( 'Secret', $json );
		$this->assertStringNotContainsString( 'Agnes', $json, 'no agent names, whatever a contributor sends' );
		$this->assertSame( array( '' ), array_values( array_unique( array_column( $response->get_data(), 'actor' ) ) ) );
		$this->assertStringNotContainsString( 'wp-admin', $json );
		$shown = array( 'placed', 'shipped', 'refunded', 'coupon', 'ticket_opened', 'ticket_replied', 'ticket_solved' );
		$shown = array_merge( $shown, array( 'return_requested', 'return_credited', 'csat' ) );
		foreach ( $shown as $type ) {
			$this->assertContains( $type, $types, $type );
		}
		$this->assertSame( 'Tote arrived torn', self::first( $response, 'ticket_opened' )['detail'] );
		$this->assertStringNotContainsString( 'Damaged', self::first( $response, 'refunded' )['detail'], 'the store\'s reason stays inside' );
		$this->assertStringContainsString( '14', self::first( $response, 'refunded' )['detail'] );
		$this->assertContains( 'You replied', array_column( $response->get_data(), 'label' ) );
		$this->assertContains( 'The support team replied', array_column( $response->get_data(), 'label' ) );
	}

	public function test_a_guest_with_the_lookups_signed_link_sees_that_order_only_without_prices(): void {
		$token    = $this->guest_token();
		$response = $this->timeline( 0, array( 'token' => $token ) );
		$this->assertSame( 200, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		$types = self::types( $response );
		$json  = (string) wp_json_encode( $response->get_data() );

		$this->assertContains( 'shipped', $types );
		$this->assertContains( 'ticket_replied', $types );
		$this->assertContains( 'return_credited', $types );
		$this->assertNotContains( 'ticket_note', $types );
		$this->assertNotContains( 'coupon', $types, 'no codes or amounts' );
		$this->assertSame( '', self::first( $response, 'refunded' )['detail'] );
		$this->assertSame( '', self::first( $response, 'ticket_opened' )['detail'], 'no subjects' );
		foreach ( array( 'Secret', 'Agnes', 'Tote arrived torn', 'spring10', 'credit-', 'wp-admin' ) as $hidden ) {
			$this->assertStringNotContainsString( $hidden, $json, $hidden );
		}
		// The header works as the parameter does.
		$by_header = $this->rest( 'GET', '/aftercare/v1/orders/' . $this->order->id . '/timeline', array(), 0, array( 'X-Aftercare-Token' => $token ) );
		$this->assertSame( 200, $by_header->get_status() );

		$other = $this->order( array( 'email' => 'someone@example.test' ) );
		$this->assertErrorCode( 'aftercare_order_not_found', $this->timeline( 0, array( 'token' => $token ), $other->id ), 404 );
		$this->assertErrorCode( 'aftercare_order_not_found', $this->timeline( 0, array( 'token' => substr( $token, 0, -2 ) . 'xx' ) ), 404 );
	}

	public function test_another_customer_and_anyone_without_a_token_get_the_same_404_as_for_no_order(): void {
		$missing = $this->timeline( 0, array(), 99999999 );
		$this->assertErrorCode( 'aftercare_order_not_found', $missing, 404 );
		foreach ( array( $this->user( 'subscriber' )->ID, 0 ) as $user_id ) {
			$response = $this->timeline( $user_id );
			$this->assertErrorCode( 'aftercare_order_not_found', $response, 404 );
			$this->assertSame( $missing->get_data(), $response->get_data(), 'uniform' );
		}
		// Signed in, the buyer reads their own orders only.
		$someone_elses = $this->order( array( 'email' => 'x@example.test' ) )->id;
		$this->assertErrorCode( 'aftercare_order_not_found', $this->timeline( $this->buyer->ID, array(), $someone_elses ), 404 );
	}

	public function test_pages_are_slices_of_the_whole_timeline(): void {
		$all  = $this->timeline( $this->agent->ID )->get_data();
		$page = $this->timeline(
			$this->agent->ID,
			array(
				'page'     => 2,
				'per_page' => 5,
			)
		);
		$this->assertSame( array_slice( $all, 5, 5 ), $page->get_data() );
		$this->assertSame( (string) count( $all ), $page->get_headers()['X-WP-Total'] );
		$this->assertSame( (string) (int) ceil( count( $all ) / 5 ), $page->get_headers()['X-WP-TotalPages'] );
		$this->assertErrorCode( 'rest_invalid_param', $this->timeline( $this->agent->ID, array( 'per_page' => 101 ) ), 400 );
		$this->assertErrorCode( 'rest_invalid_param', $this->timeline( $this->agent->ID, array( 'page' => 0 ) ), 400 );
	}

	public function test_wrong_tokens_are_limited_per_client_address(): void {
		$_SERVER['REMOTE_ADDR'] = '198.51.100.7';
		for ( $i = 0; $i < OrderTimelineController::MAX_FAILURES; $i++ ) {
			$this->assertErrorCode( 'aftercare_order_not_found', $this->timeline( 0, array( 'token' => 'nope' . $i ) ), 404 );
		}
		$throttled = $this->timeline( 0, array( 'token' => $this->guest_token() ) );
		$this->assertErrorCode( 'aftercare_throttled', $throttled, 429 );
		$this->assertGreaterThan( 0, (int) ( $throttled->get_headers()['Retry-After'] ?? 0 ) );
		$_SERVER['REMOTE_ADDR'] = '127.0.0.1';
	}
}
