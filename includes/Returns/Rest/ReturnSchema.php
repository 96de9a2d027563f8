<?php
/**
 * The return resource: its JSON schema (source of the generated TypeScript types), the arguments
 * of a request, a status move and an action, and shaping.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Returns\Rest;

use Aftercare\Feedback\RatingRepository;
use Aftercare\Feedback\Rest\RatingsController;
use Aftercare\Feedback\Survey;
use Aftercare\Orders\OrderLookup;
use Aftercare\Returns\Policy;
use Aftercare\Returns\ReturnItem;
use Aftercare\Returns\ReturnRequest;
use Aftercare\Returns\ReturnRules;
use Aftercare\Returns\ReturnStatus;
use Aftercare\Tickets\Attachment;
use Aftercare\Tickets\MessageBody;
use Aftercare\Tickets\Rest\AttachmentSchema;
use Aftercare\Tickets\Rest\TicketSchema;

final class ReturnSchema {

	/** The statuses an agent sets directly (PATCH); the others come with an action. */
	public const MOVES = array( 'approved', 'rejected', 'awaiting_items', 'closed' );

	/** The actions that change the order too (POST returns/{id}/actions). */
	public const ACTIONS = array( 'receive', 'refund', 'credit', 'exchange' );

	public function __construct( private Policy $policy, private AttachmentSchema $files, private RatingRepository $ratings ) {}

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
				'next_statuses'         => array(
					'description' => __( 'Agents: the statuses the return may move to from its current one.', 'aftercare' ),
					'type'        => 'array',
					'items'       => array(
						'type' => 'string',
						'enum' => array_column( ReturnStatus::cases(), 'value' ),
					),
					'context'     => array( 'edit' ),
					'readonly'    => true,
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
				'effort'                => array(
					'description' => __( 'Agents: the customer\'s answer to "How easy was it to return your item?" once the return was settled (null: not answered).', 'aftercare' ), // phpcs:ignore Generic.Files.LineLength.TooLong -- one translatable string.
					'type'        => array( 'object', 'null' ),
					'context'     => array( 'edit' ),
					'readonly'    => true,
					'properties'  => RatingsController::rating_properties(),
					'required'    => array_keys( RatingsController::rating_properties() ),
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
	 * Arguments of POST /returns: the order (guests prove it, others name it), the lines and the
	 * outcome asked for.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public function creation_args(): array {
		$line = array(
			'order_item_id' => array(
				'type'     => 'integer',
				'minimum'  => 1,
				'required' => true,
			),
			'quantity'      => array(
				'type'     => 'integer',
				'minimum'  => 1,
				'maximum'  => 10000,
				'required' => true,
			),
			'reason'        => array(
				'type'     => 'string',
				'pattern'  => '^[a-z0-9_-]{1,40}$',
				'required' => true,
			),
		);
		return self::order_args() + array(
			'items'           => array(
				'description' => __( 'The lines to return, with a quantity and a reason each.', 'aftercare' ),
				'type'        => 'array',
				'required'    => true,
				'minItems'    => 1,
				'maxItems'    => 100,
				'items'       => array(
					'type'                 => 'object',
					'properties'           => $line,
					'additionalProperties' => false,
				),
			),
			'outcome'         => array(
				'description' => __( 'What the shopper would like: a refund, store credit or an exchange.', 'aftercare' ),
				'type'        => 'string',
				'enum'        => Policy::OUTCOMES,
				'required'    => true,
			),
			'comment'         => array(
				'description' => __( 'Anything the store should know.', 'aftercare' ),
				'type'        => 'string',
				'maxLength'   => ReturnRules::MAX_COMMENT,
			),
			'idempotency_key' => array(
				'description' => __( 'A key unique to this submission: sending it again returns the same return.', 'aftercare' ),
				'type'        => 'string',
				'pattern'     => '^[A-Za-z0-9_-]{8,100}$',
			),
		);
	}

	/**
	 * The arguments that name the order, as POST /returns and POST /returns/check take them.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public static function order_args(): array {
		return array(
			'order_number' => array(
				'description' => __( 'Guests: the order number.', 'aftercare' ),
				'type'        => 'string',
				'maxLength'   => OrderLookup::MAX_NUMBER_LENGTH,
			),
			'email'        => array(
				'description' => __( 'Guests: the billing email of the order.', 'aftercare' ),
				'type'        => 'string',
				'maxLength'   => 190,
			),
			'order_id'     => array(
				'description' => __( 'Signed-in customers (their own orders) and agents: the order.', 'aftercare' ),
				'type'        => 'integer',
				'minimum'     => 1,
			),
		);
	}

	/**
	 * Arguments of POST /returns/check: the order and the form so far, loose on purpose (the rules,
	 * not the argument schema, say what is wrong and where).
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public static function check_args(): array {
		return self::order_args() + array(
				'step'    => array(
					'description' => __( 'The step to check, with every step before it.', 'aftercare' ),
					'type'        => 'string',
					'enum'        => ReturnRules::STEPS,
					'required'    => true,
				),
				'items'   => array(
					'description' => __( 'The lines to return, with a quantity and a reason each.', 'aftercare' ),
					'type'        => 'array',
					'maxItems'    => 100,
					'items'       => array(
						'type'       => 'object',
						'properties' => array(
							'order_item_id' => array( 'type' => 'integer' ),
							'quantity'      => array( 'type' => 'integer' ),
							'reason'        => array(
								'type'      => 'string',
								'maxLength' => 40,
							),
						),
					),
				),
				'comment' => array(
					'description' => __( 'Anything the store should know.', 'aftercare' ),
					'type'        => 'string',
				),
				'outcome' => array(
					'description' => __( 'What the shopper would like: a refund, store credit or an exchange.', 'aftercare' ),
					'type'        => 'string',
					'maxLength'   => 40,
				),
		);
	}

	/**
	 * Arguments of PATCH /returns/{id}: a status an agent sets directly.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public function move_args(): array {
		return array(
			'status'  => array(
				'description' => __( 'Approve, reject, await the items or close.', 'aftercare' ),
				'type'        => 'string',
				'enum'        => self::MOVES,
			),
			'message' => $this->message_arg(),
		);
	}

	/**
	 * Arguments of POST /returns/{id}/actions.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public function action_args(): array {
		return array(
			'action'  => array(
				'description' => __( 'Mark the items received, refund, issue store credit or exchange.', 'aftercare' ),
				'type'        => 'string',
				'enum'        => self::ACTIONS,
			),
			'items'   => array(
				'description'          => __( 'Receive: quantity that arrived per order item id (missing lines: all).', 'aftercare' ),
				'type'                 => 'object',
				'additionalProperties' => array(
					'type'    => 'integer',
					'minimum' => 0,
				),
			),
			'restock' => array(
				'description' => __( 'Receive and refund: put the items back in stock.', 'aftercare' ),
				'type'        => 'boolean',
				'default'     => false,
			),
			'fee'     => array(
				'description' => __( 'Refund: the restocking fee to keep (default: the store policy\'s).', 'aftercare' ),
				'type'        => 'number',
				'minimum'     => 0,
			),
			'amount'  => array(
				'description' => __( 'Store credit: the amount (default: what the items were paid; at most that unless the user has manage_aftercare).', 'aftercare' ),
				'type'        => 'number',
				'minimum'     => 0,
			),
			'message' => $this->message_arg(),
		);
	}

	/**
	 * @return array<string, mixed>
	 */
	private function message_arg(): array {
		return array(
			'description' => __( 'A message to the shopper, sent with the change.', 'aftercare' ),
			'type'        => 'string',
			'maxLength'   => MessageBody::MAX_LENGTH,
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
			$effort                = $this->ratings->find( Survey::Effort, $return->id );
			$data['effort']        = $effort ? RatingsController::present( $effort ) : null;
			$data['ticket_id']     = $return->ticket_id;
			$data['next_statuses'] = array_column( $return->status->next(), 'value' );
		}
		return $data;
	}
}
