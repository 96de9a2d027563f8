<?php
/**
 * Fills the "open returns" of a ticket's customer context for agents (the ticket screen's panel).
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Returns;

use Aftercare\Infrastructure\Registrable;
use Aftercare\Tickets\Ticket;

final class OpenReturns implements Registrable {

	/** Statuses that still need the store. */
	public const OPEN = array( 'requested', 'approved', 'awaiting_items', 'received' );

	public function __construct( private ReturnRepository $returns ) {}

	public function register(): void {
		add_filter( 'aftercare_ticket_context_open_returns', array( $this, 'for_ticket' ), 10, 2 );
	}

	/**
	 * The customer's open returns: by account, or by email for a guest.
	 *
	 * @param array<int, array<string, mixed>> $returns What others added.
	 * @param Ticket                           $ticket  The ticket.
	 * @return array<int, array<string, mixed>>
	 */
	public function for_ticket( $returns, $ticket ): array {
		if ( ! $ticket instanceof Ticket ) {
			return (array) $returns;
		}
		$filter = array( 'status' => self::OPEN ) + ( $ticket->customer_id
			? array( 'customer_id' => $ticket->customer_id )
			: array(
				'customer_id'    => 0,
				'customer_email' => strtolower( $ticket->customer_email ),
			) );
		foreach ( $this->returns->query( $filter, 1, 20 )['returns'] as $return ) {
			$returns[] = array(
				'id'     => $return->id,
				'number' => $return->number,
				'status' => $return->status->value,
			);
		}
		return (array) $returns;
	}
}
