<?php
/**
 * `GET aftercare/v1/reports/breakdown?group=…`: the figures per agent, channel, priority, tag or
 * product.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Reports\Rest;

use Aftercare\Reports\Period;

final class BreakdownController extends ReportController {

	protected function report(): string {
		return 'breakdown';
	}

	/**
	 * @param \WP_REST_Request $request Request.
	 */
	protected function build( Period $period, $request ): array {
		return $this->reports->breakdown( $period, (bool) $request['compare'], (string) $request['group'] );
	}

	/**
	 * @return array<string, mixed>
	 */
	public function get_item_schema(): array {
		return $this->add_additional_fields_schema( $this->shapes->breakdown() );
	}
}
