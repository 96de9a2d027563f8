<?php
/**
 * Real WooCommerce orders, made through WooCommerce's own API (HPOS or posts alike).
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Orders;

use Aftercare\Orders\Carriers;
use Aftercare\Orders\OrderSource;
use Aftercare\Orders\ReturnOverride;
use Aftercare\Orders\TrackingReader;
use Aftercare\Orders\WooCommerceOrderSource;

final class WooCommerceOrderFactory implements OrderFactory {

	public function create( array $spec ): int {
		$order = new \WC_Order();
		$order->set_currency( (string) ( $spec['currency'] ?? 'USD' ) );
		$order->set_customer_id( (int) ( $spec['customer_id'] ?? 0 ) );
		$order->set_billing_email( (string) ( $spec['email'] ?? '' ) );
		$order->set_billing_postcode( (string) ( $spec['postcode'] ?? '' ) );
		$order->set_billing_first_name( (string) ( $spec['name'] ?? '' ) );
		$order->set_billing_phone( (string) ( $spec['phone'] ?? '' ) );
		$order->set_billing_address_1( (string) ( $spec['address'] ?? '' ) );
		$order->set_payment_method( (string) ( $spec['payment_method'] ?? '' ) );
		$order->set_payment_method_title( (string) ( $spec['payment_method_title'] ?? '' ) );
		$order->set_shipping_total( (string) ( $spec['shipping_total'] ?? 0 ) );
		$order->set_discount_total( (string) ( $spec['discount_total'] ?? 0 ) );
		$order->set_cart_tax( (string) ( $spec['tax_total'] ?? 0 ) );
		foreach ( (array) ( $spec['coupons'] ?? array() ) as $code ) {
			$coupon = new \WC_Order_Item_Coupon();
			$coupon->set_code( (string) $code );
			$order->add_item( $coupon );
		}
		foreach ( (array) ( $spec['items'] ?? array() ) as $line ) {
			if ( isset( $line['image'] ) && ! isset( $line['product_id'] ) ) {
				$line['product_id'] = $this->product_with_image( (string) $line['name'], (string) $line['image'] );
			}
			$item = new \WC_Order_Item_Product();
			$item->set_name( (string) $line['name'] );
			$item->set_quantity( (int) ( $line['quantity'] ?? 1 ) );
			$item->set_subtotal( (string) ( $line['total'] ?? 0 ) );
			$item->set_total( (string) ( $line['total'] ?? 0 ) );
			$item->set_product_id( (int) ( $line['product_id'] ?? 0 ) );
			$item->set_variation_id( (int) ( $line['variation_id'] ?? 0 ) );
			$order->add_item( $item );
		}
		foreach ( (array) ( $spec['meta'] ?? array() ) as $key => $value ) {
			$order->update_meta_data( (string) $key, $value );
		}
		$order->set_total( (string) ( $spec['total'] ?? 0 ) );
		$order->set_status( (string) ( $spec['status'] ?? 'processing' ) );
		$order->set_date_created( (int) ( $spec['created'] ?? time() ) );
		$order->set_date_paid( isset( $spec['paid'] ) ? (int) $spec['paid'] : null );
		$order->set_date_completed( isset( $spec['completed'] ) ? (int) $spec['completed'] : null );
		$order->save();
		// WooCommerce notes the status it was saved with; the test adapter's orders start without
		// notes, so on both a test sees only the notes that what it tests added.
		foreach ( wc_get_order_notes( array( 'order_id' => $order->get_id() ) ) as $note ) {
			wc_delete_order_note( (int) $note->id );
		}
		if ( isset( $spec['refund'] ) ) {
			$refund = wc_create_refund(
				array(
					'order_id' => $order->get_id(),
					'amount'   => (string) $spec['refund'],
					'reason'   => 'Test refund',
				)
			);
			if ( is_wp_error( $refund ) ) {
				throw new \RuntimeException( $refund->get_error_message() );
			}
		}
		return (int) $order->get_id();
	}

	public function source(): OrderSource {
		return new WooCommerceOrderSource( new TrackingReader( new Carriers() ) );
	}

	public function product( string $name, int $stock ): int {
		$product = new \WC_Product_Simple();
		$product->set_name( $name );
		$product->set_regular_price( '10' );
		$product->set_manage_stock( true );
		$product->set_stock_quantity( $stock );
		return (int) $product->save();
	}

	/**
	 * A product whose picture is an attachment named after the image URL's file.
	 */
	private function product_with_image( string $name, string $image ): int {
		$file       = basename( (string) wp_parse_url( $image, PHP_URL_PATH ) );
		$attachment = wp_insert_attachment(
			array(
				'post_title'     => $file,
				'post_mime_type' => 'image/jpeg',
				'post_status'    => 'inherit',
			),
			$file
		);
		$product    = new \WC_Product_Simple();
		$product->set_name( $name );
		$product->set_regular_price( '10' );
		$product->set_image_id( (int) $attachment );
		return (int) $product->save();
	}

	public function returns_product( string $name, array $rule, array $categories = array() ): int {
		$product = new \WC_Product_Simple();
		$product->set_name( $name );
		$product->set_regular_price( '10' );
		$product->set_category_ids( $categories );
		foreach ( self::meta( $rule ) as $key => $value ) {
			$product->update_meta_data( $key, $value );
		}
		return (int) $product->save();
	}

	public function category( string $name, array $rule ): int {
		$term = wp_insert_term( $name, 'product_cat' );
		if ( is_wp_error( $term ) ) {
			throw new \RuntimeException( $term->get_error_message() );
		}
		foreach ( self::meta( $rule ) as $key => $value ) {
			update_term_meta( (int) $term['term_id'], $key, $value );
		}
		return (int) $term['term_id'];
	}

	/**
	 * A rule as the meta the product screen and category form save.
	 *
	 * @param array{not_returnable?: bool, window_days?: int} $rule The rule.
	 * @return array<string, string|int>
	 */
	private static function meta( array $rule ): array {
		return array_filter(
			array(
				ReturnOverride::NOT_RETURNABLE_META => empty( $rule['not_returnable'] ) ? '' : 'yes',
				ReturnOverride::WINDOW_META         => (int) ( $rule['window_days'] ?? 0 ),
			)
		);
	}

	public function stock( int $product_id ): ?int {
		$product = wc_get_product( $product_id );
		return $product && $product->managing_stock() ? (int) $product->get_stock_quantity() : null;
	}

	public function coupon( string $code ): ?array {
		$id = wc_get_coupon_id_by_code( $code );
		if ( ! $id ) {
			return null;
		}
		$coupon = new \WC_Coupon( $id );
		return array(
			'type'                 => (string) $coupon->get_discount_type(),
			'amount'               => (float) $coupon->get_amount(),
			'emails'               => array_values( $coupon->get_email_restrictions() ),
			'usage_limit'          => (int) $coupon->get_usage_limit(),
			'usage_limit_per_user' => (int) $coupon->get_usage_limit_per_user(),
		);
	}

	public function exchange_of( int $order_id ): int {
		$order = wc_get_order( $order_id );
		return $order ? (int) $order->get_meta( WooCommerceOrderSource::EXCHANGE_META, true ) : 0;
	}

	public function notes( int $order_id ): array {
		$notes = wc_get_order_notes(
			array(
				'order_id' => $order_id,
				'order'    => 'ASC',
			)
		);
		return array_map(
			static fn( $note ) => array(
				'note'         => (string) $note->content,
				'for_customer' => (bool) $note->customer_note,
			),
			$notes
		);
	}
}
