<?php
/**
 * `aftercare/v1/saved-replies`: canned answers. Agents list and render them; supervisors
 * (manage_aftercare) write them.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tickets\Rest;

use Aftercare\Infrastructure\DomainError;
use Aftercare\Rest\AbstractController;
use Aftercare\Tickets\MessageBody;
use Aftercare\Tickets\SavedReply;
use Aftercare\Tickets\SavedReplyRenderer;
use Aftercare\Tickets\SavedReplyRepository;
use Aftercare\Tickets\TicketService;

final class SavedRepliesController extends AbstractController {

	/** @var string */
	protected $rest_base = 'saved-replies';

	public function __construct(
		private SavedReplyRepository $replies,
		private SavedReplyRenderer $renderer,
		private TicketService $tickets,
		private SavedReplySchema $resource
	) {}

	public function resource(): string {
		return 'saved-reply';
	}

	public function register_routes(): void {
		$id   = array(
			'id' => array(
				'description' => __( 'Saved reply id.', 'aftercare' ),
				'type'        => 'integer',
			),
		);
		$args = $this->get_endpoint_args_for_item_schema( \WP_REST_Server::CREATABLE );
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base,
			array(
				array(
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_items' ),
					'permission_callback' => array( $this, 'get_items_permissions_check' ),
				),
				array(
					'methods'             => \WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'create_item' ),
					'permission_callback' => array( $this, 'create_item_permissions_check' ),
					'args'                => $args,
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base . '/(?P<id>[\d]+)',
			array(
				'args'   => $id,
				array(
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_item' ),
					'permission_callback' => array( $this, 'get_items_permissions_check' ),
				),
				array(
					'methods'             => \WP_REST_Server::EDITABLE,
					'callback'            => array( $this, 'update_item' ),
					'permission_callback' => array( $this, 'create_item_permissions_check' ),
					'args'                => $this->get_endpoint_args_for_item_schema( \WP_REST_Server::EDITABLE ),
				),
				array(
					'methods'             => \WP_REST_Server::DELETABLE,
					'callback'            => array( $this, 'delete_item' ),
					'permission_callback' => array( $this, 'create_item_permissions_check' ),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base . '/(?P<id>[\d]+)/render',
			array(
				'args' => $id,
				array(
					'methods'             => \WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'render' ),
					'permission_callback' => array( $this, 'get_items_permissions_check' ),
					'args'                => array(
						'ticket_id' => array(
							'description' => __( 'The ticket whose customer and order fill the variables.', 'aftercare' ),
							'type'        => 'integer',
							'minimum'     => 1,
						),
					),
				),
			)
		);
	}

	/**
	 * @param \WP_REST_Request $request Request.
	 */
	public function get_items_permissions_check( $request ): bool|\WP_Error {
		return $this->allow( current_user_can( 'edit_aftercare_tickets' ) );
	}

	/**
	 * @param \WP_REST_Request $request Request.
	 */
	public function create_item_permissions_check( $request ): bool|\WP_Error {
		return $this->allow( current_user_can( 'manage_aftercare' ) );
	}

	/**
	 * @param \WP_REST_Request $request Request.
	 */
	public function get_items( $request ): \WP_REST_Response {
		return rest_ensure_response( array_map( array( $this->resource, 'prepare' ), $this->replies->all() ) );
	}

	/**
	 * @param \WP_REST_Request $request Request.
	 */
	public function get_item( $request ): \WP_REST_Response {
		return $this->respond( fn() => $this->resource->prepare( $this->find( (int) $request['id'] ) ) );
	}

	/**
	 * @param \WP_REST_Request $request Request.
	 */
	public function create_item( $request ): \WP_REST_Response {
		return $this->respond(
			function () use ( $request ): \WP_REST_Response {
				$reply    = $this->replies->save( 0, ...$this->fields( $request, null ) );
				$response = rest_ensure_response( $this->resource->prepare( $reply ) );
				$response->set_status( 201 );
				$response->header( 'Location', rest_url( $this->namespace . '/' . $this->rest_base . '/' . $reply->id ) );
				return $response;
			}
		);
	}

	/**
	 * @param \WP_REST_Request $request Request.
	 */
	public function update_item( $request ): \WP_REST_Response {
		return $this->respond(
			function () use ( $request ): array {
				$reply = $this->find( (int) $request['id'] );
				return $this->resource->prepare( $this->replies->save( $reply->id, ...$this->fields( $request, $reply ) ) );
			}
		);
	}

	/**
	 * @param \WP_REST_Request $request Request.
	 */
	public function delete_item( $request ): \WP_REST_Response {
		return $this->respond(
			function () use ( $request ): array {
				$reply = $this->find( (int) $request['id'] );
				$this->replies->delete( $reply->id );
				return array(
					'deleted'  => true,
					'previous' => $this->resource->prepare( $reply ),
				);
			}
		);
	}

	/**
	 * @param \WP_REST_Request $request Request.
	 */
	public function render( \WP_REST_Request $request ): \WP_REST_Response {
		return $this->respond(
			function () use ( $request ): array {
				if ( ! $request['ticket_id'] ) {
					throw DomainError::invalid(
						'invalid_ticket',
						__( 'Name the ticket whose details fill the reply.', 'aftercare' ),
						array( 'params' => array( 'ticket_id' ) )
					);
				}
				return array(
					'body' => MessageBody::sanitize( $this->renderer->render( $this->find( (int) $request['id'] ), $this->tickets->get( (int) $request['ticket_id'] ) ) ),
				);
			}
		);
	}

	/**
	 * @return array<string, mixed>
	 */
	public function get_item_schema(): array {
		return $this->add_additional_fields_schema( $this->resource->item_schema() );
	}

	private function find( int $id ): SavedReply {
		$reply = $this->replies->find( $id );
		if ( ! $reply ) {
			throw DomainError::not_found( 'not_found', __( 'No such saved reply.', 'aftercare' ) );
		}
		return $reply;
	}

	/**
	 * Title and sanitized body from the request, falling back to the stored reply's.
	 *
	 * @return array{0: string, 1: string}
	 */
	private function fields( \WP_REST_Request $request, ?SavedReply $current ): array {
		$title = null !== $request['title'] ? trim( sanitize_text_field( (string) $request['title'] ) ) : ( $current->title ?? '' );
		$body  = null !== $request['body'] ? MessageBody::sanitize( (string) $request['body'] ) : ( $current->body ?? '' );
		if ( '' === $title ) {
			throw DomainError::invalid( 'invalid_title', __( 'Please give the saved reply a title.', 'aftercare' ), array( 'params' => array( 'title' ) ) );
		}
		if ( '' === $body ) {
			throw DomainError::invalid( 'empty_message', __( 'Please write the reply.', 'aftercare' ), array( 'params' => array( 'body' ) ) );
		}
		return array( $title, $body );
	}
}
