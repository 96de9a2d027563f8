<?php
/**
 * The order-action resources: what an agent may do to an order from a ticket (options), the
 * arguments of one action, and what it did.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\OrderActions\Rest;

use Aftercare\OrderActions\OrderActions;

final class OrderActionSchema {

	/**
	 * What one action did (POST tickets/{id}/order-actions).
	 *
	 * @return array<string, mixed>
	 */
	public function item_schema(): array {
		$field = static fn( string $description, string $type, array $more = array() ): array => array(
			'description' => $description,
			'type'        => $type,
			'readonly'    => true,
		) + $more;
		return array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'aftercare_order_action',
			'type'       => 'object',
			'properties' => array(
				'action'        => $field( __( 'What was done.', 'aftercare' ), 'string', array( 'enum' => OrderActions::ACTIONS ) ),
				'message_id'    => $field( __( 'The reply that told the customer.', 'aftercare' ), 'integer' ),
				'order_id'      => $field( __( 'Order id.', 'aftercare' ), 'integer' ),
				'order_number'  => $field( __( 'The number the customer sees.', 'aftercare' ), 'string' ),
				'amount'        => $field( __( 'Refund: the amount refunded; coupon: its amount or percentage.', 'aftercare' ), 'number' ),
				'currency'      => $field( __( 'ISO currency code.', 'aftercare' ), 'string' ),
				'manual'        => $field( __( 'Refund: true when the store pays it back by hand (the payment method cannot refund).', 'aftercare' ), 'boolean' ),
				'reference'     => $field( __( 'Refund: its id in the store.', 'aftercare' ), 'string' ),
				'items'         => $field( __( 'Refund or return: the items, in words.', 'aftercare' ), 'string' ),
				'coupon'        => $field( __( 'Coupon: its code.', 'aftercare' ), 'string' ),
				'coupon_type'   => $field( __( 'Coupon: an amount or a percentage off.', 'aftercare' ), 'string', array( 'enum' => OrderActions::COUPON_TYPES ) ),
				'mail'          => $field( __( 'Resend: which email.', 'aftercare' ), 'string', array( 'enum' => OrderActions::MAILS ) ),
				'return_id'     => $field( __( 'Return: its id.', 'aftercare' ), 'integer' ),
				'return_number' => $field( __( 'Return: its number.', 'aftercare' ), 'string' ),
			),
			'required'   => array( 'action', 'message_id', 'order_id', 'order_number' ),
		);
	}

	/**
	 * What an agent may do to an order from a ticket (GET tickets/{id}/order-actions/{order_id}).
	 *
	 * @return array<string, mixed>
	 */
	public function options_schema(): array {
		$field  = static fn( string $description, string|array $type ): array => array(
			'description' => $description,
			'type'        => $type,
			'readonly'    => true,
		);
		$limit  = static fn( string $description ): array => $field( $description, array( 'number', 'null' ) );
		$line   = array(
			'order_item_id'       => array( 'type' => 'integer' ),
			'name'                => array( 'type' => 'string' ),
			'quantity'            => array( 'type' => 'integer' ),
			'unit_price'          => array( 'type' => 'number' ),
			'refundable_quantity' => array( 'type' => 'integer' ),
			'refundable_amount'   => array( 'type' => 'number' ),
		);
		$limits = array(
			'refund'         => $limit( __( 'The most this user may refund at once (null: no limit).', 'aftercare' ) ),
			'coupon_amount'  => $limit( __( 'The largest coupon amount this user may give (null: no limit).', 'aftercare' ) ),
			'coupon_percent' => $limit( __( 'The largest percentage coupon this user may give (null: no limit).', 'aftercare' ) ),
		);
		return array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'aftercare_order_action_options',
			'type'       => 'object',
			'properties' => array(
				'order_id'          => $field( __( 'Order id.', 'aftercare' ), 'integer' ),
				'order_number'      => $field( __( 'The number the customer sees.', 'aftercare' ), 'string' ),
				'currency'          => $field( __( 'ISO currency code.', 'aftercare' ), 'string' ),
				'refundable'        => $field( __( 'Money left to refund on the order.', 'aftercare' ), 'number' ),
				'automatic_refunds' => $field( __( 'Whether refunds go back through the payment gateway (else the store pays by hand).', 'aftercare' ), 'boolean' ),
				'has_tracking'      => $field( __( 'Whether the order has tracking numbers to send.', 'aftercare' ), 'boolean' ),
				'lines'             => array(
					'description' => __( 'The order\'s lines with what is left to refund of each (tax included).', 'aftercare' ),
					'type'        => 'array',
					'readonly'    => true,
					'items'       => array(
						'type'                 => 'object',
						'properties'           => $line,
						'required'             => array_keys( $line ),
						'additionalProperties' => false,
					),
				),
				'limits'            => array(
					'description'          => __( 'This user\'s limits.', 'aftercare' ),
					'type'                 => 'object',
					'readonly'             => true,
					'properties'           => $limits,
					'required'             => array_keys( $limits ),
					'additionalProperties' => false,
				),
			),
			'required'   => array( 'order_id', 'order_number', 'currency', 'refundable', 'automatic_refunds', 'has_tracking', 'lines', 'limits' ),
		);
	}

	/**
	 * Arguments of POST tickets/{id}/order-actions.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public function action_args(): array {
		$line = static fn( array $properties, array $required ): array => array(
			'type'                 => 'object',
			'properties'           => $properties,
			'required'             => $required,
			'additionalProperties' => false,
		);
		return array(
			'order_id'    => array(
				'description' => __( 'One of the ticket customer\'s orders.', 'aftercare' ),
				'type'        => 'integer',
				'minimum'     => 1,
			),
			'action'      => array(
				'description' => __( 'refund, coupon, resend (an email) or return (start one).', 'aftercare' ),
				'type'        => 'string',
				'enum'        => OrderActions::ACTIONS,
			),
			'message'     => array(
				'description' => __( 'The reply to the customer (HTML); a paragraph saying what was done follows it.', 'aftercare' ),
				'type'        => 'string',
				'maxLength'   => 20000,
				'default'     => '',
			),
			'lines'       => array(
				'description' => __( 'Refund: the lines, each with a quantity and optionally an amount (tax included) instead of the units\' price.', 'aftercare' ),
				'type'        => 'array',
				'maxItems'    => 200,
				'items'       => $line(
					array(
						'order_item_id' => array(
							'type'    => 'integer',
							'minimum' => 1,
						),
						'quantity'      => array(
							'type'    => 'integer',
							'minimum' => 0,
						),
						'amount'        => array(
							'type'    => 'number',
							'minimum' => 0,
						),
					),
					array( 'order_item_id', 'quantity' )
				),
			),
			'restock'     => array(
				'description' => __( 'Refund: put the refunded units back in stock.', 'aftercare' ),
				'type'        => 'boolean',
				'default'     => false,
			),
			'reason'      => array(
				'description' => __( 'Refund: why, for the store\'s records (not sent to the customer).', 'aftercare' ),
				'type'        => 'string',
				'maxLength'   => 200,
				'default'     => '',
			),
			'coupon_type' => array(
				'description' => __( 'Coupon: an amount (fixed_cart) or a percentage (percent) off.', 'aftercare' ),
				'type'        => 'string',
				'enum'        => OrderActions::COUPON_TYPES,
				'default'     => 'fixed_cart',
			),
			'amount'      => array(
				'description' => __( 'Coupon: the amount or percentage off.', 'aftercare' ),
				'type'        => 'number',
				'minimum'     => 0,
			),
			'mail'        => array(
				'description' => __( 'Resend: the order\'s status email or its tracking email.', 'aftercare' ),
				'type'        => 'string',
				'enum'        => OrderActions::MAILS,
			),
			'items'       => array(
				'description' => __( 'Return: the lines, each with a quantity and a reason key.', 'aftercare' ),
				'type'        => 'array',
				'maxItems'    => 200,
				'items'       => $line(
					array(
						'order_item_id' => array(
							'type'    => 'integer',
							'minimum' => 1,
						),
						'quantity'      => array(
							'type'    => 'integer',
							'minimum' => 1,
						),
						'reason'        => array(
							'type'      => 'string',
							'maxLength' => 60,
						),
					),
					array( 'order_item_id', 'quantity', 'reason' )
				),
			),
			'outcome'     => array(
				'description' => __( 'Return: refund, store_credit or exchange.', 'aftercare' ),
				'type'        => 'string',
				'enum'        => \Aftercare\Returns\Policy::OUTCOMES,
			),
		);
	}
}
