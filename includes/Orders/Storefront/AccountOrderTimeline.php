<?php
/**
 * My Account → Orders → an order: its history below the order table, as the buyer may see it
 * (OrderTimeline's `customer` audience: their tickets and returns too, no internal notes or
 * agents' names). Only on the account's order page, and only for the order's own customer.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Orders\Storefront;

use Aftercare\Infrastructure\Conditional;
use Aftercare\Orders\OrderSource;
use Aftercare\Orders\OrderTimeline;
use Aftercare\Orders\TimelineList;

final class AccountOrderTimeline implements Conditional {

	public function __construct( private ?OrderSource $orders, private ?OrderTimeline $timeline ) {}

	public function can_register(): bool {
		return null !== $this->timeline && class_exists( 'WooCommerce' );
	}

	public function register(): void {
		add_action( 'woocommerce_view_order', array( $this, 'render' ), 20 );
	}

	/**
	 * @param int|string $order_id The order WooCommerce shows (it has checked it is the customer's).
	 */
	public function render( $order_id ): void {
		$order = $this->orders?->find( (int) $order_id );
		if ( ! $order || ! $this->timeline || $order->customer_id <= 0 || get_current_user_id() !== $order->customer_id ) {
			return;
		}
		echo '<section class="aftercare-order-timeline"><h2>' . esc_html__( 'Order history', 'aftercare' ) . '</h2>';
		TimelineList::render( $this->timeline->events( $order, 'customer' ), 'aftercare-order-timeline__events' );
		echo '</section>';
	}
}
