<?php
/**
 * `GET aftercare/v1/reports/trend`: the main figures day by day.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Reports\Rest;

use Aftercare\Reports\Period;

final class TrendController extends ReportController {

	protected function report(): string {
		return 'trend';
	}

	/**
	 * @param \WP_REST_Request $request Request.
	 */
	protected function build( Period $period, $request ): array {
		return $this->reports->trend( $period );
	}

	/**
	 * @return array<string, mixed>
	 */
	public function get_item_schema(): array {
		return $this->add_additional_fields_schema( $this->shapes->trend() );
	}
}
