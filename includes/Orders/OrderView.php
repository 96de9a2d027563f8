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

	public function __construct( private Settings $settings ) {}

	/**
	 * @param Order                                                   $order    The order.
	 * @param string                                                  $audience `guest` or `customer`.
	 * @param array<int, array{time: int, ip: string, via: string}> $lookups  Recorded lookups, newest first.
	 * @return array<string, mixed>
	 */
	public function prepare( Order $order, string $audience, array $lookups = array() ): array {
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
			'timeline'     => $this->timeline( $order, $audience, $lookups ),
			'return_url'   => $this->returnable( $order ) ? $this->page_link( 'return_portal_page', $order ) : '',
			'help_url'     => $this->page_link( 'contact_page', $order ),
		);
		if ( 'customer' === $audience ) {
			$view['total'] = html_entity_decode( wp_strip_all_tags( $this->money( $order->total, $order->currency ) ), ENT_QUOTES );
		}
		return $view;
	}

	/**
	 * @param array<int, array{time: int, ip: string, via: string}> $lookups Recorded lookups.
	 * @return array<int, array{type: string, time: string, date: string, label: string, detail: string}>
	 */
	private function timeline( Order $order, string $audience, array $lookups ): array {
		$events = array( $this->event( 'placed', $order->created, __( 'Order placed', 'aftercare' ) ) );
		if ( $order->paid ) {
			$events[] = $this->event( 'paid', $order->paid, __( 'Payment received', 'aftercare' ) );
		}
		foreach ( $order->tracking as $tracking ) {
			if ( $tracking->shipped ) {
				$events[] = $this->event(
					'shipped',
					$tracking->shipped,
					__( 'Shipped', 'aftercare' ),
					/* translators: 1: carrier name, 2: tracking number. */
					trim( sprintf( __( '%1$s %2$s', 'aftercare' ), $tracking->carrier, $tracking->number ) )
				);
			}
		}
		if ( $order->completed ) {
			$events[] = $this->event( 'completed', $order->completed, __( 'Delivered', 'aftercare' ) );
		}
		if ( $order->refunded ) {
			$events[] = $this->event(
				'refunded',
				$order->refunded,
				'refunded' === $order->status ? __( 'Refunded', 'aftercare' ) : __( 'Partly refunded', 'aftercare' )
			);
		}
		foreach ( $lookups as $lookup ) {
			$events[] = $this->event(
				'lookup',
				$lookup['time'],
				__( 'Order status checked', 'aftercare' ),
				/* translators: %s: masked IP address, e.g. 203.0.113.x. */
				sprintf( __( 'from %s', 'aftercare' ), $lookup['ip'] )
			);
		}

		/**
		 * Filters an order's timeline as shoppers see it. Other domains (tickets, returns) add their
		 * events here: each an array with `type`, `time` (Unix time), `label` and optional `detail`.
		 *
		 * @param array<int, array<string, mixed>> $events   Events so far.
		 * @param Order                            $order    The order.
		 * @param string                           $audience `guest` or `customer`.
		 */
		$filtered = apply_filters( 'aftercare_order_timeline', $events, $order, $audience );
		$clean    = array();
		foreach ( is_array( $filtered ) ? $filtered : $events as $event ) {
			if ( ! is_array( $event ) || empty( $event['label'] ) ) {
				continue;
			}
			$time    = is_numeric( $event['time'] ?? null ) ? (int) $event['time'] : (int) strtotime( (string) ( $event['time'] ?? '' ) );
			$clean[] = $this->event( sanitize_key( (string) ( $event['type'] ?? 'note' ) ), $time, (string) $event['label'], (string) ( $event['detail'] ?? '' ) );
		}
		usort( $clean, static fn( $a, $b ) => strcmp( $a['time'], $b['time'] ) );
		return $clean;
	}

	/**
	 * @return array{type: string, time: string, date: string, label: string, detail: string}
	 */
	private function event( string $type, int $time, string $label, string $detail = '' ): array {
		return array(
			'type'   => $type,
			'time'   => gmdate( 'c', $time ),
			'date'   => $this->date( $time, true ),
			'label'  => wp_strip_all_tags( $label ),
			'detail' => wp_strip_all_tags( $detail ),
		);
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

	private function money( float $amount, string $currency ): string {
		if ( function_exists( 'wc_price' ) ) {
			return (string) wc_price( $amount, array( 'currency' => $currency ) );
		}
		return $currency . ' ' . number_format_i18n( $amount, 2 );
	}
}
