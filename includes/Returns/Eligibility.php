<?php
/**
 * Applies the store's return policy to an order: per line, how many can be returned (bought,
 * minus earlier returns, minus refunds made outside those returns) and, when none, why not.
 *
 * A line's window and whether it can go back at all come from, in order: the product's own rule
 * (product screen), else the strictest of its categories' rules (category form: "not returnable"
 * beats any window, a shorter window beats a longer one), else the store's window. The policy's
 * excluded products and categories and its sale-item rule apply on top, whatever the overrides.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Returns;

use Aftercare\Infrastructure\Clock;
use Aftercare\Orders\Money;
use Aftercare\Orders\Order;
use Aftercare\Orders\OrderItem;

final class Eligibility {

	public function __construct( private Policy $policy, private ReturnedQuantities $returned, private Clock $clock ) {}

	/**
	 * This check under another policy (the simulator's current and proposed ones).
	 */
	public function under( Policy $policy ): self {
		return new self( $policy, $this->returned, $this->clock );
	}

	/**
	 * @param array<int, array{returned: int, refunded: int}>|null $counts What earlier returns took, by order item id
	 *                                                                      (null: looked up; the simulator gives a batch's).
	 */
	public function check( Order $order, ?array $counts = null ): OrderEligibility {
		$counts ??= $this->returned->returned_quantities( array( $order->id ) )[ $order->id ] ?? array();
		$blocked  = $this->order_reason( $order );
		$items    = array();
		foreach ( $order->items as $item ) {
			$returned = (int) ( $counts[ $item->id ]['returned'] ?? 0 );
			// Refunds Aftercare made for its own returns are already counted as returned.
			$refunded = max( 0, $item->refunded_quantity - (int) ( $counts[ $item->id ]['refunded'] ?? 0 ) );
			$left     = max( 0, $item->quantity - $returned - $refunded );
			$reason   = '' !== $blocked ? $blocked : $this->item_reason( $order, $item, $left, $returned, $refunded );
			$items[]  = new ItemEligibility( $item, $returned, $refunded, '' === $reason ? $left : 0, $reason );
		}
		return new OrderEligibility( $order, $items, $this->deadline( $order ) );
	}

	/**
	 * When the store's return window closes: a set number of days after delivery, else after
	 * completion (a product or category with its own window has its own deadline). Null when the
	 * order has neither (and so the window has not started).
	 */
	public function deadline( Order $order ): ?int {
		$start = $order->delivered ?? $order->completed;
		return null === $start ? null : $start + $this->policy->window_days() * DAY_IN_SECONDS;
	}

	private function order_reason( Order $order ): string {
		if ( ! in_array( $order->status, $this->policy->statuses(), true ) ) {
			/* translators: %s: order status, e.g. "Processing". */
			return sprintf( __( 'This order\'s status is “%s”; items cannot be returned from orders with this status.', 'aftercare' ), $order->status_label );
		}
		$minimum = $this->policy->minimum_total();
		if ( $minimum > 0 && $order->total < $minimum ) {
			return sprintf(
				/* translators: 1: minimum order total, 2: this order's total. */
				__( 'Returns are accepted for orders of %1$s or more; this order came to %2$s.', 'aftercare' ),
				Money::text( $minimum, $order->currency ),
				Money::text( $order->total, $order->currency )
			);
		}
		return '';
	}

	private function item_reason( Order $order, OrderItem $item, int $left, int $returned, int $refunded ): string {
		$rule = $this->rule( $item );
		if ( null === $rule['days'] ) {
			return 'category' === $rule['source']
				/* translators: %s: product category, e.g. "Gift cards". */
				? sprintf( __( '%s cannot be returned.', 'aftercare' ), $rule['name'] )
				: __( 'This product cannot be returned.', 'aftercare' );
		}
		$start = $order->delivered ?? $order->completed;
		if ( null !== $start && $this->clock->now() > $start + $rule['days'] * DAY_IN_SECONDS ) {
			return $this->late( null !== $order->delivered, (int) floor( ( $this->clock->now() - $start ) / DAY_IN_SECONDS ), $rule );
		}
		if ( in_array( $item->product_id, $this->policy->excluded_products(), true ) ) {
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
	 * The line's window in days (null: it cannot be returned) and whose rule that is: the
	 * product's own, its strictest category's (by name), or the store's.
	 *
	 * @return array{days: int|null, source: string, name: string} Source: product, category or store.
	 */
	private function rule( OrderItem $item ): array {
		if ( ! $item->returnable || null !== $item->window_days ) {
			return array(
				'days'   => $item->returnable ? $item->window_days : null,
				'source' => 'product',
				'name'   => '',
			);
		}
		$strictest = null;
		foreach ( $item->category_overrides as $override ) {
			if ( ! $override->returnable ) {
				return array(
					'days'   => null,
					'source' => 'category',
					'name'   => $override->name,
				);
			}
			$strictest = null === $strictest || $override->window_days < $strictest->window_days ? $override : $strictest;
		}
		return array(
			'days'   => $strictest ? $strictest->window_days : $this->policy->window_days(),
			'source' => $strictest ? 'category' : 'store',
			'name'   => $strictest ? $strictest->name : '',
		);
	}

	/**
	 * Why a line's window has closed, naming whose window it was.
	 *
	 * @param array{days: int|null, source: string, name: string} $rule The line's rule.
	 */
	private function late( bool $delivered, int $ago, array $rule ): string {
		$days = (int) $rule['days'];
		if ( 'product' === $rule['source'] ) {
			$text = $delivered
				/* translators: 1: days since delivery, 2: days this product can be returned for. */
				? _n( 'Delivered %1$d day ago; this product\'s window is %2$d days.', 'Delivered %1$d days ago; this product\'s window is %2$d days.', $ago, 'aftercare' )
				/* translators: 1: days since the order was completed, 2: days this product can be returned for. */
				: _n( 'Completed %1$d day ago; this product\'s window is %2$d days.', 'Completed %1$d days ago; this product\'s window is %2$d days.', $ago, 'aftercare' );
			return sprintf( $text, $ago, $days );
		}
		if ( 'category' === $rule['source'] ) {
			$text = $delivered
				/* translators: 1: days since delivery, 2: days the category's products can be returned for, 3: product category. */
				? _n( 'Delivered %1$d day ago; the window for %3$s is %2$d days.', 'Delivered %1$d days ago; the window for %3$s is %2$d days.', $ago, 'aftercare' )
				/* translators: 1: days since the order was completed, 2: days the category's products can be returned for, 3: product category. */
				: _n( 'Completed %1$d day ago; the window for %3$s is %2$d days.', 'Completed %1$d days ago; the window for %3$s is %2$d days.', $ago, 'aftercare' );
			return sprintf( $text, $ago, $days, $rule['name'] );
		}
		$text = $delivered
			/* translators: 1: days since delivery, 2: days the store accepts returns for. */
			? _n( 'Delivered %1$d day ago; returns are accepted for %2$d days.', 'Delivered %1$d days ago; returns are accepted for %2$d days.', $ago, 'aftercare' )
			/* translators: 1: days since the order was completed, 2: days the store accepts returns for. */
			: _n( 'Completed %1$d day ago; returns are accepted for %2$d days.', 'Completed %1$d days ago; returns are accepted for %2$d days.', $ago, 'aftercare' );
		return sprintf( $text, $ago, $days );
	}
}
