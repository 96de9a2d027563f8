<?php
/**
 * Creates orders in whichever store an OrderSource adapter reads, from one spec, so the same
 * tests run against the test adapter and against WooCommerce.
 *
 * Spec keys: status, created, paid, completed, customer_id, email, postcode, name, phone,
 * address, total, currency, items (name, quantity, total, product_id, variation_id, image: a picture's URL,
 * compared by file name), meta (key => value), refund (amount), payment_method (WooCommerce only: a gateway
 * id), payment_method_title, shipping_total, discount_total, tax_total, coupons (codes used).
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Orders;

use Aftercare\Orders\OrderSource;

interface OrderFactory {

	/**
	 * @param array<string, mixed> $spec The order.
	 * @return int Its id.
	 */
	public function create( array $spec ): int;

	/**
	 * The adapter that reads what create() makes.
	 */
	public function source(): OrderSource;

	/**
	 * Notes added to an order, oldest first.
	 *
	 * @return array<int, array{note: string, for_customer: bool}>
	 */
	public function notes( int $order_id ): array;

	/**
	 * A product that tracks its stock, for order lines' `product_id`.
	 *
	 * @return int Its id.
	 */
	public function product( string $name, int $stock ): int;

	/**
	 * A product of the catalogue in these categories, with its own return rule.
	 *
	 * @param array{not_returnable?: bool, window_days?: int} $rule  Its rule (none when empty).
	 * @param int[]                                           $categories Category ids.
	 * @return int Its id.
	 */
	public function returns_product( string $name, array $rule, array $categories = array() ): int;

	/**
	 * A product category with its own return rule.
	 *
	 * @param array{not_returnable?: bool, window_days?: int} $rule Its rule (none when empty).
	 * @return int Its id.
	 */
	public function category( string $name, array $rule ): int;

	/**
	 * A product's stock, or null when it does not track stock.
	 */
	public function stock( int $product_id ): ?int;

	/**
	 * A coupon by code, or null.
	 *
	 * @return array{type: string, amount: float, emails: string[], usage_limit: int, usage_limit_per_user: int}|null
	 */
	public function coupon( string $code ): ?array;

	/**
	 * The order an exchange order replaces (0 when it is none).
	 */
	public function exchange_of( int $order_id ): int;
}
