<?php
/**
 * aftercare/v1/order-status against every actor: what a guest may learn, how failures look, the
 * limits per client address (behind proxies, IPv6 by /64), per order number and per email, and a
 * customer's own orders.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Orders\Rest;

use Aftercare\Infrastructure\Capabilities;
use Aftercare\Orders\OrderLookup;
use Aftercare\Settings\Settings;
use Aftercare\Tests\Orders\OrderFactory;
use Aftercare\Tests\Orders\SiteOrders;
use Aftercare\Tests\TestCase;

final class OrderStatusRouteTest extends TestCase {

	private const ROUTE = '/aftercare/v1/order-status';

	private OrderFactory $orders;

	private int $guest_order;

	private string $number;

	protected function setUp(): void {
		parent::setUp();
		$this->orders      = SiteOrders::factory();
		$this->guest_order = $this->orders->create(
			array(
				'status'   => 'processing',
				'email'    => 'gwen@example.test',
				'postcode' => 'SW1A 1AA',
				'name'     => 'Gwen Guest',
				'phone'    => '+1 555 0199',
				'address'  => '7 Secret Lane',
				'total'    => 54.25,
				'created'  => time() - 2 * HOUR_IN_SECONDS,
				'paid'     => time() - HOUR_IN_SECONDS,
				'items'    => array(
					array(
						'name'     => 'Linen shirt',
						'quantity' => 2,
						'total'    => 40.25,
					),
				),
				'meta'     => array(
					'_wc_shipment_tracking_items' => array(
						array(
							'tracking_provider' => 'ups',
							'tracking_number'   => '1Z999AA10123456784',
							'date_shipped'      => time() - 60,
						),
					),
				),
			)
		);
		$this->number = $this->orders->source()->find( $this->guest_order )->number;
	}

	protected function tearDown(): void {
		$_SERVER['REMOTE_ADDR'] = '127.0.0.1';
		unset( $_SERVER['HTTP_X_FORWARDED_FOR'] );
		delete_option( Settings::OPTION );
		parent::tearDown();
	}

	/**
	 * Fails MAX_FAILURES times, each with another email and number, from the addresses given in turn.
	 *
	 * @param string[] $addresses REMOTE_ADDR values.
	 */
	private function fail_from( array $addresses, string $number = '', string $email = '' ): void {
		for ( $i = 0; $i < OrderLookup::MAX_FAILURES; $i++ ) {
			$_SERVER['REMOTE_ADDR'] = $addresses[ $i % count( $addresses ) ];
			$response               = $this->lookup(
				array(
					'number' => '' !== $number ? $number : (string) ( 90000000 + $i ),
					'email'  => '' !== $email ? $email : "guess{$i}@example.test",
				)
			);
			$this->assertErrorCode( 'aftercare_order_not_found', $response, 404 );
		}
	}

	private function buyer_from( string $address ): \WP_REST_Response {
		$_SERVER['REMOTE_ADDR'] = $address;
		return $this->lookup(
			array(
				'number' => $this->number,
				'email'  => 'gwen@example.test',
			)
		);
	}

	/**
	 * @param array<string, mixed> $body Lookup.
	 */
	private function lookup( array $body, int $user_id = 0 ): \WP_REST_Response {
		return $this->rest( 'POST', self::ROUTE, $body, $user_id );
	}

	private function assertPrivate( \WP_REST_Response $response ): void {
		$this->assertSame( wp_get_nocache_headers()['Cache-Control'], $response->get_headers()['Cache-Control'] ?? null );
	}

	public function test_a_guest_sees_the_order_with_the_minimum_disclosed_and_the_lookup_is_recorded(): void {
		$_SERVER['REMOTE_ADDR'] = '203.0.113.77';
		$response = $this->lookup(
			array(
				'number' => '#' . $this->number,
				'email'  => 'GWEN@example.test',
			)
		);

		$this->assertSame( 200, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		$this->assertPrivate( $response );
		$data = $response->get_data();
		$this->assertSame( $this->number, $data['number'] );
		$this->assertSame( 'processing', $data['status'] );
		$this->assertSame( 'Your order is on its way.', $data['status_text'] );
		$this->assertSame(
			array(
				array(
					'name'     => 'Linen shirt',
					'quantity' => 2,
				),
			),
			$data['items']
		);
		$this->assertSame( 'https://www.ups.com/track?tracknum=1Z999AA10123456784', $data['tracking'][0]['url'] );
		$this->assertSame( array( 'placed', 'paid', 'shipped', 'lookup' ), array_column( $data['timeline'], 'type' ) );
		$this->assertSame( 'from 203.0.113.x', end( $data['timeline'] )['detail'] );

		// Nothing personal or financial: no name, phone, address, email, prices or downloads.
		$this->assertArrayNotHasKey( 'total', $data );
		// The signed link to the timeline (random digits and letters, tested in OrderTimelineRouteTest).
		$this->assertMatchesRegularExpression( '#/aftercare/v1/orders/\d+/timeline[?&]token=\d+\.[\w-]{43}$#', $data['timeline_url'] );
		$json = (string) wp_json_encode( array_diff_key( $data, array( 'timeline_url' => true ) ) );
		foreach ( array( 'Gwen', '555', 'Secret', 'gwen@', '54.25', '40.25', 'download' ) as $secret ) {
			$this->assertStringNotContainsStringIgnoringCase( $secret, $json, $secret );
		}

		$this->assertSame(
			array(
				array(
					'time' => $this->orders->source()->lookups( $this->guest_order )[0]['time'],
					'ip'   => '203.0.113.x',
					'via'  => 'guest',
				),
			),
			$this->orders->source()->lookups( $this->guest_order )
		);
	}

	public function test_a_wrong_email_and_an_unknown_number_fail_exactly_alike(): void {
		$wrong_email = $this->lookup(
			array(
				'number' => $this->number,
				'email'  => 'mallory@example.test',
			)
		);
		$unknown     = $this->lookup(
			array(
				'number' => '98765432',
				'email'  => 'gwen@example.test',
			)
		);

		$this->assertErrorCode( 'aftercare_order_not_found', $wrong_email, 404 );
		$this->assertSame( $wrong_email->get_data(), $unknown->get_data() );
		$this->assertSame( $wrong_email->get_status(), $unknown->get_status() );
		$this->assertSame( $wrong_email->get_headers(), $unknown->get_headers() );
		$this->assertPrivate( $wrong_email );
		$this->assertSame( array(), $this->orders->source()->lookups( $this->guest_order ), 'a failed lookup records nothing on the order' );
	}

	public function test_the_postcode_works_only_when_the_store_allows_it(): void {
		$body = array(
			'number'   => $this->number,
			'postcode' => 'sw1a1aa',
		);
		$this->assertErrorCode( 'aftercare_invalid_lookup', $this->lookup( $body ), 400 );

		( new Settings() )->update( array( 'order_lookup_keys' => 'email_or_postcode' ) );
		$this->assertSame( 200, $this->lookup( $body )->get_status() );
		$this->assertErrorCode( 'aftercare_order_not_found', $this->lookup( array( 'postcode' => 'SW1A 1AB' ) + $body ), 404 );
	}

	/**
	 * @return array<string, array{0: array<string, mixed>, 1: string, 2: string}>
	 */
	public function malformed_lookups(): array {
		return array(
			'no number'         => array( array( 'email' => 'gwen@example.test' ), 'rest_missing_callback_param', 'number' ),
			'no email'          => array( array( 'number' => '1001' ), 'aftercare_invalid_lookup', 'email' ),
			'not an email'      => array(
				array(
					'number' => '1001',
					'email'  => 'gwen',
				),
				'aftercare_invalid_lookup',
				'email',
			),
			'script as number'  => array(
				array(
					'number' => '<script>',
					'email'  => 'gwen@example.test',
				),
				'aftercare_invalid_lookup',
				'number',
			),
			'sql as number'     => array(
				array(
					'number' => "1' OR '1'='1",
					'email'  => 'gwen@example.test',
				),
				'aftercare_invalid_lookup',
				'number',
			),
			'over-long number'  => array(
				array(
					'number' => str_repeat( '9', 200 ),
					'email'  => 'gwen@example.test',
				),
				'rest_invalid_param',
				'number',
			),
		);
	}

	/**
	 * @dataProvider malformed_lookups
	 *
	 * @param array<string, mixed> $body  Request body.
	 * @param string               $code  Expected error code.
	 * @param string               $param The field named as invalid.
	 */
	public function test_malformed_input_gets_a_clear_400_naming_the_field( array $body, string $code, string $param ): void {
		$response = $this->lookup( $body );

		$this->assertErrorCode( $code, $response, 400 );
		$params = $response->get_data()['data']['params'];
		$this->assertTrue( isset( $params[ $param ] ) || in_array( $param, $params, true ), (string) wp_json_encode( $params ) );
		$this->assertNotSame( '', $response->get_data()['message'] );
		$this->assertPrivate( $response );
	}

	public function test_five_failures_from_one_ip_lock_it_out_with_429_and_retry_after(): void {
		for ( $i = 1; $i <= OrderLookup::MAX_FAILURES; $i++ ) {
			$this->assertErrorCode(
				'aftercare_order_not_found',
				$this->lookup(
					array(
						'number' => (string) ( 90000000 + $i ),
						'email'  => "guess{$i}@example.test",
					)
				),
				404
			);
		}

		$throttled = $this->lookup(
			array(
				'number' => $this->number,
				'email'  => 'gwen@example.test',
			)
		);
		$this->assertErrorCode( 'aftercare_throttled', $throttled, 429 );
		// The lockout started at the fifth failure, a moment (at most a second or two) ago.
		$this->assertEqualsWithDelta( OrderLookup::WINDOW, (int) ( $throttled->get_headers()['Retry-After'] ?? 0 ), 2, 'even the right details wait' );
		$this->assertSame( (int) $throttled->get_headers()['Retry-After'], $throttled->get_data()['data']['retry_after'] );
		$this->assertPrivate( $throttled );

		$_SERVER['REMOTE_ADDR'] = '198.51.100.4';
		$this->assertSame(
			200,
			$this->lookup( array( 'number' => $this->number, 'email' => 'gwen@example.test' ) )->get_status(),
			'other addresses are not locked out'
		);
	}

	public function test_five_failures_on_one_order_number_lock_it_from_every_ip(): void {
		for ( $i = 1; $i <= OrderLookup::MAX_FAILURES; $i++ ) {
			$_SERVER['REMOTE_ADDR'] = '198.51.100.' . $i;
			$this->lookup(
				array(
					'number' => $this->number,
					'email'  => "guess{$i}@example.test",
				)
			);
		}
		$_SERVER['REMOTE_ADDR'] = '192.0.2.200';

		$throttled = $this->lookup(
			array(
				'number' => $this->number,
				'email'  => 'gwen@example.test',
			)
		);
		$this->assertErrorCode( 'aftercare_throttled', $throttled, 429 );
		$this->assertGreaterThan( 0, (int) $throttled->get_headers()['Retry-After'] );
		$this->assertSame( 404, $this->lookup( array( 'number' => '90000001', 'email' => 'gwen@example.test' ) )->get_status(), 'other numbers are not locked' );
	}

	public function test_an_ipv6_network_is_one_client(): void {
		$this->fail_from( array( '2001:db8:1:2::1', '2001:db8:1:2::2', '2001:db8:1:2:ffff::3' ) );

		$this->assertErrorCode( 'aftercare_throttled', $this->buyer_from( '2001:db8:1:2:abcd::9' ), 429 );
		$this->assertSame( 200, $this->buyer_from( '2001:db8:1:3::1' )->get_status(), 'the next /64 is another client' );
	}

	public function test_forwarding_headers_from_untrusted_peers_change_nothing(): void {
		$_SERVER['HTTP_X_FORWARDED_FOR'] = '198.51.100.1';
		$this->fail_from( array( '203.0.113.5' ) );

		$_SERVER['HTTP_X_FORWARDED_FOR'] = '198.51.100.2';
		$this->assertErrorCode( 'aftercare_throttled', $this->buyer_from( '203.0.113.5' ), 429 );
	}

	public function test_behind_a_trusted_proxy_each_shopper_is_their_own_client(): void {
		( new Settings() )->update( array( 'trusted_proxies' => array( '10.0.0.0/8' ) ) );
		$_SERVER['HTTP_X_FORWARDED_FOR'] = '198.51.100.1';
		$this->fail_from( array( '10.0.0.5', '10.0.0.6' ) );

		$_SERVER['HTTP_X_FORWARDED_FOR'] = '6.6.6.6, 198.51.100.1';
		$this->assertErrorCode( 'aftercare_throttled', $this->buyer_from( '10.0.0.7' ), 429, 'a forged hop on the left is no escape' );

		$_SERVER['HTTP_X_FORWARDED_FOR'] = '203.0.113.77';
		$this->assertSame( 200, $this->buyer_from( '10.0.0.5' )->get_status(), 'another shopper behind the same proxy' );
		$this->assertSame( '203.0.113.x', $this->orders->source()->lookups( $this->guest_order )[0]['ip'], 'recorded by their own address' );
	}

	public function test_the_client_address_filter_applies_to_the_lookup(): void {
		add_filter( 'aftercare_client_ip', static fn() => '192.0.2.99' );
		try {
			$this->fail_from( array( '198.51.100.1', '198.51.100.2', '198.51.100.3', '198.51.100.4', '198.51.100.5' ) );
			$this->assertErrorCode( 'aftercare_throttled', $this->buyer_from( '198.51.100.6' ), 429 );
		} finally {
			remove_all_filters( 'aftercare_client_ip' );
		}
	}

	public function test_strangers_keep_the_buyer_out_for_one_window_at_most(): void {
		$this->fail_from( array( '198.51.100.1', '198.51.100.2' ), $this->number );

		$throttled = $this->buyer_from( '192.0.2.1' );
		$this->assertErrorCode( 'aftercare_throttled', $throttled, 429 );
		$this->assertLessThanOrEqual( OrderLookup::WINDOW, (int) $throttled->get_headers()['Retry-After'] );
		$this->assertSame( array(), $this->orders->notes( $this->guest_order ), 'no note for a few strangers' );
	}

	public function test_many_clients_failing_on_one_order_lock_it_for_a_day_and_the_store_sees_it(): void {
		// The postcode is few guesses away: many clients must not share the guessing.
		( new Settings() )->update( array( 'order_lookup_keys' => 'email_or_postcode' ) );
		for ( $i = 1; $i <= OrderLookup::MAX_CLIENTS; $i++ ) {
			$_SERVER['REMOTE_ADDR'] = "2001:db8:{$i}::1";
			$this->assertErrorCode( 'aftercare_order_not_found', $this->lookup( array( 'number' => $this->number, 'postcode' => "SW1A {$i}ZZ" ) ), 404 );
		}

		$throttled = $this->buyer_from( '192.0.2.1' );
		$this->assertErrorCode( 'aftercare_throttled', $throttled, 429 );
		$this->assertGreaterThan( OrderLookup::WINDOW, (int) $throttled->get_headers()['Retry-After'], 'safety wins' );
		$notes = $this->orders->notes( $this->guest_order );
		$this->assertCount( 1, $notes );
		$this->assertFalse( $notes[0]['for_customer'], 'a private note: the shopper is not alarmed' );
		$this->assertStringContainsString( 'paused guest lookups of this order number', $notes[0]['note'] );
	}

	public function test_a_known_email_cannot_walk_order_numbers(): void {
		$this->fail_from( array( '198.51.100.1', '198.51.100.2' ), '', 'gwen@example.test' );

		$this->assertErrorCode( 'aftercare_throttled', $this->buyer_from( '192.0.2.1' ), 429 );
		$_SERVER['REMOTE_ADDR'] = '192.0.2.1';
		$this->assertErrorCode( 'aftercare_order_not_found', $this->lookup( array( 'number' => $this->number, 'email' => 'other@example.test' ) ), 404 );
	}

	public function test_signed_in_customers_see_only_their_own_orders(): void {
		$alice = $this->user( 'subscriber' );
		$bob   = $this->user( 'subscriber' );
		$mine  = $this->orders->create(
			array(
				'customer_id' => $alice->ID,
				'email'       => $alice->user_email,
				'total'       => 12.5,
				'items'       => array(
					array(
						'name'     => 'Socks',
						'quantity' => 3,
						'total'    => 12.5,
					),
				),
			)
		);
		$this->orders->create(
			array(
				'customer_id' => $bob->ID,
				'email'       => $bob->user_email,
			)
		);

		$response = $this->rest( 'GET', self::ROUTE, array(), $alice->ID );
		$this->assertSame( 200, $response->get_status() );
		$this->assertPrivate( $response );
		$this->assertSame( array( $this->orders->source()->find( $mine )->number ), array_column( $response->get_data(), 'number' ) );
		$this->assertStringContainsString( '12.50', $response->get_data()[0]['total'], 'a customer sees the total of their own order' );

		$this->assertCount( 1, $this->rest( 'GET', self::ROUTE, array(), $bob->ID )->get_data() );
	}

	/**
	 * @return array<string, array{0: string|null}>
	 */
	public function actors(): array {
		return array(
			'guest'         => array( null ),
			'customer'      => array( 'subscriber' ),
			'agent'         => array( Capabilities::AGENT_ROLE ),
			'administrator' => array( 'administrator' ),
		);
	}

	/**
	 * Nobody, not even an administrator, reads another person's order through this route: the
	 * list is always one's own and a lookup always needs the billing details.
	 *
	 * @dataProvider actors
	 */
	public function test_no_actor_reads_someone_elses_order( ?string $role ): void {
		$user = $role ? $this->user( $role )->ID : 0;

		$list = $this->rest( 'GET', self::ROUTE, array(), $user );
		if ( $user ) {
			$this->assertSame( array(), $list->get_data() );
		} else {
			$this->assertErrorCode( 'aftercare_forbidden', $list, 401 );
		}
		$this->assertPrivate( $list );
		$this->assertErrorCode(
			'aftercare_order_not_found',
			$this->lookup(
				array(
					'number' => $this->number,
					'email'  => 'someone@example.test',
				),
				$user
			),
			404
		);
	}
}
