<?php
/**
 * What is left to refund on an order, read through the OrderSource port.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Orders;

final class Refundable {

	/**
	 * @param array<int, array{quantity: int, amount: float}> $lines     Order item id => units and money (tax included) not refunded yet.
	 * @param float                                           $total     Money left to refund on the whole order.
	 * @param bool                                            $automatic True when the payment gateway refunds; false: the store pays back by hand.
	 */
	public function __construct(
		public readonly array $lines,
		public readonly float $total,
		public readonly bool $automatic
	) {}
}
