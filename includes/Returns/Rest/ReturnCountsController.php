<?php
/**
 * `aftercare/v1/returns/counts`: how many returns each status holds, for the agents' queue.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Returns\Rest;

use Aftercare\Rest\CountsController;
use Aftercare\Returns\ReturnRepository;
use Aftercare\Returns\ReturnStatus;

final class ReturnCountsController extends CountsController {

	protected const REQUIRED = true;

	/** @var string */
	protected $rest_base = 'returns/counts';

	public function __construct( private ReturnRepository $returns ) {}

	public function resource(): string {
		return 'return-counts';
	}

	protected function capability(): string {
		return 'read_aftercare_returns';
	}

	protected function counts(): array {
		return $this->returns->status_counts();
	}

	protected function descriptions(): array {
		$descriptions = array();
		foreach ( ReturnStatus::cases() as $status ) {
			/* translators: %s: return status, e.g. "Requested". */
			$descriptions[ $status->value ] = sprintf( __( 'Returns that are "%s".', 'aftercare' ), $status->label() );
		}
		return $descriptions;
	}
}
