<?php
/**
 * How much a customer has bought, in the store's currency.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Orders;

final class CustomerSummary {

	public function __construct(
		public readonly int $order_count,
		public readonly float $total_spent,
		public readonly string $currency
	) {}
}
