<?php
/**
 * The order-status resource: what a shopper is shown of one order.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Orders\Rest;

use Aftercare\Orders\OrderLookup;

final class OrderStatusSchema {

	/**
	 * @return array<string, mixed>
	 */
	public function item_schema(): array {
		// Every property is always present (hence `edit` too, which makes it required in the
		// generated TypeScript) but `total`, which only a signed-in customer gets.
		$string = static fn( string $description, array $extra = array() ) => $extra + array(
			'description' => $description,
			'type'        => 'string',
			'context'     => array( 'view', 'edit' ),
			'readonly'    => true,
		);
		return array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'aftercare_order_status',
			'type'       => 'object',
			'properties' => array(
				'number'       => $string( __( 'The order number the shopper sees.', 'aftercare' ) ),
				'title'        => $string( __( 'The order named for people, e.g. "Order #1001".', 'aftercare' ) ),
				'status'       => $string( __( 'Status slug, e.g. processing (custom statuses included).', 'aftercare' ) ),
				'status_label' => $string( __( 'Status in words.', 'aftercare' ) ),
				'status_text'  => $string( __( 'A sentence explaining the status.', 'aftercare' ) ),
				'created'      => $string( __( 'When the order was placed (ISO 8601, UTC).', 'aftercare' ), array( 'format' => 'date-time' ) ),
				'date'         => $string( __( 'When the order was placed, in the store\'s date format.', 'aftercare' ) ),
				'placed'       => $string( __( 'When the order was placed, as a sentence.', 'aftercare' ) ),
				'items'        => array(
					'description' => __( 'Line items: names and quantities only.', 'aftercare' ),
					'type'        => 'array',
					'context'     => array( 'view', 'edit' ),
					'readonly'    => true,
					'items'       => array(
						'type'                 => 'object',
						'additionalProperties' => false,
						'required'             => array( 'name', 'quantity' ),
						'properties'           => array(
							'name'     => array( 'type' => 'string' ),
							'quantity' => array( 'type' => 'integer' ),
						),
					),
				),
				'tracking'     => array(
					'description' => __( 'Shipments: carrier, tracking number and a link to the carrier\'s tracking page (empty when unknown).', 'aftercare' ),
					'type'        => 'array',
					'context'     => array( 'view', 'edit' ),
					'readonly'    => true,
					'items'       => array(
						'type'                 => 'object',
						'additionalProperties' => false,
						'required'             => array( 'carrier', 'number', 'url' ),
						'properties'           => array(
							'carrier' => array( 'type' => 'string' ),
							'number'  => array( 'type' => 'string' ),
							'url'     => array( 'type' => 'string' ),
						),
					),
				),
				'timeline'     => array(
					'description' => __( 'What happened to the order, oldest first, as this shopper may see it (the order-timeline resource\'s events).', 'aftercare' ),
					'type'        => 'array',
					'context'     => array( 'view', 'edit' ),
					'readonly'    => true,
					'items'       => array_diff_key( ( new OrderTimelineSchema() )->item_schema(), array_flip( array( '$schema', 'title' ) ) ),
				),
				'timeline_url' => $string( __( 'The order-timeline resource of this order, page by page (a guest\'s link is signed for a day).', 'aftercare' ) ),
				'return_url'   => $string( __( 'Link to the return portal for this order (empty when the store has none).', 'aftercare' ) ),
				'help_url'     => $string( __( 'Link to the contact page with this order filled in (empty when the store has none).', 'aftercare' ) ),
				'total'        => $string(
					__( 'Order total, formatted; only for the signed-in customer who placed the order.', 'aftercare' ),
					array( 'context' => array( 'view' ) )
				),
			),
		);
	}

	/**
	 * Arguments of a guest lookup.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public function lookup_args(): array {
		return array(
			'number'   => array(
				'description' => __( 'Order number.', 'aftercare' ),
				'type'        => 'string',
				'required'    => true,
				'maxLength'   => OrderLookup::MAX_NUMBER_LENGTH + 10,
			),
			'email'    => array(
				'description' => __( 'Billing email used at checkout.', 'aftercare' ),
				'type'        => 'string',
				'default'     => '',
				'maxLength'   => 190,
			),
			'postcode' => array(
				'description' => __( 'Billing postcode, when the store allows it instead of the email.', 'aftercare' ),
				'type'        => 'string',
				'default'     => '',
				'maxLength'   => 20,
			),
		);
	}
}
