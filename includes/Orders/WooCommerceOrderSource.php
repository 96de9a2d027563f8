<?php
/**
 * The production order adapter: WooCommerce's order API only (`wc_get_order`, `wc_get_orders`,
 * `WC_Order` getters and meta methods), so it works the same with HPOS and with posts storage.
 * It writes nothing but through that API; it reads WooCommerce's tables itself only to fill, for a
 * page of orders at once, the caches those getters read (see prime()).
 * Each order WooCommerce saves (a status change, tracking added by any plugin, a refund) is
 * announced as OrderSource::CHANGED.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Orders;

use Aftercare\Infrastructure\DomainError;
use Aftercare\Infrastructure\Registrable;
use Automattic\WooCommerce\Utilities\OrderUtil;

final class WooCommerceOrderSource implements OrderSource, Registrable {

	public const LOOKUPS_META = '_aftercare_lookups';

	/** Order meta: Unix time of delivery, for carrier integrations that know it. */
	public const DELIVERED_META = '_aftercare_delivered';

	/** Order meta of an exchange order: the id of the order it replaces. */
	public const EXCHANGE_META = '_aftercare_exchange_of';

	/** Lookups kept per order. */
	private const LOOKUPS_KEPT = 20;

	/** Statuses that are not orders yet (or any more), never found by a lookup. */
	private const HIDDEN_STATUSES = array( 'checkout-draft', 'auto-draft', 'trash', 'draft' );

	public function __construct( private TrackingReader $tracking ) {}

	public function register(): void {
		// Both order stores (HPOS and posts) fire it after every save of an order.
		add_action( 'woocommerce_update_order', static fn( $order_id ) => do_action( self::CHANGED, (int) $order_id ) );
	}

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

	public function find_by_number( string $number ): ?Order {
		$order = $this->order_by_number( $number );
		return $order ? $this->map( $order ) : null;
	}

	public function find( int $order_id ): ?Order {
		$order = $this->order( $order_id );
		return $order ? $this->map( $order ) : null;
	}

	public function details( int $order_id ): ?OrderDetails {
		$order = $this->order( $order_id );
		if ( ! $order ) {
			return null;
		}
		$images = array();
		foreach ( $order->get_items( 'line_item' ) as $item ) {
			$product = $item instanceof \WC_Order_Item_Product ? $item->get_product() : null;
			// A variation without its own picture shows its parent's (WooCommerce's view context).
			$url = $product instanceof \WC_Product && $product->get_image_id() ? wp_get_attachment_image_url( (int) $product->get_image_id(), 'thumbnail' ) : false;
			if ( $url ) {
				$images[ (int) $item->get_id() ] = (string) $url;
			}
		}
		$refunds = array();
		foreach ( $order->get_refunds() as $refund ) {
			$refunds[] = new OrderRefund(
				(string) $refund->get_id(),
				(int) $refund->get_date_created()?->getTimestamp(),
				(float) $refund->get_amount(),
				(string) $refund->get_reason()
			);
		}
		// Oldest first; refunds made in the same second by their ids.
		usort( $refunds, static fn( OrderRefund $a, OrderRefund $b ) => array( $a->time, (int) $a->reference ) <=> array( $b->time, (int) $b->reference ) );
		return new OrderDetails(
			$this->map( $order ),
			$images,
			(float) $order->get_subtotal(),
			(float) $order->get_total_discount(),
			(float) $order->get_shipping_total(),
			(float) $order->get_total_tax(),
			(string) $order->get_payment_method_title(),
			$refunds,
			array_values( array_map( 'strval', $order->get_coupon_codes() ) )
		);
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
		return $this->map_all( wc_get_orders( $query ) );
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
			$ids = array();
			foreach ( wc_get_orders( $query ) as $order ) {
				if ( $order instanceof \WC_Order ) {
					$ids[]  = $order->get_id();
					$spent += (float) $order->get_total();
				}
			}
			$count = count( $ids );
			// Their refunds in one query (get_total_refunded() is a query per order; priority rules read this on order saves).
			$refunds = $ids ? wc_get_orders(
				array(
					'type'            => 'shop_order_refund',
					'post_parent__in' => $ids,
					'status'          => array_keys( wc_get_order_statuses() ),
					'limit'           => -1,
				)
			) : array();
			foreach ( $refunds as $refund ) {
				$spent -= $refund instanceof \WC_Order_Refund ? (float) $refund->get_amount() : 0.0;
			}
		}
		return new CustomerSummary( $count, round( $spent, 2 ), get_woocommerce_currency() );
	}

	public function orders_created_between( int $from, int $to, int $after_id, int $limit ): array {
		$query = $this->created_between( $from, $to ) + array(
			'limit'   => max( 1, min( 1000, $limit ) ),
			'orderby' => 'ID',
			'order'   => 'ASC',
		);
		if ( OrderUtil::custom_orders_table_usage_is_enabled() ) {
			$query['field_query'] = array(
				array(
					'field'   => 'id',
					'value'   => $after_id,
					'compare' => '>',
				),
			);
			return $this->map_all( wc_get_orders( $query ) );
		}
		// Posts storage has no id condition in its query vars: one on WP_Query's WHERE, for this query only.
		$after = static function ( string $where, \WP_Query $query ) use ( $after_id ): string {
			global $wpdb;
			return 'shop_order' === $query->get( 'post_type' ) || array( 'shop_order' ) === $query->get( 'post_type' )
				? $where . $wpdb->prepare( " AND {$wpdb->posts}.ID > %d", $after_id )
				: $where;
		};
		add_filter( 'posts_where', $after, 10, 2 );
		try {
			return $this->map_all( wc_get_orders( $query ) );
		} finally {
			remove_filter( 'posts_where', $after, 10 );
		}
	}

	public function count_orders_created_between( int $from, int $to ): int {
		$found = wc_get_orders(
			$this->created_between( $from, $to ) + array(
				'limit'    => 1,
				'return'   => 'ids',
				'paginate' => true,
			)
		);
		return is_object( $found ) ? (int) $found->total : 0;
	}

	/**
	 * Query vars of the shoppers' orders placed from $from to $to (inclusive, Unix times).
	 *
	 * @return array<string, mixed>
	 */
	private function created_between( int $from, int $to ): array {
		return array(
			'type'         => 'shop_order',
			'status'       => $this->visible_statuses(),
			'date_created' => max( 1, $from ) . '...' . max( 1, $to ), // WooCommerce reads a start of 0 as none.
		);
	}

	/**
	 * @param mixed $orders What wc_get_orders() answered.
	 * @return Order[]
	 */
	private function map_all( mixed $orders ): array {
		$orders = array_values( array_filter( is_array( $orders ) ? $orders : array(), static fn( $o ) => $o instanceof \WC_Order ) );
		$this->prime( $orders );
		return array_map( array( $this, 'map' ), $orders );
	}

	/**
	 * Reads what map() asks of a page of orders in a fixed number of queries, into the caches
	 * WooCommerce's and WordPress's getters read first: the refunds, the lines of the orders and
	 * of their refunds with the lines' meta, the products with their meta. Otherwise each order
	 * costs some ten queries (HPOS's read_multiple() primes none of this; the posts store primes
	 * only refunds and lines).
	 *
	 * @param \WC_Order[] $orders A page of orders.
	 */
	private function prime( array $orders ): void {
		if ( count( $orders ) < 2 ) {
			return; // One order reads as cheaply on its own.
		}
		$ids     = array_map( static fn( \WC_Order $order ) => (int) $order->get_id(), $orders );
		$refunds = array_fill_keys( $ids, array() );
		$found   = wc_get_orders(
			array(
				'type'            => 'shop_order_refund',
				'post_parent__in' => $ids,
				'limit'           => -1,
			)
		);
		foreach ( is_array( $found ) ? $found : array() as $refund ) {
			if ( $refund instanceof \WC_Order_Refund && isset( $refunds[ $refund->get_parent_id() ] ) ) {
				$refunds[ $refund->get_parent_id() ][] = $refund;
			}
		}
		$refund_ids = array();
		foreach ( $refunds as $order_id => $list ) {
			// Where WC_Order::get_refunds() looks first.
			wp_cache_set( \WC_Cache_Helper::get_cache_prefix( 'orders' ) . 'refunds' . $order_id, $list, 'orders' );
			foreach ( $list as $refund ) {
				$refund_ids[] = (int) $refund->get_id();
			}
		}

		global $wpdb;
		$owners = array_merge( $ids, $refund_ids );
		$in     = implode( ',', array_fill( 0, count( $owners ), '%d' ) );
		$lines  = $wpdb->get_results(
			$wpdb->prepare(
				// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared,WordPress.DB.PreparedSQLPlaceholders.UnfinishedPrepare -- table name and placeholders.
				"SELECT order_item_type, order_item_id, order_id, order_item_name FROM {$wpdb->prefix}woocommerce_order_items
				WHERE order_id IN ({$in}) ORDER BY order_item_id",
				$owners
			)
		);
		// The rows and keys WooCommerce's read_items() and order item read() cache.
		$by_owner = array_fill_keys( $owners, array() );
		foreach ( (array) $lines as $line ) {
			$by_owner[ (int) $line->order_id ][] = $line;
			wp_cache_set( 'item-' . $line->order_item_id, $line, 'order-items' );
		}
		foreach ( $by_owner as $owner => $list ) {
			wp_cache_set( 'order-items-' . $owner, $list, 'orders' );
		}
		$item_ids = array_map( static fn( $line ) => (int) $line->order_item_id, (array) $lines );
		self::prime_meta( "{$wpdb->prefix}woocommerce_order_itemmeta", 'order_item_id', $item_ids, 'order-items' );
		update_meta_cache( 'order_item', $item_ids );

		$product_ids = array();
		foreach ( $item_ids as $item_id ) {
			foreach ( array( '_product_id', '_variation_id' ) as $key ) {
				$product_ids[] = (int) get_metadata( 'order_item', $item_id, $key, true );
			}
		}
		$product_ids = array_values( array_unique( array_filter( $product_ids ) ) );
		if ( ! $product_ids ) {
			return;
		}
		// Not their terms: loading those in bulk makes WooCommerce rewrite its term-count transient,
		// and a read must write nothing. They load once per product, not per order.
		_prime_post_caches( $product_ids, false, true );
		self::prime_meta( $wpdb->postmeta, 'post_id', $product_ids, 'products' );
	}

	/**
	 * Fills the raw meta cache WC_Data::read_meta_data() reads (rows with their meta ids, which
	 * WordPress's meta cache does not keep) for objects of one meta table, in one query.
	 *
	 * @param string $table       Meta table.
	 * @param string $id_field    Its object id column.
	 * @param int[]  $object_ids  Objects.
	 * @param string $cache_group The objects' cache group (`order-items`, `products`).
	 */
	private static function prime_meta( string $table, string $id_field, array $object_ids, string $cache_group ): void {
		global $wpdb;
		if ( ! $object_ids ) {
			return;
		}
		$in   = implode( ',', array_fill( 0, count( $object_ids ), '%d' ) );
		$rows = $wpdb->get_results(
			// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared,WordPress.DB.PreparedSQLPlaceholders.UnfinishedPrepare -- table, column and placeholders.
			$wpdb->prepare( "SELECT meta_id, {$id_field} AS object_id, meta_key, meta_value FROM {$table} WHERE {$id_field} IN ({$in}) ORDER BY meta_id", $object_ids )
		);
		$meta = array_fill_keys( $object_ids, array() );
		foreach ( (array) $rows as $row ) {
			$meta[ (int) $row->object_id ][] = (object) array(
				'meta_id'    => $row->meta_id,
				'meta_key'   => $row->meta_key, // phpcs:ignore WordPress.DB.SlowDBQuery.slow_db_query_meta_key -- a row, not a query.
				'meta_value' => $row->meta_value, // phpcs:ignore WordPress.DB.SlowDBQuery.slow_db_query_meta_value -- a row, not a query.
			);
		}
		\WC_Data::prime_raw_meta_data_cache( $meta, $cache_group );
	}

	/**
	 * The rules of those of a product's categories that have one, read from their term meta.
	 *
	 * @param int[] $category_ids Term ids.
	 * @return ReturnOverride[]
	 */
	private function category_overrides( array $category_ids ): array {
		$overrides = array();
		foreach ( $category_ids as $term_id ) {
			$term     = get_term( (int) $term_id, 'product_cat' );
			$override = $term instanceof \WP_Term
				? ReturnOverride::from_meta( $term->name, static fn( string $key ) => get_term_meta( $term->term_id, $key, true ) )
				: null;
			if ( $override ) {
				$overrides[] = $override;
			}
		}
		return $overrides;
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
		// Only the meta row: a full save() runs every order hook and costs most of a lookup.
		$order->save_meta_data();
	}

	public function lookups( int $order_id, int $limit = 10 ): array {
		$lookups = $this->order( $order_id )?->get_meta( self::LOOKUPS_META, true );
		return self::clean_lookups( is_array( $lookups ) ? $lookups : array(), $limit );
	}

	public function forget_lookups( int $order_id ): void {
		$order = $this->order( $order_id );
		if ( $order ) {
			$order->delete_meta_data( self::LOOKUPS_META );
			$order->save_meta_data();
		}
	}

	public function refundable( int $order_id ): ?Refundable {
		$order = $this->order( $order_id );
		if ( ! $order ) {
			return null;
		}
		$lines = array();
		foreach ( $order->get_items( 'line_item' ) as $item ) {
			$id       = (int) $item->get_id();
			$taxes    = (array) ( $item->get_taxes()['total'] ?? array() );
			$refunded = (float) $order->get_total_refunded_for_item( $id );
			foreach ( array_keys( $taxes ) as $rate ) {
				$refunded += (float) $order->get_tax_refunded_for_item( $id, (int) $rate );
			}
			$lines[ $id ] = array(
				'quantity' => max( 0, (int) $item->get_quantity() - abs( (int) $order->get_qty_refunded_for_item( $id ) ) ),
				'amount'   => max( 0.0, round( (float) $item->get_total() + array_sum( array_map( 'floatval', $taxes ) ) - $refunded, wc_get_price_decimals() ) ),
			);
		}
		return new Refundable( $lines, max( 0.0, (float) $order->get_remaining_refund_amount() ), $this->refunds_through_gateway( $order ) );
	}

	public function refund( int $order_id, array $lines, bool $restock, float $fee, string $reason, array $amounts = array() ): Refund {
		$order      = $this->existing( $order_id );
		$decimals   = wc_get_price_decimals();
		$line_items = array();
		$amount     = 0.0;
		foreach ( $this->lines( $order, $lines + array_fill_keys( array_keys( $amounts ), 0 ), true, $amounts ) as list( $item, $quantity ) ) {
			$taxes = array_map( 'floatval', (array) ( $item->get_taxes()['total'] ?? array() ) );
			// A line's own amount is a share of what it was paid, tax included; else its units' share.
			$share = isset( $amounts[ $item->get_id() ] )
				? (float) $amounts[ $item->get_id() ] / max( 0.01, (float) $item->get_total() + array_sum( $taxes ) )
				: $quantity / max( 1, (int) $item->get_quantity() );
			$total = round( (float) $item->get_total() * $share, $decimals );
			$taxes = array_map( static fn( float $tax ) => round( $tax * $share, $decimals ), $taxes );

			$line_items[ $item->get_id() ] = array(
				'qty'          => $quantity,
				'refund_total' => $total,
				'refund_tax'   => $taxes,
			);
			$amount += $total + array_sum( $taxes );
		}
		$amount = round( $amount - $fee, $decimals );
		if ( $amount <= 0 ) {
			throw DomainError::invalid( 'refund_amount', __( 'Nothing is left to refund once the restocking fee is taken.', 'aftercare' ) );
		}
		$via_gateway = $this->refunds_through_gateway( $order );
		$refund      = wc_create_refund(
			array(
				'order_id'       => $order->get_id(),
				'amount'         => (string) $amount,
				'reason'         => $reason,
				'line_items'     => $line_items,
				'refund_payment' => $via_gateway,
				// WooCommerce restocks only lines whose stock it reduced; returned goods go back on the shelf regardless.
				'restock_items'  => false,
			)
		);
		if ( is_wp_error( $refund ) ) {
			throw DomainError::conflict( 'refund_failed', $refund->get_error_message() );
		}
		if ( $restock && array_filter( $lines ) ) {
			$this->restock( $order_id, array_filter( $lines ) );
		}
		return new Refund( (string) $refund->get_id(), (float) $refund->get_amount(), ! $via_gateway );
	}

	private function refunds_through_gateway( \WC_Order $order ): bool {
		$gateway = wc_get_payment_gateway_by_order( $order );
		return $gateway instanceof \WC_Payment_Gateway && $gateway->can_refund_order( $order );
	}

	public function issue_coupon( int $order_id, string $type, float $amount, string $reason ): string {
		$order = $this->existing( $order_id );
		self::check_coupon( $type, $amount );
		$code   = 'credit-' . strtolower( wp_generate_password( 10, false ) );
		$coupon = new \WC_Coupon();
		$coupon->set_code( $code );
		$coupon->set_discount_type( $type );
		$coupon->set_amount( (string) round( $amount, wc_get_price_decimals() ) );
		$coupon->set_email_restrictions( array( strtolower( $order->get_billing_email() ) ) );
		$coupon->set_usage_limit( 1 );
		$coupon->set_usage_limit_per_user( 1 );
		$coupon->set_description( $reason );
		$coupon->save();
		return $code;
	}

	/**
	 * The one rule of issue_coupon() for every adapter: a known type, more than zero, a percent at most 100.
	 *
	 * @throws DomainError 400 when broken.
	 */
	public static function check_coupon( string $type, float $amount ): void {
		if ( ! in_array( $type, array( 'fixed_cart', 'percent' ), true ) ) {
			throw DomainError::invalid( 'coupon_type', __( 'A coupon takes an amount or a percentage off.', 'aftercare' ) );
		}
		if ( $amount <= 0 || ( 'percent' === $type && $amount > 100 ) ) {
			throw DomainError::invalid(
				'credit_amount',
				'percent' === $type ? __( 'A percentage off must be more than 0 and at most 100.', 'aftercare' ) : __( 'Store credit must be more than zero.', 'aftercare' )
			);
		}
	}

	public function resend_mail( int $order_id, string $mail ): void {
		$order = $this->existing( $order_id );
		if ( 'tracking' === $mail ) {
			// A note to the customer: WooCommerce mails it ("A note has been added to your order").
			$order->add_order_note( self::tracking_text( $this->map( $order )->tracking ), 1 );
			return;
		}
		$emails = WC()->mailer()->get_emails();
		$wanted = match ( $order->get_status() ) {
			'processing' => 'customer_processing_order',
			'completed'  => 'customer_completed_order',
			'on-hold'    => 'customer_on_hold_order',
			default      => 'customer_invoice',
		};
		foreach ( $emails as $email ) {
			if ( $email instanceof \WC_Email && $wanted === $email->id ) {
				if ( ! $email->is_enabled() ) {
					/* translators: %s: the email's title in WooCommerce, e.g. Processing order. */
					throw DomainError::conflict( 'mail_disabled', sprintf( __( 'The “%s” email is turned off in WooCommerce → Settings → Emails.', 'aftercare' ), $email->get_title() ) ); // phpcs:ignore Generic.Files.LineLength.TooLong -- one translatable string.
				}
				$email->trigger( $order->get_id(), $order );
				return;
			}
		}
		throw DomainError::conflict( 'mail_disabled', __( 'WooCommerce has no email for this order\'s status.', 'aftercare' ) );
	}

	/**
	 * The tracking mail's text, the same for every adapter: each shipment with its link.
	 *
	 * @param Tracking[] $tracking The order's shipments.
	 * @throws DomainError 400 when there are none.
	 */
	public static function tracking_text( array $tracking ): string {
		if ( ! $tracking ) {
			throw DomainError::invalid( 'no_tracking', __( 'This order has no tracking number yet, so there is no tracking email to send.', 'aftercare' ) );
		}
		$lines = array_map(
			/* translators: 1: carrier, 2: tracking number, 3: tracking link (may be empty). */
			static fn( Tracking $t ) => trim( sprintf( __( '%1$s %2$s %3$s', 'aftercare' ), $t->carrier, $t->number, $t->url ) ),
			$tracking
		);
		return __( 'Your order is on its way. Track it here:', 'aftercare' ) . "\n" . implode( "\n", $lines );
	}

	public function create_exchange( int $order_id, array $lines, string $reason ): Order {
		$original = $this->existing( $order_id );
		$chosen   = $this->lines( $original, $lines, false );
		$exchange = wc_create_order(
			array(
				'customer_id' => $original->get_customer_id(),
				'created_via' => 'aftercare',
			)
		);
		if ( is_wp_error( $exchange ) ) {
			throw DomainError::conflict( 'exchange_failed', $exchange->get_error_message() );
		}
		foreach ( $chosen as list( $item, $quantity ) ) {
			$product = $item->get_product();
			if ( $product instanceof \WC_Product ) {
				$exchange->add_product(
					$product,
					$quantity,
					array(
						'subtotal' => 0,
						'total'    => 0,
					)
				);
				continue;
			}
			$line = new \WC_Order_Item_Product();
			$line->set_name( $item->get_name() );
			$line->set_quantity( $quantity );
			$exchange->add_item( $line );
		}
		$exchange->set_currency( $original->get_currency() );
		$exchange->set_address( $original->get_address( 'billing' ), 'billing' );
		$exchange->set_address( $original->get_address( 'shipping' ), 'shipping' );
		$exchange->update_meta_data( self::EXCHANGE_META, $original->get_id() );
		$exchange->calculate_totals( false );
		$exchange->set_status( 'processing' );
		$exchange->save();
		/* translators: 1: the original order's number, 2: why. */
		$exchange->add_order_note( sprintf( __( 'Exchange for order #%1$s. %2$s', 'aftercare' ), $original->get_order_number(), $reason ) );
		/* translators: %s: the exchange order's number. */
		$original->add_order_note( sprintf( __( 'Exchange order #%s created.', 'aftercare' ), $exchange->get_order_number() ) );
		return $this->map( $exchange );
	}

	public function restock( int $order_id, array $lines ): void {
		$order = $this->existing( $order_id );
		foreach ( $this->lines( $order, $lines, false ) as list( $item, $quantity ) ) {
			$product = $item->get_product();
			if ( $product instanceof \WC_Product && $product->managing_stock() ) {
				wc_update_product_stock( $product, $quantity, 'increase' );
			}
		}
	}

	/**
	 * The order's lines named in $lines, with their quantities checked.
	 *
	 * @param array<int, int> $lines      Order item id => quantity.
	 * @param bool            $unrefunded Count only what has not been refunded yet.
	 * @param array<int, float> $amounts  Lines refunded by amount, which may have no units.
	 * @return array<int, array{0: \WC_Order_Item_Product, 1: int}>
	 */
	private function lines( \WC_Order $order, array $lines, bool $unrefunded, array $amounts = array() ): array {
		$chosen = array();
		foreach ( $lines as $item_id => $quantity ) {
			$item = $order->get_item( (int) $item_id );
			if ( ! $item instanceof \WC_Order_Item_Product || (int) $item->get_order_id() !== (int) $order->get_id() ) {
				throw DomainError::invalid( 'invalid_item', __( 'One of the chosen items is not part of this order.', 'aftercare' ) );
			}
			$left = (int) $item->get_quantity() - ( $unrefunded ? abs( (int) $order->get_qty_refunded_for_item( $item->get_id() ) ) : 0 );
			$least = isset( $amounts[ $item_id ] ) ? 0 : 1;
			if ( (int) $quantity < $least || (int) $quantity > $left ) {
				throw DomainError::invalid(
					'invalid_quantity',
					/* translators: 1: product name, 2: largest quantity. */
					sprintf( __( 'At most %2$d of %1$s can be refunded, exchanged or restocked.', 'aftercare' ), $item->get_name(), $left )
				);
			}
			$chosen[] = array( $item, (int) $quantity );
		}
		if ( ! $chosen ) {
			throw DomainError::invalid( 'no_items', __( 'Please choose at least one item.', 'aftercare' ) );
		}
		return $chosen;
	}

	/**
	 * The order an action is for; a missing one is an error, not a no-op.
	 */
	private function existing( int $order_id ): \WC_Order {
		$order = $this->order( $order_id );
		if ( ! $order ) {
			throw DomainError::not_found( 'order_not_found', __( 'That order no longer exists.', 'aftercare' ) );
		}
		return $order;
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
		$refunded       = null;
		$refunded_total = 0.0;
		// The total from the refunds read anyway: get_total_refunded() would query once more per order.
		foreach ( $order->get_refunds() as $refund ) {
			$time            = $refund->get_date_created()?->getTimestamp();
			$refunded        = null === $time ? $refunded : max( (int) $refunded, $time );
			$refunded_total += (float) $refund->get_amount();
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
			round( $refunded_total, wc_get_price_decimals() ),
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
		// Variations have no rule of their own: they follow their product.
		$own = $product instanceof \WC_Product ? ReturnOverride::from_meta( '', static fn( string $key ) => $product->get_meta( $key, true ) ) : null;
		return new OrderItem(
			(int) $item->get_id(),
			(int) $item->get_product_id(),
			(string) $item->get_name(),
			$quantity,
			(float) $item->get_total(),
			abs( (int) $order->get_qty_refunded_for_item( $item->get_id() ) ),
			$product instanceof \WC_Product ? array_map( 'intval', $product->get_category_ids() ) : array(),
			$on_sale,
			$own?->returnable ?? true,
			$own?->window_days,
			$product instanceof \WC_Product ? $this->category_overrides( $product->get_category_ids() ) : array()
		);
	}
}
