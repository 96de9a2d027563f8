<?php
/**
 * What in an order can be returned, line by line.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Returns;

use Aftercare\Orders\Order;

final class OrderEligibility {

	/**
	 * @param Order             $order    The order.
	 * @param ItemEligibility[] $items    One per line item.
	 * @param int|null          $deadline Unix time the return window closes (null: it has not started).
	 */
	public function __construct(
		public readonly Order $order,
		public readonly array $items,
		public readonly ?int $deadline
	) {}

	public function any_returnable(): bool {
		foreach ( $this->items as $item ) {
			if ( $item->returnable > 0 ) {
				return true;
			}
		}
		return false;
	}

	public function item( int $item_id ): ?ItemEligibility {
		foreach ( $this->items as $item ) {
			if ( $item->item->id === $item_id ) {
				return $item;
			}
		}
		return null;
	}
}
