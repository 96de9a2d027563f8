<?php
/**
 * An order as Aftercare sees it: a read-only snapshot taken through the OrderSource port.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Orders;

final class Order {

	/**
	 * @param int         $id             Internal id.
	 * @param string      $number         The number the shopper sees (may differ from the id).
	 * @param string      $status         Status slug without `wc-`, e.g. `processing`.
	 * @param string      $status_label   Status in words, custom statuses included.
	 * @param int         $created        Unix time the order was placed.
	 * @param int         $customer_id    User id, 0 for a guest order.
	 * @param string      $billing_email  Billing email.
	 * @param string      $billing_name   Billing first and last name.
	 * @param float       $total          Order total.
	 * @param string      $currency       ISO currency code.
	 * @param OrderItem[] $items          Line items.
	 * @param Tracking[]  $tracking       Shipments with tracking numbers.
	 * @param int|null    $paid           Unix time paid, if paid.
	 * @param int|null    $completed      Unix time completed, if completed.
	 * @param int|null    $refunded       Unix time of the latest refund, if any.
	 * @param float       $total_refunded Amount refunded so far.
	 * @param int|null    $delivered      Unix time delivered, when a carrier integration recorded it.
	 */
	public function __construct(
		public readonly int $id,
		public readonly string $number,
		public readonly string $status,
		public readonly string $status_label,
		public readonly int $created,
		public readonly int $customer_id,
		public readonly string $billing_email,
		public readonly string $billing_name,
		public readonly float $total,
		public readonly string $currency,
		public readonly array $items = array(),
		public readonly array $tracking = array(),
		public readonly ?int $paid = null,
		public readonly ?int $completed = null,
		public readonly ?int $refunded = null,
		public readonly float $total_refunded = 0.0,
		public readonly ?int $delivered = null
	) {}

	/**
	 * One of the order's lines by its item id, or null.
	 */
	public function item( int $item_id ): ?OrderItem {
		foreach ( $this->items as $item ) {
			if ( $item->id === $item_id ) {
				return $item;
			}
		}
		return null;
	}
}
