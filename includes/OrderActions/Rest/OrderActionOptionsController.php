<?php
/**
 * `aftercare/v1/tickets/{id}/order-actions/{order_id}`: what an agent may do to one of the ticket
 * customer's orders (what is left to refund, their limits, tracking), for the reply screen.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\OrderActions\Rest;

use Aftercare\Infrastructure\Conditional;
use Aftercare\OrderActions\OrderActions;
use Aftercare\Rest\AbstractController;

final class OrderActionOptionsController extends AbstractController implements Conditional {

	/** @var string */
	protected $rest_base = 'tickets/(?P<ticket_id>[\d]+)/order-actions/(?P<order_id>[\d]+)';

	public function __construct( private ?OrderActions $actions, private OrderActionSchema $resource ) {}

	public function resource(): string {
		return 'order-action-options';
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
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_item' ),
					'permission_callback' => array( $this, 'get_item_permissions_check' ),
					'args'                => array(
						'ticket_id' => array(
							'description' => __( 'Ticket id.', 'aftercare' ),
							'type'        => 'integer',
						),
						'order_id'  => array(
							'description' => __( 'Order id.', 'aftercare' ),
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
	public function get_item_permissions_check( $request ): bool|\WP_Error {
		return $this->allow( current_user_can( 'edit_aftercare_tickets' ) );
	}

	/**
	 * @param \WP_REST_Request $request Request.
	 */
	public function get_item( $request ): \WP_REST_Response {
		return $this->respond( fn(): array => $this->actions->options( (int) $request['ticket_id'], (int) $request['order_id'], get_current_user_id() ) );
	}

	/**
	 * @return array<string, mixed>
	 */
	public function get_item_schema(): array {
		return $this->add_additional_fields_schema( $this->resource->options_schema() );
	}
}
