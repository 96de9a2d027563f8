<?php
/**
 * What in an order can be returned, and why not: the schema and its shaping.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Returns\Rest;

use Aftercare\Orders\OrderLookup;
use Aftercare\Returns\ItemEligibility;
use Aftercare\Returns\OrderEligibility;
use Aftercare\Returns\Policy;
use Aftercare\Tickets\Rest\TicketSchema;

final class ReturnEligibilitySchema {

	public function __construct( private Policy $policy ) {}

	/**
	 * @return array<string, mixed>
	 */
	public function item_schema(): array {
		$view   = array( 'view', 'edit' );
		$object = static fn( array $properties ): array => array(
			'type'                 => 'object',
			'properties'           => $properties,
			'required'             => array_keys( $properties ),
			'additionalProperties' => false,
		);
		$int    = array( 'type' => 'integer' );
		$str    = array( 'type' => 'string' );
		return array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'aftercare_return_eligibility',
			'type'       => 'object',
			'properties' => array(
				'order'      => array(
					'description' => __( 'The order.', 'aftercare' ),
					'context'     => $view,
					'readonly'    => true,
				) + $object(
					array(
						'id'           => $int,
						'number'       => $str,
						'status'       => $str,
						'status_label' => $str,
						'currency'     => $str,
					)
				),
				'returnable' => array(
					'description' => __( 'Whether anything in the order can be returned now.', 'aftercare' ),
					'type'        => 'boolean',
					'context'     => $view,
					'readonly'    => true,
				),
				'deadline'   => array(
					'description' => __( 'When the return window closes (UTC; null until the order is completed).', 'aftercare' ),
					'type'        => array( 'string', 'null' ),
					'format'      => 'date-time',
					'context'     => $view,
					'readonly'    => true,
				),
				'items'      => array(
					'description' => __( 'Every line: bought, already returned or refunded, returnable now, and why not.', 'aftercare' ),
					'type'        => 'array',
					'context'     => $view,
					'readonly'    => true,
					'items'       => $object(
						array(
							'order_item_id' => $int,
							'product_id'    => $int,
							'name'          => $str,
							'quantity'      => $int,
							'returned'      => $int,
							'refunded'      => $int,
							'returnable'    => $int,
							'reason'        => $str,
						)
					),
				),
				'reasons'    => array(
					'description' => __( 'Reasons to choose from, and whether each needs photos.', 'aftercare' ),
					'type'        => 'array',
					'context'     => $view,
					'readonly'    => true,
					'items'       => $object(
						array(
							'key'    => $str,
							'label'  => $str,
							'photos' => array( 'type' => 'boolean' ),
						)
					),
				),
				'outcomes'   => array(
					'description' => __( 'What the shopper may ask for.', 'aftercare' ),
					'type'        => 'array',
					'context'     => $view,
					'readonly'    => true,
					'items'       => array(
						'type' => 'string',
						'enum' => Policy::OUTCOMES,
					),
				),
			),
		);
	}

	/**
	 * @return array<string, mixed>
	 */
	public function prepare( OrderEligibility $eligibility ): array {
		$order   = $eligibility->order;
		$reasons = array();
		foreach ( $this->policy->reasons() as $key => $reason ) {
			$reasons[] = array( 'key' => (string) $key ) + $reason;
		}
		return array(
			'order'      => array(
				'id'           => $order->id,
				'number'       => $order->number,
				'status'       => $order->status,
				'status_label' => $order->status_label,
				'currency'     => $order->currency,
			),
			'returnable' => $eligibility->any_returnable(),
			'deadline'   => null === $eligibility->deadline ? null : TicketSchema::date( $eligibility->deadline ),
			'items'      => array_map(
				static fn( ItemEligibility $line ): array => array(
					'order_item_id' => $line->item->id,
					'product_id'    => $line->item->product_id,
					'name'          => $line->item->name,
					'quantity'      => $line->item->quantity,
					'returned'      => $line->returned,
					'refunded'      => $line->refunded,
					'returnable'    => $line->returnable,
					'reason'        => $line->reason,
				),
				$eligibility->items
			),
			'reasons'    => $reasons,
			'outcomes'   => $this->policy->outcomes(),
		);
	}

	/**
	 * Arguments of GET /returns/eligibility: a signed-in shopper's order.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public function read_args(): array {
		return array(
			'order_id' => array(
				'description' => __( 'One of your orders (agents: any order).', 'aftercare' ),
				'type'        => 'integer',
				'minimum'     => 1,
				'required'    => true,
			),
		);
	}

	/**
	 * Arguments of POST /returns/eligibility: a guest's order lookup.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public function lookup_args(): array {
		return array(
			'order_number' => array(
				'description' => __( 'The order number.', 'aftercare' ),
				'type'        => 'string',
				'maxLength'   => OrderLookup::MAX_NUMBER_LENGTH,
				'required'    => true,
			),
			'email'        => array(
				'description' => __( 'The billing email of the order.', 'aftercare' ),
				'type'        => 'string',
				'maxLength'   => 190,
				'required'    => true,
			),
		);
	}
}
