<?php
/**
 * `aftercare/v1/tickets/{id}/context`: the customer behind a ticket, for the agent's side panel.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tickets\Rest;

use Aftercare\Rest\AbstractController;
use Aftercare\Tickets\CustomerContext;
use Aftercare\Tickets\TicketService;

final class TicketContextController extends AbstractController {

	/** @var string */
	protected $rest_base = 'tickets/(?P<ticket_id>[\d]+)/context';

	public function __construct( private CustomerContext $context, private TicketService $tickets ) {}

	public function resource(): string {
		return 'ticket-context';
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
		return $this->allow( current_user_can( 'read_aftercare_tickets' ) );
	}

	/**
	 * @param \WP_REST_Request $request Request.
	 */
	public function get_item( $request ): \WP_REST_Response {
		return $this->respond( fn() => $this->context->for_ticket( $this->tickets->get( (int) $request['ticket_id'] ) ) );
	}

	/**
	 * @return array<string, mixed>
	 */
	public function get_item_schema(): array {
		$string = array( 'type' => 'string' );
		$int    = array( 'type' => 'integer' );
		$list   = static fn( array $properties ): array => array(
			'type'     => 'array',
			'readonly' => true,
			'items'    => array(
				'type'                 => 'object',
				'properties'           => $properties,
				'required'             => array_keys( $properties ),
				'additionalProperties' => false,
			),
		);
		return $this->add_additional_fields_schema(
			array(
				'$schema'    => 'http://json-schema.org/draft-04/schema#',
				'title'      => 'aftercare_ticket_context',
				'type'       => 'object',
				'properties' => array(
					'ticket_id'        => array( 'readonly' => true ) + $int,
					'customer'         => array(
						'type'                 => 'object',
						'readonly'             => true,
						'properties'           => array(
							'id'    => $int,
							'name'  => $string,
							'email' => $string,
						),
						'required'             => array( 'id', 'name', 'email' ),
						'additionalProperties' => false,
					),
					'email_verified'   => array(
						'description' => __( 'Whether the ticket\'s email is known to be the customer\'s. When it is not (a guest\'s claim only), no orders, spending, returns or other tickets of that address are given.', 'aftercare' ), // phpcs:ignore Generic.Files.LineLength.TooLong -- one translatable string.
						'type'        => 'boolean',
						'readonly'    => true,
					),
					'orders_available' => array(
						'description' => __( 'Whether the store has an order source (WooCommerce).', 'aftercare' ),
						'type'        => 'boolean',
						'readonly'    => true,
					),
					'orders'           => array( 'description' => __( 'The customer\'s latest orders, newest first.', 'aftercare' ) ) + $list(
						array(
							'id'           => $int,
							'number'       => $string,
							'status'       => $string,
							'status_label' => $string,
							'total'        => array( 'type' => 'number' ),
							'currency'     => $string,
							'created'      => $string + array( 'format' => 'date-time' ),
						)
					),
					'order_count'      => array(
						'description' => __( 'Paid orders.', 'aftercare' ),
						'readonly'    => true,
					) + $int,
					'total_spent'      => array(
						'description' => __( 'Total of paid orders.', 'aftercare' ),
						'type'        => 'number',
						'readonly'    => true,
					),
					'currency'         => array( 'readonly' => true ) + $string,
					'open_returns'     => array(
						'description' => __( 'The customer\'s open return requests (from the aftercare_ticket_context_open_returns filter).', 'aftercare' ),
					) + $list(
						array(
							'id'     => $int,
							'number' => $int,
							'status' => $string,
						)
					),
					'other_tickets'    => array( 'description' => __( 'The customer\'s other tickets, latest first.', 'aftercare' ) ) + $list(
						array(
							'id'      => $int,
							'number'  => $int,
							'subject' => $string,
							'status'  => $string,
							'updated' => $string + array( 'format' => 'date-time' ),
						)
					),
				),
			)
		);
	}
}
