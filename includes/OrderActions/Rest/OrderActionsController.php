<?php
/**
 * `aftercare/v1/tickets/{id}/order-actions`: an agent refunds, gives a coupon, resends an order
 * mail or starts a return from a ticket reply (POST, `edit_aftercare_tickets`).
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\OrderActions\Rest;

use Aftercare\Infrastructure\Conditional;
use Aftercare\OrderActions\OrderActions;
use Aftercare\Rest\AbstractController;

final class OrderActionsController extends AbstractController implements Conditional {

	/** @var string */
	protected $rest_base = 'tickets/(?P<ticket_id>[\d]+)/order-actions';

	public function __construct( private ?OrderActions $actions, private OrderActionSchema $resource ) {}

	public function resource(): string {
		return 'order-action';
	}

	public function can_register(): bool {
		return null !== $this->actions;
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
					) + $this->resource->action_args(),
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
			function () use ( $request ): \WP_REST_Response {
				$response = rest_ensure_response( $this->actions->perform( (int) $request['ticket_id'], $request->get_params(), get_current_user_id() ) );
				$response->set_status( 201 );
				return $response;
			}
		);
	}

	/**
	 * @return array<string, mixed>
	 */
	public function get_item_schema(): array {
		return $this->add_additional_fields_schema( $this->resource->item_schema() );
	}
}
