<?php
/**
 * `GET aftercare/v1/help/reports?days=30`: the help-center analytics (top and zero-result
 * queries, article helpfulness, deflection, daily trends), for people who may view reports.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\HelpCenter\Rest;

use Aftercare\HelpCenter\Reports;
use Aftercare\Rest\AbstractController;

final class HelpReportsController extends AbstractController {

	/** @var string */
	protected $rest_base = 'help/reports';

	public function __construct( private Reports $reports, private HelpReportsSchema $resource ) {}

	public function resource(): string {
		return 'help-reports';
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
					'args'                => $this->resource->read_args(),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
	}

	/**
	 * @param \WP_REST_Request $request Request.
	 */
	public function get_item_permissions_check( $request ): bool|\WP_Error {
		return $this->allow( current_user_can( 'view_aftercare_reports' ) );
	}

	/**
	 * @param \WP_REST_Request $request Request.
	 */
	public function get_item( $request ): \WP_REST_Response {
		return rest_ensure_response( $this->reports->build( (int) $request['days'] ) );
	}

	/**
	 * @return array<string, mixed>
	 */
	public function get_item_schema(): array {
		return $this->add_additional_fields_schema( $this->resource->item_schema() );
	}
}
