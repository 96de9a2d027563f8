<?php
/**
 * `aftercare/v1/settings`: read and change the store's Aftercare settings (supervisors only).
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Settings\Rest;

use Aftercare\Rest\AbstractController;
use Aftercare\Settings\Settings;

final class SettingsController extends AbstractController {

	/** @var string */
	protected $rest_base = 'settings';

	public function __construct( private Settings $settings, private SettingsSchema $resource ) {}

	public function register_routes(): void {
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base,
			array(
				array(
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_item' ),
					'permission_callback' => array( $this, 'get_item_permissions_check' ),
					'args'                => array( 'context' => $this->get_context_param( array( 'default' => 'view' ) ) ),
				),
				array(
					'methods'             => \WP_REST_Server::EDITABLE,
					'callback'            => array( $this, 'update_item' ),
					'permission_callback' => array( $this, 'update_item_permissions_check' ),
					'args'                => $this->get_endpoint_args_for_item_schema( \WP_REST_Server::EDITABLE ),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
	}

	/**
	 * @param \WP_REST_Request $request Request.
	 */
	public function get_item_permissions_check( $request ): bool|\WP_Error {
		return $this->allow( current_user_can( 'manage_aftercare' ) );
	}

	/**
	 * @param \WP_REST_Request $request Request.
	 */
	public function update_item_permissions_check( $request ): bool|\WP_Error {
		return $this->allow( current_user_can( 'manage_aftercare' ) );
	}

	/**
	 * @param \WP_REST_Request $request Request.
	 */
	public function get_item( $request ): \WP_REST_Response {
		return $this->respond( fn() => $this->resource->prepare( $this->settings->all() ) );
	}

	/**
	 * @param \WP_REST_Request $request Request.
	 */
	public function update_item( $request ): \WP_REST_Response {
		$changes = array_intersect_key( $request->get_params(), $this->settings->fields() );
		return $this->respond( fn() => $this->resource->prepare( $this->settings->update( $changes ) ) );
	}

	/**
	 * @return array<string, mixed>
	 */
	public function get_item_schema(): array {
		return $this->add_additional_fields_schema( $this->resource->item_schema() );
	}
}
