<?php
/**
 * What every report route shares: `GET aftercare/v1/reports/<report>` for people who may view
 * reports, a period (and the one before), JSON or `format=csv`.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Reports\Rest;

use Aftercare\Infrastructure\Clock;
use Aftercare\Reports\Period;
use Aftercare\Reports\ReportCsv;
use Aftercare\Reports\Reports;
use Aftercare\Rest\AbstractController;

abstract class ReportController extends AbstractController {

	public function __construct( protected Reports $reports, private ReportCsv $csv, protected ReportsSchema $shapes, private Clock $clock ) {
		$this->rest_base = 'reports/' . $this->report();
	}

	/** summary, breakdown or trend. */
	abstract protected function report(): string;

	/**
	 * The report's JSON.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return array<string, mixed>
	 */
	abstract protected function build( Period $period, $request ): array;

	public function resource(): string {
		return 'report-' . $this->report();
	}

	public function register(): void {
		parent::register();
		add_filter( 'rest_pre_serve_request', array( CsvResponse::class, 'serve' ), 10, 2 );
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
					'args'                => $this->shapes->args( $this->report() ),
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
		return $this->respond(
			function () use ( $request ) {
				if ( 'csv' === $request['format'] ) {
					$params = $request->get_params();
					return new CsvResponse( $this->csv->export( $this->report(), $params ), $this->csv->filename( $this->report(), $params ) );
				}
				return $this->build( Period::parse( (string) $request['from'], (string) $request['to'], $this->clock ), $request );
			}
		);
	}
}
