<?php
/**
 * `aftercare/v1/tickets/counts`: how many tickets each built-in queue view holds, for the current
 * agent ("mine" is theirs).
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Rest\TicketCounts;

use Aftercare\Rest\AbstractController;
use Aftercare\Tickets\TicketRepository;

final class Controller extends AbstractController {

	public const VIEWS = array( 'mine', 'unassigned', 'awaiting', 'open', 'solved' );

	/** @var string */
	protected $rest_base = 'tickets/counts';

	public function __construct( private TicketRepository $tickets ) {}

	public function resource(): string {
		return 'ticket-counts';
	}

	public function register_routes(): void {
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base,
			array(
				array(
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_item' ),
					'permission_callback' => array( $this, 'get_item_permissions_check' ),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
	}

	/**
	 * @param \WP_REST_Request $request Request.
	 */
	public function get_item_permissions_check( $request ): bool|\WP_Error {
		return $this->allow( current_user_can( 'read_aftercare_tickets' ) );
	}

	/**
	 * @param \WP_REST_Request $request Request.
	 */
	public function get_item( $request ): \WP_REST_Response {
		return rest_ensure_response( $this->tickets->view_counts( get_current_user_id() ) );
	}

	/**
	 * @return array<string, mixed>
	 */
	public function get_item_schema(): array {
		$properties = array();
		foreach ( self::VIEWS as $view ) {
			$properties[ $view ] = array(
				/* translators: %s: queue view name, e.g. "unassigned". */
				'description' => sprintf( __( 'Tickets in the "%s" view.', 'aftercare' ), $view ),
				'type'        => 'integer',
				'readonly'    => true,
			);
		}
		return $this->add_additional_fields_schema(
			array(
				'$schema'    => 'http://json-schema.org/draft-04/schema#',
				'title'      => 'aftercare_ticket_counts',
				'type'       => 'object',
				'properties' => $properties,
			)
		);
	}
}
