<?php
/**
 * One order's story, for whoever asks: placed, paid, shipped (with the carrier's link), delivered,
 * completed, each refund, coupons used, lookups (masked addresses), and what other features add
 * through the `aftercare_order_timeline` filter: tickets (Tickets\OrderTimelineEvents), returns
 * (Returns\OrderTimelineEvents), and anything later (customer satisfaction ratings).
 *
 * Three audiences: `agent` (everything, with who did it), `customer` (the signed-in buyer) and
 * `guest` (who proved the order by its number and email): no internal notes, no prices for
 * guests, and never an agent's name for either, whatever a contributor returns.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Orders;

final class OrderTimeline {

	public const AUDIENCES = array( 'agent', 'customer', 'guest' );

	/** Lookups shown to agents (the order keeps twenty) and to shoppers. */
	private const LOOKUPS = array(
		'agent'    => 20,
		'customer' => 3,
		'guest'    => 3,
	);

	public function __construct( private OrderSource $orders ) {}

	/**
	 * Every event of the order the audience may see, oldest first.
	 *
	 * @return array<int, array{type: string, source: string, time: string, date: string, label: string, detail: string, url: string, actor: string}>
	 */
	public function events( Order $order, string $audience ): array {
		$audience = in_array( $audience, self::AUDIENCES, true ) ? $audience : 'guest';
		$events   = $this->order_events( $order, $audience );

		/**
		 * Filters an order's timeline. Other features add their events here, each an array with
		 * `type`, `time` (Unix time), `label`, and optional `source` (the feature: `ticket`,
		 * `return`, `csat`…), `detail`, `url` and `actor` (a person's name; only agents are ever
		 * shown it). What an event may reveal is the contributor's call, by audience: shoppers
		 * (`customer`, `guest`) must not get internal notes, guests no prices.
		 *
		 * @param array<int, array<string, mixed>> $events   Events so far, unsorted.
		 * @param Order                            $order    The order.
		 * @param string                           $audience `agent`, `customer` or `guest`.
		 */
		$filtered = apply_filters( 'aftercare_order_timeline', $events, $order, $audience );
		$clean    = array();
		foreach ( is_array( $filtered ) ? $filtered : $events as $event ) {
			$event = is_array( $event ) ? $this->clean( $event, $audience ) : null;
			if ( $event ) {
				$clean[] = $event;
			}
		}
		// Stable: events of the same second keep the order they were added in.
		usort( $clean, static fn( $a, $b ) => strcmp( $a['time'], $b['time'] ) );
		return $clean;
	}

	/**
	 * One page of events(), oldest first, and how many there are.
	 *
	 * @return array{events: array<int, array<string, string>>, total: int}
	 */
	public function page( Order $order, string $audience, int $page, int $per_page ): array {
		$events = $this->events( $order, $audience );
		return array(
			'events' => array_slice( $events, ( max( 1, $page ) - 1 ) * max( 1, $per_page ), max( 1, $per_page ) ),
			'total'  => count( $events ),
		);
	}

	/**
	 * @return array<int, array<string, mixed>>
	 */
	private function order_events( Order $order, string $audience ): array {
		$events = array( self::event( 'placed', $order->created, __( 'Order placed', 'aftercare' ) ) );
		if ( $order->paid ) {
			$events[] = self::event( 'paid', $order->paid, __( 'Payment received', 'aftercare' ) );
		}
		foreach ( $order->tracking as $tracking ) {
			if ( $tracking->shipped ) {
				/* translators: 1: carrier name, 2: tracking number. */
				$detail   = trim( sprintf( __( '%1$s %2$s', 'aftercare' ), $tracking->carrier, $tracking->number ) );
				$events[] = self::event( 'shipped', $tracking->shipped, __( 'Shipped', 'aftercare' ), $detail ) + array( 'url' => $tracking->url );
			}
		}
		if ( $order->delivered ) {
			$events[] = self::event( 'delivered', $order->delivered, __( 'Delivered', 'aftercare' ) );
		}
		if ( $order->completed ) {
			$events[] = self::event( 'completed', $order->completed, __( 'Order completed', 'aftercare' ) );
		}
		$details = $this->orders->details( $order->id );
		foreach ( $details ? $details->refunds : array() as $refund ) {
			$detail = '';
			if ( 'guest' !== $audience ) {
				$detail = Money::text( $refund->amount, $order->currency );
				if ( 'agent' === $audience && '' !== $refund->reason ) {
					/* translators: 1: amount, 2: the refund's reason. */
					$detail = sprintf( __( '%1$s: %2$s', 'aftercare' ), $detail, $refund->reason );
				}
			}
			$events[] = self::event( 'refunded', $refund->time, __( 'Refunded', 'aftercare' ), $detail );
		}
		if ( 'guest' !== $audience ) {
			foreach ( $details ? $details->coupons : array() as $code ) {
				$events[] = self::event( 'coupon', $order->created, __( 'Coupon used', 'aftercare' ), $code );
			}
		}
		foreach ( $this->orders->lookups( $order->id, self::LOOKUPS[ $audience ] ) as $lookup ) {
			$events[] = self::event(
				'lookup',
				$lookup['time'],
				__( 'Order status checked', 'aftercare' ),
				/* translators: %s: masked IP address, e.g. 203.0.113.x. */
				sprintf( __( 'from %s', 'aftercare' ), $lookup['ip'] )
			);
		}
		return $events;
	}

	/**
	 * @return array{type: string, source: string, time: int, label: string, detail: string}
	 */
	private static function event( string $type, int $time, string $label, string $detail = '' ): array {
		return array(
			'type'   => $type,
			'source' => 'order',
			'time'   => $time,
			'label'  => $label,
			'detail' => $detail,
		);
	}

	/**
	 * An event as served: plain text, a web link or none, and a name only for agents.
	 *
	 * @param array<string, mixed> $event As a contributor made it.
	 * @return array{type: string, source: string, time: string, date: string, label: string, detail: string, url: string, actor: string}|null
	 */
	private function clean( array $event, string $audience ): ?array {
		$label = wp_strip_all_tags( (string) ( $event['label'] ?? '' ) );
		$time  = is_numeric( $event['time'] ?? null ) ? (int) $event['time'] : (int) strtotime( (string) ( $event['time'] ?? '' ) );
		if ( '' === $label || $time <= 0 ) {
			return null;
		}
		$url = (string) ( $event['url'] ?? '' );
		return array(
			'type'   => sanitize_key( (string) ( $event['type'] ?? 'note' ) ),
			'source' => sanitize_key( (string) ( $event['source'] ?? 'order' ) ),
			'time'   => gmdate( 'c', $time ),
			'date'   => (string) wp_date( get_option( 'date_format' ) . ' ' . get_option( 'time_format' ), $time ),
			'label'  => $label,
			'detail' => wp_strip_all_tags( (string) ( $event['detail'] ?? '' ) ),
			'url'    => preg_match( '#^https?://#i', $url ) ? esc_url_raw( $url, array( 'http', 'https' ) ) : '',
			'actor'  => 'agent' === $audience ? wp_strip_all_tags( (string) ( $event['actor'] ?? '' ) ) : '',
		);
	}
}
