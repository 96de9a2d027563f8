<?php
/**
 * One order line in a return: how many, why, and what became of them.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Returns;

final class ReturnItem {

	public function __construct(
		public int $id,
		public int $return_id,
		public readonly int $order_item_id,
		public readonly int $product_id,
		public readonly string $name,
		public readonly int $quantity,
		public readonly string $reason,
		public readonly string $reason_label,
		public int $received_quantity = 0,
		public int $restocked_quantity = 0,
		public int $refunded_quantity = 0
	) {}

	public static function from_row( object $row ): self {
		return new self(
			(int) $row->id,
			(int) $row->return_id,
			(int) $row->order_item_id,
			(int) $row->product_id,
			(string) $row->name,
			(int) $row->quantity,
			(string) $row->reason,
			(string) $row->reason_label,
			(int) $row->received_quantity,
			(int) $row->restocked_quantity,
			(int) $row->refunded_quantity
		);
	}
}
