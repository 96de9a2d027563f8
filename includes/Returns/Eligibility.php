<?php
/**
 * Applies the store's return policy to an order: per line, how many can be returned (bought,
 * minus earlier returns, minus refunds made outside those returns) and, when none, why not.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Returns;

use Aftercare\Infrastructure\Clock;
use Aftercare\Orders\Order;
use Aftercare\Orders\OrderItem;

final class Eligibility {

	public function __construct( private Policy $policy, private ReturnedQuantities $returned, private Clock $clock ) {}

	public function check( Order $order ): OrderEligibility {
		$counts   = $this->returned->returned_quantities( $order->id );
		$deadline = $this->deadline( $order );
		$blocked  = $this->order_reason( $order, $deadline );
		$items    = array();
		foreach ( $order->items as $item ) {
			$returned = (int) ( $counts[ $item->id ]['returned'] ?? 0 );
			// Refunds Aftercare made for its own returns are already counted as returned.
			$refunded = max( 0, $item->refunded_quantity - (int) ( $counts[ $item->id ]['refunded'] ?? 0 ) );
			$left     = max( 0, $item->quantity - $returned - $refunded );
			$reason   = '' !== $blocked ? $blocked : $this->item_reason( $item, $left, $returned, $refunded );
			$items[]  = new ItemEligibility( $item, $returned, $refunded, '' === $reason ? $left : 0, $reason );
		}
		return new OrderEligibility( $order, $items, $deadline );
	}

	/**
	 * When the return window closes: a set number of days after delivery, else after completion.
	 * Null when the order has neither (and so the window has not started).
	 */
	public function deadline( Order $order ): ?int {
		$start = $order->delivered ?? $order->completed;
		return null === $start ? null : $start + $this->policy->window_days() * DAY_IN_SECONDS;
	}

	private function order_reason( Order $order, ?int $deadline ): string {
		if ( ! in_array( $order->status, $this->policy->statuses(), true ) ) {
			/* translators: %s: order status, e.g. "Processing". */
			return sprintf( __( 'This order\'s status is “%s”; items cannot be returned from orders with this status.', 'aftercare' ), $order->status_label );
		}
		$minimum = $this->policy->minimum_total();
		if ( $minimum > 0 && $order->total < $minimum ) {
			return sprintf(
				/* translators: 1: minimum order total, 2: this order's total. */
				__( 'Returns are accepted for orders of %1$s or more; this order came to %2$s.', 'aftercare' ),
				self::money( $minimum, $order->currency ),
				self::money( $order->total, $order->currency )
			);
		}
		$days = $this->policy->window_days();
		if ( null !== $deadline && $this->clock->now() > $deadline ) {
			$ago = (int) floor( ( $this->clock->now() - (int) ( $order->delivered ?? $order->completed ) ) / DAY_IN_SECONDS );
			$text = null !== $order->delivered
				/* translators: 1: days since delivery, 2: days the store accepts returns for. */
				? _n( 'Delivered %1$d day ago; returns are accepted for %2$d days.', 'Delivered %1$d days ago; returns are accepted for %2$d days.', $ago, 'aftercare' )
				/* translators: 1: days since the order was completed, 2: days the store accepts returns for. */
				: _n( 'Completed %1$d day ago; returns are accepted for %2$d days.', 'Completed %1$d days ago; returns are accepted for %2$d days.', $ago, 'aftercare' );
			return sprintf( $text, $ago, $days );
		}
		return '';
	}

	private function item_reason( OrderItem $item, int $left, int $returned, int $refunded ): string {
		if ( ! $item->returnable || in_array( $item->product_id, $this->policy->excluded_products(), true ) ) {
			return __( 'This product cannot be returned.', 'aftercare' );
		}
		if ( array_intersect( $item->category_ids, $this->policy->excluded_categories() ) ) {
			return __( 'Products in this category cannot be returned.', 'aftercare' );
		}
		if ( $item->on_sale && $this->policy->excludes_sale_items() ) {
			return __( 'Items bought on sale cannot be returned.', 'aftercare' );
		}
		if ( $left > 0 ) {
			return '';
		}
		if ( $returned > 0 && $refunded > 0 ) {
			return __( 'Already returned or refunded.', 'aftercare' );
		}
		return $returned > 0 ? __( 'Already returned.', 'aftercare' ) : __( 'Already refunded.', 'aftercare' );
	}

	/**
	 * An amount in a currency, as plain text (WooCommerce's format when it is active).
	 */
	public static function money( float $amount, string $currency ): string {
		if ( function_exists( 'wc_price' ) ) {
			return html_entity_decode( wp_strip_all_tags( (string) wc_price( $amount, array( 'currency' => $currency ) ) ), ENT_QUOTES, 'UTF-8' );
		}
		return $currency . ' ' . number_format_i18n( $amount, 2 );
	}
}
