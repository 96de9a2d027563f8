<?php
/**
 * `GET|POST aftercare/v1/reports/rebuild`: start rebuilding the rollup of a range of days in the
 * background, and follow its progress (managers only).
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Reports\Rest;

use Aftercare\Reports\RollupRebuild;
use Aftercare\Rest\AbstractController;

final class RebuildController extends AbstractController {

	/** @var string */
	protected $rest_base = 'reports/rebuild';

	public function __construct( private RollupRebuild $rebuild, private ReportsSchema $shapes ) {}

	public function resource(): string {
		return 'report-rebuild';
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
				array(
					'methods'             => \WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'create_item' ),
					'permission_callback' => array( $this, 'create_item_permissions_check' ),
					'args'                => $this->shapes->args( 'rebuild' ),
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
	public function create_item_permissions_check( $request ): bool|\WP_Error {
		return $this->allow( current_user_can( 'manage_aftercare' ) );
	}

	/**
	 * @param \WP_REST_Request $request Request.
	 */
	public function get_item( $request ): \WP_REST_Response {
		return rest_ensure_response( $this->rebuild->progress() );
	}

	/**
	 * @param \WP_REST_Request $request Request.
	 */
	public function create_item( $request ): \WP_REST_Response {
		$response = $this->respond( fn() => $this->rebuild->start( (string) $request['from'], (string) $request['to'] ) );
		if ( 200 === $response->get_status() ) {
			$response->set_status( 202 );
		}
		return $response;
	}

	/**
	 * @return array<string, mixed>
	 */
	public function get_item_schema(): array {
		return $this->add_additional_fields_schema( $this->shapes->rebuild() );
	}
}
