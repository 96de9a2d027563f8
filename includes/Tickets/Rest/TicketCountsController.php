<?php
/**
 * `aftercare/v1/tickets/counts`: how many tickets each built-in queue view holds, for the current
 * agent ("mine" is theirs), read from TicketCounts. POST recounts them from the tickets first:
 * the managers' repair, should the counts ever disagree with the queue.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tickets\Rest;

use Aftercare\Rest\CountsController;
use Aftercare\Tickets\AtRiskCount;
use Aftercare\Tickets\TicketCounts;
use Aftercare\Tickets\TicketFilter;

final class TicketCountsController extends CountsController {

	public const VIEWS = array( 'mine', 'unassigned', 'awaiting', 'open', 'solved' );

	/** @var string */
	protected $rest_base = 'tickets/counts';

	public function __construct( private TicketCounts $counts, private AtRiskCount $at_risk ) {}

	public function resource(): string {
		return 'ticket-counts';
	}

	public function register_routes(): void {
		parent::register_routes();
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base,
			array(
				array(
					'methods'             => \WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'rebuild' ),
					'permission_callback' => array( $this, 'rebuild_permissions_check' ),
				),
			)
		);
	}

	public function rebuild_permissions_check(): bool|\WP_Error {
		return $this->allow( current_user_can( 'manage_aftercare' ) );
	}

	public function rebuild(): \WP_REST_Response {
		return $this->respond(
			function (): array {
				$this->counts->rebuild();
				return $this->counts();
			}
		);
	}

	protected function capability(): string {
		return 'read_aftercare_tickets';
	}

	protected function counts(): array {
		$counts = array();
		foreach ( self::VIEWS as $view ) {
			$counts[ $view ] = (int) $this->counts->count( new TicketFilter( $view, get_current_user_id() ) );
		}
		$counts['at_risk'] = $this->at_risk->get();
		return $counts;
	}

	protected function descriptions(): array {
		$descriptions = array();
		foreach ( self::VIEWS as $view ) {
			/* translators: %s: queue view name, e.g. "unassigned". */
			$descriptions[ $view ] = sprintf( __( 'Tickets in the "%s" view.', 'aftercare' ), $view );
		}
		$descriptions['at_risk'] = __( 'Open tickets at risk or breached (kept current by ticket changes and the SLA sweep; at most 5 minutes old).', 'aftercare' );
		return $descriptions;
	}
}
