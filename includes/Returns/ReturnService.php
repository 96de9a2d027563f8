<?php
/**
 * Return requests: submission (checked against the policy, idempotent), the status machine and
 * the agent's actions. Every change is one unit of work, one at a time per order (Orders\\OrderLock, shared with order actions);
 * its hooks follow the commit, and settlements reach the store last (see change()). The
 * conversation with the shopper (and the photos) is a ticket thread, so returns share the
 * ticket's messages, attachment rules, guest link and notification queue.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Returns;

use Aftercare\Infrastructure\Clock;
use Aftercare\Infrastructure\Database\Transaction;
use Aftercare\Infrastructure\DomainError;
use Aftercare\Orders\Order;
use Aftercare\Orders\OrderLock;
use Aftercare\Orders\OrderSource;
use Aftercare\Tickets\EventLog;
use Aftercare\Tickets\Message;
use Aftercare\Tickets\TicketService;

final class ReturnService {

	private ReturnRules $rules;

	public function __construct(
		private ReturnRepository $returns,
		private Eligibility $eligibility,
		private Policy $policy,
		private TicketService $tickets,
		private EventLog $events,
		private Transaction $transaction,
		private OrderLock $lock,
		private Clock $clock,
		private OrderSource $orders
	) {
		$this->rules = new ReturnRules( $policy );
	}

	public static function is_agent( int $user_id ): bool {
		return $user_id > 0 && user_can( $user_id, 'edit_aftercare_returns' );
	}

	/**
	 * The order a signed-in actor may return from: agents any, customers their own. Unknown and
	 * other people's orders look alike.
	 */
	public function order_for( int $order_id, int $actor_id ): Order {
		$order = $actor_id > 0 ? $this->orders->find( $order_id ) : null;
		if ( ! $order || ( ! self::is_agent( $actor_id ) && $order->customer_id !== $actor_id ) ) {
			throw DomainError::not_found( 'order_not_found', __( 'We could not find that order in your account.', 'aftercare' ) );
		}
		return $order;
	}

	public function eligibility( Order $order ): OrderEligibility {
		return $this->eligibility->check( $order );
	}

	/**
	 * Files a return. Input: items (list of order_item_id, quantity, reason), outcome, comment,
	 * photos (uploaded files), idempotency_key. The caller has established that the actor may
	 * return from $order (guest lookup, own order, or agent).
	 *
	 * @param array<string, mixed> $input Request.
	 * @return array{return: ReturnRequest, token: string, replayed: bool}
	 */
	public function create( Order $order, array $input, int $actor_id ): array {
		$agent   = self::is_agent( $actor_id );
		$key     = (string) ( $input['idempotency_key'] ?? '' );
		$key_sum = '' === $key ? '' : hash( 'sha256', implode( '|', array( 'return', $key, $order->id, $actor_id ) ) );
		if ( '' !== $key_sum ) {
			$earlier = $this->returns->find_by_idempotency_key( $key_sum, $this->clock->now() - TicketService::IDEMPOTENCY_TTL );
			if ( $earlier ) {
				return $this->replay( $earlier );
			}
		}

		$photos = array_values( (array) ( $input['photos'] ?? array() ) );
		list(
			'items' => $items,
			'comment' => $comment,
			'outcome' => $outcome
		) = $this->rules->check( 'review', $this->eligibility->check( $order ), $input, $agent );

		$now    = $this->clock->now();
		$return = new ReturnRequest(
			id: 0,
			number: 0,
			status: ReturnStatus::Requested,
			order_id: $order->id,
			order_number: $order->number,
			customer_id: $order->customer_id,
			customer_email: strtolower( $order->billing_email ),
			customer_name: $order->billing_name,
			ticket_id: 0,
			outcome: $outcome,
			resolution: '',
			refund_amount: 0.0,
			restocking_fee: 0.0,
			refund_reference: '',
			coupon_code: '',
			exchange_order_id: 0,
			created_at: $now,
			updated_at: $now,
			items: $items
		);

		try {
			// One request at a time per order: the recheck then sees every return committed before it.
			return $this->lock->run(
				$order->id,
				fn(): array => $this->transaction->run(
					function () use ( $return, $order, $key_sum, $comment, $photos, $actor_id, $agent ): array {
						$return = $this->returns->insert( $return, $key_sum );
						$this->recheck( $order, $return );
						$thread            = $this->tickets->create( $this->thread_input( $return, $order, $comment, $photos, $actor_id, $agent ), $actor_id );
						$return->ticket_id = $thread['ticket']->id;
						$this->returns->update( $return );
						$this->events->record( 'return', $return->id, 'created', $actor_id, array( 'status' => $return->status->value, 'outcome' => $return->outcome ) );
						$this->orders->add_note( $order->id, $this->summary( $return ) );
						$this->transaction->after_commit( static fn() => do_action( 'aftercare_return_created', $return ) );
						return array(
							'return'   => $return,
							'token'    => $thread['token'],
							'replayed' => false,
						);
					}
				)
			);
		} catch ( \Throwable $error ) {
			// Two submits with one key at once: the unique index let one through; answer with it.
			$earlier = '' !== $key_sum ? $this->returns->find_by_idempotency_key( $key_sum, $this->clock->now() - TicketService::IDEMPOTENCY_TTL ) : null;
			if ( $earlier ) {
				return $this->replay( $earlier );
			}
			throw $error;
		}
	}

	/**
	 * What create() would refuse, up to one step of the return form (ReturnRules::STEPS); writes
	 * nothing. The caller has established that the actor may return from $order.
	 *
	 * @param array<string, mixed> $input Request as for create() (photos: uploaded files).
	 * @throws DomainError 400 naming the first rule broken.
	 */
	public function check( string $step, Order $order, array $input, int $actor_id ): void {
		$this->rules->check( $step, $this->eligibility->check( $order ), $input, self::is_agent( $actor_id ) );
	}

	/**
	 * Moves a return along the state machine (agents). Refunds, credit, exchanges and receipt
	 * have actions of their own, since they change the order too.
	 */
	public function move( int $id, string $status, int $actor_id, string $message = '' ): ReturnRequest {
		$this->require_agent( $actor_id );
		$to = ReturnStatus::tryFrom( $status );
		if ( ! in_array( $to, array( ReturnStatus::Approved, ReturnStatus::Rejected, ReturnStatus::AwaitingItems, ReturnStatus::Closed ), true ) ) {
			throw DomainError::invalid(
				'invalid_status',
				__( 'That status is set by its own action (receive, refund, credit or exchange).', 'aftercare' ),
				array( 'params' => array( 'status' ) )
			);
		}
		return $this->change(
			$id,
			$actor_id,
			fn( ReturnRequest $return ): ReturnPlan => new ReturnPlan( $this->set_status( $return, $to ) ),
			$message
		);
	}

	/**
	 * The items arrived: records how many of each line (all by default) and, if asked, puts
	 * them back in stock.
	 *
	 * @param array<int, int> $quantities Order item id => quantity received (missing lines: all of them).
	 */
	public function receive( int $id, array $quantities, bool $restock, int $actor_id, string $message = '' ): ReturnRequest {
		$this->require_agent( $actor_id );
		return $this->change(
			$id,
			$actor_id,
			function ( ReturnRequest $return ) use ( $quantities, $restock, $actor_id ): ReturnPlan {
				$changes = $this->set_status( $return, ReturnStatus::Received );
				$stock   = array();
				foreach ( $return->items as $item ) {
					$quantity = (int) ( $quantities[ $item->order_item_id ] ?? $item->quantity );
					if ( $quantity < 0 || $quantity > $item->quantity ) {
						throw DomainError::invalid(
							'invalid_quantity',
							/* translators: 1: product name, 2: quantity in the return. */
							sprintf( __( 'At most %2$d of %1$s can arrive with this return.', 'aftercare' ), $item->name, $item->quantity )
						);
					}
					$item->received_quantity = $quantity;
					if ( $restock && $quantity > 0 ) {
						$stock[ $item->order_item_id ] = $quantity;
						$item->restocked_quantity      = $quantity;
					}
				}
				if ( ! array_sum( array_map( static fn( ReturnItem $item ) => $item->received_quantity, $return->items ) ) ) {
					throw DomainError::invalid( 'nothing_received', __( 'Record at least one item as received.', 'aftercare' ) );
				}
				$return->received_at = $this->clock->now();
				$this->restock( $return, $stock, $actor_id );
				return new ReturnPlan( $changes );
			},
			$message
		);
	}

	/**
	 * Refunds the returned items (those received, once received) to the original payment, less
	 * the restocking fee (the policy's unless given); puts back in stock what is not there yet.
	 * The payment gateway comes after every check and local write (see change()); the stock
	 * follows the money.
	 */
	public function refund( int $id, int $actor_id, bool $restock = false, ?float $fee = null, string $message = '' ): ReturnRequest {
		$this->require_agent( $actor_id );
		return $this->change(
			$id,
			$actor_id,
			function ( ReturnRequest $return ) use ( $restock, $fee, $actor_id ): ReturnPlan {
				$changes = $this->set_status( $return, ReturnStatus::Refunded );
				$lines   = $this->settled_lines( $return );
				$value   = $this->value( $return, $lines );
				$fee     = round( $fee ?? $this->policy->restocking_fee( $value ), 2 );
				if ( $fee < 0 || $fee >= $value ) {
					throw DomainError::invalid( 'invalid_fee', __( 'The restocking fee must be less than the refund.', 'aftercare' ), array( 'params' => array( 'fee' ) ) );
				}
				$stock = array();
				foreach ( $return->items as $item ) {
					$left = $restock ? ( $lines[ $item->order_item_id ] ?? 0 ) - $item->restocked_quantity : 0;
					if ( $left > 0 ) {
						$stock[ $item->order_item_id ] = $left;
						$item->restocked_quantity     += $left;
					}
					$item->refunded_quantity = $lines[ $item->order_item_id ] ?? 0;
				}
				$return->resolution     = 'refund';
				$return->restocking_fee = $fee;
				return new ReturnPlan( $changes, settle: fn( ReturnRequest $return ): array => $this->pay_refund( $return, $lines, $stock, $fee, $actor_id ) );
			},
			$message
		);
	}

	/**
	 * The settling step of refund(): the payment, then the stock that follows the money.
	 *
	 * @param array<int, int> $lines Order item id => quantity refunded.
	 * @param array<int, int> $stock Order item id => quantity to put back in stock.
	 * @return array<string, array{0: float, 1: float}>
	 */
	private function pay_refund( ReturnRequest $return, array $lines, array $stock, float $fee, int $actor_id ): array {
		/* translators: %s: return number. */
		$reason = sprintf( __( 'Return %s', 'aftercare' ), $return->public_number() );
		$refund = $this->orders->refund( $return->order_id, $lines, restock: false, fee: $fee, reason: $reason );
		// Only once paid: stock is cached outside the transaction, so a refused refund must not have touched it.
		$this->restock( $return, $stock, $actor_id );
		$return->refund_amount    = $refund->amount;
		$return->refund_reference = $refund->reference;
		$this->events->record(
			'return',
			$return->id,
			'refund',
			$actor_id,
			array( 'amount' => $refund->amount, 'fee' => $fee, 'reference' => $refund->reference, 'manual' => $refund->manual )
		);
		$this->orders->add_note(
			$return->order_id,
			sprintf(
				$refund->manual
					/* translators: 1: return number, 2: amount, 3: restocking fee. */
					? __( 'Return %1$s: %2$s refunded by hand (the payment method cannot refund automatically), restocking fee %3$s.', 'aftercare' )
					/* translators: 1: return number, 2: amount, 3: restocking fee. */
					: __( 'Return %1$s: %2$s refunded to the original payment, restocking fee %3$s.', 'aftercare' ),
				$return->public_number(),
				number_format_i18n( $refund->amount, 2 ),
				number_format_i18n( $fee, 2 )
			)
		);
		return array( 'refund_amount' => array( 0.0, $refund->amount ) );
	}

	/**
	 * Store credit for the returned items (their paid value unless an amount is given): a
	 * coupon only the customer's email can use, made last (see change()). Only a store manager
	 * (`manage_aftercare`) may give more than the items' value; the event keeps that value, so
	 * the timeline says who went over and by how much.
	 */
	public function credit( int $id, int $actor_id, ?float $amount = null, string $message = '' ): ReturnRequest {
		$this->require_agent( $actor_id );
		return $this->change(
			$id,
			$actor_id,
			function ( ReturnRequest $return ) use ( $amount, $actor_id ): ReturnPlan {
				$changes = $this->set_status( $return, ReturnStatus::Credited );
				$value   = round( $this->value( $return, $this->settled_lines( $return ) ), 2 );
				$amount  = round( $amount ?? $value, 2 );
				if ( $amount <= 0 ) {
					throw DomainError::invalid( 'credit_amount', __( 'Store credit must be more than zero.', 'aftercare' ), array( 'params' => array( 'amount' ) ) );
				}
				$ceiling = self::credit_ceiling( $actor_id, $value );
				if ( null !== $ceiling && $amount > $ceiling ) {
					throw DomainError::invalid(
						'credit_over_value',
						sprintf(
							/* translators: %s: the items' value. */
							__( 'Store credit cannot be more than what the items were paid (%s). A store manager can give more.', 'aftercare' ),
							number_format_i18n( $ceiling, 2 )
						),
						array( 'params' => array( 'amount' ) )
					);
				}
				$return->resolution    = 'store_credit';
				$return->refund_amount = $amount;
				return new ReturnPlan( $changes, settle: fn( ReturnRequest $return ): array => $this->issue_credit( $return, $amount, $value, $actor_id ) );
			},
			$message
		);
	}

	/**
	 * The settling step of credit(): the coupon, and who went over the items' value.
	 *
	 * @return array<string, array{0: string, 1: string}>
	 */
	private function issue_credit( ReturnRequest $return, float $amount, float $value, int $actor_id ): array {
		$code                = $this->orders->issue_coupon(
			$return->order_id,
			'fixed_cart',
			$amount,
			/* translators: %s: return number. */
			sprintf( __( 'Store credit for return %s', 'aftercare' ), $return->public_number() )
		);
		$return->coupon_code = $code;
		$this->events->record( 'return', $return->id, 'credit', $actor_id, array( 'amount' => $amount, 'value' => $value, 'coupon' => $code ) );
		$note = sprintf(
			/* translators: 1: return number, 2: amount, 3: coupon code. */
			__( 'Return %1$s: store credit of %2$s issued as coupon %3$s.', 'aftercare' ),
			$return->public_number(),
			number_format_i18n( $amount, 2 ),
			$code
		);
		if ( $amount > $value ) {
			$user  = get_userdata( $actor_id );
			$note .= ' ' . sprintf(
				/* translators: 1: the items' value, 2: user's display name. */
				__( 'That is more than the items were paid (%1$s), given by %2$s.', 'aftercare' ),
				number_format_i18n( $value, 2 ),
				$user ? $user->display_name : '#' . $actor_id
			);
		}
		$this->orders->add_note( $return->order_id, $note );
		return array( 'coupon_code' => array( '', $code ) );
	}

	/**
	 * Sends the same items again: a new order, free of charge, linked to the original, made
	 * last (see change()).
	 */
	public function exchange( int $id, int $actor_id, string $message = '' ): ReturnRequest {
		$this->require_agent( $actor_id );
		return $this->change(
			$id,
			$actor_id,
			function ( ReturnRequest $return ) use ( $actor_id ): ReturnPlan {
				$changes            = $this->set_status( $return, ReturnStatus::Exchanged );
				$return->resolution = 'exchange';
				return new ReturnPlan( $changes, settle: fn( ReturnRequest $return ): array => $this->send_exchange( $return, $actor_id ) );
			},
			$message
		);
	}

	/**
	 * The settling step of exchange(): the new order.
	 *
	 * @return array<string, array{0: int, 1: int}>
	 */
	private function send_exchange( ReturnRequest $return, int $actor_id ): array {
		$order                     = $this->orders->create_exchange(
			$return->order_id,
			$this->settled_lines( $return ),
			/* translators: %s: return number. */
			sprintf( __( 'Return %s', 'aftercare' ), $return->public_number() )
		);
		$return->exchange_order_id = $order->id;
		$this->events->record( 'return', $return->id, 'exchange', $actor_id, array( 'order_id' => $order->id, 'order_number' => $order->number ) );
		return array( 'exchange_order_id' => array( 0, $order->id ) );
	}

	/**
	 * A message on the return's thread: shoppers (signed in or through the guest link) and agents.
	 *
	 * @param array<int, array<string, mixed>> $files Uploaded files.
	 */
	public function message( int $id, string $body, int $actor_id, array $files = array() ): Message {
		$return = $this->get( $id );
		if ( ! self::is_agent( $actor_id ) && ReturnStatus::Closed === $return->status ) {
			throw DomainError::conflict( 'return_closed', __( 'This return is closed. Please contact us if you need more help.', 'aftercare' ) );
		}
		return $this->tickets->reply( $return->ticket_id, 'reply', $body, $actor_id, $files );
	}

	public function get( int $id ): ReturnRequest {
		$return = $this->returns->find( $id );
		if ( ! $return ) {
			throw DomainError::not_found( 'not_found', __( 'No such return.', 'aftercare' ) );
		}
		return $return;
	}

	/**
	 * The timeline of a return.
	 *
	 * @return array<int, array<string, mixed>>
	 */
	public function timeline( int $id ): array {
		return $this->events->for_object( 'return', $id );
	}

	/**
	 * Runs one change of a return as a unit of work, one at a time per order (two agents clicking
	 * "Refund" at once refund once; the second finds the return refunded).
	 *
	 * $work checks and changes the return in memory and answers with its plan: the changes
	 * (`field => [old, new]`) and, for settlements, the settling step. What it writes goes to this
	 * database only. The status event, the order note and the optional message to the shopper
	 * follow. The settling step is the one that reaches outside (the payment gateway, a coupon, a
	 * new order): it runs last, once everything that can be refused has been written, so a
	 * refused refund leaves the return as it was and nothing that fails before it ever reaches the
	 * gateway. What it answers (the refund's reference, the coupon, the order) is written after
	 * it, with the restock, events and order notes that describe it: writes with nothing left to
	 * check. The window that remains is between the gateway's answer and the commit: should one of
	 * those writes or the commit fail there, the provider has paid but everything here rolls back,
	 * including the refund record WooCommerce made in the same transaction; the return keeps its
	 * earlier status, the payment provider's records show the refund, and a retry would pay again.
	 *
	 * @param callable(ReturnRequest): ReturnPlan $work The change.
	 */
	private function change( int $id, int $actor_id, callable $work, string $message = '' ): ReturnRequest {
		return $this->lock->run(
			$this->get( $id )->order_id,
			fn(): ReturnRequest => $this->transaction->run( fn(): ReturnRequest => $this->apply( $id, $actor_id, $work, $message ) )
		);
	}

	/**
	 * The unit of work of change().
	 *
	 * @param callable(ReturnRequest): ReturnPlan $work The change.
	 */
	private function apply( int $id, int $actor_id, callable $work, string $message ): ReturnRequest {
		$return             = $this->get( $id );
		$plan               = $work( $return );
		$return->updated_at = $this->clock->now();
		$this->returns->update( $return );
		if ( isset( $plan->changes['status'] ) ) {
			$this->events->record( 'return', $return->id, 'status', $actor_id, array( 'from' => $plan->changes['status'][0], 'to' => $plan->changes['status'][1] ) );
			/* translators: 1: return number, 2: new status. */
			$this->orders->add_note( $return->order_id, sprintf( __( 'Return %1$s: %2$s.', 'aftercare' ), $return->public_number(), $return->status->label() ) );
		}
		// Announced before the message's own hook, so the status mail can carry the message (one
		// mail, not two); what it announces is known once the reply and the settlement are in.
		$announced = null;
		$this->transaction->after_commit(
			static function () use ( &$announced ): void {
				do_action( 'aftercare_return_updated', ...$announced );
			}
		);
		$reply   = '' !== trim( $message ) ? $this->tickets->reply( $return->ticket_id, 'reply', $message, $actor_id ) : null;
		$settled = array();
		if ( $plan->settle ) {
			$settled = ( $plan->settle )( $return );
			$this->returns->update( $return );
		}
		$announced = array( $return, $plan->changes + $settled, $reply );
		return $return;
	}

	/**
	 * What settling the return now would give, for the agent's refund and credit forms: the
	 * items' paid value (what refund() and credit() start from), the policy's restocking fee
	 * and the most store credit this user may give (null: no ceiling).
	 *
	 * @return array{value: float, fee: float, max_credit: float|null, currency: string}|null Null when the order is gone.
	 */
	public function quote( ReturnRequest $return, int $user_id ): ?array {
		$order = $this->orders->find( $return->order_id );
		if ( ! $order ) {
			return null;
		}
		$value = $this->value( $return, $this->settled_lines( $return ) );
		return array(
			'value'      => $value,
			'fee'        => round( $this->policy->restocking_fee( $value ), 2 ),
			'max_credit' => self::credit_ceiling( $user_id, round( $value, 2 ) ),
			'currency'   => $order->currency,
		);
	}

	/**
	 * Store credit is capped at the items' value, except for store managers.
	 */
	private static function credit_ceiling( int $user_id, float $value ): ?float {
		return user_can( $user_id, 'manage_aftercare' ) ? null : $value;
	}

	/**
	 * What a settlement covers: the received quantities once items arrived, else the requested ones.
	 *
	 * @return array<int, int> Order item id => quantity.
	 */
	private function settled_lines( ReturnRequest $return ): array {
		$lines = array();
		foreach ( $return->items as $item ) {
			$quantity = $return->received_at ? $item->received_quantity : $item->quantity;
			if ( $quantity > 0 ) {
				$lines[ $item->order_item_id ] = $quantity;
			}
		}
		return $lines;
	}

	/**
	 * What the lines were paid (after discounts, before tax).
	 *
	 * @param array<int, int> $lines Order item id => quantity.
	 */
	private function value( ReturnRequest $return, array $lines ): float {
		$order = $this->orders->find( $return->order_id );
		if ( ! $order ) {
			throw DomainError::not_found( 'order_not_found', __( 'That order no longer exists.', 'aftercare' ) );
		}
		$value = 0.0;
		foreach ( $order->items as $item ) {
			$value += isset( $lines[ $item->id ] ) ? $item->total * $lines[ $item->id ] / max( 1, $item->quantity ) : 0.0;
		}
		return round( $value, 2 );
	}

	/**
	 * Puts lines back in stock and says so on the timeline and the order.
	 *
	 * @param array<int, int> $lines Order item id => quantity.
	 */
	private function restock( ReturnRequest $return, array $lines, int $actor_id ): void {
		if ( ! $lines ) {
			return;
		}
		$this->orders->restock( $return->order_id, $lines );
		$this->events->record( 'return', $return->id, 'restocked', $actor_id, array( 'items' => $lines ) );
		$names = array();
		foreach ( $return->items as $item ) {
			if ( isset( $lines[ $item->order_item_id ] ) ) {
				$names[] = sprintf( '%d × %s', $lines[ $item->order_item_id ], $item->name );
			}
		}
		$this->orders->add_note(
			$return->order_id,
			/* translators: 1: return number, 2: the items, e.g. "2 × Linen shirt". */
			sprintf( __( 'Return %1$s: %2$s back in stock.', 'aftercare' ), $return->public_number(), implode( ', ', $names ) )
		);
	}

	/**
	 * @return array<string, array{0: string, 1: string}>
	 */
	private function set_status( ReturnRequest $return, ReturnStatus $to ): array {
		$from = $return->status;
		if ( ! $from->can_move_to( $to ) ) {
			throw DomainError::conflict(
				'invalid_transition',
				/* translators: 1: current status, 2: requested status. */
				sprintf( __( 'A return that is “%1$s” cannot become “%2$s”.', 'aftercare' ), $from->label(), $to->label() )
			);
		}
		$return->status = $to;
		if ( ReturnStatus::Closed === $to ) {
			$return->closed_at = $this->clock->now();
		}
		return array( 'status' => array( $from->value, $to->value ) );
	}

	private function recheck( Order $order, ReturnRequest $return ): void {
		$counts = $this->eligibility->check( $order );
		foreach ( $return->items as $item ) {
			$line = $counts->item( $item->order_item_id );
			if ( $line && $line->returned + $line->refunded > $line->item->quantity ) {
				throw DomainError::conflict( 'already_returned', __( 'Some of these items were returned in the meantime. Please reload and try again.', 'aftercare' ) );
			}
		}
	}

	/**
	 * @param array<int, array<string, mixed>> $photos Uploaded files.
	 * @return array<string, mixed> TicketService::create input for the return's thread.
	 */
	private function thread_input( ReturnRequest $return, Order $order, string $comment, array $photos, int $actor_id, bool $agent ): array {
		$body  = $this->summary( $return ) . ( '' !== $comment ? "\n\n" . $comment : '' );
		$input = array(
			/* translators: 1: return number, 2: order number. */
			'subject'     => sprintf( __( 'Return %1$s for order #%2$s', 'aftercare' ), $return->public_number(), $order->number ),
			'message'     => $body,
			'attachments' => $photos,
		);
		if ( $agent ) {
			return $input + array(
				'channel'        => 'admin',
				'customer_id'    => $order->customer_id,
				'customer_email' => $order->billing_email,
				'customer_name'  => '' !== $order->billing_name ? $order->billing_name : $order->billing_email,
				'order_id'       => $order->id,
			);
		}
		if ( $actor_id > 0 ) {
			return $input + array( 'order_id' => $order->id );
		}
		return $input + array(
			'name'         => '' !== $order->billing_name ? $order->billing_name : $order->billing_email,
			'email'        => $order->billing_email,
			'order_number' => $order->number,
		);
	}

	/**
	 * "Return R-1001 requested: 1 × Linen shirt (Does not fit)" — for the thread and the order note.
	 */
	private function summary( ReturnRequest $return ): string {
		$lines = array_map( static fn( ReturnItem $item ) => sprintf( '%d × %s (%s)', $item->quantity, $item->name, $item->reason_label ), $return->items );
		/* translators: 1: return number, 2: the items, e.g. "1 × Linen shirt (Does not fit)". */
		return sprintf( __( 'Return %1$s requested: %2$s', 'aftercare' ), $return->public_number(), implode( ', ', $lines ) );
	}

	/**
	 * @return array{return: ReturnRequest, token: string, replayed: bool}
	 */
	private function replay( ReturnRequest $return ): array {
		return array(
			'return'   => $return,
			// Holding a key proves nothing (it may have leaked): the guest's link is in their email.
			'token'    => '',
			'replayed' => true,
		);
	}

	private function require_agent( int $actor_id ): void {
		if ( ! self::is_agent( $actor_id ) ) {
			throw DomainError::forbidden( 'forbidden', __( 'Sorry, you are not allowed to do that.', 'aftercare' ) );
		}
	}
}
