<?php
/**
 * `aftercare/v1/tickets/{id}/messages`: a ticket's thread (internal notes for agents only) and new
 * replies and notes, with attachments (multipart `attachments[]`).
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Rest\Messages;

use Aftercare\Infrastructure\DomainError;
use Aftercare\Infrastructure\RateLimiter;
use Aftercare\Rest\AbstractController;
use Aftercare\Rest\Tickets\Controller as TicketsController;
use Aftercare\Tickets\AttachmentStore;
use Aftercare\Tickets\Message;
use Aftercare\Tickets\MessageBody;
use Aftercare\Tickets\MessageRepository;
use Aftercare\Tickets\Status;
use Aftercare\Tickets\TicketAccess;
use Aftercare\Tickets\TicketService;

final class Controller extends AbstractController {

	/** Customers and guests: replies per ticket and per IP address, per hour. */
	public const REPLY_LIMITS = array(
		'ticket' => 30,
		'ip'     => 60,
	);

	/** @var string */
	protected $rest_base = 'tickets/(?P<ticket_id>[\d]+)/messages';

	public function __construct(
		private TicketService $service,
		private MessageRepository $messages,
		private AttachmentStore $attachments,
		private TicketAccess $access,
		private RateLimiter $limiter,
		private Schema $resource
	) {}

	public function resource(): string {
		return 'message';
	}

	public function register_routes(): void {
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base,
			array(
				'args'   => array(
					'ticket_id' => array(
						'description' => __( 'Ticket id.', 'aftercare' ),
						'type'        => 'integer',
					),
					'token'     => TicketsController::token_arg(),
				),
				array(
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_items' ),
					'permission_callback' => array( $this, 'get_items_permissions_check' ),
				),
				array(
					'methods'             => \WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'create_item' ),
					'permission_callback' => array( $this, 'create_item_permissions_check' ),
					'args'                => array(
						'type'   => array(
							'description' => __( 'A public reply, or an internal note (agents).', 'aftercare' ),
							'type'        => 'string',
							'enum'        => array( 'reply', 'note' ),
							'default'     => 'reply',
						),
						'body'   => array(
							'description' => __( 'The message (plain text or simple HTML).', 'aftercare' ),
							'type'        => 'string',
							'required'    => true,
							'maxLength'   => MessageBody::MAX_LENGTH,
						),
						'status' => array(
							'description' => __( 'Agents: the ticket\'s status after a reply (default: awaiting customer).', 'aftercare' ),
							'type'        => 'string',
							'enum'        => Status::values(),
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
		return $this->allow( $this->access->allows( (int) $request['ticket_id'], TicketAccess::token( $request ) ) );
	}

	/**
	 * @param \WP_REST_Request $request Request.
	 */
	public function get_items( $request ): \WP_REST_Response {
		$ticket_id = (int) $request['ticket_id'];
		$messages  = $this->messages->for_ticket( $ticket_id, current_user_can( 'read_aftercare_tickets' ) );
		$files     = $this->attachments->for_messages( array_map( static fn( Message $m ): int => $m->id, $messages ) );
		$token     = is_user_logged_in() ? '' : TicketAccess::token( $request );
		return rest_ensure_response( array_map( fn( Message $m ): array => $this->resource->prepare( $m, $files[ $m->id ] ?? array(), $token ), $messages ) );
	}

	/**
	 * @param \WP_REST_Request $request Request.
	 */
	public function create_item_permissions_check( $request ): bool|\WP_Error {
		return $this->allow( $this->access->allows( (int) $request['ticket_id'], TicketAccess::token( $request ), true ) );
	}

	/**
	 * @param \WP_REST_Request $request Request.
	 */
	public function create_item( $request ): \WP_REST_Response {
		return $this->respond(
			function () use ( $request ): \WP_REST_Response {
				$actor = get_current_user_id();
				$agent = TicketService::is_agent( $actor );
				if ( ! $agent ) {
					$this->throttle( (int) $request['ticket_id'] );
				}
				if ( ! $agent && null !== $request['status'] ) {
					throw DomainError::forbidden( 'forbidden', __( 'Sorry, you are not allowed to do that.', 'aftercare' ) );
				}
				$message  = $this->service->reply( (int) $request['ticket_id'], (string) $request['type'], (string) $request['body'], $actor, TicketsController::uploads( $request ), (string) $request['status'] );
				$files    = $this->attachments->for_messages( array( $message->id ) )[ $message->id ] ?? array();
				$response = rest_ensure_response( $this->resource->prepare( $message, $files, $actor ? '' : TicketAccess::token( $request ) ) );
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

	private function throttle( int $ticket_id ): void {
		$retry = max(
			$this->limiter->hit( 'ticket_reply', (string) $ticket_id, self::REPLY_LIMITS['ticket'], HOUR_IN_SECONDS ),
			$this->limiter->hit( 'ticket_reply_ip', TicketsController::ip(), self::REPLY_LIMITS['ip'], HOUR_IN_SECONDS )
		);
		if ( $retry ) {
			throw DomainError::throttled( __( 'Too many requests. Please wait a little and try again.', 'aftercare' ), $retry );
		}
	}
}
