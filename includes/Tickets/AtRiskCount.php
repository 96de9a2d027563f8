<?php
/**
 * How many open tickets are at risk or breached, for the menu bubble and the admin bar: a count
 * kept in an option (autoloaded, so reading it on a page costs no query), recounted when a ticket
 * changes (after its commit), by every SLA sweep, and when it is older than a sweep's interval
 * (the clock alone moves tickets into the window). The recount is one range of the open tickets'
 * due-time index, as long as the tickets at risk.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tickets;

use Aftercare\Infrastructure\Clock;
use Aftercare\Infrastructure\Registrable;

final class AtRiskCount implements Registrable {

	public const OPTION = 'aftercare_sla_at_risk';

	/** A count older than this is recounted when read: the sweep's interval. */
	public const MAX_AGE = 5 * MINUTE_IN_SECONDS;

	public function __construct( private TicketRepository $tickets, private Sla $sla, private Clock $clock ) {}

	public function register(): void {
		add_action( 'aftercare_ticket_created', array( $this, 'refresh' ), 20, 0 );
		add_action( 'aftercare_ticket_updated', array( $this, 'refresh' ), 20, 0 );
		add_action( 'aftercare_message_created', array( $this, 'refresh' ), 20, 0 );
	}

	/**
	 * The count as last kept, recounted first when it is stale.
	 */
	public function get(): int {
		$kept = get_option( self::OPTION );
		if ( ! is_array( $kept ) || (int) ( $kept['at'] ?? 0 ) < $this->clock->now() - self::MAX_AGE ) {
			return $this->refresh();
		}
		return (int) ( $kept['count'] ?? 0 );
	}

	/**
	 * Counts again and keeps the answer.
	 */
	public function refresh(): int {
		$now   = $this->clock->now();
		$count = $this->tickets->count_due_before( $this->sla->at_risk_before( $now ) );
		update_option(
			self::OPTION,
			array(
				'count' => $count,
				'at'    => $now,
			),
			true
		);
		return $count;
	}
}
