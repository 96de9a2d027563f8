<?php
/**
 * `GET aftercare/v1/reports/summary`: every figure of a period and of the one before, the
 * response and resolution time distributions, returns by reason and outcome.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Reports\Rest;

use Aftercare\Reports\Period;

final class SummaryController extends ReportController {

	protected function report(): string {
		return 'summary';
	}

	/**
	 * @param \WP_REST_Request $request Request.
	 */
	protected function build( Period $period, $request ): array {
		return $this->reports->summary( $period, (bool) $request['compare'] );
	}

	/**
	 * @return array<string, mixed>
	 */
	public function get_item_schema(): array {
		return $this->add_additional_fields_schema( $this->shapes->summary() );
	}
}
