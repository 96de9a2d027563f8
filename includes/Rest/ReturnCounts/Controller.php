<?php
/**
 * `aftercare/v1/returns/counts`: how many returns each status holds, for the agents' queue.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Rest\ReturnCounts;

use Aftercare\Rest\AbstractController;
use Aftercare\Returns\ReturnRepository;
use Aftercare\Returns\ReturnStatus;

final class Controller extends AbstractController {

	/** @var string */
	protected $rest_base = 'returns/counts';

	public function __construct( private ReturnRepository $returns ) {}

	public function resource(): string {
		return 'return-counts';
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
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
	}

	/**
	 * @param \WP_REST_Request $request Request.
	 */
	public function get_item_permissions_check( $request ): bool|\WP_Error {
		return $this->allow( current_user_can( 'read_aftercare_returns' ) );
	}

	/**
	 * @param \WP_REST_Request $request Request.
	 */
	public function get_item( $request ): \WP_REST_Response {
		return rest_ensure_response( $this->returns->status_counts() );
	}

	/**
	 * @return array<string, mixed>
	 */
	public function get_item_schema(): array {
		$properties = array();
		foreach ( ReturnStatus::cases() as $status ) {
			$properties[ $status->value ] = array(
				/* translators: %s: return status, e.g. "Requested". */
				'description' => sprintf( __( 'Returns that are "%s".', 'aftercare' ), $status->label() ),
				'type'        => 'integer',
				'readonly'    => true,
			);
		}
		return $this->add_additional_fields_schema(
			array(
				'$schema'    => 'http://json-schema.org/draft-04/schema#',
				'title'      => 'aftercare_return_counts',
				'type'       => 'object',
				'properties' => $properties,
				'required'   => array_keys( $properties ),
			)
		);
	}
}
