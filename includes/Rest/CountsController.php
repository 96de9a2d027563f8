<?php
/**
 * Base of the read-only `…/counts` resources: one GET route for readers with the right
 * capability that answers an object of integer counts, and that object's schema.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Rest;

abstract class CountsController extends AbstractController {

	/** Whether every count is always present (listed as `required` in the schema). */
	protected const REQUIRED = false;

	/** The capability that may read the counts. */
	abstract protected function capability(): string;

	/**
	 * The counts, by key.
	 *
	 * @return array<string, int>
	 */
	abstract protected function counts(): array;

	/**
	 * What each count holds, by key.
	 *
	 * @return array<string, string>
	 */
	abstract protected function descriptions(): array;

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
		return $this->allow( current_user_can( $this->capability() ) );
	}

	/**
	 * @param \WP_REST_Request $request Request.
	 */
	public function get_item( $request ): \WP_REST_Response {
		return rest_ensure_response( $this->counts() );
	}

	/**
	 * @return array<string, mixed>
	 */
	public function get_item_schema(): array {
		$properties = array();
		foreach ( $this->descriptions() as $key => $description ) {
			$properties[ $key ] = array(
				'description' => $description,
				'type'        => 'integer',
				'readonly'    => true,
			);
		}
		$schema = array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'aftercare_' . str_replace( '-', '_', $this->resource() ),
			'type'       => 'object',
			'properties' => $properties,
		);
		if ( static::REQUIRED ) {
			$schema['required'] = array_keys( $properties );
		}
		return $this->add_additional_fields_schema( $schema );
	}
}
