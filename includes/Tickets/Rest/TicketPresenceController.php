<?php
/**
 * `aftercare/v1/tickets/{id}/presence`: an agent's heartbeat on a ticket (viewing, replying, or ''
 * when leaving); answers with the other agents present, so the screen can warn about collisions.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tickets\Rest;

use Aftercare\Rest\AbstractController;
use Aftercare\Tickets\Presence;
use Aftercare\Tickets\TicketService;

final class TicketPresenceController extends AbstractController {

	/** @var string */
	protected $rest_base = 'tickets/(?P<ticket_id>[\d]+)/presence';

	public function __construct( private Presence $presence, private TicketService $tickets ) {}

	public function resource(): string {
		return 'ticket-presence';
	}

	public function register_routes(): void {
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base,
			array(
				array(
					'methods'             => \WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'create_item' ),
					'permission_callback' => array( $this, 'create_item_permissions_check' ),
					'args'                => array(
						'ticket_id' => array(
							'description' => __( 'Ticket id.', 'aftercare' ),
							'type'        => 'integer',
						),
						'state'     => array(
							'description' => __( 'What the agent is doing on the ticket; empty when they leave it.', 'aftercare' ),
							'type'        => 'string',
							'enum'        => array_merge( Presence::STATES, array( '' ) ),
							'default'     => 'viewing',
						),
					),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
	}

	/**
	 * @param \WP_REST_Request $request Request.
	 */
	public function create_item_permissions_check( $request ): bool|\WP_Error {
		return $this->allow( current_user_can( 'edit_aftercare_tickets' ) );
	}

	/**
	 * @param \WP_REST_Request $request Request.
	 */
	public function create_item( $request ): \WP_REST_Response {
		return $this->respond(
			function () use ( $request ): array {
				$ticket = $this->tickets->get( (int) $request['ticket_id'] );
				return array(
					'ticket_id' => $ticket->id,
					'ttl'       => Presence::TTL,
					'others'    => $this->presence->beat( $ticket->id, get_current_user_id(), (string) $request['state'] ),
				);
			}
		);
	}

	/**
	 * @return array<string, mixed>
	 */
	public function get_item_schema(): array {
		return $this->add_additional_fields_schema(
			array(
				'$schema'    => 'http://json-schema.org/draft-04/schema#',
				'title'      => 'aftercare_ticket_presence',
				'type'       => 'object',
				'properties' => array(
					'ticket_id' => array(
						'description' => __( 'Ticket id.', 'aftercare' ),
						'type'        => 'integer',
						'readonly'    => true,
					),
					'ttl'       => array(
						'description' => __( 'Seconds a heartbeat counts for: send the next one sooner.', 'aftercare' ),
						'type'        => 'integer',
						'readonly'    => true,
					),
					'others'    => array(
						'description' => __( 'The other agents on the ticket now.', 'aftercare' ),
						'type'        => 'array',
						'readonly'    => true,
						'items'       => array(
							'type'                 => 'object',
							'properties'           => array(
								'user_id' => array( 'type' => 'integer' ),
								'name'    => array( 'type' => 'string' ),
								'state'   => array(
									'type' => 'string',
									'enum' => Presence::STATES,
								),
							),
							'required'             => array( 'user_id', 'name', 'state' ),
							'additionalProperties' => false,
						),
					),
				),
			)
		);
	}
}
