<?php
/**
 * What earlier returns already took out of an order (the return items repository answers it).
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Returns;

interface ReturnedQuantities {

	/**
	 * Per order line: quantities in returns that still count (not rejected or withdrawn), and
	 * how many of those Aftercare itself refunded (so they are not subtracted twice). Several
	 * orders at once, for the simulator's batches.
	 *
	 * @param int[] $order_ids Orders.
	 * @return array<int, array<int, array{returned: int, refunded: int}>> By order id, then order item id (only lines in returns).
	 */
	public function returned_quantities( array $order_ids ): array;
}
