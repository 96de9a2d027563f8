<?php
/**
 * Order actions from a ticket reply: refund chosen lines, give a single-use coupon, send the
 * order's status or tracking mail again, start a return. Each is one unit of work under the
 * order's lock (Orders\OrderLock, shared with returns): checked in full first (the agent's
 * limits, what is still refundable, whose order it is), then written together — the reply that
 * tells the customer, an order note, an event on the ticket's timeline and one on the order's
 * (coupons and mails: refunds and returns are on it already, as the order's refund and the
 * return's own events). What leaves the store (a payment, a mail) comes after the reply is
 * written and before the commit; a refusal there rolls everything back, so nothing claims it
 * happened. What stays in the database (a coupon, a return) is made before the reply, so the
 * reply can name its code or number, and rolls back with the rest.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\OrderActions;

use Aftercare\Infrastructure\Database\Transaction;
use Aftercare\Infrastructure\DomainError;
use Aftercare\Orders\Money;
use Aftercare\Orders\Order;
use Aftercare\Orders\OrderLock;
use Aftercare\Orders\OrderSource;
use Aftercare\Returns\ReturnService;
use Aftercare\Tickets\EventLog;
use Aftercare\Tickets\Message;
use Aftercare\Tickets\Ticket;
use Aftercare\Tickets\TicketService;

final class OrderActions {

	public const ACTIONS = array( 'refund', 'coupon', 'resend', 'return' );

	public const MAILS = array( 'status', 'tracking' );

	public const COUPON_TYPES = array( 'fixed_cart', 'percent' );

	public function __construct(
		private OrderSource $orders,
		private TicketService $tickets,
		private ReturnService $returns,
		private EventLog $events,
		private Transaction $transaction,
		private OrderLock $lock,
		private ActionLimits $limits
	) {}

	/**
	 * What an agent may do to an order from this ticket: what is left to refund, their limits,
	 * whether there is tracking to send. For the reply screen's forms.
	 *
	 * @return array<string, mixed>
	 */
	public function options( int $ticket_id, int $order_id, int $actor_id ): array {
		$order      = $this->customers_order( $this->tickets->get( $ticket_id ), $order_id, $actor_id );
		$refundable = $this->orders->refundable( $order->id );
		$lines      = array();
		foreach ( $order->items as $item ) {
			$left    = $refundable->lines[ $item->id ] ?? array(
				'quantity' => 0,
				'amount'   => 0.0,
			);
			$lines[] = array(
				'order_item_id' => $item->id,
				'name'          => $item->name,
				'quantity'      => $item->quantity,
				'unit_price'    => $item->quantity > 0 ? round( $left['quantity'] > 0 ? $left['amount'] / $left['quantity'] : $item->total / $item->quantity, 2 ) : 0.0,
				'refundable_quantity' => $left['quantity'],
				'refundable_amount'   => $left['amount'],
			);
		}
		return array(
			'order_id'          => $order->id,
			'order_number'      => $order->number,
			'currency'          => $order->currency,
			'refundable'        => $refundable->total,
			'automatic_refunds' => $refundable->automatic,
			'lines'             => $lines,
			'has_tracking'      => (bool) $order->tracking,
			'limits'            => array(
				'refund'         => $this->limits->refund( $actor_id ),
				'coupon_amount'  => $this->limits->coupon( $actor_id, 'fixed_cart' ),
				'coupon_percent' => $this->limits->coupon( $actor_id, 'percent' ),
			),
		);
	}

	/**
	 * Does one action on one of the ticket customer's orders and tells the customer in a reply
	 * (the agent's text, then a paragraph saying what was done).
	 *
	 * @param array<string, mixed> $input order_id, action, message (HTML), and the action's own fields.
	 * @return array<string, mixed> What was done: action, message_id, order_id, and the action's result.
	 */
	public function perform( int $ticket_id, array $input, int $actor_id ): array {
		$ticket = $this->tickets->get( $ticket_id );
		$order  = $this->customers_order( $ticket, (int) ( $input['order_id'] ?? 0 ), $actor_id );
		$action = (string) ( $input['action'] ?? '' );
		if ( 'return' === $action && ! ReturnService::is_agent( $actor_id ) ) {
			throw DomainError::forbidden( 'forbidden', __( 'Starting a return needs the permission to edit returns.', 'aftercare' ) );
		}
		return $this->lock->run(
			$order->id,
			fn(): array => $this->transaction->run(
				function () use ( $ticket, $order, $action, $input, $actor_id ): array {
					// Read again under the lock: what another request refunded a moment ago counts.
					$order = $this->orders->find( $order->id ) ?? $order;
					return match ( $action ) {
						'refund' => $this->refund( $ticket, $order, $input, $actor_id ),
						'coupon' => $this->coupon( $ticket, $order, $input, $actor_id ),
						'resend' => $this->resend( $ticket, $order, $input, $actor_id ),
						'return' => $this->start_return( $ticket, $order, $input, $actor_id ),
						default  => throw DomainError::invalid( 'invalid_action', __( 'Choose an order action: refund, coupon, resend an email or start a return.', 'aftercare' ) ), // phpcs:ignore Generic.Files.LineLength.TooLong -- one translatable string.
					};
				}
			)
		);
	}

	/**
	 * @param array<string, mixed> $input lines (order_item_id, quantity, amount), restock, reason.
	 * @return array<string, mixed>
	 */
	private function refund( Ticket $ticket, Order $order, array $input, int $actor_id ): array {
		$refundable = $this->orders->refundable( $order->id );
		$names      = array();
		$quantities = array();
		$amounts    = array();
		$total      = 0.0;
		foreach ( (array) ( $input['lines'] ?? array() ) as $line ) {
			$item = $order->item( (int) ( $line['order_item_id'] ?? 0 ) );
			if ( ! $item || ! $refundable || ! isset( $refundable->lines[ $item->id ] ) ) {
				throw DomainError::invalid( 'invalid_item', __( 'One of the chosen items is not part of this order.', 'aftercare' ), array( 'params' => array( 'lines' ) ) ); // phpcs:ignore Generic.Files.LineLength.TooLong -- one translatable string.
			}
			$left     = $refundable->lines[ $item->id ];
			$quantity = (int) ( $line['quantity'] ?? 0 );
			$amount   = isset( $line['amount'] ) ? round( (float) $line['amount'], 2 ) : null;
			if ( $quantity < 0 || $quantity > $left['quantity'] ) {
				throw DomainError::invalid(
					'invalid_quantity',
					/* translators: 1: product name, 2: largest quantity. */
					sprintf( __( 'At most %2$d of %1$s can still be refunded.', 'aftercare' ), $item->name, $left['quantity'] ),
					array( 'params' => array( 'lines' ) )
				);
			}
			if ( 0 === $quantity && null === $amount ) {
				continue;
			}
			$amount ??= round( $left['quantity'] > 0 ? $left['amount'] * $quantity / $left['quantity'] : 0.0, 2 );
			if ( $amount <= 0 || $amount > $left['amount'] + 0.005 ) {
				throw DomainError::invalid(
					'refund_over_line',
					sprintf(
						/* translators: 1: product name, 2: amount. */
						__( 'At most %2$s can still be refunded for %1$s.', 'aftercare' ),
						$item->name,
						Money::text( $left['amount'], $order->currency )
					),
					array( 'params' => array( 'lines' ) )
				);
			}
			$quantities[ $item->id ] = $quantity;
			$amounts[ $item->id ]    = $amount;
			$total                  += $amount;
			/* translators: 1: quantity, 2: product name. */
			$names[] = $quantity > 0 ? sprintf( __( '%1$d × %2$s', 'aftercare' ), $quantity, $item->name ) : $item->name;
		}
		$total = round( $total, 2 );
		if ( ! $amounts ) {
			throw DomainError::invalid( 'no_items', __( 'Choose at least one item to refund, with a quantity or an amount.', 'aftercare' ), array( 'params' => array( 'lines' ) ) ); // phpcs:ignore Generic.Files.LineLength.TooLong -- one translatable string.
		}
		if ( $total > $refundable->total + 0.005 ) {
			throw DomainError::invalid(
				'refund_over_total',
				/* translators: %s: amount. */
				sprintf( __( 'Only %s of this order can still be refunded.', 'aftercare' ), Money::text( $refundable->total, $order->currency ) ),
				array( 'params' => array( 'lines' ) )
			);
		}
		$this->limits->check_refund( $actor_id, $total, $order->currency );
		$items = implode( ', ', $names );
		$money = Money::text( $total, $order->currency );
		$line  = $refundable->automatic
			/* translators: 1: amount, 2: order number, 3: the items, e.g. "1 × Linen shirt". */
			? sprintf( __( 'We have refunded %1$s for order #%2$s (%3$s) to your original payment method.', 'aftercare' ), $money, $order->number, $items )
			/* translators: 1: amount, 2: order number, 3: the items, e.g. "1 × Linen shirt". */
			: sprintf( __( 'We have refunded %1$s for order #%2$s (%3$s). Your payment method cannot take the refund automatically, so we will pay it back to you directly.', 'aftercare' ), $money, $order->number, $items ); // phpcs:ignore Generic.Files.LineLength.TooLong -- one translatable string.
		$message = $this->reply( $ticket, $input, $line, $actor_id );
		$reason  = self::request_name( $ticket ) . ( '' !== trim( (string) ( $input['reason'] ?? '' ) ) ? ': ' . trim( (string) $input['reason'] ) : '' );
		// The money, last: a refusal here rolls the reply back with everything else.
		$refund = $this->orders->refund( $order->id, array_filter( $quantities ), ! empty( $input['restock'] ), 0.0, $reason, $amounts );
		$result = array(
			'amount'    => $refund->amount,
			'currency'  => $order->currency,
			'manual'    => $refund->manual,
			'reference' => $refund->reference,
			'items'     => $items,
		);
		$this->orders->add_note(
			$order->id,
			sprintf(
				$refund->manual
					/* translators: 1: "Request #12", 2: amount, 3: the items. */
					? __( '%1$s: %2$s refunded for %3$s, by hand (the payment method cannot refund automatically).', 'aftercare' )
					/* translators: 1: "Request #12", 2: amount, 3: the items. */
					: __( '%1$s: %2$s refunded for %3$s to the original payment.', 'aftercare' ),
				self::request_name( $ticket ),
				Money::text( $refund->amount, $order->currency ),
				$items
			)
		);
		return $this->done( $ticket, $order, 'refund', $message, $result, $actor_id, false );
	}

	/**
	 * @param array<string, mixed> $input coupon_type, amount.
	 * @return array<string, mixed>
	 */
	private function coupon( Ticket $ticket, Order $order, array $input, int $actor_id ): array {
		$type   = (string) ( $input['coupon_type'] ?? 'fixed_cart' );
		$amount = round( (float) ( $input['amount'] ?? 0 ), 2 );
		$this->limits->check_coupon( $actor_id, $type, $amount, $order->currency );
		// Made before the reply, which gives its code; it rolls back with the reply if anything fails.
		$code = $this->orders->issue_coupon( $order->id, $type, $amount, self::request_name( $ticket ) );
		$off  = self::coupon_value( $type, $amount, $order->currency );
		$line = sprintf(
			/* translators: 1: "10.00" or "15%", 2: coupon code. */
			__( 'Here is a coupon for %1$s off your next order: %2$s. It works once, with this email address.', 'aftercare' ),
			$off,
			$code
		);
		$message = $this->reply( $ticket, $input, $line, $actor_id );
		/* translators: 1: "Request #12", 2: coupon code, 3: "10.00" or "15%". */
		$this->orders->add_note( $order->id, sprintf( __( '%1$s: single-use coupon %2$s for %3$s off given to the customer.', 'aftercare' ), self::request_name( $ticket ), $code, $off ) ); // phpcs:ignore Generic.Files.LineLength.TooLong -- one translatable string.
		return $this->done(
			$ticket,
			$order,
			'coupon',
			$message,
			array(
				'coupon'      => $code,
				'coupon_type' => $type,
				'amount'      => $amount,
				'currency'    => $order->currency,
			),
			$actor_id,
			true
		);
	}

	/**
	 * @param array<string, mixed> $input mail: status or tracking.
	 * @return array<string, mixed>
	 */
	private function resend( Ticket $ticket, Order $order, array $input, int $actor_id ): array {
		$mail = (string) ( $input['mail'] ?? '' );
		if ( ! in_array( $mail, self::MAILS, true ) ) {
			throw DomainError::invalid( 'invalid_mail', __( 'Choose the order status email or the tracking email.', 'aftercare' ), array( 'params' => array( 'mail' ) ) ); // phpcs:ignore Generic.Files.LineLength.TooLong -- one translatable string.
		}
		if ( 'tracking' === $mail && ! $order->tracking ) {
			throw DomainError::invalid( 'no_tracking', __( 'This order has no tracking number yet, so there is no tracking email to send.', 'aftercare' ), array( 'params' => array( 'mail' ) ) ); // phpcs:ignore Generic.Files.LineLength.TooLong -- one translatable string.
		}
		$line    = 'tracking' === $mail
			/* translators: %s: order number. */
			? sprintf( __( 'We have emailed you the tracking details of order #%s again.', 'aftercare' ), $order->number )
			/* translators: %s: order number. */
			: sprintf( __( 'We have emailed you the confirmation of order #%s again.', 'aftercare' ), $order->number );
		$message = $this->reply( $ticket, $input, $line, $actor_id );
		// The mail leaves the store: last, once everything else is written.
		$this->orders->resend_mail( $order->id, $mail );
		$this->orders->add_note(
			$order->id,
			'tracking' === $mail
				/* translators: %s: "Request #12". */
				? sprintf( __( '%s: tracking email sent to the customer again.', 'aftercare' ), self::request_name( $ticket ) )
				/* translators: %s: "Request #12". */
				: sprintf( __( '%s: order email sent to the customer again.', 'aftercare' ), self::request_name( $ticket ) )
		);
		return $this->done( $ticket, $order, 'resend', $message, array( 'mail' => $mail ), $actor_id, true );
	}

	/**
	 * @param array<string, mixed> $input items (order_item_id, quantity, reason), outcome.
	 * @return array<string, mixed>
	 */
	private function start_return( Ticket $ticket, Order $order, array $input, int $actor_id ): array {
		// The returns service checks eligibility and the lines, notes the order and opens the return's own thread.
		$return = $this->returns->create(
			$order,
			array(
				'items'   => (array) ( $input['items'] ?? array() ),
				'outcome' => (string) ( $input['outcome'] ?? '' ),
			),
			$actor_id
		)['return'];
		$items   = implode( ', ', array_map( static fn( $item ) => sprintf( '%d × %s', $item->quantity, $item->name ), $return->items ) );
		$message = $this->reply(
			$ticket,
			$input,
			sprintf(
				/* translators: 1: return number, 2: order number, 3: the items, e.g. "1 × Linen shirt". */
				__( 'We have started return %1$s for order #%2$s (%3$s). You will get an email with the next steps.', 'aftercare' ),
				$return->public_number(),
				$order->number,
				$items
			),
			$actor_id
		);
		return $this->done(
			$ticket,
			$order,
			'return',
			$message,
			array(
				'return_id'     => $return->id,
				'return_number' => $return->public_number(),
				'items'         => $items,
			),
			$actor_id,
			false
		);
	}

	/**
	 * The reply that tells the customer: the agent's text, then what was done, as its own paragraph.
	 *
	 * @param array<string, mixed> $input The request (message: HTML).
	 */
	private function reply( Ticket $ticket, array $input, string $line, int $actor_id ): Message {
		$text = trim( (string) ( $input['message'] ?? '' ) );
		return $this->tickets->reply( $ticket->id, 'reply', ( '' !== $text ? $text . "\n" : '' ) . '<p>' . esc_html( $line ) . '</p>', $actor_id );
	}

	/**
	 * The events on both timelines, and the answer.
	 *
	 * @param array<string, mixed> $result What the action gave.
	 * @param bool                 $on_order Also an event of the order's own (what the order's timeline does not tell otherwise).
	 * @return array<string, mixed>
	 */
	private function done( Ticket $ticket, Order $order, string $action, Message $message, array $result, int $actor_id, bool $on_order ): array {
		$data = array(
			'action'       => $action,
			'order_id'     => $order->id,
			'order_number' => $order->number,
		) + $result;
		$this->events->record( 'ticket', $ticket->id, 'order_action', $actor_id, $data );
		if ( $on_order ) {
			$this->events->record(
				'order',
				$order->id,
				'action',
				$actor_id,
				$data + array(
					'ticket_id'     => $ticket->id,
					'ticket_number' => $ticket->number,
				)
			);
		}
		return $data + array( 'message_id' => $message->id );
	}

	/**
	 * The order, when it is the ticket customer's (by account, else by email). Another customer's
	 * order is refused, whoever asks.
	 */
	private function customers_order( Ticket $ticket, int $order_id, int $actor_id ): Order {
		if ( ! TicketService::is_agent( $actor_id ) ) {
			throw DomainError::forbidden( 'forbidden', __( 'Sorry, you are not allowed to do that.', 'aftercare' ) );
		}
		$order = $this->orders->find( $order_id );
		if ( ! $order ) {
			throw DomainError::not_found( 'order_not_found', __( 'That order no longer exists.', 'aftercare' ) );
		}
		$mine = $ticket->customer_id > 0
			? $order->customer_id === $ticket->customer_id
			: '' !== $ticket->customer_email && strtolower( $order->billing_email ) === strtolower( $ticket->customer_email );
		if ( ! $mine ) {
			throw DomainError::forbidden( 'not_customers_order', __( 'That order belongs to another customer: order actions work only on the orders of this ticket\'s customer.', 'aftercare' ) ); // phpcs:ignore Generic.Files.LineLength.TooLong -- one translatable string.
		}
		return $order;
	}

	/**
	 * "10.00" in the order's currency, or "15%".
	 */
	public static function coupon_value( string $type, float $amount, string $currency ): string {
		return 'percent' === $type
			/* translators: %s: a percentage, e.g. 15. */
			? sprintf( __( '%s%%', 'aftercare' ), number_format_i18n( $amount, floor( $amount ) === $amount ? 0 : 2 ) )
			: Money::text( $amount, $currency );
	}

	/**
	 * "Request #12", as the order's notes and refund reasons name a ticket.
	 */
	private static function request_name( Ticket $ticket ): string {
		/* translators: %d: ticket number. */
		return sprintf( __( 'Request #%d', 'aftercare' ), $ticket->number );
	}
}
