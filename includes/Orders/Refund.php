<?php
/**
 * A refund made through the OrderSource port.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Orders;

final class Refund {

	/**
	 * @param string $reference The refund's id in the store.
	 * @param float  $amount    Amount refunded (after any restocking fee).
	 * @param bool   $manual    True when the payment gateway could not refund it: the store pays it back by hand.
	 */
	public function __construct(
		public readonly string $reference,
		public readonly float $amount,
		public readonly bool $manual
	) {}
}
