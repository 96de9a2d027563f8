<?php
/**
 * `aftercare/v1/tickets/{id}/messages`: a ticket's thread (internal notes for agents only) and new
 * replies and notes, with attachments (multipart `attachments[]`).
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tickets\Rest;

use Aftercare\Http\GuestToken;
use Aftercare\Http\Uploads;
use Aftercare\Infrastructure\DomainError;
use Aftercare\Rest\AbstractController;
use Aftercare\Tickets\Status;
use Aftercare\Tickets\TicketAccess;
use Aftercare\Tickets\TicketService;

final class MessagesController extends AbstractController {

	/** @var string */
	protected $rest_base = 'tickets/(?P<ticket_id>[\d]+)/messages';

	public function __construct(
		private TicketService $service,
		private TicketAccess $access,
		private MessageThread $thread
	) {}

	public function resource(): string {
		return 'message';
	}

	public function register_routes(): void {
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base,
			$this->thread->route(
				'ticket_id',
				__( 'Ticket id.', 'aftercare' ),
				array(
					'list'              => array( $this, 'get_items' ),
					'list_permission'   => array( $this, 'get_items_permissions_check' ),
					'create'            => array( $this, 'create_item' ),
					'create_permission' => array( $this, 'create_item_permissions_check' ),
					'schema'            => array( $this, 'get_public_item_schema' ),
				),
				array(
					'type'   => array(
						'description' => __( 'A public reply, or an internal note (agents).', 'aftercare' ),
						'type'        => 'string',
						'enum'        => array( 'reply', 'note' ),
						'default'     => 'reply',
					),
					'status' => array(
						'description' => __( 'Agents: the ticket\'s status after a reply (default: awaiting customer).', 'aftercare' ),
						'type'        => 'string',
						'enum'        => Status::values(),
					),
				)
			)
		);
	}

	/**
	 * @param \WP_REST_Request $request Request.
	 */
	public function get_items_permissions_check( $request ): bool|\WP_Error {
		return $this->allow( $this->access->allows( (int) $request['ticket_id'], GuestToken::from( $request ) ) );
	}

	/**
	 * @param \WP_REST_Request $request Request.
	 */
	public function get_items( $request ): \WP_REST_Response {
		return rest_ensure_response( $this->thread->list( (int) $request['ticket_id'], current_user_can( 'read_aftercare_tickets' ) ) );
	}

	/**
	 * @param \WP_REST_Request $request Request.
	 */
	public function create_item_permissions_check( $request ): bool|\WP_Error {
		return $this->allow( $this->access->allows( (int) $request['ticket_id'], GuestToken::from( $request ), true ) );
	}

	/**
	 * @param \WP_REST_Request $request Request.
	 */
	public function create_item( $request ): \WP_REST_Response {
		return $this->respond(
			function () use ( $request ): \WP_REST_Response {
				$actor = TicketAccess::author( $request );
				$agent = TicketService::is_agent( $actor );
				if ( ! $agent ) {
					$this->thread->throttle( 'ticket', (int) $request['ticket_id'] );
				}
				if ( ! $agent && null !== $request['status'] ) {
					throw DomainError::forbidden( 'forbidden', __( 'Sorry, you are not allowed to do that.', 'aftercare' ) );
				}
				return $this->thread->created(
					$this->service->reply(
						(int) $request['ticket_id'],
						(string) $request['type'],
						(string) $request['body'],
						$actor,
						Uploads::from( $request ),
						(string) $request['status']
					)
				);
			}
		);
	}

	/**
	 * @return array<string, mixed>
	 */
	public function get_item_schema(): array {
		return $this->add_additional_fields_schema( $this->thread->item_schema() );
	}
}
