<?php
/**
 * Priority from the order: each condition matched, not matched and at its boundary; the priority
 * a rule asks for; several rules at once (highest raise wins, tightest SLA wins); evaluation on
 * creation, on an order change and on a refused return, once per rule; agents' priorities never
 * lowered; the settings' validation; and what customers do not see.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Tickets;

use Aftercare\Orders\CustomerSummary;
use Aftercare\Orders\Order;
use Aftercare\Orders\OrderSource;
use Aftercare\Orders\Tracking;
use Aftercare\Orders\WooCommerceOrderSource;
use Aftercare\Plugin;
use Aftercare\Settings\Settings;
use Aftercare\Tests\Orders\OrderFactory;
use Aftercare\Tests\Orders\SampleOrder;
use Aftercare\Tests\Orders\SiteOrders;
use Aftercare\Tests\TestCase;
use Aftercare\Tickets\OrderFacts;
use Aftercare\Tickets\OrderPriority;
use Aftercare\Tickets\Priority;
use Aftercare\Tickets\PriorityRules;
use Aftercare\Tickets\Ticket;

/**
 * Also on SQLite, the database `npm start` uses.
 *
 * @group sqlite
 */
final class PriorityRulesTest extends TestCase {

	private const NOW = 1780000000;

	private OrderFactory $orders;

	protected function setUp(): void {
		parent::setUp();
		$this->orders = SiteOrders::factory();
	}

	/**
	 * @param array<string, mixed> $rule Fields beside the defaults.
	 * @return array<string, mixed>
	 */
	private static function rule( string $when, array $rule = array() ): array {
		return PriorityRules::normalize( $rule + array( 'key' => $when, 'when' => $when, 'priority' => 'high' ) );
	}

	/**
	 * An order for the pure tests.
	 *
	 * @param int[] $shipped Unix times each shipment left.
	 */
	private static function order( float $total = 100.0, array $shipped = array(), ?int $delivered = null ): Order {
		$tracking = array_map( static fn( int $time ): Tracking => new Tracking( 'UPS', '1Z' . $time, '', $time ), $shipped );
		$placed = self::NOW - 10 * DAY_IN_SECONDS;
		return new Order( 7, '1007', 'processing', 'Processing', $placed, 3, 'c@example.test', 'C', $total, 'USD', array(), $tracking, null, null, null, 0.0, $delivered ); // phpcs:ignore Generic.Files.LineLength.TooLong
	}

	/**
	 * @return array<string, array{0: array<string, mixed>, 1: OrderFacts, 2: bool}>
	 */
	public static function conditions(): array {
		$day   = DAY_IN_SECONDS;
		$facts = static fn( ?Order $order, ?float $spent = null, bool $first = false, bool $refused = false ): OrderFacts => new OrderFacts(
			$order,
			null === $spent ? null : new CustomerSummary( 3, $spent, 'USD' ),
			$first,
			$refused,
			self::NOW
		);
		$late  = self::rule( 'order_late', array( 'days' => 3 ) );
		return array(
			'order value over 500: 500.01'            => array( self::rule( 'order_total', array( 'amount' => 500 ) ), $facts( self::order( 500.01 ) ), true ),
			'order value over 500: exactly 500'       => array( self::rule( 'order_total', array( 'amount' => 500 ) ), $facts( self::order( 500.0 ) ), false ),
			'order value over 500: 499.99'            => array( self::rule( 'order_total', array( 'amount' => 500 ) ), $facts( self::order( 499.99 ) ), false ),
			'order value: no order'                   => array( self::rule( 'order_total', array( 'amount' => 500 ) ), $facts( null ), false ),
			'spent over 2000: 2000.01'                => array( self::rule( 'lifetime_value', array( 'amount' => 2000 ) ), $facts( null, 2000.01 ), true ),
			'spent over 2000: exactly 2000'           => array( self::rule( 'lifetime_value', array( 'amount' => 2000 ) ), $facts( null, 2000.0 ), false ),
			'spent: email not confirmed (unknown)'    => array( self::rule( 'lifetime_value', array( 'amount' => 1 ) ), $facts( self::order(), null ), false ),
			'first order'                             => array( self::rule( 'first_order' ), $facts( self::order(), null, true ), true ),
			'not the first order'                     => array( self::rule( 'first_order' ), $facts( self::order(), null, false ), false ),
			'first order: no order'                   => array( self::rule( 'first_order' ), $facts( null, null, true ), false ),
			'late: shipped exactly 3 days ago'        => array( $late, $facts( self::order( 10, array( self::NOW - 3 * $day ) ) ), true ),
			'late: shipped a second short of 3 days'  => array( $late, $facts( self::order( 10, array( self::NOW - 3 * $day + 1 ) ) ), false ),
			'late: delivered'                         => array( $late, $facts( self::order( 10, array( self::NOW - 9 * $day ), self::NOW - $day ) ), false ),
			'late: not shipped'                       => array( $late, $facts( self::order() ), false ),
			'late: the first of two shipments counts' => array( $late, $facts( self::order( 10, array( self::NOW, self::NOW - 4 * $day ) ) ), true ),
			'return refused'                          => array( self::rule( 'return_refused' ), $facts( self::order(), null, false, true ), true ),
			'no return refused'                       => array( self::rule( 'return_refused' ), $facts( self::order() ), false ),
		);
	}

	/**
	 * @dataProvider conditions
	 * @param array<string, mixed> $rule Normalized rule.
	 */
	public function test_each_condition_matches_or_not( array $rule, OrderFacts $facts, bool $expected ): void {
		$this->assertSame( $expected, PriorityRules::matches( $rule, $facts ) );
	}

	/**
	 * @return array<string, array{0: string, 1: Priority, 2: Priority}>
	 */
	public static function raises(): array {
		return array(
			'one step from low'          => array( 'raise', Priority::Low, Priority::Normal ),
			'one step from normal'       => array( 'raise', Priority::Normal, Priority::High ),
			'one step from urgent stays' => array( 'raise', Priority::Urgent, Priority::Urgent ),
			'to high from normal'        => array( 'high', Priority::Normal, Priority::High ),
			'to high from urgent stays'  => array( 'high', Priority::Urgent, Priority::Urgent ),
			'to normal from high stays'  => array( 'normal', Priority::High, Priority::High ),
			'keep'                       => array( 'keep', Priority::Low, Priority::Low ),
		);
	}

	/**
	 * @dataProvider raises
	 */
	public function test_a_rule_only_raises( string $raise, Priority $from, Priority $expected ): void {
		$this->assertSame( $expected, PriorityRules::target( self::rule( 'first_order', array( 'priority' => $raise ) ), $from ) );
	}

	/**
	 * @param array<int, array<string, mixed>> $rules The store's rules.
	 */
	private function set_rules( array $rules ): void {
		update_option( Settings::OPTION, array( 'priority_rules' => $rules ) + (array) get_option( Settings::OPTION, array() ) );
	}

	/**
	 * A ticket an agent opens for a customer about an order.
	 *
	 * @param array<string, mixed> $extra More creation input.
	 * @return array<string, mixed> The ticket as the agent reads it.
	 */
	private function open( int $agent, int $customer, int $order_id, array $extra = array() ): array {
		$response = $this->rest(
			'POST',
			'/aftercare/v1/tickets',
			$extra + array_filter(
				array(
					'customer_id' => $customer,
					'order_id'    => $order_id,
					'subject'     => 'Where is my parcel?',
					'message'     => 'It has not come.',
				)
			),
			$agent
		);
		$this->assertSame( 201, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		return $this->read( $agent, (int) $response->get_data()['id'] );
	}

	/**
	 * @return array<string, mixed>
	 */
	private function read( int $user, int $id ): array {
		$response = $this->rest( 'GET', '/aftercare/v1/tickets/' . $id, array( 'context' => 'edit' ), $user );
		$this->assertSame( 200, $response->get_status() );
		return $response->get_data();
	}

	/**
	 * @return array<int, array<string, mixed>> The ticket's `rule` events as the API gives them.
	 */
	private function rule_events( int $agent, int $id ): array {
		$events = $this->rest( 'GET', '/aftercare/v1/tickets/' . $id . '/events', array(), $agent )->get_data();
		return array_values( array_filter( $events, static fn( array $event ): bool => 'rule' === $event['type'] ) );
	}

	private function customer_order( int $customer_id, float $total, array $spec = array() ): int {
		$user = get_userdata( $customer_id );
		return $this->orders->create(
			$spec + array(
				'status'      => 'processing',
				'customer_id' => $customer_id,
				'email'       => $user->user_email,
				'name'        => 'Casey Customer',
				'total'       => $total,
				'created'     => time() - 2 * DAY_IN_SECONDS,
				'paid'        => time() - 2 * DAY_IN_SECONDS,
				'items'       => array(
					array(
						'name'     => 'Wool sweater',
						'quantity' => 1,
						'total'    => $total,
					),
				),
			)
		);
	}

	public function test_on_creation_the_highest_raise_wins_and_the_tightest_sla_applies(): void {
		$agent    = $this->user( 'aftercare_agent' )->ID;
		$customer = $this->user( 'subscriber' )->ID;
		$this->set_rules(
			array(
				array( 'key' => 'big', 'when' => 'order_total', 'amount' => 500, 'priority' => 'high', 'sla_percent' => 50 ),
				array( 'key' => 'first', 'when' => 'first_order', 'priority' => 'urgent', 'first_response_minutes' => 20 ),
				array( 'key' => 'vip', 'when' => 'lifetime_value', 'amount' => 5000, 'priority' => 'urgent' ),
			)
		);
		$ticket = $this->open( $agent, $customer, $this->customer_order( $customer, 600.0 ) );

		$this->assertSame( 'urgent', $ticket['priority'] );
		$this->assertSame( array( 'big', 'first' ), array_column( $ticket['rules'], 'key' ), 'the customer spent 600, not over 5000' );
		$this->assertSame( array( 'normal', 'normal' ), array_column( $ticket['rules'], 'from' ) );
		$this->assertSame( array( 'high', 'urgent' ), array_column( $ticket['rules'], 'to' ) );
		$this->assertMatchesRegularExpression( '/^order value over .*500/', $ticket['rules'][0]['reason'] );
		$this->assertSame( 'the customer\'s first order', $ticket['rules'][1]['reason'] );
		// Urgent's first response is 30 minutes; halved it is 15, under the 20-minute cap.
		$due = strtotime( $ticket['sla']['due'] ) - strtotime( $ticket['created'] );
		$this->assertSame( 15 * 60, $due );

		$events = $this->rule_events( $agent, $ticket['id'] );
		$this->assertCount( 2, $events );
		$this->assertSame( 'urgent', $events[1]['data']->to, 'the highest raise is the last event' );
		$this->assertSame( 0, $events[0]['actor']['id'] );
		$this->assertMatchesRegularExpression( '/^order value over/', $events[0]['data']->reason );
	}

	public function test_a_ticket_that_matches_nothing_is_left_as_it_is(): void {
		$agent    = $this->user( 'aftercare_agent' )->ID;
		$customer = $this->user( 'subscriber' )->ID;
		$this->set_rules( array( array( 'key' => 'big', 'when' => 'order_total', 'amount' => 500, 'priority' => 'high' ) ) );
		$ticket = $this->open( $agent, $customer, $this->customer_order( $customer, 500.0 ) );

		$this->assertSame( 'normal', $ticket['priority'] );
		$this->assertSame( array(), $ticket['rules'] );
		$this->assertSame( array(), $this->rule_events( $agent, $ticket['id'] ) );
		$this->assertSame( 480 * 60, strtotime( $ticket['sla']['due'] ) - strtotime( $ticket['created'] ) );
	}

	public function test_an_agents_higher_priority_is_kept_and_a_rule_fires_once(): void {
		$agent    = $this->user( 'aftercare_agent' )->ID;
		$customer = $this->user( 'subscriber' )->ID;
		$this->set_rules( array( array( 'key' => 'big', 'when' => 'order_total', 'amount' => 100, 'priority' => 'high' ) ) );
		$order  = $this->customer_order( $customer, 600.0 );
		$ticket = $this->open( $agent, $customer, $order, array( 'priority' => 'urgent' ) );
		$this->assertSame( 'urgent', $ticket['priority'], 'never lowered' );
		$this->assertSame( 'urgent', $ticket['rules'][0]['to'] );

		// The agent lowers it; the order changes: the rule has fired and does not undo the agent.
		$this->assertSame( 200, $this->rest( 'PATCH', '/aftercare/v1/tickets/' . $ticket['id'], array( 'priority' => 'low' ), $agent )->get_status() );
		do_action( OrderSource::CHANGED, $order );
		$ticket = $this->read( $agent, $ticket['id'] );
		$this->assertSame( 'low', $ticket['priority'] );
		$this->assertCount( 1, $ticket['rules'] );
		$this->assertCount( 1, $this->rule_events( $agent, $ticket['id'] ) );
	}

	public function test_an_order_that_becomes_late_raises_its_open_tickets_once(): void {
		$agent    = $this->user( 'aftercare_agent' )->ID;
		$customer = $this->user( 'subscriber' )->ID;
		$this->set_rules( array( array( 'key' => 'late', 'when' => 'order_late', 'days' => 5, 'priority' => 'raise' ) ) );
		$order  = $this->customer_order( $customer, 40.0 );
		$ticket = $this->open( $agent, $customer, $order );
		$other  = $this->open( $agent, $customer, $order );
		$this->assertSame( 'normal', $ticket['priority'] );
		$this->rest( 'PATCH', '/aftercare/v1/tickets/' . $other['id'], array( 'status' => 'solved' ), $agent );

		// Tracking recorded through the port: shipped six days ago, not delivered.
		$this->orders->source()->save_tracking( $order, array( new Tracking( 'UPS', '1Z999AA10123456784', '', time() - 6 * DAY_IN_SECONDS ) ) );
		$ticket = $this->read( $agent, $ticket['id'] );
		$this->assertSame( 'high', $ticket['priority'] );
		$this->assertSame( 'shipped 5 days ago and not delivered', $ticket['rules'][0]['reason'] );
		$this->assertSame( 'normal', $this->read( $agent, $other['id'] )['priority'], 'solved tickets are left alone' );

		do_action( OrderSource::CHANGED, $order );
		do_action( OrderSource::CHANGED, $order );
		$this->assertSame( 'high', $this->read( $agent, $ticket['id'] )['priority'], 'one step, once' );
		$this->assertCount( 1, $this->rule_events( $agent, $ticket['id'] ) );
	}

	public function test_the_sweep_finds_orders_that_became_late_with_time(): void {
		$agent    = $this->user( 'aftercare_agent' )->ID;
		$customer = $this->user( 'subscriber' )->ID;
		$this->set_rules( array( array( 'key' => 'late', 'when' => 'order_late', 'days' => 2, 'priority' => 'urgent' ) ) );
		$order  = $this->customer_order(
			$customer,
			40.0,
			array( 'meta' => array( '_aftercare_tracking' => array( array( 'carrier' => 'UPS', 'number' => '1Z1', 'shipped' => time() - DAY_IN_SECONDS ) ) ) )
		);
		$ticket = $this->open( $agent, $customer, $order );
		$this->assertSame( 'normal', $ticket['priority'], 'shipped a day ago: not late yet' );

		// Time passes; nothing about the order changes. The SLA sweep checks it.
		update_option( OrderPriority::CURSOR, $ticket['id'] - 1 );
		$this->age_tracking( $order, 2 * DAY_IN_SECONDS + 60 );
		$this->assertSame( 'normal', $this->read( $agent, $ticket['id'] )['priority'] );
		do_action( 'aftercare_tickets_sla_sweep' );
		$this->assertSame( 'urgent', $this->read( $agent, $ticket['id'] )['priority'] );
	}

	/**
	 * Moves the order's shipment back in time without announcing a change (time passing).
	 */
	private function age_tracking( int $order_id, int $ago ): void {
		// A copy of the listeners: remove_all_actions() empties the hook object itself.
		$saved = clone $GLOBALS['wp_filter'][ OrderSource::CHANGED ];
		remove_all_actions( OrderSource::CHANGED );
		$this->orders->source()->save_tracking( $order_id, array( new Tracking( 'UPS', '1Z1', '', time() - $ago ) ) );
		$GLOBALS['wp_filter'][ OrderSource::CHANGED ] = $saved;
	}

	public function test_a_refused_return_raises_the_orders_tickets(): void {
		$agent = $this->user( 'aftercare_agent' )->ID;
		$this->set_rules( array( array( 'key' => 'refused', 'when' => 'return_refused', 'priority' => 'high', 'first_response_minutes' => 60 ) ) );
		$order   = $this->orders->source()->find(
			$this->orders->create(
				SampleOrder::spec(
					array(
						'email' => 'gwen@example.test',
						'name'  => 'Gwen Guest',
					)
				)
			)
		);
		$service = Plugin::instance()->returns;
		$return  = $service->create(
			$order,
			array(
				'items'   => array(
					array(
						'order_item_id' => $order->items[0]->id,
						'quantity'      => 1,
						'reason'        => 'size',
					),
				),
				'outcome' => 'refund',
				'comment' => 'Too small.',
			),
			0
		)['return'];
		$ticket = $this->read( $agent, $return->ticket_id );
		$this->assertSame( 'normal', $ticket['priority'] );

		$service->move( $return->id, 'rejected', $agent, 'Worn items cannot be returned.' );
		$ticket = $this->read( $agent, $return->ticket_id );
		$this->assertSame( 'high', $ticket['priority'] );
		$this->assertSame( 'a return of the order was refused', $ticket['rules'][0]['reason'] );
		$this->assertSame( 60, $ticket['rules'][0]['first_response_minutes'] );
	}

	public function test_a_guests_unconfirmed_email_does_not_bring_someone_elses_spending(): void {
		$agent    = $this->user( 'aftercare_agent' )->ID;
		$customer = $this->user( 'subscriber' );
		$this->customer_order( $customer->ID, 9000.0 );
		$this->set_rules( array( array( 'key' => 'vip', 'when' => 'lifetime_value', 'amount' => 1000, 'priority' => 'urgent' ) ) );
		$response = $this->rest(
			'POST',
			'/aftercare/v1/tickets',
			array(
				'name'    => 'Someone',
				'email'   => 'stranger@example.test',
				'subject' => 'Hello',
				'message' => 'Please help.',
			)
		);
		$this->assertSame( 201, $response->get_status() );
		$this->assertSame( 'normal', $this->read( $agent, (int) $response->get_data()['id'] )['priority'] );

		// The account holder's own ticket is confirmed and counts.
		$ticket = $this->open( $agent, $customer->ID, 0 );
		$this->assertSame( 'urgent', $ticket['priority'] );
	}

	public function test_customers_do_not_see_the_rules_or_their_events(): void {
		$agent    = $this->user( 'aftercare_agent' )->ID;
		$customer = $this->user( 'subscriber' )->ID;
		$this->set_rules( array( array( 'key' => 'big', 'when' => 'order_total', 'amount' => 100, 'priority' => 'high' ) ) );
		$ticket = $this->open( $agent, $customer, $this->customer_order( $customer, 600.0 ) );
		$this->assertSame( 'high', $ticket['priority'] );

		$own = $this->rest( 'GET', '/aftercare/v1/tickets/' . $ticket['id'], array(), $customer );
		$this->assertSame( 200, $own->get_status() );
		$this->assertArrayNotHasKey( 'rules', $own->get_data() );
		$this->assertSame( 403, $this->rest( 'GET', '/aftercare/v1/tickets/' . $ticket['id'], array( 'context' => 'edit' ), $customer )->get_status() );
		$this->assertSame( 403, $this->rest( 'GET', '/aftercare/v1/tickets/' . $ticket['id'] . '/events', array(), $customer )->get_status() );
		$list = $this->rest( 'GET', '/aftercare/v1/tickets', array(), $customer )->get_data();
		$this->assertStringNotContainsString( 'order value', (string) wp_json_encode( $list ) );
	}

	/**
	 * @return array<string, array{0: array<int, array<string, mixed>>, 1: string}>
	 */
	public static function refused_settings(): array {
		return array(
			'unknown condition'    => array( array( array( 'key' => 'a', 'when' => 'weather', 'priority' => 'high' ) ), 'each rule needs a condition from the list' ),
			'amount of 0'          => array(
				array( array( 'key' => 'a', 'when' => 'order_total', 'amount' => 0, 'priority' => 'high' ) ),
				'rule 1 (Order value over): enter an amount above 0',
			),
			'negative amount'      => array( array( array( 'key' => 'a', 'when' => 'lifetime_value', 'amount' => -5, 'priority' => 'high' ) ), 'amounts of 0 or more' ),
			'days out of range'    => array( array( array( 'key' => 'a', 'when' => 'order_late', 'days' => 400, 'priority' => 'high' ) ), '1 to 365 days' ),
			'SLA share too small'  => array( array( array( 'key' => 'a', 'when' => 'first_order', 'sla_percent' => 5 ) ), 'SLA share from 10 to 100' ),
			'changes nothing'      => array(
				array(
					array( 'key' => 'a', 'when' => 'first_order', 'priority' => 'high' ),
					array( 'key' => 'b', 'when' => 'return_refused', 'priority' => 'keep' ),
				),
				'rule 2 (A return of the order was refused) changes nothing',
			),
			'the same key twice'   => array(
				array(
					array( 'key' => 'a', 'when' => 'first_order', 'priority' => 'high' ),
					array( 'key' => 'a', 'when' => 'return_refused', 'priority' => 'high' ),
				),
				'two rules have the same key',
			),
			'unknown priority'     => array( array( array( 'key' => 'a', 'when' => 'first_order', 'priority' => 'top' ) ), 'a priority change from the list' ),
		);
	}

	/**
	 * @dataProvider refused_settings
	 * @param array<int, array<string, mixed>> $rules Rules as sent.
	 */
	public function test_settings_refuse_bad_rules_with_a_reason_and_save_nothing( array $rules, string $says ): void {
		$admin    = $this->user( 'administrator' )->ID;
		$response = $this->rest( 'POST', '/aftercare/v1/settings', array( 'priority_rules' => $rules, 'attachment_max_size_mb' => 5 ), $admin );
		$this->assertErrorCode( 'rest_invalid_param', $response, 400 );
		$this->assertStringContainsString( $says, $response->get_data()['data']['params']['priority_rules'] );
		$this->assertSame( array(), ( new Settings() )->get( 'priority_rules' ) );
		$this->assertSame( 10, ( new Settings() )->get( 'attachment_max_size_mb' ), 'nothing saved' );
	}

	public function test_settings_save_good_rules_for_managers_only(): void {
		$rules = array(
			array( 'key' => 'big', 'when' => 'order_total', 'amount' => 250.5, 'priority' => 'urgent', 'sla_percent' => 50 ),
			array( 'key' => 'late', 'when' => 'order_late', 'days' => 7, 'first_response_minutes' => 30 ),
		);
		$agent = $this->user( 'aftercare_agent' )->ID;
		$this->assertSame( 403, $this->rest( 'POST', '/aftercare/v1/settings', array( 'priority_rules' => $rules ), $agent )->get_status() );

		$admin    = $this->user( 'administrator' )->ID;
		$response = $this->rest( 'POST', '/aftercare/v1/settings', array( 'priority_rules' => $rules ), $admin );
		$this->assertSame( 200, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		$saved = $response->get_data()['priority_rules'];
		$this->assertSame( array( 'big', 'late' ), array_column( $saved, 'key' ) );
		$this->assertSame( 'keep', $saved[1]['priority'], 'defaults filled in' );
		$this->assertSame( 7, $saved[1]['days'] );
	}

	/**
	 * A real WooCommerce order's status change reaches the rules through the adapter.
	 *
	 * @group woocommerce
	 */
	public function test_a_woocommerce_order_status_change_is_evaluated(): void {
		if ( ! class_exists( 'WooCommerce' ) ) {
			$this->markTestSkipped( 'Needs WooCommerce.' );
		}
		$agent    = $this->user( 'aftercare_agent' )->ID;
		$customer = $this->user( 'subscriber' )->ID;
		$order_id = $this->customer_order( $customer, 30.0 );
		$ticket   = $this->open( $agent, $customer, $order_id );
		$this->set_rules( array( array( 'key' => 'late', 'when' => 'order_late', 'days' => 3, 'priority' => 'urgent' ) ) );

		$order = wc_get_order( $order_id );
		$order->update_meta_data(
			'_wc_shipment_tracking_items',
			array(
				array(
					'tracking_provider' => 'usps',
					'tracking_number'   => '9400111899223344556677',
					'date_shipped'      => time() - 4 * DAY_IN_SECONDS,
				),
			)
		);
		$order->update_status( 'completed' );

		$ticket = $this->read( $agent, $ticket['id'] );
		$this->assertSame( 'urgent', $ticket['priority'] );
		$this->assertSame( 'late', $ticket['rules'][0]['key'] );

		// Delivered orders are not late (the meta a carrier integration records).
		$second = $this->open( $agent, $customer, $order_id );
		$this->assertSame( 'urgent', $second['priority'], 'a new ticket on the late order' );
		$order->update_meta_data( WooCommerceOrderSource::DELIVERED_META, time() );
		$order->save();
		$third = $this->open( $agent, $customer, $order_id );
		$this->assertSame( 'normal', $third['priority'] );
	}

	/**
	 * Every save of a WooCommerce order checks its open tickets: what the rules look at is read
	 * once for all of them, and not at all once every rule has fired on them.
	 *
	 * @group woocommerce
	 */
	public function test_a_woocommerce_order_save_reads_the_customers_orders_once_for_all_its_tickets(): void {
		if ( ! class_exists( 'WooCommerce' ) ) {
			$this->markTestSkipped( 'Needs WooCommerce.' );
		}
		$agent    = $this->user( 'aftercare_agent' )->ID;
		$customer = $this->user( 'subscriber' )->ID;
		$this->customer_order( $customer, 20.0 );
		$order_id = $this->customer_order( $customer, 30.0 );
		$big      = array( 'key' => 'big', 'when' => 'order_total', 'amount' => 10, 'priority' => 'high' );
		$this->set_rules(
			array(
				$big,
				array( 'key' => 'spender', 'when' => 'lifetime_value', 'amount' => 10000, 'priority' => 'urgent' ),
				array( 'key' => 'first', 'when' => 'first_order', 'priority' => 'urgent' ),
			)
		);
		$tickets = array();
		for ( $i = 0; $i < 4; $i++ ) {
			$tickets[] = $this->open( $agent, $customer, $order_id )['id'];
		}
		// The queries WooCommerce runs for the customer's orders (its refunds are read per order, so not counted).
		$reads = 0;
		$count = static function ( array $args ) use ( &$reads ): array {
			$reads += 'shop_order' === $args['type'] ? 1 : 0;
			return $args;
		};
		$save  = static function ( string $note ) use ( $order_id ): void {
			$order = wc_get_order( $order_id );
			$order->update_meta_data( '_aftercare_test_note', $note );
			$order->save();
		};

		add_filter( 'woocommerce_order_query_args', $count );
		try {
			$save( 'first' );
			$unfired = $reads;
			// Only the rule that fired on every ticket when it was opened.
			$this->set_rules( array( $big ) );
			$reads = 0;
			$save( 'second' );
		} finally {
			remove_filter( 'woocommerce_order_query_args', $count );
		}

		$this->assertSame( 2, $unfired, 'the spending and the order history, once for the four tickets' );
		$this->assertSame( 0, $reads, 'no rule left to fire: nothing read' );
		foreach ( $tickets as $id ) {
			$ticket = $this->read( $agent, $id );
			$this->assertSame( 'high', $ticket['priority'] );
			$this->assertSame( array( 'big' ), array_column( $ticket['rules'], 'key' ) );
		}
	}
}
