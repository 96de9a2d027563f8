<?php
// phpcs:disable Generic.Files.LineLength.TooLong -- plugin header.
/**
 * Plugin Name: Aftercare demo WooCommerce store
 * Description: With WooCommerce active (`npm start -- --woocommerce`), seeds the store the desk works for: products, customers and orders in every status, some shipped with tracking and some delivered, some refunded. Runs before the tickets and returns (which read these orders through Aftercare's OrderSource port). Local sites only; never shipped.
 *
 * @package Aftercare
 */
// phpcs:enable Generic.Files.LineLength.TooLong

declare( strict_types=1 );

// Demo orders carry the numbers the storefront pages mention (1001 for a guest, 1002… for the
// customers), the way sequential order number plugins do it: WooCommerce shows the number, and
// Aftercare's lookup maps it back to the order through its filter.
const AFTERCARE_DEMO_NUMBER = '_aftercare_demo_number';

add_filter(
	'woocommerce_order_number',
	static function ( $number, $order ) {
		$demo = $order instanceof WC_Order ? (string) $order->get_meta( AFTERCARE_DEMO_NUMBER, true ) : '';
		return '' !== $demo ? $demo : $number;
	},
	10,
	2
);

add_filter(
	'aftercare_order_id_from_number',
	static function ( int $order_id, string $number ): int {
		if ( $order_id > 0 || ! class_exists( 'WooCommerce' ) ) {
			return $order_id;
		}
		$ids = wc_get_orders(
			array(
				'limit'      => 1,
				'return'     => 'ids',
				'type'       => 'shop_order',
				'meta_query' => array( // phpcs:ignore WordPress.DB.SlowDBQuery.slow_db_query_meta_query -- one indexed meta key, demo only.
					array(
						'key'   => AFTERCARE_DEMO_NUMBER,
						'value' => $number,
					),
				),
			)
		);
		return $ids ? (int) $ids[0] : 0;
	},
	10,
	2
);

add_action(
	'aftercare_seed_demo',
	static function (): void {
		if ( ! class_exists( 'WooCommerce' ) || get_option( 'aftercare_demo_store_seeded' ) ) {
			return;
		}
		// A local site sends no mail: WooCommerce's order emails would only fail.
		add_filter( 'pre_wp_mail', '__return_false' );
		aftercare_demo_store_settings();
		$products  = aftercare_demo_store_products();
		$customers = aftercare_demo_store_customers();
		foreach ( aftercare_demo_store_orders() as $spec ) {
			aftercare_demo_store_order( $spec, $products, $customers );
		}
		remove_filter( 'pre_wp_mail', '__return_false' );
		update_option( 'aftercare_demo_store_seeded', 1, false );
	},
	5
);

/** A store in US dollars with the offline payment methods on, so the checkout works. */
function aftercare_demo_store_settings(): void {
	update_option( 'woocommerce_currency', 'USD' );
	update_option( 'woocommerce_store_address', '1 Warehouse Road' );
	update_option( 'woocommerce_store_city', 'Springfield' );
	update_option( 'woocommerce_default_country', 'US:IL' );
	update_option( 'woocommerce_store_postcode', '62701' );
	foreach ( array( 'bacs', 'cheque', 'cod' ) as $gateway ) {
		update_option( "woocommerce_{$gateway}_settings", array( 'enabled' => 'yes' ) + (array) get_option( "woocommerce_{$gateway}_settings", array() ) );
	}
}

/**
 * Simple products in three categories, with stock; one is on sale and the gift card is not returnable.
 *
 * @return array<string, WC_Product> By name.
 */
function aftercare_demo_store_products(): array {
	$catalog  = array(
		// Name => category, regular price, sale price ('' for none), stock.
		'Linen shirt'    => array( 'Clothing', '20.00', '', 40 ),
		'Wool sweater'   => array( 'Clothing', '89.50', '', 12 ),
		'Denim jacket'   => array( 'Clothing', '79.00', '', 8 ),
		'Chino trousers' => array( 'Clothing', '45.00', '', 25 ),
		'Summer dress'   => array( 'Clothing', '59.00', '49.00', 10 ),
		'Merino hoodie'  => array( 'Clothing', '55.00', '', 15 ),
		'Rain boots'     => array( 'Shoes', '65.00', '', 9 ),
		'Trail trainers' => array( 'Shoes', '95.00', '', 6 ),
		'Canvas tote'    => array( 'Accessories', '14.00', '', 60 ),
		'Leather belt'   => array( 'Accessories', '25.00', '', 20 ),
		'Wool socks'     => array( 'Accessories', '6.00', '', 100 ),
		'Beanie'         => array( 'Accessories', '15.00', '', 30 ),
		'Ceramic mug'    => array( 'Home', '12.50', '', 24 ),
		'Gift card'      => array( 'Gift cards', '25.00', '', 0 ),
	);
	$products = array();
	foreach ( $catalog as $name => list( $category, $price, $sale, $stock ) ) {
		$term = term_exists( $category, 'product_cat' ) ?: wp_insert_term( $category, 'product_cat' );
		if ( 'Gift card' === $name ) {
			$product = new WC_Product_Simple();
			$product->set_virtual( true );
			$product->update_meta_data( Aftercare\Orders\ReturnOverride::NOT_RETURNABLE_META, 'yes' );
		} else {
			$product = new WC_Product_Simple();
			$product->set_manage_stock( true );
			$product->set_stock_quantity( $stock );
		}
		$product->set_name( $name );
		$product->set_regular_price( $price );
		$product->set_sale_price( $sale );
		$product->set_category_ids( is_array( $term ) ? array( (int) $term['term_id'] ) : array() );
		$product->set_short_description( sprintf( 'A demo %s from the Aftercare store.', strtolower( $name ) ) );
		$product->save();
		$products[ $name ] = $product;
	}
	return $products;
}

/**
 * The demo customers' billing and shipping addresses (the installer made the users).
 *
 * @return array<string, array<string, string>> Address by login, plus the guests by email.
 */
function aftercare_demo_store_customers(): array {
	$addresses = array(
		'customer1'          => array( 'Casey', 'Customer', '12 Oak Avenue', 'Beverly Hills', 'CA', '90210', '+1 555 0101' ),
		'customer2'          => array( 'Cam', 'Second', '350 Fifth Avenue', 'New York', 'NY', '10001', '+1 555 0102' ),
		'guest@example.test' => array( 'Gwen', 'Guest', '1 Main Street', 'London', '', 'SW1A 1AA', '+44 20 7946 0000' ),
		'riley@example.test' => array( 'Riley', 'Guest', '8 Harbour Road', 'Portland', 'ME', '04101', '+1 555 0103' ),
		'noor@example.test'  => array( 'Noor', 'Haddad', '44 Cedar Lane', 'Austin', 'TX', '73301', '+1 555 0104' ),
	);
	$customers = array();
	foreach ( $addresses as $who => list( $first, $last, $street, $city, $state, $postcode, $phone ) ) {
		$user    = is_email( $who ) ? false : get_user_by( 'login', $who );
		$address = array(
			'first_name' => $first,
			'last_name'  => $last,
			'address_1'  => $street,
			'city'       => $city,
			'state'      => $state,
			'postcode'   => $postcode,
			'country'    => 'SW1A 1AA' === $postcode ? 'GB' : 'US',
			'phone'      => $phone,
			'email'      => $user ? $user->user_email : $who,
		);
		if ( $user ) {
			$customer = new WC_Customer( $user->ID );
			$customer->set_first_name( $first );
			$customer->set_last_name( $last );
			$customer->set_display_name( "$first $last" );
			foreach ( $address as $key => $value ) {
				$customer->{"set_billing_$key"}( $value );
				if ( ! in_array( $key, array( 'email', 'phone' ), true ) ) {
					$customer->{"set_shipping_$key"}( $value );
				}
			}
			$customer->save();
		}
		$customers[ $who ] = array( 'id' => $user ? (int) $user->ID : 0 ) + $address;
	}
	return $customers;
}

/**
 * The orders: number, who, status, days ago placed, lines (name => quantity), and what happened
 * after: `tracking` ([carrier, number] stored as Aftercare's own, or `shipment_tracking` as the
 * WooCommerce Shipment Tracking extension stores it), `delivered` (days ago), `refund` (amount or
 * 'all', with the lines it gives back).
 *
 * @return array<int, array<int|string, mixed>>
 */
function aftercare_demo_store_orders(): array {
	return array(
		// The orders the storefront pages and the test order source also name.
		array(
			'1001',
			'guest@example.test',
			'completed',
			9,
			array( 'Linen shirt' => 2, 'Canvas tote' => 1 ),
			'shipment_tracking' => array( 'usps', '9400111899223344556677', 7 ),
			'delivered'         => 4,
		),
		array( '1002', 'customer1', 'processing', 2, array( 'Wool sweater' => 1 ), 'tracking' => array( 'UPS', '1Z999AA10123456784', 1 ) ),
		array( '1003', 'customer1', 'on-hold', 20, array( 'Ceramic mug' => 2 ) ),
		array( '2001', 'customer2', 'processing', 1, array( 'Wool socks' => 3 ) ),
		// Delivered orders with several lines, inside the return window: the demo returns' orders.
		array(
			'3001',
			'customer1',
			'completed',
			7,
			array( 'Denim jacket' => 1, 'Linen shirt' => 2 ),
			'tracking'  => array( 'FedEx', '771234567890', 6 ),
			'delivered' => 3,
		),
		array(
			'3002',
			'customer1',
			'completed',
			10,
			array( 'Rain boots' => 1, 'Wool socks' => 3 ),
			'tracking'  => array( 'UPS', '1Z999AA10123456785', 9 ),
			'delivered' => 6,
		),
		array(
			'3003',
			'customer2',
			'completed',
			9,
			array( 'Chino trousers' => 2, 'Leather belt' => 1 ),
			'tracking'  => array( 'USPS', '9400111899223344556678', 8 ),
			'delivered' => 5,
		),
		array( '3004', 'customer2', 'completed', 14, array( 'Summer dress' => 1, 'Beanie' => 1 ), 'delivered' => 10 ),
		array(
			'3005',
			'customer1',
			'completed',
			16,
			array( 'Merino hoodie' => 2, 'Beanie' => 1, 'Gift card' => 1 ),
			'tracking'  => array( 'DHL', '1234567890', 15 ),
			'delivered' => 12,
		),
		array(
			'3006',
			'riley@example.test',
			'completed',
			12,
			array( 'Trail trainers' => 1 ),
			'shipment_tracking' => array( 'ups', '1Z999AA10123456786', 11 ),
			'delivered'         => 8,
		),
		// Every other status, and refunds.
		array( '4001', 'noor@example.test', 'pending', 0, array( 'Merino hoodie' => 1 ) ),
		array( '4002', 'customer2', 'failed', 3, array( 'Trail trainers' => 1 ) ),
		array( '4003', 'noor@example.test', 'cancelled', 5, array( 'Leather belt' => 2 ) ),
		array(
			'4004',
			'customer1',
			'completed',
			30,
			array( 'Wool sweater' => 1, 'Canvas tote' => 2 ),
			'tracking'  => array( 'UPS', '1Z999AA10123456787', 29 ),
			'delivered' => 26,
			'refund'    => array( 'Canvas tote', 'Wrong colour, refunded after the call.' ),
		),
		array(
			'4005',
			'riley@example.test',
			'completed',
			40,
			array( 'Ceramic mug' => 1 ),
			'delivered' => 36,
			'refund'    => array( 'all', 'Arrived broken; refunded in full.' ),
		),
		array( '4006', 'customer2', 'processing', 0, array( 'Denim jacket' => 1, 'Wool socks' => 2 ) ),
		array( '4007', 'customer1', 'completed', 60, array( 'Rain boots' => 1 ), 'delivered' => 55 ),
	);
}

/**
 * One order, placed, paid, shipped and refunded on the days its spec says.
 *
 * @param array<int|string, mixed>            $spec      See aftercare_demo_store_orders().
 * @param array<string, WC_Product>           $products  By name.
 * @param array<string, array<string, mixed>> $customers Addresses by login or guest email.
 */
function aftercare_demo_store_order( array $spec, array $products, array $customers ): void {
	list( $number, $who, $status, $days, $lines ) = $spec;
	$customer = $customers[ $who ];
	$now      = time();
	$placed   = $now - (int) ( $days * DAY_IN_SECONDS ) - 3 * HOUR_IN_SECONDS;

	$order = wc_create_order( array( 'customer_id' => $customer['id'] ) );
	foreach ( $lines as $name => $quantity ) {
		$order->add_product( $products[ $name ], $quantity );
	}
	$shipping = new WC_Order_Item_Shipping();
	$shipping->set_method_title( 'Flat rate' );
	$shipping->set_method_id( 'flat_rate' );
	$shipping->set_total( '5.00' );
	$order->add_item( $shipping );
	$address = array_diff_key( $customer, array( 'id' => 0 ) );
	$order->set_address( $address, 'billing' );
	$order->set_address( array_diff_key( $address, array( 'email' => 0, 'phone' => 0 ) ), 'shipping' );
	$order->set_payment_method( 'pending' === $status ? 'bacs' : 'cod' );
	$order->set_payment_method_title( 'pending' === $status ? 'Direct bank transfer' : 'Cash on delivery' );
	$order->calculate_totals();
	$order->set_date_created( $placed );
	if ( ! in_array( $status, array( 'pending', 'failed', 'cancelled' ), true ) ) {
		$order->set_date_paid( $placed + 600 );
	}
	if ( isset( $spec['tracking'] ) ) {
		list( $carrier, $tracking, $shipped ) = $spec['tracking'];
		$order->update_meta_data(
			'_aftercare_tracking',
			array(
				array(
					'carrier' => $carrier,
					'number'  => $tracking,
					'shipped' => $now - $shipped * DAY_IN_SECONDS,
				),
			)
		);
	}
	if ( isset( $spec['shipment_tracking'] ) ) {
		list( $provider, $tracking, $shipped ) = $spec['shipment_tracking'];
		$order->update_meta_data(
			'_wc_shipment_tracking_items',
			array(
				array(
					'tracking_provider' => $provider,
					'tracking_number'   => $tracking,
					'date_shipped'      => $now - $shipped * DAY_IN_SECONDS,
				),
			)
		);
	}
	if ( isset( $spec['delivered'] ) ) {
		$order->update_meta_data( Aftercare\Orders\WooCommerceOrderSource::DELIVERED_META, $now - $spec['delivered'] * DAY_IN_SECONDS );
	}
	$order->update_meta_data( AFTERCARE_DEMO_NUMBER, $number );
	$order->set_status( $status );
	$order->save();
	if ( isset( $spec['delivered'] ) ) {
		// Saving the status change stamps completion "now": the story's date goes in after it.
		$order->set_date_completed( $now - $spec['delivered'] * DAY_IN_SECONDS );
		$order->save();
	}

	if ( isset( $spec['refund'] ) ) {
		list( $what, $reason ) = $spec['refund'];
		$refund_lines = array();
		$amount       = 'all' === $what ? (float) $order->get_total() : 0.0;
		foreach ( $order->get_items() as $item_id => $item ) {
			if ( 'all' === $what || $item->get_name() === $what ) {
				$refund_lines[ $item_id ] = array(
					'qty'          => $item->get_quantity(),
					'refund_total' => $item->get_total(),
				);
				$amount += 'all' === $what ? 0 : (float) $item->get_total();
			}
		}
		$refund = wc_create_refund(
			array(
				'order_id'   => $order->get_id(),
				'amount'     => (string) $amount,
				'reason'     => $reason,
				'line_items' => $refund_lines,
			)
		);
		if ( $refund instanceof WC_Order_Refund ) {
			$refund->set_date_created( $now - ( $spec['delivered'] - 2 ) * DAY_IN_SECONDS );
			$refund->save();
		}
	}
}
