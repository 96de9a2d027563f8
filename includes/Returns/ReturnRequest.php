<?php
/**
 * A shopper's request to return items of one order. (`Return` is a reserved word in PHP.)
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Returns;

final class ReturnRequest {

	/**
	 * @param ReturnItem[] $items Lines.
	 */
	public function __construct(
		public int $id,
		public int $number,
		public ReturnStatus $status,
		public readonly int $order_id,
		public readonly string $order_number,
		public readonly int $customer_id,
		public readonly string $customer_email,
		public readonly string $customer_name,
		public int $ticket_id,
		public readonly string $outcome,
		public string $resolution,
		public float $refund_amount,
		public float $restocking_fee,
		public string $refund_reference,
		public string $coupon_code,
		public int $exchange_order_id,
		public readonly int $created_at,
		public int $updated_at,
		public int $received_at = 0,
		public int $closed_at = 0,
		public array $items = array()
	) {}

	/**
	 * The number shoppers and agents quote, e.g. `R-1001`.
	 */
	public function public_number(): string {
		return 'R-' . $this->number;
	}

	/**
	 * @param ReturnItem[] $items Lines.
	 */
	public static function from_row( object $row, array $items = array() ): self {
		return new self(
			(int) $row->id,
			(int) $row->number,
			ReturnStatus::from( (string) $row->status ),
			(int) $row->order_id,
			(string) $row->order_number,
			(int) $row->customer_id,
			(string) $row->customer_email,
			(string) $row->customer_name,
			(int) $row->ticket_id,
			(string) $row->outcome,
			(string) $row->resolution,
			(float) $row->refund_amount,
			(float) $row->restocking_fee,
			(string) $row->refund_reference,
			(string) $row->coupon_code,
			(int) $row->exchange_order_id,
			(int) $row->created_at,
			(int) $row->updated_at,
			(int) $row->received_at,
			(int) $row->closed_at,
			$items
		);
	}
}
