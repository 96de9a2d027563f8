<?php
/**
 * `aftercare/v1/tickets/counts`: how many tickets each built-in queue view holds, for the current
 * agent ("mine" is theirs).
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tickets\Rest;

use Aftercare\Rest\CountsController;
use Aftercare\Tickets\TicketRepository;

final class TicketCountsController extends CountsController {

	public const VIEWS = array( 'mine', 'unassigned', 'awaiting', 'open', 'solved' );

	/** @var string */
	protected $rest_base = 'tickets/counts';

	public function __construct( private TicketRepository $tickets ) {}

	public function resource(): string {
		return 'ticket-counts';
	}

	protected function capability(): string {
		return 'read_aftercare_tickets';
	}

	protected function counts(): array {
		return $this->tickets->view_counts( get_current_user_id() );
	}

	protected function descriptions(): array {
		$descriptions = array();
		foreach ( self::VIEWS as $view ) {
			/* translators: %s: queue view name, e.g. "unassigned". */
			$descriptions[ $view ] = sprintf( __( 'Tickets in the "%s" view.', 'aftercare' ), $view );
		}
		return $descriptions;
	}
}
