<?php
/**
 * One line of an order.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Orders;

final class OrderItem {

	public function __construct(
		public readonly int $id,
		public readonly int $product_id,
		public readonly string $name,
		public readonly int $quantity,
		public readonly float $total
	) {}
}
