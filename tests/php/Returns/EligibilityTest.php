<?php
/**
 * The return policy as a table of cases: each row is store settings, an order, what earlier
 * returns took, and what the shopper may return of each line (and why not).
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Returns;

use Aftercare\Returns\Eligibility;
use Aftercare\Returns\Policy;
use Aftercare\Returns\ReturnedQuantities;
use Aftercare\Settings\Settings;
use Aftercare\Tests\FixedClock;
use Aftercare\Tests\Orders\TestOrderFactory;
use Aftercare\Tests\TestCase;

/**
 * @group sqlite
 */
final class EligibilityTest extends TestCase {

	private const NOW = 1_800_000_000;

	private const DAY = 86400;

	// phpcs:disable Generic.Files.LineLength.TooLong -- one type or sentence.
	/**
	 * @return array<string, array{0: array<string, mixed>, 1: array<string, mixed>, 2: array<int, array{returned: int, refunded: int}>, 3: array<int, array{0: int, 1: string}>}>
	 *   settings, order (overrides), earlier returns by line index, expected [returnable, reason] by line index.
	 */
	// phpcs:enable Generic.Files.LineLength.TooLong
	public function cases(): array {
		$none = array();
		return array(
			'completed 10 days ago, 30-day window: everything'        => array( $none, array(), $none, array( array( 2, '' ), array( 1, '' ) ) ),
			'completed 45 days ago, 30-day window'                    => array(
				$none,
				array( 'completed' => self::NOW - 45 * self::DAY ),
				$none,
				array( array( 0, 'Completed 45 days ago; returns are accepted for 30 days.' ), array( 0, 'Completed 45 days ago; returns are accepted for 30 days.' ) ),
			),
			'last day of the window still counts'                     => array(
				$none,
				array( 'completed' => self::NOW - 30 * self::DAY ),
				$none,
				array( array( 2, '' ), array( 1, '' ) ),
			),
			'one second past the window'                              => array(
				$none,
				array( 'completed' => self::NOW - 30 * self::DAY - 1 ),
				$none,
				array( array( 0, 'Completed 30 days ago; returns are accepted for 30 days.' ), array( 0, 'Completed 30 days ago; returns are accepted for 30 days.' ) ),
			),
			'delivery, when known, starts the window'                 => array(
				array( 'return_window_days' => 14 ),
				array( 'completed' => self::NOW - 40 * self::DAY, 'meta' => array( '_aftercare_delivered' => self::NOW - 20 * self::DAY ) ),
				$none,
				array( array( 0, 'Delivered 20 days ago; returns are accepted for 14 days.' ), array( 0, 'Delivered 20 days ago; returns are accepted for 14 days.' ) ),
			),
			'late delivery keeps the window open'                     => array(
				$none,
				array( 'completed' => self::NOW - 40 * self::DAY, 'meta' => array( '_aftercare_delivered' => self::NOW - 5 * self::DAY ) ),
				$none,
				array( array( 2, '' ), array( 1, '' ) ),
			),
			'a longer window'                                         => array(
				array( 'return_window_days' => 60 ),
				array( 'completed' => self::NOW - 45 * self::DAY ),
				$none,
				array( array( 2, '' ), array( 1, '' ) ),
			),
			'processing is not an eligible status by default'         => array(
				$none,
				array( 'status' => 'processing', 'completed' => null ),
				$none,
				array(
					array( 0, 'This order\'s status is “Processing”; items cannot be returned from orders with this status.' ),
					array( 0, 'This order\'s status is “Processing”; items cannot be returned from orders with this status.' ),
				),
			),
			'a store that accepts processing orders'                  => array(
				array( 'return_order_statuses' => array( 'completed', 'processing' ) ),
				array( 'status' => 'processing', 'completed' => null ),
				$none,
				array( array( 2, '' ), array( 1, '' ) ),
			),
			'custom status named in its own words'                    => array(
				$none,
				array( 'status' => 'awaiting-pickup' ),
				$none,
				array(
					array( 0, 'This order\'s status is “Awaiting pickup”; items cannot be returned from orders with this status.' ),
					array( 0, 'This order\'s status is “Awaiting pickup”; items cannot be returned from orders with this status.' ),
				),
			),
			'refunded orders'                                         => array(
				$none,
				array( 'status' => 'refunded' ),
				$none,
				array(
					array( 0, 'This order\'s status is “Refunded”; items cannot be returned from orders with this status.' ),
					array( 0, 'This order\'s status is “Refunded”; items cannot be returned from orders with this status.' ),
				),
			),
			'excluded product'                                        => array(
				array( 'return_excluded_products' => array( 501 ) ),
				array(),
				$none,
				array( array( 0, 'This product cannot be returned.' ), array( 1, '' ) ),
			),
			'product marked not returnable'                           => array(
				$none,
				array( 'items' => array( 1 => array( 'not_returnable' => true ) ) ),
				$none,
				array( array( 2, '' ), array( 0, 'This product cannot be returned.' ) ),
			),
			'excluded category'                                       => array(
				array( 'return_excluded_categories' => array( 9, 30 ) ),
				array(),
				$none,
				array( array( 2, '' ), array( 0, 'Products in this category cannot be returned.' ) ),
			),
			'sale items returnable unless the store says otherwise'  => array(
				$none,
				array( 'items' => array( 0 => array( 'on_sale' => true ) ) ),
				$none,
				array( array( 2, '' ), array( 1, '' ) ),
			),
			'sale items excluded'                                     => array(
				array( 'return_exclude_sale_items' => true ),
				array( 'items' => array( 0 => array( 'on_sale' => true ) ) ),
				$none,
				array( array( 0, 'Items bought on sale cannot be returned.' ), array( 1, '' ) ),
			),
			'below the minimum order total'                           => array(
				array( 'return_minimum_order_total' => 60 ),
				array(),
				$none,
				array(
					array( 0, 'Returns are accepted for orders of {60} or more; this order came to {54}.' ),
					array( 0, 'Returns are accepted for orders of {60} or more; this order came to {54}.' ),
				),
			),
			'exactly the minimum'                                     => array(
				array( 'return_minimum_order_total' => 54 ),
				array(),
				$none,
				array( array( 2, '' ), array( 1, '' ) ),
			),
			'partial return leaves the rest'                          => array(
				$none,
				array(),
				array( 0 => array( 'returned' => 1, 'refunded' => 0 ) ),
				array( array( 1, '' ), array( 1, '' ) ),
			),
			'repeated returns use it up'                              => array(
				$none,
				array(),
				array( 0 => array( 'returned' => 2, 'refunded' => 0 ), 1 => array( 'returned' => 1, 'refunded' => 0 ) ),
				array( array( 0, 'Already returned.' ), array( 0, 'Already returned.' ) ),
			),
			'refunded outside a return'                               => array(
				$none,
				array( 'items' => array( 0 => array( 'refunded_quantity' => 2 ) ) ),
				$none,
				array( array( 0, 'Already refunded.' ), array( 1, '' ) ),
			),
			'one returned, one refunded elsewhere'                    => array(
				$none,
				array( 'items' => array( 0 => array( 'refunded_quantity' => 1 ) ) ),
				array( 0 => array( 'returned' => 1, 'refunded' => 0 ) ),
				array( array( 0, 'Already returned or refunded.' ), array( 1, '' ) ),
			),
			'a return Aftercare refunded is not subtracted twice'     => array(
				$none,
				array( 'items' => array( 0 => array( 'refunded_quantity' => 1 ) ) ),
				array( 0 => array( 'returned' => 1, 'refunded' => 1 ) ),
				array( array( 1, '' ), array( 1, '' ) ),
			),
			'the order-level reason wins over the item-level one'    => array(
				array( 'return_excluded_products' => array( 501 ) ),
				array( 'completed' => self::NOW - 45 * self::DAY ),
				$none,
				array( array( 0, 'Completed 45 days ago; returns are accepted for 30 days.' ), array( 0, 'Completed 45 days ago; returns are accepted for 30 days.' ) ),
			),
		);
	}

	/**
	 * @dataProvider cases
	 *
	 * @param array<string, mixed>                              $settings Policy settings.
	 * @param array<string, mixed>                              $order    Overrides of the default order.
	 * @param array<int, array{returned: int, refunded: int}>   $earlier  Earlier returns by line index.
	 * @param array<int, array{0: int, 1: string}>              $expected [returnable, reason] by line index.
	 */
	public function test_policy( array $settings, array $order, array $earlier, array $expected ): void {
		$settings_store = new Settings();
		$settings_store->update( $settings );
		$factory = new TestOrderFactory( aftercare_test_order_source() );
		$lines   = array(
			array(
				'name'         => 'Linen shirt',
				'quantity'     => 2,
				'total'        => 40.0,
				'product_id'   => 501,
				'category_ids' => array( 7 ),
			),
			array(
				'name'         => 'Canvas tote',
				'quantity'     => 1,
				'total'        => 14.0,
				'product_id'   => 502,
				'category_ids' => array( 8, 9 ),
			),
		);
		foreach ( (array) ( $order['items'] ?? array() ) as $index => $changes ) {
			$lines[ $index ] = $changes + $lines[ $index ];
		}
		$spec = array_filter(
			array( 'items' => $lines ) + $order + array(
				'status'    => 'completed',
				'email'     => 'shopper@example.test',
				'total'     => 54.0,
				'created'   => self::NOW - 12 * self::DAY,
				'completed' => self::NOW - 10 * self::DAY,
			),
			static fn( $v ) => null !== $v
		);
		$found = $factory->source()->find( $factory->create( $spec ) );
		$this->assertNotNull( $found );
		$by_id = array();
		foreach ( $earlier as $index => $counts ) {
			$by_id[ $found->items[ $index ]->id ] = $counts;
		}
		$returned = new class( $by_id ) implements ReturnedQuantities {
			/**
			 * @param array<int, array{returned: int, refunded: int}> $counts By item id.
			 */
			public function __construct( private array $counts ) {}

			public function returned_quantities( array $order_ids ): array {
				return array_fill_keys( $order_ids, $this->counts );
			}
		};

		$result = ( new Eligibility( new Policy( $settings_store ), $returned, new FixedClock( self::NOW ) ) )->check( $found );

		$actual   = array_map( static fn( $item ) => array( $item->returnable, $item->reason ), $result->items );
		$expected = array_map(
			static fn( array $line ) => array( $line[0], (string) preg_replace_callback( '/\{(\d+)\}/', static fn( $m ) => self::money( (float) $m[1] ), $line[1] ) ),
			$expected
		);
		$this->assertSame( $expected, $actual );
		$this->assertSame( (bool) array_filter( array_column( $expected, 0 ) ), $result->any_returnable() );
	}

	/**
	 * An amount as the store writes it in plain text (WooCommerce's format when active).
	 */
	private static function money( float $amount ): string {
		return function_exists( 'wc_price' )
			? html_entity_decode( wp_strip_all_tags( (string) wc_price( $amount, array( 'currency' => 'USD' ) ) ), ENT_QUOTES, 'UTF-8' )
			: 'USD ' . number_format_i18n( $amount, 2 );
	}

	public function test_products_and_categories_own_rules_product_first_then_the_strictest_category(): void {
		$factory    = new TestOrderFactory( aftercare_test_order_source() );
		$gift_cards = $factory->category( 'Gift cards', array( 'not_returnable' => true ) );
		$shoes      = $factory->category( 'Shoes', array( 'window_days' => 14 ) );
		$sale_rack  = $factory->category( 'Sale rack', array( 'window_days' => 10 ) );
		$furniture  = $factory->category( 'Furniture', array( 'window_days' => 90 ) );
		$lines      = array(
			'the product\'s own window'                        => array( array( 'window_days' => 14 ), array() ),
			'the category\'s window'                           => array( array(), array( $shoes ) ),
			'the shorter of two categories\' windows'          => array( array(), array( $shoes, $sale_rack ) ),
			'a category that is not returnable beats windows'  => array( array(), array( $furniture, $gift_cards ) ),
			'the product\'s window beats its categories'       => array( array( 'window_days' => 60 ), array( $gift_cards, $shoes ) ),
			'a longer category window keeps it open'           => array( array(), array( $furniture ) ),
			'the product marked not returnable'                => array( array( 'not_returnable' => true ), array( $furniture ) ),
			'the policy\'s exclusion holds over its own window' => array( array( 'window_days' => 60 ), array() ),
			'no rule: the store\'s window'                     => array( array(), array() ),
		);
		$items      = array();
		foreach ( $lines as $name => list( $rule, $categories ) ) {
			$items[] = array(
				'name'       => $name,
				'quantity'   => 1,
				'total'      => 10.0,
				'product_id' => $factory->returns_product( $name, $rule, $categories ),
			);
		}
		$excluded = $items[7]['product_id'];
		$settings = new Settings();
		$settings->update( array( 'return_excluded_products' => array( $excluded ) ) );
		$none    = new class() implements ReturnedQuantities {
			public function returned_quantities( array $order_ids ): array {
				return array();
			}
		};
		$checker = new Eligibility( new Policy( $settings ), $none, new FixedClock( self::NOW ) );
		$spec    = array(
			'status'    => 'completed',
			'total'     => 90.0,
			'items'     => $items,
			'completed' => self::NOW - 20 * self::DAY,
		);

		$completed = $checker->check( $factory->source()->find( $factory->create( $spec ) ) );
		$this->assertSame(
			array(
				'the product\'s own window'                        => array( 0, 'Completed 20 days ago; this product\'s window is 14 days.' ),
				'the category\'s window'                           => array( 0, 'Completed 20 days ago; the window for Shoes is 14 days.' ),
				'the shorter of two categories\' windows'          => array( 0, 'Completed 20 days ago; the window for Sale rack is 10 days.' ),
				'a category that is not returnable beats windows'  => array( 0, 'Gift cards cannot be returned.' ),
				'the product\'s window beats its categories'       => array( 1, '' ),
				'a longer category window keeps it open'           => array( 1, '' ),
				'the product marked not returnable'                => array( 0, 'This product cannot be returned.' ),
				'the policy\'s exclusion holds over its own window' => array( 0, 'This product cannot be returned.' ),
				'no rule: the store\'s window'                     => array( 1, '' ),
			),
			array_combine( array_keys( $lines ), array_map( static fn( $item ) => array( $item->returnable, $item->reason ), $completed->items ) )
		);

		$spec['completed'] = self::NOW - 45 * self::DAY;
		$spec['meta']      = array( '_aftercare_delivered' => self::NOW - 41 * self::DAY );
		$late              = $checker->check( $factory->source()->find( $factory->create( $spec ) ) );
		$this->assertSame(
			array(
				array( 0, 'Delivered 41 days ago; this product\'s window is 14 days.' ),
				array( 0, 'Delivered 41 days ago; the window for Shoes is 14 days.' ),
				array( 0, 'Delivered 41 days ago; the window for Sale rack is 10 days.' ),
				array( 0, 'Gift cards cannot be returned.' ),
				array( 1, '' ),
				array( 1, '' ),
				array( 0, 'This product cannot be returned.' ),
				array( 0, 'This product cannot be returned.' ),
				array( 0, 'Delivered 41 days ago; returns are accepted for 30 days.' ),
			),
			array_map( static fn( $item ) => array( $item->returnable, $item->reason ), $late->items )
		);
	}

	public function test_the_deadline_follows_delivery_then_completion_and_is_unknown_before_either(): void {
		$policy  = new Policy( new Settings() );
		$none    = new class() implements ReturnedQuantities {
			public function returned_quantities( array $order_ids ): array {
				return array();
			}
		};
		$checker = new Eligibility( $policy, $none, new FixedClock( self::NOW ) );
		$factory = new TestOrderFactory( aftercare_test_order_source() );
		$open    = $factory->source()->find( $factory->create( array( 'status' => 'processing' ) ) );
		$done    = $factory->source()->find( $factory->create( array( 'status' => 'completed', 'completed' => self::NOW ) ) );

		$this->assertNull( $checker->deadline( $open ) );
		$this->assertSame( self::NOW + 30 * self::DAY, $checker->deadline( $done ) );
	}

	public function test_restocking_fee_percent_fixed_or_none(): void {
		$settings = new Settings();
		$policy   = new Policy( $settings );
		$this->assertSame( 0.0, $policy->restocking_fee( 80.0 ) );
		$settings->update( array( 'return_restocking_fee_type' => 'percent', 'return_restocking_fee' => 15 ) );
		$this->assertSame( 12.0, $policy->restocking_fee( 80.0 ) );
		$settings->update( array( 'return_restocking_fee_type' => 'fixed', 'return_restocking_fee' => 5 ) );
		$this->assertSame( 5.0, $policy->restocking_fee( 80.0 ) );
		$this->assertSame( 3.0, $policy->restocking_fee( 3.0 ), 'never more than the refund' );
	}

	public function test_policy_settings_are_validated_by_the_settings_route(): void {
		$admin = $this->user( 'administrator' )->ID;
		$bad   = array(
			array( 'return_window_days' => 0 ),
			array( 'return_outcomes' => array( 'cash' ) ),
			array( 'return_outcomes' => array() ),
			array( 'return_reasons' => array( array( 'key' => 'Bad Key!', 'label' => 'x' ) ) ),
			array( 'return_reasons' => array( array( 'label' => 'no key' ) ) ),
			array( 'return_restocking_fee_type' => 'sometimes' ),
			array( 'return_excluded_categories' => array( -1 ) ),
		);
		foreach ( $bad as $params ) {
			$this->assertSame( 400, $this->rest( 'POST', '/aftercare/v1/settings', $params, $admin )->get_status(), (string) wp_json_encode( $params ) );
		}
		$reasons  = array(
			array(
				'key'    => 'scratched',
				'label'  => 'Scratched',
				'photos' => true,
			),
		);
		$response = $this->rest( 'POST', '/aftercare/v1/settings', array( 'return_reasons' => $reasons, 'return_outcomes' => array( 'refund' ) ), $admin );
		$this->assertSame( 200, $response->get_status() );
		$policy = new Policy( new Settings() );
		$this->assertSame( array( 'scratched' => array( 'label' => 'Scratched', 'photos' => true ) ), $policy->reasons() );
		$this->assertSame( array( 'refund' ), $policy->outcomes() );
		$this->assertSame(
			403,
			$this->rest( 'POST', '/aftercare/v1/settings', array( 'return_window_days' => 5 ), $this->user( 'aftercare_agent' )->ID )->get_status()
		);
	}
}
