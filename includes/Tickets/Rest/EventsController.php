<?php
/**
 * `aftercare/v1/tickets/{id}/events` and `aftercare/v1/returns/{id}/events`: the timeline of a
 * ticket or a return (agents only).
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tickets\Rest;

use Aftercare\Rest\AbstractController;
use Aftercare\Tickets\EventLog;

final class EventsController extends AbstractController {

	/** @var string */
	protected $rest_base = 'tickets/(?P<ticket_id>[\d]+)/events';

	public function __construct( private EventLog $events, private EventSchema $resource ) {}

	public function resource(): string {
		return 'event';
	}

	public function register_routes(): void {
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base,
			array(
				array(
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_items' ),
					'permission_callback' => array( $this, 'get_items_permissions_check' ),
					'args'                => array(
						'ticket_id' => array(
							'description' => __( 'Ticket id.', 'aftercare' ),
							'type'        => 'integer',
						),
					),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
		register_rest_route(
			$this->namespace,
			'/returns/(?P<return_id>[\d]+)/events',
			array(
				array(
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_return_items' ),
					'permission_callback' => array( $this, 'get_return_items_permissions_check' ),
					'args'                => array(
						'return_id' => array(
							'description' => __( 'Return id.', 'aftercare' ),
							'type'        => 'integer',
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
	public function get_items_permissions_check( $request ): bool|\WP_Error {
		return $this->allow( current_user_can( 'read_aftercare_tickets' ) );
	}

	/**
	 * @param \WP_REST_Request $request Request.
	 */
	public function get_items( $request ): \WP_REST_Response {
		return rest_ensure_response( array_map( array( $this->resource, 'prepare' ), $this->events->for_object( 'ticket', (int) $request['ticket_id'] ) ) );
	}

	/**
	 * @param \WP_REST_Request $request Request.
	 */
	public function get_return_items_permissions_check( $request ): bool|\WP_Error {
		return $this->allow( current_user_can( 'read_aftercare_returns' ) );
	}

	/**
	 * @param \WP_REST_Request $request Request.
	 */
	public function get_return_items( $request ): \WP_REST_Response {
		return rest_ensure_response( array_map( array( $this->resource, 'prepare' ), $this->events->for_object( 'return', (int) $request['return_id'] ) ) );
	}

	/**
	 * @return array<string, mixed>
	 */
	public function get_item_schema(): array {
		return $this->add_additional_fields_schema( $this->resource->item_schema() );
	}
}
