<?php
/**
 * Whether, and how much of, one order line can be returned; and why not, in the shopper's words.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Returns;

use Aftercare\Orders\OrderItem;

final class ItemEligibility {

	/**
	 * @param OrderItem $item       The line.
	 * @param int       $returned   Quantity in earlier returns.
	 * @param int       $refunded   Quantity refunded outside Aftercare's returns.
	 * @param int       $returnable Quantity that can be returned now (0 when not returnable).
	 * @param string    $reason     Why it cannot be returned, '' when it can.
	 */
	public function __construct(
		public readonly OrderItem $item,
		public readonly int $returned,
		public readonly int $refunded,
		public readonly int $returnable,
		public readonly string $reason
	) {}
}
