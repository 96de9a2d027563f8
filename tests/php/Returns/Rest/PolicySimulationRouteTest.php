<?php
/**
 * POST /returns/policy/simulate on a seeded set with known answers, on whichever order source the
 * site runs (the test adapter, or real WooCommerce orders in the woocommerce run): counts and
 * reasons under the current and the proposed policy, the period's bounds, walking the cursor,
 * nothing written, and who may ask.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Returns\Rest;

use Aftercare\Settings\Settings;
use Aftercare\Tests\Orders\OrderFactory;
use Aftercare\Tests\Orders\SiteOrders;
use Aftercare\Tests\TestCase;

/**
 * @group sqlite
 */
final class PolicySimulationRouteTest extends TestCase {

	private const ROUTE = '/aftercare/v1/returns/policy/simulate';

	private OrderFactory $orders;

	/** Start of the period the seeded orders were placed in (nobody else's orders are there). */
	private int $start;

	/** @var array<string, int> Seeded order ids by name. */
	private array $ids = array();

	private int $admin;

	protected function setUp(): void {
		parent::setUp();
		$this->orders = SiteOrders::factory();
		$this->admin  = $this->user( 'administrator' )->ID;
		$this->start  = time() - 60 * DAY_IN_SECONDS - 1234;
		$now          = time();
		$line         = static fn( string $name, int $quantity, float $total ): array => array(
			'name'     => $name,
			'quantity' => $quantity,
			'total'    => $total,
		);
		$seed         = array(
			// Completed 10 days ago; the shirt was bought on sale.
			'a'      => array(
				0,
				'completed',
				$now - 10 * DAY_IN_SECONDS,
				array( array( 'on_sale' => true ) + $line( 'Linen shirt', 2, 30.0 ), $line( 'Canvas tote', 1, 14.0 ) ),
			),
			// Completed 20 days ago.
			'b'      => array( 60, 'completed', $now - 20 * DAY_IN_SECONDS, array( $line( 'Wool sweater', 1, 80.0 ) ) ),
			// Completed 40 days ago.
			'c'      => array( 120, 'completed', $now - 40 * DAY_IN_SECONDS, array( $line( 'Ceramic mug', 2, 25.0 ) ) ),
			// Still processing.
			'd'      => array( 600, 'processing', null, array( $line( 'Socks', 3, 12.0 ) ) ),
			// Just outside the period on either side.
			'before' => array( -1, 'completed', $now - DAY_IN_SECONDS, array( $line( 'Beanie', 1, 15.0 ) ) ),
			'after'  => array( 601, 'completed', $now - DAY_IN_SECONDS, array( $line( 'Beanie', 1, 15.0 ) ) ),
		);
		foreach ( $seed as $name => list( $offset, $status, $completed, $items ) ) {
			$this->ids[ $name ] = $this->orders->create(
				array(
					'status'    => $status,
					'created'   => $this->start + $offset,
					'completed' => $completed,
					'email'     => "{$name}@example.test",
					'total'     => array_sum( array_column( $items, 'total' ) ),
					'items'     => $items,
				)
			);
		}
		if ( class_exists( 'WooCommerce' ) ) {
			// A real store knows a sale from the product's regular price.
			$this->orders_on_sale( $this->ids['a'] );
		}
	}

	/**
	 * Gives order A's first line a product whose regular price is above what was paid.
	 */
	private function orders_on_sale( int $order_id ): void {
		$product = new \WC_Product_Simple();
		$product->set_name( 'Linen shirt' );
		$product->set_regular_price( '20' );
		$product->save();
		$order = wc_get_order( $order_id );
		$item  = array_values( $order->get_items() )[0];
		$item->set_product_id( $product->get_id() );
		$item->set_subtotal( '30' );
		$item->save();
	}

	/**
	 * @param array<string, mixed> $params Request.
	 */
	private function simulate( array $params, int $user = -1 ): \WP_REST_Response {
		return $this->rest(
			'POST',
			self::ROUTE,
			$params + array(
				'from' => gmdate( 'Y-m-d\TH:i:s\Z', $this->start ),
				'to'   => gmdate( 'Y-m-d\TH:i:s\Z', $this->start + 600 ),
			),
			-1 === $user ? $this->admin : $user
		);
	}

	private const PROPOSED = array(
		'return_window_days'        => 14,
		'return_exclude_sale_items' => true,
	);

	public function test_counts_and_reasons_under_the_current_and_the_proposed_policy(): void {
		$response = $this->simulate( self::PROPOSED );

		$this->assertSame( 200, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		$data = $response->get_data();
		$this->assertSame( 4, $data['total'], 'orders A to D, both ends of the period included' );
		$this->assertSame( 4, $data['orders'] );
		$this->assertSame( array( 'orders' => 2, 'lines' => 3 ), $data['current'], 'A (both lines) and B; 30-day window' );
		$this->assertSame( array( 'orders' => 1, 'lines' => 1 ), $data['proposed'], 'only the tote of A: 14 days, no sale items' );
		$this->assertNull( $data['next_cursor'] );
		$status = 'This order\'s status is “Processing”; items cannot be returned from orders with this status.';
		$this->assertSame(
			array(
				array( 'Linen shirt', $this->ids['a'], array( 2, '' ), array( 0, 'Items bought on sale cannot be returned.' ), true ),
				array( 'Canvas tote', $this->ids['a'], array( 1, '' ), array( 1, '' ), false ),
				array( 'Wool sweater', $this->ids['b'], array( 1, '' ), array( 0, 'Completed 20 days ago; returns are accepted for 14 days.' ), true ),
				array(
					'Ceramic mug',
					$this->ids['c'],
					array( 0, 'Completed 40 days ago; returns are accepted for 30 days.' ),
					array( 0, 'Completed 40 days ago; returns are accepted for 14 days.' ),
					true,
				),
				array( 'Socks', $this->ids['d'], array( 0, $status ), array( 0, $status ), false ),
			),
			array_map(
				static fn( array $line ) => array(
					$line['name'],
					$line['order_id'],
					array( $line['current']['returnable'], $line['current']['reason'] ),
					array( $line['proposed']['returnable'], $line['proposed']['reason'] ),
					$line['changed'],
				),
				$data['lines']
			)
		);
		$this->assertSame( gmdate( 'Y-m-d\TH:i:s\Z', $this->start ), $data['lines'][0]['order_date'] );
		$this->assertSame( $this->orders->source()->find( $this->ids['a'] )->number, $data['lines'][0]['order_number'] );

		$changed = $this->simulate( self::PROPOSED + array( 'changed_only' => true ) )->get_data();
		$this->assertSame( array( 'Linen shirt', 'Wool sweater', 'Ceramic mug' ), array_column( $changed['lines'], 'name' ) );
		$this->assertSame( $data['proposed'], $changed['proposed'], 'the counts still cover every line' );
	}

	public function test_an_unchanged_policy_changes_nothing(): void {
		$data = $this->simulate( array( 'changed_only' => true ) )->get_data();

		$this->assertSame( $data['current'], $data['proposed'] );
		$this->assertSame( array(), $data['lines'] );
	}

	public function test_walks_the_period_in_batches_by_cursor(): void {
		$first = $this->simulate( self::PROPOSED + array( 'per_page' => 3 ) )->get_data();
		$this->assertSame( 4, $first['total'] );
		$this->assertSame( 3, $first['orders'] );
		$this->assertIsString( $first['next_cursor'] );
		$this->assertSame( array( $this->ids['a'], $this->ids['b'], $this->ids['c'] ), array_values( array_unique( array_column( $first['lines'], 'order_id' ) ) ) );

		// The cursor carries the period: a different one in the request does not move it.
		$second = $this->simulate(
			self::PROPOSED + array(
				'per_page' => 3,
				'cursor'   => $first['next_cursor'],
				'from'     => '2001-01-01T00:00:00Z',
			)
		)->get_data();
		$this->assertNull( $second['total'], 'counted once, on the first batch' );
		$this->assertSame( 1, $second['orders'] );
		$this->assertSame( array( $this->ids['d'] ), array_column( $second['lines'], 'order_id' ) );
		$this->assertNull( $second['next_cursor'] );
		$this->assertSame( $first['from'], $second['from'] );
		$this->assertSame(
			array( 'orders' => 2, 'lines' => 3 ),
			array(
				'orders' => $first['current']['orders'] + $second['current']['orders'],
				'lines'  => $first['current']['lines'] + $second['current']['lines'],
			)
		);
	}

	public function test_the_period_defaults_to_the_last_days_asked(): void {
		$data = $this->rest( 'POST', self::ROUTE, array( 'days' => 30 ), $this->admin )->get_data();

		$this->assertEqualsWithDelta( time() - 30 * DAY_IN_SECONDS, strtotime( $data['from'] ), 5 );
		$this->assertEqualsWithDelta( time(), strtotime( $data['to'] ), 5 );
		$this->assertNotContains( $this->ids['a'], array_column( $data['lines'], 'order_id' ), 'placed 60 days ago' );
	}

	public function test_writes_nothing(): void {
		$option = get_option( Settings::OPTION );
		$writes = array();
		$spy    = static function ( string $query ) use ( &$writes ): string {
			if ( preg_match( '/^\s*(INSERT|UPDATE|DELETE|REPLACE|ALTER|CREATE|DROP|TRUNCATE)\b/i', $query ) ) {
				$writes[] = $query;
			}
			return $query;
		};
		add_filter( 'query', $spy );
		$first = $this->simulate( self::PROPOSED + array( 'per_page' => 2 ) )->get_data();
		$this->simulate( self::PROPOSED + array( 'cursor' => $first['next_cursor'] ) );
		$this->assertSame( array(), $writes );
		update_option( 'aftercare_test_probe', 'x' );
		remove_filter( 'query', $spy );
		$this->assertCount( 1, $writes, 'the spy sees writes' );

		$this->assertSame( $option, get_option( Settings::OPTION ), 'the proposed policy is not saved' );
		$this->assertSame( 30, ( new Settings() )->get( 'return_window_days' ) );
	}

	public function test_only_store_managers_may_simulate(): void {
		$this->assertSame( 401, $this->simulate( self::PROPOSED, 0 )->get_status() );
		$this->assertSame( 403, $this->simulate( self::PROPOSED, $this->user( 'aftercare_agent' )->ID )->get_status() );
		$this->assertSame( 403, $this->simulate( self::PROPOSED, $this->user( 'subscriber' )->ID )->get_status() );
	}

	public function test_a_bad_policy_is_refused_with_the_settings_routes_own_words(): void {
		foreach ( array(
			array( 'return_window_days' => 0 ),
			array( 'return_window_days' => 'soon' ),
			array( 'return_order_statuses' => array( 'Not A Status!' ) ),
			array( 'return_excluded_categories' => array( -1 ) ),
			array( 'return_minimum_order_total' => -5 ),
		) as $bad ) {
			$simulated = $this->simulate( $bad );
			$saved     = $this->rest( 'POST', '/aftercare/v1/settings', $bad, $this->admin );
			$this->assertSame( 400, $simulated->get_status(), (string) wp_json_encode( $bad ) );
			$this->assertSame( 'rest_invalid_param', $simulated->get_data()['code'] );
			$this->assertSame( $saved->get_data()['data']['params'], $simulated->get_data()['data']['params'], 'the same message' );
		}
		$this->assertSame( 30, ( new Settings() )->get( 'return_window_days' ) );
	}

	public function test_a_bad_period_or_cursor_is_refused(): void {
		$backwards = $this->rest(
			'POST',
			self::ROUTE,
			array(
				'from' => '2026-02-01T00:00:00Z',
				'to'   => '2026-01-01T00:00:00Z',
			),
			$this->admin
		);
		$this->assertSame( 400, $backwards->get_status() );
		$this->assertSame( 'aftercare_invalid_period', $backwards->get_data()['code'] );
		$this->assertSame( 400, $this->simulate( array( 'cursor' => 'anything' ) )->get_status() );
		$this->assertSame( 400, $this->simulate( array( 'days' => 0 ) )->get_status() );
		$this->assertSame( 400, $this->simulate( array( 'per_page' => 501 ) )->get_status() );
	}
}
