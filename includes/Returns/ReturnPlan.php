<?php
/**
 * What the work step of a return's change decided (see ReturnService::change()): the changes it
 * made to the return in memory, and for a settlement the step that reaches outside (the payment
 * gateway, a coupon, a new order), with what it needs already worked out.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Returns;

final class ReturnPlan {

	/**
	 * @param array<string, array{0: mixed, 1: mixed}> $changes Field => [old, new].
	 * @param (\Closure(ReturnRequest): array<string, array{0: mixed, 1: mixed}>)|null $settle The outside step, run last; answers the changes it made.
	 */
	public function __construct(
		public readonly array $changes,
		public readonly ?\Closure $settle = null
	) {}
}
