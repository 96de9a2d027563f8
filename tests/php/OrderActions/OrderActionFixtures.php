<?php
/**
 * One customer's ticket about one order, an agent, and the order-actions route called as that
 * agent; with what an action writes, counted. Shared by the route's tests on the site's order
 * source and the WooCommerce-only ones.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\OrderActions;

use Aftercare\Orders\Order;
use Aftercare\Plugin;
use Aftercare\Tests\Orders\OrderFactory;
use Aftercare\Tests\Orders\SampleOrder;
use Aftercare\Tests\Orders\SiteOrders;
use Aftercare\Tickets\Ticket;

trait OrderActionFixtures {

	private OrderFactory $orders;

	private \WP_User $customer;

	private \WP_User $agent;

	private Order $order;

	private Ticket $ticket;

	/**
	 * The customer (a subscriber), the agent, a completed order and the ticket about it.
	 */
	private function set_up_ticket(): void {
		$this->orders   = SiteOrders::factory();
		$this->customer = $this->user( 'subscriber' );
		$this->agent    = $this->user( 'aftercare_agent' );
		$this->order    = $this->order_of( $this->customer );
		$this->ticket   = Plugin::instance()->tickets->create(
			array(
				'subject'  => 'My shirt is torn',
				'message'  => 'One of the shirts arrived torn.',
				'order_id' => $this->order->id,
			),
			$this->customer->ID
		)['ticket'];
	}

	/**
	 * A completed order: 2 × Linen shirt (40.00), 1 × Canvas tote (14.00).
	 *
	 * @param array<string, mixed> $spec Overrides.
	 */
	private function order_of( \WP_User $customer, array $spec = array() ): Order {
		$id = $this->orders->create(
			SampleOrder::spec(
				$spec + array(
					'customer_id' => $customer->ID,
					'email'       => $customer->user_email,
				)
			)
		);
		return $this->orders->source()->find( $id );
	}

	private function options( int $order_id, int $user ): \WP_REST_Response {
		return $this->rest( 'GET', '/aftercare/v1/tickets/' . $this->ticket->id . '/order-actions/' . $order_id, array(), $user );
	}

	/**
	 * @param array<string, mixed> $params The action.
	 */
	private function act( array $params, ?int $user = null, ?int $ticket = null ): \WP_REST_Response {
		return $this->rest(
			'POST',
			'/aftercare/v1/tickets/' . ( $ticket ?? $this->ticket->id ) . '/order-actions',
			$params + array( 'order_id' => $this->order->id ),
			$user ?? $this->agent->ID
		);
	}

	/**
	 * @return array<string, mixed> A refund of one shirt.
	 */
	private function one_shirt( array $line = array() ): array {
		return array(
			'action'  => 'refund',
			'message' => '<p>So sorry about the shirt.</p>',
			'lines'   => array(
				$line + array(
					'order_item_id' => $this->order->items[0]->id,
					'quantity'      => 1,
				),
			),
		);
	}

	/**
	 * What an action writes, counted: the ticket's messages and events, the order's events,
	 * notes and refunds.
	 *
	 * @return array<string, mixed>
	 */
	private function written(): array {
		$log = new \Aftercare\Tickets\EventLog( $GLOBALS['wpdb'], new \Aftercare\Infrastructure\SystemClock() );
		return array(
			'messages'      => count( $this->messages() ),
			'ticket_events' => count( array_filter( $log->for_object( 'ticket', $this->ticket->id ), static fn( $e ) => 'order_action' === $e['type'] ) ),
			'order_events'  => count( $log->for_object( 'order', $this->order->id ) ),
			'notes'         => count( $this->orders->notes( $this->order->id ) ),
			'refunded'      => $this->orders->source()->find( $this->order->id )->total_refunded,
		);
	}

	/**
	 * @return array<int, \Aftercare\Tickets\Message>
	 */
	private function messages(): array {
		$repo = new \Aftercare\Tickets\MessageRepository( $GLOBALS['wpdb'] );
		return $repo->for_ticket( $this->ticket->id, true );
	}

	private function last_message(): string {
		$messages = $this->messages();
		return end( $messages )->body;
	}

	/**
	 * @return array<int, array<string, string>>
	 */
	private function timeline( string $audience ): array {
		$timeline = new \Aftercare\Orders\OrderTimeline( $this->orders->source() );
		return $timeline->events( $this->orders->source()->find( $this->order->id ), $audience );
	}
}
