<?php
/**
 * One line of an order.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Orders;

final class OrderItem {

	/**
	 * @param int   $id                Line item id.
	 * @param int   $product_id        Product id (the parent product of a variation), 0 when deleted.
	 * @param string $name             Name as bought.
	 * @param int   $quantity          Quantity bought.
	 * @param float $total             Line total after discounts, before tax.
	 * @param int   $refunded_quantity Quantity refunded so far (by anyone).
	 * @param int[] $category_ids      The product's categories.
	 * @param bool  $on_sale           Bought below the regular price.
	 * @param bool  $returnable        False when the product is marked "not returnable".
	 * @param int|null         $window_days        The product's own return window in days (null: none).
	 * @param ReturnOverride[] $category_overrides The rules of those of its categories that have one.
	 */
	public function __construct(
		public readonly int $id,
		public readonly int $product_id,
		public readonly string $name,
		public readonly int $quantity,
		public readonly float $total,
		public readonly int $refunded_quantity = 0,
		public readonly array $category_ids = array(),
		public readonly bool $on_sale = false,
		public readonly bool $returnable = true,
		public readonly ?int $window_days = null,
		public readonly array $category_overrides = array()
	) {}
}
