<?php
/**
 * The production order adapter: WooCommerce's order API only (`wc_get_order`, `wc_get_orders`,
 * `WC_Order` getters and meta methods), so it works the same with HPOS and with posts storage.
 * It never reads post meta or order tables directly.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Orders;

final class WooCommerceOrderSource implements OrderSource {

	public const LOOKUPS_META = '_aftercare_lookups';

	/** Product meta: `yes` when the store marked the product "not returnable". */
	public const NOT_RETURNABLE_META = '_aftercare_not_returnable';

	/** Order meta: Unix time of delivery, for carrier integrations that know it. */
	public const DELIVERED_META = '_aftercare_delivered';

	/** Lookups kept per order. */
	private const LOOKUPS_KEPT = 20;

	/** Statuses that are not orders yet (or any more), never found by a lookup. */
	private const HIDDEN_STATUSES = array( 'checkout-draft', 'auto-draft', 'trash', 'draft' );

	public function __construct( private TrackingReader $tracking ) {}

	public function find_by_number_and_email( string $number, string $email ): ?Order {
		$order = $this->order_by_number( $number );
		$email = strtolower( trim( $email ) );
		if ( ! $order || '' === $email || ! hash_equals( strtolower( trim( $order->get_billing_email() ) ), $email ) ) {
			return null;
		}
		return $this->map( $order );
	}

	public function find_by_number_and_postcode( string $number, string $postcode ): ?Order {
		$order    = $this->order_by_number( $number );
		$postcode = self::postcode( $postcode );
		if ( ! $order || '' === $postcode || ! hash_equals( self::postcode( $order->get_billing_postcode() ), $postcode ) ) {
			return null;
		}
		return $this->map( $order );
	}

	public function find( int $order_id ): ?Order {
		$order = $this->order( $order_id );
		return $order ? $this->map( $order ) : null;
	}

	public function orders_for_customer( int $user_id, string $email, int $limit = 10 ): array {
		$email = trim( $email );
		if ( $user_id <= 0 && '' === $email ) {
			return array();
		}
		$query = array(
			'type'    => 'shop_order',
			'status'  => $this->visible_statuses(),
			'limit'   => max( 1, min( 100, $limit ) ),
			'orderby' => 'date',
			'order'   => 'DESC',
		);
		$query += $user_id > 0 ? array( 'customer_id' => $user_id ) : array( 'billing_email' => $email );
		$orders = wc_get_orders( $query );
		return array_values( array_map( array( $this, 'map' ), array_filter( is_array( $orders ) ? $orders : array(), static fn( $o ) => $o instanceof \WC_Order ) ) );
	}

	public function customer_summary( int $user_id, string $email ): CustomerSummary {
		$count = 0;
		$spent = 0.0;
		if ( $user_id > 0 || '' !== trim( $email ) ) {
			$query  = array(
				'type'   => 'shop_order',
				'status' => array_map( static fn( $s ) => 'wc-' . $s, wc_get_is_paid_statuses() ),
				'limit'  => -1,
			);
			$query += $user_id > 0 ? array( 'customer_id' => $user_id ) : array( 'billing_email' => trim( $email ) );
			foreach ( wc_get_orders( $query ) as $order ) {
				if ( $order instanceof \WC_Order ) {
					++$count;
					$spent += (float) $order->get_total() - (float) $order->get_total_refunded();
				}
			}
		}
		return new CustomerSummary( $count, round( $spent, 2 ), get_woocommerce_currency() );
	}

	public function add_note( int $order_id, string $note, bool $for_customer = false ): void {
		$this->order( $order_id )?->add_order_note( $note, $for_customer ? 1 : 0 );
	}

	public function own_tracking( int $order_id ): array {
		$order = $this->order( $order_id );
		if ( ! $order ) {
			return array();
		}
		return $this->tracking->read( static fn( string $key ) => TrackingReader::OWN_META === $key ? $order->get_meta( $key, true ) : null );
	}

	public function save_tracking( int $order_id, array $tracking ): void {
		$order = $this->order( $order_id );
		if ( ! $order ) {
			return;
		}
		$rows = array();
		foreach ( $tracking as $item ) {
			if ( $item instanceof Tracking && '' !== trim( $item->number ) ) {
				$rows[] = array(
					'carrier' => $item->carrier,
					'number'  => trim( $item->number ),
					'url'     => $item->url,
					'shipped' => $item->shipped,
				);
			}
		}
		if ( $rows ) {
			$order->update_meta_data( TrackingReader::OWN_META, $rows );
		} else {
			$order->delete_meta_data( TrackingReader::OWN_META );
		}
		$order->save();
	}

	public function record_lookup( int $order_id, int $time, string $masked_ip, string $via ): void {
		$order = $this->order( $order_id );
		if ( ! $order ) {
			return;
		}
		$lookups = $order->get_meta( self::LOOKUPS_META, true );
		$lookups = is_array( $lookups ) ? $lookups : array();
		array_unshift(
			$lookups,
			array(
				'time' => $time,
				'ip'   => $masked_ip,
				'via'  => $via,
			)
		);
		$order->update_meta_data( self::LOOKUPS_META, array_slice( $lookups, 0, self::LOOKUPS_KEPT ) );
		$order->save();
	}

	public function lookups( int $order_id, int $limit = 10 ): array {
		$lookups = $this->order( $order_id )?->get_meta( self::LOOKUPS_META, true );
		return self::clean_lookups( is_array( $lookups ) ? $lookups : array(), $limit );
	}

	/**
	 * @param array<mixed> $lookups Stored lookups.
	 * @return array<int, array{time: int, ip: string, via: string}>
	 */
	public static function clean_lookups( array $lookups, int $limit ): array {
		$clean = array();
		foreach ( $lookups as $lookup ) {
			if ( is_array( $lookup ) && isset( $lookup['time'], $lookup['ip'] ) ) {
				$clean[] = array(
					'time' => (int) $lookup['time'],
					'ip'   => (string) $lookup['ip'],
					'via'  => (string) ( $lookup['via'] ?? 'guest' ),
				);
			}
		}
		return array_slice( $clean, 0, max( 0, $limit ) );
	}

	/**
	 * A postcode compared without spaces and case.
	 */
	public static function postcode( string $postcode ): string {
		return strtoupper( (string) preg_replace( '/\s+/', '', $postcode ) );
	}

	private function order( int $order_id ): ?\WC_Order {
		$order = $order_id > 0 ? wc_get_order( $order_id ) : false;
		// A refund is an order object too, but not a shopper's order.
		if ( ! $order instanceof \WC_Order || 'shop_order' !== $order->get_type() || in_array( $order->get_status(), self::HIDDEN_STATUSES, true ) ) {
			return null;
		}
		return $order;
	}

	private function order_by_number( string $number ): ?\WC_Order {
		$number = ltrim( trim( $number ), '#' );
		if ( '' === $number || strlen( $number ) > 40 ) {
			return null;
		}
		/**
		 * Filters the order id of an order number, for stores whose numbers differ from ids
		 * (sequential order number plugins). Return 0 to fall back to "the number is the id".
		 *
		 * @param int    $order_id 0.
		 * @param string $number   The number the shopper typed.
		 */
		$order_id = (int) apply_filters( 'aftercare_order_id_from_number', 0, $number );
		if ( $order_id <= 0 && ctype_digit( $number ) ) {
			$order_id = (int) $number;
		}
		$order = $this->order( $order_id );
		return ( $order && (string) $order->get_order_number() === $number ) ? $order : null;
	}

	/**
	 * @return string[] Every registered status but those of drafts.
	 */
	private function visible_statuses(): array {
		return array_values( array_diff( array_keys( wc_get_order_statuses() ), array( 'wc-checkout-draft' ) ) );
	}

	private function map( \WC_Order $order ): Order {
		$items = array();
		foreach ( $order->get_items( 'line_item' ) as $item ) {
			if ( $item instanceof \WC_Order_Item_Product ) {
				$items[] = $this->map_item( $order, $item );
			}
		}
		$refunded = null;
		foreach ( $order->get_refunds() as $refund ) {
			$time     = $refund->get_date_created()?->getTimestamp();
			$refunded = null === $time ? $refunded : max( (int) $refunded, $time );
		}
		$status = $order->get_status();
		return new Order(
			(int) $order->get_id(),
			(string) $order->get_order_number(),
			$status,
			(string) wc_get_order_status_name( $status ),
			(int) $order->get_date_created()?->getTimestamp(),
			(int) $order->get_customer_id(),
			(string) $order->get_billing_email(),
			trim( $order->get_billing_first_name() . ' ' . $order->get_billing_last_name() ),
			(float) $order->get_total(),
			(string) $order->get_currency(),
			$items,
			$this->tracking->read( static fn( string $key ) => $order->get_meta( $key, true ) ),
			$order->get_date_paid()?->getTimestamp(),
			$order->get_date_completed()?->getTimestamp(),
			$refunded,
			(float) $order->get_total_refunded(),
			( (int) $order->get_meta( self::DELIVERED_META, true ) ) ?: null
		);
	}

	/**
	 * A line with what the return policy needs from its product (read through `wc_get_product`).
	 */
	private function map_item( \WC_Order $order, \WC_Order_Item_Product $item ): OrderItem {
		$product  = wc_get_product( $item->get_product_id() );
		$bought   = $item->get_variation_id() ? wc_get_product( $item->get_variation_id() ) : $product;
		$quantity = (int) $item->get_quantity();
		$on_sale  = false;
		if ( $bought instanceof \WC_Product && '' !== (string) $bought->get_regular_price() && $quantity > 0 ) {
			// Paid per unit (before coupons) below the regular price, taxes compared alike.
			$regular = (float) wc_get_price_excluding_tax( $bought, array( 'price' => $bought->get_regular_price() ) );
			$on_sale = (float) $item->get_subtotal() / $quantity < $regular - 0.005;
		}
		$not_returnable = array_filter(
			array( $product, $bought ),
			static fn( $p ) => $p instanceof \WC_Product && 'yes' === $p->get_meta( self::NOT_RETURNABLE_META, true )
		);
		return new OrderItem(
			(int) $item->get_id(),
			(int) $item->get_product_id(),
			(string) $item->get_name(),
			$quantity,
			(float) $item->get_total(),
			abs( (int) $order->get_qty_refunded_for_item( $item->get_id() ) ),
			$product instanceof \WC_Product ? array_map( 'intval', $product->get_category_ids() ) : array(),
			$on_sale,
			! $not_returnable
		);
	}
}
