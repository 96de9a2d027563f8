<?php
/**
 * When the priority rules are checked, and the facts they are checked against. A ticket is
 * checked when it is opened, when its order changes (the order source announces
 * OrderSource::CHANGED: a status, tracking or any other save), when a return of its order is
 * refused, and by the SLA sweep (an order becomes late by time passing alone: the sweep walks the
 * open tickets with an order, a batch a run, while a rule looks at lateness). Solved and closed
 * tickets are left alone.
 *
 * Built by the Returns module: whether a return of the order was refused is read from the returns.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tickets;

use Aftercare\Infrastructure\Clock;
use Aftercare\Infrastructure\Conditional;
use Aftercare\Orders\Order;
use Aftercare\Orders\OrderSource;
use Aftercare\Returns\ReturnRepository;
use Aftercare\Returns\ReturnStatus;
use Aftercare\Settings\Settings;

final class OrderPriority implements Conditional {

	/** The last ticket id the lateness sweep reached. */
	public const CURSOR = 'aftercare_order_priority_after';

	/** Open tickets the sweep reads per run. */
	public const BATCH = 100;

	public function __construct(
		private TicketRepository $tickets,
		private TicketService $service,
		private ?OrderSource $orders,
		private ReturnRepository $returns,
		private Settings $settings,
		private Clock $clock
	) {}

	public function can_register(): bool {
		return null !== $this->orders;
	}

	public function register(): void {
		add_action( 'aftercare_ticket_created', fn( Ticket $ticket ) => $this->check( $ticket->id ) );
		add_action( OrderSource::CHANGED, fn( $order_id ) => $this->check_order( (int) $order_id ) );
		add_action(
			'aftercare_return_updated',
			function ( $request, array $changes ): void {
				if ( ReturnStatus::Rejected->value === ( $changes['status'][1] ?? null ) ) {
					$this->check_order( $request->order_id );
				}
			},
			10,
			2
		);
		add_action( SlaMonitor::HOOK, array( $this, 'sweep' ) );
	}

	/**
	 * Checks the open tickets of an order.
	 */
	public function check_order( int $order_id ): void {
		if ( $order_id > 0 && $this->rules() ) {
			// Every save of the order comes here: its tickets (mostly one customer's) share what is read.
			$known = array();
			foreach ( $this->tickets->open_of_order( $order_id ) as $ticket_id ) {
				$this->check( $ticket_id, $known );
			}
		}
	}

	/**
	 * Checks one ticket against the store's rules. Only the rules that could still fire are looked
	 * at (each fires once per ticket), and the ticket is locked only when one of them matches.
	 *
	 * @param array<string, OrderFacts> $known Facts already read for other tickets, by what they depend on.
	 * @return Ticket|null The ticket when a rule fired.
	 */
	public function check( int $ticket_id, array &$known = array() ): ?Ticket {
		$rules  = $this->rules();
		$ticket = $rules ? $this->tickets->find( $ticket_id ) : null;
		if ( ! $ticket || $ticket->status->is_done() ) {
			return null;
		}
		$conditions = array_values( array_unique( array_column( PriorityRules::pending( $rules, $ticket ), 'when' ) ) );
		if ( ! $conditions ) {
			return null;
		}
		$whose = array( $ticket->order_id, $ticket->customer_id, strtolower( $ticket->customer_email ), (int) $ticket->email_verified() );
		$key   = implode( '|', array_merge( $whose, $conditions ) );
		$facts = $known[ $key ] ??= $this->facts( $ticket, $conditions );
		if ( ! PriorityRules::due( $rules, $ticket, $facts ) ) {
			return null;
		}
		return $this->service->apply_rules(
			$ticket->id,
			static fn( Ticket $locked ): array => PriorityRules::due( $rules, $locked, $facts ),
			$facts->order ? $facts->order->currency : ''
		);
	}

	/**
	 * One run of the lateness sweep: the next batch of open tickets, then the cursor moves on (back
	 * to the start after the last). Nothing to do while no rule looks at lateness.
	 *
	 * @return int Tickets checked.
	 */
	public function sweep(): int {
		if ( ! in_array( 'order_late', array_column( $this->rules(), 'when' ), true ) ) {
			return 0;
		}
		$batch   = $this->tickets->open_after( (int) get_option( self::CURSOR, 0 ), self::BATCH );
		$checked = 0;
		foreach ( $batch as $ticket ) {
			if ( $ticket->order_id ) {
				$this->check( $ticket->id );
				++$checked;
			}
		}
		$last = end( $batch );
		update_option( self::CURSOR, count( $batch ) < self::BATCH || ! $last ? 0 : $last->id, false );
		return $checked;
	}

	/**
	 * @return array<int, array<string, mixed>> The store's rules.
	 */
	private function rules(): array {
		return array_values( array_filter( (array) $this->settings->get( 'priority_rules' ), 'is_array' ) );
	}

	/**
	 * What the rules need, read only for the conditions in use. The customer's spending and order
	 * history count only when the ticket's email is confirmed: a guest could type anyone's.
	 *
	 * @param string[] $conditions The conditions of the store's rules.
	 */
	private function facts( Ticket $ticket, array $conditions ): OrderFacts {
		$order     = $ticket->order_id && $this->orders ? $this->orders->find( $ticket->order_id ) : null;
		$confirmed = $ticket->email_verified() && $this->orders;
		$uses      = static fn( string $condition ): bool => in_array( $condition, $conditions, true );
		return new OrderFacts(
			$order,
			$confirmed && $uses( 'lifetime_value' ) ? $this->orders->customer_summary( $ticket->customer_id, $ticket->customer_email ) : null,
			$confirmed && $order && $uses( 'first_order' ) && $this->only_order( $ticket, $order ),
			$order && $uses( 'return_refused' ) && $this->refused( $order ),
			$this->clock->now()
		);
	}

	/** Whether a return of the order was refused. */
	private function refused( Order $order ): bool {
		return $this->returns->query( array( 'order_id' => $order->id, 'status' => array( ReturnStatus::Rejected->value ) ), 1, 1 )['total'] > 0;
	}

	/** Whether the order is the only one the customer has placed (any status the store shows). */
	private function only_order( Ticket $ticket, Order $order ): bool {
		$orders = $this->orders ? $this->orders->orders_for_customer( $ticket->customer_id, $ticket->customer_email, 2 ) : array();
		return 1 === count( $orders ) && $orders[0]->id === $order->id;
	}
}
