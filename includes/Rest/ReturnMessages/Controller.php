<?php
/**
 * aftercare/v1/returns/{id}/messages: the conversation about a return (its ticket thread), for
 * agents, the return's customer and a guest with its link.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Rest\ReturnMessages;

use Aftercare\Infrastructure\DomainError;
use Aftercare\Infrastructure\RateLimiter;
use Aftercare\Rest\AbstractController;
use Aftercare\Rest\Messages\Controller as MessagesController;
use Aftercare\Rest\Messages\Schema;
use Aftercare\Rest\Tickets\Controller as TicketsController;
use Aftercare\Returns\ReturnAccess;
use Aftercare\Returns\ReturnService;
use Aftercare\Tickets\AttachmentStore;
use Aftercare\Tickets\Message;
use Aftercare\Tickets\MessageBody;
use Aftercare\Tickets\MessageRepository;
use Aftercare\Tickets\TicketAccess;

final class Controller extends AbstractController {

	protected $rest_base = 'returns/(?P<return_id>[\d]+)/messages';

	public function __construct(
		private ?ReturnService $service,
		private MessageRepository $messages,
		private AttachmentStore $attachments,
		private ReturnAccess $access,
		private RateLimiter $limiter,
		private Schema $resource
	) {}

	/** The same message resource as a ticket's thread (and so the same exported schema). */
	public function resource(): string {
		return 'message';
	}

	public function can_register(): bool {
		return null !== $this->service;
	}

	public function register_routes(): void {
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base,
			array(
				'args'   => array(
					'return_id' => array(
						'description' => __( 'Return id.', 'aftercare' ),
						'type'        => 'integer',
					),
					'token'     => TicketsController::token_arg(),
				),
				array(
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_items' ),
					'permission_callback' => array( $this, 'permissions_check' ),
				),
				array(
					'methods'             => \WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'create_item' ),
					'permission_callback' => array( $this, 'permissions_check' ),
					'args'                => array(
						'body' => array(
							'description' => __( 'The message (plain text or simple HTML).', 'aftercare' ),
							'type'        => 'string',
							'maxLength'   => MessageBody::MAX_LENGTH,
						),
					),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
	}

	/**
	 * Agents, the return's customer, or a guest with its link.
	 *
	 * @param \WP_REST_Request $request Request.
	 */
	public function permissions_check( $request ): bool|\WP_Error {
		return $this->allow( $this->access->allows( (int) $request['return_id'], TicketAccess::token( $request ) ) );
	}

	/**
	 * @param \WP_REST_Request $request Request.
	 */
	public function get_items( $request ): \WP_REST_Response {
		return $this->respond(
			function () use ( $request ): array {
				$return   = $this->service->get( (int) $request['return_id'] );
				$messages = $this->messages->for_ticket( $return->ticket_id, current_user_can( 'read_aftercare_returns' ) );
				$files    = $this->attachments->for_messages( array_map( static fn( Message $m ): int => $m->id, $messages ) );
				$token    = is_user_logged_in() ? '' : TicketAccess::token( $request );
				return array_map( fn( Message $m ): array => $this->resource->prepare( $m, $files[ $m->id ] ?? array(), $token ), $messages );
			}
		);
	}

	/**
	 * @param \WP_REST_Request $request Request.
	 */
	public function create_item( $request ): \WP_REST_Response {
		return $this->respond(
			function () use ( $request ): \WP_REST_Response {
				$actor = get_current_user_id();
				if ( ! ReturnService::is_agent( $actor ) ) {
					$this->throttle( (int) $request['return_id'] );
				}
				$message  = $this->service->message( (int) $request['return_id'], (string) $request['body'], $actor, TicketsController::uploads( $request ) );
				$files    = $this->attachments->for_messages( array( $message->id ) )[ $message->id ] ?? array();
				$response = rest_ensure_response( $this->resource->prepare( $message, $files, $actor ? '' : TicketAccess::token( $request ) ) );
				$response->set_status( 201 );
				return $response;
			}
		);
	}

	public function get_item_schema(): array {
		return $this->add_additional_fields_schema( $this->resource->item_schema() );
	}

	private function throttle( int $return_id ): void {
		$retry = max(
			$this->limiter->hit( 'return_reply', (string) $return_id, MessagesController::REPLY_LIMITS['ticket'], HOUR_IN_SECONDS ),
			$this->limiter->hit( 'return_reply_ip', TicketsController::ip(), MessagesController::REPLY_LIMITS['ip'], HOUR_IN_SECONDS )
		);
		if ( $retry ) {
			throw DomainError::throttled( __( 'Too many requests. Please wait a little and try again.', 'aftercare' ), $retry );
		}
	}
}
