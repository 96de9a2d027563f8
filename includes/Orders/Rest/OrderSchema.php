<?php
/**
 * The order resource (agents): an order's lines, money, refunds, coupons and tracking.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Orders\Rest;

use Aftercare\Orders\OrderDetails;
use Aftercare\Orders\OrderItem;
use Aftercare\Orders\OrderRefund;
use Aftercare\Orders\Tracking;

final class OrderSchema {

	/**
	 * @return array<string, mixed>
	 */
	public function item_schema(): array {
		$string = array( 'type' => 'string' );
		$number = array( 'type' => 'number' );
		$int    = array( 'type' => 'integer' );
		$date   = array(
			'type'   => 'string',
			'format' => 'date-time',
		);
		$list   = static fn( string $description, array $properties ): array => array(
			'description' => $description,
			'type'        => 'array',
			'readonly'    => true,
			'items'       => array(
				'type'                 => 'object',
				'properties'           => $properties,
				'required'             => array_keys( $properties ),
				'additionalProperties' => false,
			),
		);
		$field  = static fn( string $description, array $type ): array => array(
			'description' => $description,
			'readonly'    => true,
		) + $type;
		return array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'aftercare_order',
			'type'       => 'object',
			'properties' => array(
				'id'             => $field( __( 'Order id.', 'aftercare' ), $int ),
				'number'         => $field( __( 'The number the customer sees.', 'aftercare' ), $string ),
				'status'         => $field( __( 'Status slug.', 'aftercare' ), $string ),
				'status_label'   => $field( __( 'Status in words.', 'aftercare' ), $string ),
				'created'        => $field( __( 'When it was placed.', 'aftercare' ), $date ),
				'customer_id'    => $field( __( 'The customer\'s user id (0: a guest order).', 'aftercare' ), $int ),
				'billing_name'   => $field( __( 'Billing name.', 'aftercare' ), $string ),
				'billing_email'  => $field( __( 'Billing email.', 'aftercare' ), $string ),
				'currency'       => $field( __( 'ISO currency code.', 'aftercare' ), $string ),
				'subtotal'       => $field( __( 'Lines before discounts.', 'aftercare' ), $number ),
				'discount'       => $field( __( 'Discounts.', 'aftercare' ), $number ),
				'shipping'       => $field( __( 'Shipping.', 'aftercare' ), $number ),
				'tax'            => $field( __( 'Tax.', 'aftercare' ), $number ),
				'total'          => $field( __( 'Order total.', 'aftercare' ), $number ),
				'total_refunded' => $field( __( 'Refunded so far.', 'aftercare' ), $number ),
				'payment_method' => $field( __( 'Payment method in words (empty when none).', 'aftercare' ), $string ),
				'items'          => $list(
					__( 'Line items.', 'aftercare' ),
					array(
						'id'                => $int,
						'product_id'        => $int,
						'name'              => $string,
						'quantity'          => $int,
						'total'             => $number,
						'refunded_quantity' => $int,
						'image'             => $string,
					)
				),
				'refunds'        => $list(
					__( 'Each refund, oldest first.', 'aftercare' ),
					array(
						'reference' => $string,
						'time'      => $date,
						'amount'    => $number,
						'reason'    => $string,
					)
				),
				'coupons'        => array(
					'description' => __( 'Coupon codes used on the order.', 'aftercare' ),
					'type'        => 'array',
					'readonly'    => true,
					'items'       => $string,
				),
				'tracking'       => $list(
					__( 'Shipments.', 'aftercare' ),
					array(
						'carrier' => $string,
						'number'  => $string,
						'url'     => $string,
					)
				),
			),
		);
	}

	/**
	 * @return array<string, mixed>
	 */
	public function prepare( OrderDetails $details ): array {
		$order = $details->order;
		return array(
			'id'             => $order->id,
			'number'         => $order->number,
			'status'         => $order->status,
			'status_label'   => $order->status_label,
			'created'        => gmdate( 'Y-m-d\TH:i:s\Z', $order->created ),
			'customer_id'    => $order->customer_id,
			'billing_name'   => $order->billing_name,
			'billing_email'  => $order->billing_email,
			'currency'       => $order->currency,
			'subtotal'       => $details->subtotal,
			'discount'       => $details->discount,
			'shipping'       => $details->shipping,
			'tax'            => $details->tax,
			'total'          => $order->total,
			'total_refunded' => $order->total_refunded,
			'payment_method' => $details->payment_method,
			'items'          => array_map(
				static fn( OrderItem $item ): array => array(
					'id'                => $item->id,
					'product_id'        => $item->product_id,
					'name'              => $item->name,
					'quantity'          => $item->quantity,
					'total'             => $item->total,
					'refunded_quantity' => $item->refunded_quantity,
					'image'             => $details->images[ $item->id ] ?? '',
				),
				$order->items
			),
			'refunds'        => array_map(
				static fn( OrderRefund $refund ): array => array(
					'reference' => $refund->reference,
					'time'      => gmdate( 'Y-m-d\TH:i:s\Z', $refund->time ),
					'amount'    => $refund->amount,
					'reason'    => $refund->reason,
				),
				$details->refunds
			),
			'coupons'        => $details->coupons,
			'tracking'       => array_map(
				static fn( Tracking $t ): array => array(
					'carrier' => $t->carrier,
					'number'  => $t->number,
					'url'     => $t->url,
				),
				$order->tracking
			),
		);
	}
}
