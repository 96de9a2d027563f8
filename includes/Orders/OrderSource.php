<?php
/**
 * The one door to orders. Everything in Aftercare that reads or changes an order goes through
 * this port: WooCommerceOrderSource in production, a test adapter in the test environment.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Orders;

interface OrderSource {

	/**
	 * The action an adapter fires, with the order's id, whenever an order is saved (its status,
	 * tracking or anything else changed), so features can react without calling the shop itself.
	 */
	public const CHANGED = 'aftercare_order_changed';

	/**
	 * The order with this number whose billing email matches (case-insensitive), or null; the
	 * caller cannot tell a wrong email from an unknown number.
	 */
	public function find_by_number_and_email( string $number, string $email ): ?Order;

	/**
	 * The order with this number whose billing postcode matches (spaces and case ignored), or null.
	 */
	public function find_by_number_and_postcode( string $number, string $postcode ): ?Order;

	/**
	 * The order with this number, or null. For the store's own records (a note on an order under
	 * attack): a guest must always prove the email or postcode.
	 */
	public function find_by_number( string $number ): ?Order;

	/**
	 * An order by its internal id, or null.
	 */
	public function find( int $order_id ): ?Order;

	/**
	 * An order with its money and line pictures, for an agent's order panel and the order's
	 * timeline (refunds, coupons), or null.
	 */
	public function details( int $order_id ): ?OrderDetails;

	/**
	 * A customer's most recent orders, newest first: by user id when given, else by billing email.
	 *
	 * @return Order[]
	 */
	public function orders_for_customer( int $user_id, string $email, int $limit = 10 ): array;

	/**
	 * A page of the orders placed from $from to $to (Unix times, both included), in id order after
	 * $after_id (the last id of the page before; 0 to start), at most $limit: how the return-policy
	 * simulator walks a store's history in batches, whatever its size.
	 *
	 * @return Order[]
	 */
	public function orders_created_between( int $from, int $to, int $after_id, int $limit ): array;

	/**
	 * How many orders were placed from $from to $to (both included), for the simulator's progress.
	 */
	public function count_orders_created_between( int $from, int $to ): int;

	/**
	 * Order count and total spent of a customer (paid orders only), for an agent's context panel.
	 */
	public function customer_summary( int $user_id, string $email ): CustomerSummary;

	/**
	 * Adds a note to the order's own history (private unless $for_customer).
	 */
	public function add_note( int $order_id, string $note, bool $for_customer = false ): void;

	/**
	 * The tracking numbers recorded in Aftercare's own field (not those of other tracking plugins).
	 *
	 * @return Tracking[]
	 */
	public function own_tracking( int $order_id ): array;

	/**
	 * Replaces the tracking numbers of Aftercare's own field.
	 *
	 * @param Tracking[] $tracking Shipments; an empty list clears the field.
	 */
	public function save_tracking( int $order_id, array $tracking ): void;

	/**
	 * Records that someone looked the order up (kept with the order, newest first, capped).
	 *
	 * @param string $masked_ip The visitor's address with its host part hidden, e.g. `203.0.113.x`.
	 * @param string $via       `guest` (number + email or postcode) or `customer` (signed in).
	 */
	public function record_lookup( int $order_id, int $time, string $masked_ip, string $via ): void;

	/**
	 * The latest recorded lookups, newest first.
	 *
	 * @return array<int, array{time: int, ip: string, via: string}>
	 */
	public function lookups( int $order_id, int $limit = 10 ): array;

	/**
	 * Deletes the order's lookup records (the customer asked to be erased).
	 */
	public function forget_lookups( int $order_id ): void;

	/**
	 * What is still refundable on an order, line by line and in all, and whether a refund goes
	 * back through the payment gateway (else the store pays it by hand); null for an unknown order.
	 */
	public function refundable( int $order_id ): ?Refundable;

	/**
	 * Refunds lines of an order: each line's paid price (tax included) per unit times the
	 * quantity, or the amount given for the line in $amounts (tax included; the quantity may then
	 * be 0: money back without items), less $fee. Through the payment gateway when it supports
	 * refunds, else recorded as a manual refund. Optionally puts the items back in stock.
	 *
	 * @param array<int, int>   $lines   Order item id => quantity (at most what is left unrefunded).
	 * @param array<int, float> $amounts Order item id => amount to refund for that line instead of its price.
	 * @throws \Aftercare\Infrastructure\DomainError When the lines or amount cannot be refunded, or the gateway refuses.
	 */
	public function refund( int $order_id, array $lines, bool $restock, float $fee, string $reason, array $amounts = array() ): Refund;

	/**
	 * A single-use coupon only the order's billing email can use (once): `fixed_cart` for an
	 * amount off (store credit), `percent` for a share off.
	 *
	 * @return string The coupon code.
	 * @throws \Aftercare\Infrastructure\DomainError When the amount is not above zero (or a percent above 100).
	 */
	public function issue_coupon( int $order_id, string $type, float $amount, string $reason ): string;

	/**
	 * Sends the customer the order's mail again: `status` (the mail of its current status, or
	 * its details) or `tracking` (its tracking numbers with their links, as a note to the customer).
	 *
	 * @throws \Aftercare\Infrastructure\DomainError When the order is gone, or has no tracking for a tracking mail.
	 */
	public function resend_mail( int $order_id, string $mail ): void;

	/**
	 * A replacement order for lines of an order, free of charge, for the same customer and
	 * addresses, linked to the original (and noted on both).
	 *
	 * @param array<int, int> $lines Order item id => quantity.
	 * @return Order The new order.
	 */
	public function create_exchange( int $order_id, array $lines, string $reason ): Order;

	/**
	 * Puts lines of an order back in stock (products that track stock).
	 *
	 * @param array<int, int> $lines Order item id => quantity.
	 */
	public function restock( int $order_id, array $lines ): void;
}
