<?php
/**
 * What an agent needs of an order beyond the snapshot every feature shares (Order): its money
 * (totals, payment method, each refund, coupons used) and a picture of each line.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Orders;

final class OrderDetails {

	/**
	 * @param Order                 $order          The order.
	 * @param array<int, string>    $images         Order item id => image URL (lines without one are left out).
	 * @param float                 $subtotal       Lines before discounts.
	 * @param float                 $discount       Discounts.
	 * @param float                 $shipping       Shipping.
	 * @param float                 $tax            Tax.
	 * @param string                $payment_method The payment method in words ('' when none).
	 * @param OrderRefund[]         $refunds        Refunds, oldest first.
	 * @param string[]              $coupons        Coupon codes used on the order.
	 */
	public function __construct(
		public readonly Order $order,
		public readonly array $images,
		public readonly float $subtotal,
		public readonly float $discount,
		public readonly float $shipping,
		public readonly float $tax,
		public readonly string $payment_method,
		public readonly array $refunds,
		public readonly array $coupons
	) {}
}
