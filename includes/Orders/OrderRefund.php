<?php
/**
 * One refund an order has had (by anyone: Aftercare, the order screen, the gateway).
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Orders;

final class OrderRefund {

	public function __construct(
		public readonly string $reference,
		public readonly int $time,
		public readonly float $amount,
		public readonly string $reason
	) {}
}
