<?php
/**
 * `aftercare/v1/mail/received` (supervisors: `manage_aftercare`): the log of received mail, newest
 * first; one entry with its raw message; a mail that needs attention tried again through the
 * inbox (`POST …/{id}/retry`, 409 for any other) or dismissed (`DELETE …/{id}`, 409 for any
 * other: a stored mail's entry is what keeps a second delivery from becoming a second message).
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Mail\Rest;

use Aftercare\Infrastructure\DomainError;
use Aftercare\Mail\Inbox;
use Aftercare\Mail\ReceivedMailRepository;
use Aftercare\Rest\AbstractController;

final class ReceivedMailController extends AbstractController {

	/** @var string */
	protected $rest_base = 'mail/received';

	public function __construct( private ReceivedMailRepository $received, private Inbox $inbox, private ReceivedMailSchema $resource ) {}

	public function resource(): string {
		return 'received-mail';
	}

	public function register_routes(): void {
		$id = array(
			'id' => array(
				'description' => __( 'Received mail id.', 'aftercare' ),
				'type'        => 'integer',
			),
		);
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base,
			array(
				array(
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_items' ),
					'permission_callback' => array( $this, 'get_items_permissions_check' ),
					'args'                => array(
						'page'     => array(
							'description' => __( 'Page of the log.', 'aftercare' ),
							'type'        => 'integer',
							'minimum'     => 1,
							'default'     => 1,
						),
						'per_page' => array(
							'description' => __( 'Entries per page.', 'aftercare' ),
							'type'        => 'integer',
							'minimum'     => 1,
							'maximum'     => 100,
							'default'     => 20,
						),
						'outcome'  => array(
							'description' => __( 'Only entries with this outcome.', 'aftercare' ),
							'type'        => 'string',
							'enum'        => ReceivedMailSchema::outcomes(),
						),
					),
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
					'methods'             => \WP_REST_Server::DELETABLE,
					'callback'            => array( $this, 'delete_item' ),
					'permission_callback' => array( $this, 'get_items_permissions_check' ),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base . '/(?P<id>[\d]+)/retry',
			array(
				'args'   => $id,
				array(
					'methods'             => \WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'retry' ),
					'permission_callback' => array( $this, 'get_items_permissions_check' ),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
	}

	/**
	 * @param \WP_REST_Request $request Request.
	 */
	public function get_items_permissions_check( $request ): bool|\WP_Error {
		return $this->allow( current_user_can( 'manage_aftercare' ) );
	}

	/**
	 * @param \WP_REST_Request $request Request.
	 */
	public function get_items( $request ): \WP_REST_Response {
		$per_page = (int) $request['per_page'];
		$page     = $this->received->page( (string) $request['outcome'], (int) $request['page'], $per_page );
		$response = rest_ensure_response( array_map( fn( object $row ): array => $this->resource->prepare( $row, false ), $page['rows'] ) );
		$response->header( 'X-WP-Total', (string) $page['total'] );
		$response->header( 'X-WP-TotalPages', (string) max( 1, (int) ceil( $page['total'] / $per_page ) ) );
		return $response;
	}

	/**
	 * @param \WP_REST_Request $request Request.
	 */
	public function get_item( $request ): \WP_REST_Response {
		return $this->respond( fn(): array => $this->resource->prepare( $this->row( (int) $request['id'] ), true ) );
	}

	/**
	 * @param \WP_REST_Request $request Request.
	 */
	public function delete_item( $request ): \WP_REST_Response {
		return $this->respond(
			function () use ( $request ): array {
				$row = $this->row( (int) $request['id'] );
				if ( ! $this->received->dismiss( (int) $row->id ) ) {
					throw DomainError::conflict( 'not_needing_attention', __( 'Only a mail that needs attention can be dismissed.', 'aftercare' ) );
				}
				return array(
					'deleted'  => true,
					'previous' => $this->resource->prepare( $row, false ),
				);
			}
		);
	}

	/**
	 * @param \WP_REST_Request $request Request.
	 */
	public function retry( $request ): \WP_REST_Response {
		return $this->respond(
			function () use ( $request ): array {
				$receipt = $this->inbox->retry( (int) $request['id'] );
				// A duplicate leaves the entry as it was: answer it.
				return $this->resource->prepare( $this->row( $receipt->received_id ?: (int) $request['id'] ), false );
			}
		);
	}

	/**
	 * @throws DomainError 404 when there is no such entry.
	 */
	private function row( int $id ): object {
		$row = $this->received->find( $id );
		if ( ! $row ) {
			throw DomainError::not_found( 'not_found', __( 'That received mail no longer exists.', 'aftercare' ) );
		}
		return $row;
	}

	/**
	 * @return array<string, mixed>
	 */
	public function get_item_schema(): array {
		return $this->add_additional_fields_schema( $this->resource->item_schema() );
	}
}
