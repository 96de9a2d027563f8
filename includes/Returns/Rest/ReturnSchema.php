<?php
/**
 * The return resource: its JSON schema (source of the generated TypeScript types) and shaping.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Returns\Rest;

use Aftercare\Returns\Policy;
use Aftercare\Returns\ReturnItem;
use Aftercare\Returns\ReturnRequest;
use Aftercare\Returns\ReturnStatus;
use Aftercare\Tickets\Attachment;
use Aftercare\Tickets\Rest\AttachmentSchema;
use Aftercare\Tickets\Rest\TicketSchema;

final class ReturnSchema {

	public function __construct( private Policy $policy, private AttachmentSchema $files ) {}

	/**
	 * @return array<string, mixed>
	 */
	public function item_schema(): array {
		$view  = array( 'view', 'edit' );
		$int   = array( 'type' => 'integer' );
		$str   = array( 'type' => 'string' );
		$date  = array(
			'type'   => array( 'string', 'null' ),
			'format' => 'date-time',
		);
		$props = static fn( array $properties ): array => array(
			'type'                 => 'object',
			'properties'           => $properties,
			'required'             => array_keys( $properties ),
			'additionalProperties' => false,
		);
		return array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'aftercare_return',
			'type'       => 'object',
			'properties' => array(
				'id'                    => array(
					'description' => __( 'Internal id.', 'aftercare' ),
					'context'     => $view,
					'readonly'    => true,
				) + $int,
				'number'                => array(
					'description' => __( 'The number shoppers and agents quote, e.g. R-1001.', 'aftercare' ),
					'context'     => $view,
					'readonly'    => true,
				) + $str,
				'status'                => array(
					'description' => __( 'Where the return stands.', 'aftercare' ),
					'type'        => 'string',
					'enum'        => array_column( ReturnStatus::cases(), 'value' ),
					'context'     => $view,
				),
				'status_label'          => array(
					'description' => __( 'The status in words.', 'aftercare' ),
					'context'     => $view,
					'readonly'    => true,
				) + $str,
				'order'                 => array(
					'description' => __( 'The order the items come from.', 'aftercare' ),
					'context'     => $view,
					'readonly'    => true,
				) + $props(
					array(
						'id'     => $int,
						'number' => $str,
					)
				),
				'customer'              => array(
					'description' => __( 'Who asked (user id 0: a guest).', 'aftercare' ),
					'context'     => $view,
					'readonly'    => true,
				) + $props(
					array(
						'id'    => $int,
						'name'  => $str,
						'email' => $str,
					)
				),
				'outcome'               => array(
					'description' => __( 'What the shopper asked for.', 'aftercare' ),
					'type'        => 'string',
					'enum'        => Policy::OUTCOMES,
					'context'     => $view,
					'readonly'    => true,
				),
				'resolution'            => array(
					'description' => __( 'What the store gave (empty until settled).', 'aftercare' ),
					'type'        => 'string',
					'enum'        => array_merge( array( '' ), Policy::OUTCOMES ),
					'context'     => $view,
					'readonly'    => true,
				),
				'refund'                => array(
					'description' => __( 'Amount refunded (or given as store credit), restocking fee kept and the refund\'s reference.', 'aftercare' ),
					'context'     => $view,
					'readonly'    => true,
				) + $props(
					array(
						'amount'    => array( 'type' => 'number' ),
						'fee'       => array( 'type' => 'number' ),
						'reference' => $str,
					)
				),
				'coupon_code'           => array(
					'description' => __( 'The store-credit coupon, once issued.', 'aftercare' ),
					'context'     => $view,
					'readonly'    => true,
				) + $str,
				'exchange_order_id'     => array(
					'description' => __( 'The replacement order, once created (0: none).', 'aftercare' ),
					'context'     => $view,
					'readonly'    => true,
				) + $int,
				'items'                 => array(
					'description' => __( 'The lines being returned.', 'aftercare' ),
					'type'        => 'array',
					'context'     => $view,
					'readonly'    => true,
					'items'       => $props(
						array(
							'id'                 => $int,
							'order_item_id'      => $int,
							'product_id'         => $int,
							'name'               => $str,
							'quantity'           => $int,
							'reason'             => $str,
							'reason_label'       => $str,
							'received_quantity'  => $int,
							'restocked_quantity' => $int,
							'refunded_quantity'  => $int,
						)
					),
				),
				'photos'                => array(
					'description' => __( 'Photos sent with the request.', 'aftercare' ),
					'type'        => 'array',
					'context'     => $view,
					'readonly'    => true,
					'items'       => $props(
						array(
							'id'   => $int,
							'name' => $str,
							'mime' => $str,
							'size' => $int,
							'url'  => $str,
						)
					),
				),
				'shipping_instructions' => array(
					'description' => __( 'How to send the items back (once approved).', 'aftercare' ),
					'context'     => $view,
					'readonly'    => true,
				) + $str,
				'quote'                 => array(
					'description' => __( 'Agents, one return at a time, while it can be refunded or credited: what the items were paid, the store policy\'s restocking fee on that, the most store credit the user may give (null: no ceiling, for `manage_aftercare`) and the order\'s currency (null otherwise).', 'aftercare' ), // phpcs:ignore Generic.Files.LineLength.TooLong -- one translatable string.
					'type'        => array( 'object', 'null' ),
					'context'     => array( 'edit' ),
					'readonly'    => true,
					'properties'  => array(
						'value'      => array( 'type' => 'number' ),
						'fee'        => array( 'type' => 'number' ),
						'max_credit' => array( 'type' => array( 'number', 'null' ) ),
						'currency'   => $str,
					),
					'required'    => array( 'value', 'fee', 'max_credit', 'currency' ),
					'additionalProperties' => false,
				),
				'ticket_id'             => array(
					'description' => __( 'The ticket holding the conversation (agents).', 'aftercare' ),
					'context'     => array( 'edit' ),
					'readonly'    => true,
				) + $int,
				'created'               => array(
					'description' => __( 'When it was requested (UTC).', 'aftercare' ),
					'context'     => $view,
					'readonly'    => true,
				) + $date,
				'updated'               => array(
					'description' => __( 'Last change (UTC).', 'aftercare' ),
					'context'     => $view,
					'readonly'    => true,
				) + $date,
				'received'              => array(
					'description' => __( 'When the items arrived (UTC).', 'aftercare' ),
					'context'     => $view,
					'readonly'    => true,
				) + $date,
				'closed'                => array(
					'description' => __( 'When it was closed (UTC).', 'aftercare' ),
					'context'     => $view,
					'readonly'    => true,
				) + $date,
				'access_token'          => array(
					'description' => __( 'Guests, on creation only: the token that opens this return.', 'aftercare' ),
					'context'     => $view,
					'readonly'    => true,
				) + $str,
				'access_url'            => array(
					'description' => __( 'Guests, on creation only: the link to the return\'s status page.', 'aftercare' ),
					'context'     => $view,
					'readonly'    => true,
				) + $str,
				'replayed'              => array(
					'description' => __( 'On creation only: true when an earlier request with the same idempotency key (in the last day) made this return. A guest then gets only the id and number, no token: their link is in the email.', 'aftercare' ), // phpcs:ignore Generic.Files.LineLength.TooLong -- one translatable string.
					'type'        => 'boolean',
					'context'     => $view,
					'readonly'    => true,
				),
			),
		);
	}

	/**
	 * @param Attachment[] $photos  Photos of the request.
	 * @param string       $context `edit` for agents.
	 * @return array<string, mixed>
	 */
	public function prepare( ReturnRequest $return, array $photos, string $context ): array {
		$shipping = in_array( $return->status, array( ReturnStatus::Approved, ReturnStatus::AwaitingItems ), true ) ? $this->policy->shipping_instructions() : '';
		$data     = array(
			'id'                    => $return->id,
			'number'                => $return->public_number(),
			'status'                => $return->status->value,
			'status_label'          => $return->status->label(),
			'order'                 => array(
				'id'     => $return->order_id,
				'number' => $return->order_number,
			),
			'customer'              => array(
				'id'    => $return->customer_id,
				'name'  => $return->customer_name,
				'email' => $return->customer_email,
			),
			'outcome'               => $return->outcome,
			'resolution'            => $return->resolution,
			'refund'                => array(
				'amount'    => round( $return->refund_amount, 2 ),
				'fee'       => round( $return->restocking_fee, 2 ),
				'reference' => $return->refund_reference,
			),
			'coupon_code'           => $return->coupon_code,
			'exchange_order_id'     => $return->exchange_order_id,
			'items'                 => array_map(
				static fn( ReturnItem $item ): array => array(
					'id'                 => $item->id,
					'order_item_id'      => $item->order_item_id,
					'product_id'         => $item->product_id,
					'name'               => $item->name,
					'quantity'           => $item->quantity,
					'reason'             => $item->reason,
					'reason_label'       => $item->reason_label,
					'received_quantity'  => $item->received_quantity,
					'restocked_quantity' => $item->restocked_quantity,
					'refunded_quantity'  => $item->refunded_quantity,
				),
				$return->items
			),
			'photos'                => array_map( fn( Attachment $file ): array => $this->files->prepare( $file ), $photos ),
			'shipping_instructions' => $shipping,
			'created'               => TicketSchema::date( $return->created_at ),
			'updated'               => TicketSchema::date( $return->updated_at ),
			'received'              => TicketSchema::date( $return->received_at ),
			'closed'                => TicketSchema::date( $return->closed_at ),
		);
		if ( 'edit' === $context ) {
			$data['ticket_id'] = $return->ticket_id;
		}
		return $data;
	}
}
