<?php
/**
 * Creates orders in whichever store an OrderSource adapter reads, from one spec, so the same
 * tests run against the test adapter and against WooCommerce.
 *
 * Spec keys: status, created, paid, completed, customer_id, email, postcode, name, phone,
 * address, total, currency, items (name, quantity, total), meta (key => value), refund (amount).
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
}
