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
		foreach ( (array) ( $spec['items'] ?? array() ) as $line ) {
			$item = new \WC_Order_Item_Product();
			$item->set_name( (string) $line['name'] );
			$item->set_quantity( (int) ( $line['quantity'] ?? 1 ) );
			$item->set_subtotal( (string) ( $line['total'] ?? 0 ) );
			$item->set_total( (string) ( $line['total'] ?? 0 ) );
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
