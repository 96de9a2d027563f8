<?php
/**
 * What a shopper is shown of an order. Guests get the minimum: status, dates, item names and
 * quantities, tracking. Never addresses, phone numbers, prices or download links. A signed-in
 * customer looking at their own order also sees its total.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Orders;

use Aftercare\Settings\Settings;

final class OrderView {

	public function __construct( private Settings $settings, private ?OrderTimeline $timeline, private TimelineToken $tokens ) {}

	/**
	 * @param Order  $order    The order.
	 * @param string $audience `guest` or `customer`.
	 * @return array<string, mixed>
	 */
	public function prepare( Order $order, string $audience ): array {
		$timeline_url = rest_url( sprintf( 'aftercare/v1/orders/%d/timeline', $order->id ) );
		$view = array(
			'number'       => $order->number,
			/* translators: %s: order number. */
			'title'        => sprintf( __( 'Order #%s', 'aftercare' ), $order->number ),
			'status'       => $order->status,
			'status_label' => $order->status_label,
			'status_text'  => $this->status_text( $order ),
			'created'      => gmdate( 'c', $order->created ),
			'date'         => $this->date( $order->created, false ),
			/* translators: %s: date the order was placed. */
			'placed'       => sprintf( __( 'Placed on %s', 'aftercare' ), $this->date( $order->created, false ) ),
			'items'        => array_map(
				static fn( OrderItem $item ) => array(
					'name'     => $item->name,
					'quantity' => $item->quantity,
				),
				$order->items
			),
			'tracking'     => array_map(
				static fn( Tracking $t ) => array(
					'carrier' => $t->carrier,
					'number'  => $t->number,
					'url'     => $t->url,
				),
				$order->tracking
			),
			'timeline'     => $this->timeline?->events( $order, $audience ) ?? array(),
			// The same timeline page by page; a guest's link carries a day's signed token.
			'timeline_url' => 'guest' === $audience ? add_query_arg( 'token', $this->tokens->issue( $order->id ), $timeline_url ) : $timeline_url,
			'return_url'   => $this->returnable( $order ) ? $this->page_link( 'return_portal_page', $order ) : '',
			'help_url'     => $this->page_link( 'contact_page', $order ),
		);
		if ( 'customer' === $audience ) {
			$view['total'] = Money::text( $order->total, $order->currency );
		}
		return $view;
	}

	private function status_text( Order $order ): string {
		$texts = array(
			'pending'    => __( 'We are waiting for your payment.', 'aftercare' ),
			'on-hold'    => __( 'Your order is on hold until we confirm your payment.', 'aftercare' ),
			'processing' => __( 'We have your payment and are getting your order ready.', 'aftercare' ),
			'completed'  => __( 'Your order is complete.', 'aftercare' ),
			'cancelled'  => __( 'This order was cancelled.', 'aftercare' ),
			'refunded'   => __( 'This order was refunded.', 'aftercare' ),
			'failed'     => __( 'The payment for this order did not go through.', 'aftercare' ),
		);
		if ( 'processing' === $order->status && $order->tracking ) {
			$texts['processing'] = __( 'Your order is on its way.', 'aftercare' );
		}
		/**
		 * Filters the sentence that explains an order's status to a shopper (custom statuses too).
		 *
		 * @param string $text  The sentence ('' for statuses Aftercare does not know).
		 * @param Order  $order The order.
		 */
		return (string) apply_filters( 'aftercare_order_status_text', $texts[ $order->status ] ?? '', $order );
	}

	/**
	 * Whether "Return items" is offered: for delivered orders, unless a store (or the returns
	 * feature) decides otherwise.
	 */
	private function returnable( Order $order ): bool {
		/**
		 * Filters whether an order is offered the "Return items" action.
		 *
		 * @param bool  $returnable Completed orders by default.
		 * @param Order $order      The order.
		 */
		return (bool) apply_filters( 'aftercare_order_returnable', 'completed' === $order->status, $order );
	}

	private function page_link( string $setting, Order $order ): string {
		$page_id = (int) $this->settings->get( $setting );
		$url     = $page_id > 0 && 'publish' === get_post_status( $page_id ) ? get_permalink( $page_id ) : false;
		return $url ? add_query_arg( 'aftercare_order', rawurlencode( $order->number ), $url ) : '';
	}

	private function date( int $time, bool $with_time ): string {
		$format = (string) get_option( 'date_format' ) . ( $with_time ? ' ' . get_option( 'time_format' ) : '' );
		return (string) wp_date( $format, $time );
	}
}
