<?php
/**
 * The ticket resource: item schema (whose writable properties are the endpoints' arguments), the
 * arguments only a creation or a batch takes, and response shaping.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tickets\Rest;

use Aftercare\Feedback\Rating;
use Aftercare\Feedback\RatingRepository;
use Aftercare\Feedback\Rest\RatingsController;
use Aftercare\Feedback\Survey;
use Aftercare\Tickets\Channel;
use Aftercare\Tickets\MessageBody;
use Aftercare\Tickets\Priority;
use Aftercare\Tickets\PriorityRules;
use Aftercare\Tickets\Sla;
use Aftercare\Tickets\Status;
use Aftercare\Tickets\Ticket;
use Aftercare\Tickets\TicketService;

final class TicketSchema {

	/** The properties agents change (PATCH /tickets/{id} and the `changes` of POST /tickets/batch). */
	public const CHANGES = array( 'status', 'priority', 'assignee_id', 'tags' );

	/** @var array<string, string[]>|null Contexts of each property, kept for shaping many tickets. */
	private ?array $contexts = null;

	public function __construct( private Sla $sla, private RatingRepository $ratings ) {}

	/**
	 * @return array<string, mixed>
	 */
	public function item_schema(): array {
		$view  = array( 'view', 'edit' );
		$time  = array(
			'type'     => array( 'string', 'null' ),
			'format'   => 'date-time',
			'context'  => $view,
			'readonly' => true,
		);
		return array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'aftercare_ticket',
			'type'       => 'object',
			'properties' => array(
				'id'             => array(
					'description' => __( 'Internal id.', 'aftercare' ),
					'type'        => 'integer',
					'context'     => $view,
					'readonly'    => true,
				),
				'number'         => array(
					'description' => __( 'The number customers see, e.g. 1042.', 'aftercare' ),
					'type'        => 'integer',
					'context'     => $view,
					'readonly'    => true,
				),
				'subject'        => array(
					'description' => __( 'Subject line.', 'aftercare' ),
					'type'        => 'string',
					'maxLength'   => 200,
					'context'     => $view,
					// On creation (WordPress's draft-03 flag); an empty one is the service's to refuse.
					'required'    => true,
				),
				'status'         => array(
					'description' => __( 'Where the ticket stands.', 'aftercare' ),
					'type'        => 'string',
					'enum'        => Status::values(),
					'context'     => $view,
				),
				'priority'       => array(
					'description' => __( 'How urgent the ticket is.', 'aftercare' ),
					'type'        => 'string',
					'enum'        => Priority::values(),
					'context'     => $view,
				),
				'channel'        => array(
					'description' => __( 'How the ticket reached the store.', 'aftercare' ),
					'type'        => 'string',
					'enum'        => Channel::values(),
					'context'     => array( 'edit' ),
				),
				'customer'       => array(
					'description' => __( 'Who asked.', 'aftercare' ),
					'type'        => 'object',
					'context'     => $view,
					'readonly'    => true,
					'properties'  => array(
						'id'    => array( 'type' => 'integer' ),
						'name'  => array( 'type' => 'string' ),
						'email' => array( 'type' => 'string' ),
					),
					'required'    => array( 'id', 'name', 'email' ),
					'additionalProperties' => false,
				),
				'email_verified' => array(
					'description' => __( 'Whether the customer\'s email is known to be theirs: an account\'s, one a matching order was placed with, or a guest\'s who opened a link mailed there. Until then it is only what someone typed.', 'aftercare' ), // phpcs:ignore Generic.Files.LineLength.TooLong -- one translatable string.
					'type'        => 'boolean',
					'context'     => array( 'edit' ),
					'readonly'    => true,
				),
				'order_id'       => array(
					'description' => __( 'The order the ticket is about, if any.', 'aftercare' ),
					'type'        => array( 'integer', 'null' ),
					'minimum'     => 1,
					'context'     => $view,
				),
				'assignee_id'    => array(
					'description' => __( 'User id of the agent who owns the ticket (0 or null: nobody).', 'aftercare' ),
					'type'        => array( 'integer', 'null' ),
					'minimum'     => 0,
					'context'     => array( 'edit' ),
				),
				'assignee_name'  => array(
					'description' => __( 'Display name of the assignee.', 'aftercare' ),
					'type'        => array( 'string', 'null' ),
					'context'     => array( 'edit' ),
					'readonly'    => true,
				),
				'tags'           => array(
					'description' => __( 'Tags.', 'aftercare' ),
					'type'        => 'array',
					'maxItems'    => TicketService::MAX_TAGS,
					'items'       => array(
						'type'      => 'string',
						'maxLength' => 64,
					),
					'context'     => array( 'edit' ),
				),
				'cc'             => array(
					'description' => __( 'Agents: addresses copied in on the ticket (lower-cased, each once). Our mails to the customer go to them too, and their replies by mail join the ticket. Never shown to customers.', 'aftercare' ), // phpcs:ignore Generic.Files.LineLength.TooLong -- one translatable string.
					'type'        => 'array',
					'maxItems'    => TicketService::MAX_CC,
					'items'       => array(
						'type'      => 'string',
						'format'    => 'email',
						'maxLength' => 100,
					),
					'context'     => array( 'edit' ),
				),
				'awaiting'       => array(
					'description' => __( 'Who acts next: the store (agent), the customer, or nobody.', 'aftercare' ),
					'type'        => 'string',
					'enum'        => array( 'agent', 'customer', 'none' ),
					'context'     => $view,
					'readonly'    => true,
				),
				'message_count'  => array(
					'description' => __( 'Public replies and internal notes in the thread.', 'aftercare' ),
					'type'        => 'integer',
					'context'     => array( 'edit' ),
					'readonly'    => true,
				),
				'created'        => $time + array( 'description' => __( 'When the ticket was opened (UTC).', 'aftercare' ) ),
				'updated'        => $time + array( 'description' => __( 'Last change (UTC).', 'aftercare' ) ),
				'first_response' => array_merge(
					$time,
					array( 'context' => array( 'edit' ), 'description' => __( 'First public reply by the store (UTC).', 'aftercare' ) )
				),
				'solved'         => array_merge( $time, array( 'context' => array( 'edit' ), 'description' => __( 'When the ticket was solved (UTC).', 'aftercare' ) ) ),
				'sla'            => array(
					'description' => __( 'The service-level target the ticket is on.', 'aftercare' ),
					'type'        => 'object',
					'context'     => array( 'edit' ),
					'readonly'    => true,
					'properties'  => array(
						'target' => array(
							'type' => array( 'string', 'null' ),
							'enum' => array( 'first_response', 'resolution', null ),
						),
						'due'    => array(
							'type'   => array( 'string', 'null' ),
							'format' => 'date-time',
						),
						'state'  => array(
							'type' => 'string',
							'enum' => array( 'ok', 'warning', 'breached', 'paused', 'met' ),
						),
					),
					'required'    => array( 'target', 'due', 'state' ),
					'additionalProperties' => false,
				),
				'rating'         => array(
					'description' => __( 'The customer\'s answer to "How did we do?" after the ticket was solved (null: not rated).', 'aftercare' ),
					'type'        => array( 'object', 'null' ),
					'context'     => array( 'edit' ),
					'readonly'    => true,
					'properties'  => RatingsController::rating_properties(),
					'required'    => array_keys( RatingsController::rating_properties() ),
					'additionalProperties' => false,
				),
				'rules'          => array(
					'description' => __( 'The priority rules that fired on the ticket, oldest first: why, when, and what each changed (agents only).', 'aftercare' ),
					'type'        => 'array',
					'context'     => array( 'edit' ),
					'readonly'    => true,
					'items'       => array(
						'type'                 => 'object',
						'properties'           => array(
							'key'                    => array( 'type' => 'string' ),
							'when'                   => array(
								'type' => 'string',
								'enum' => PriorityRules::CONDITIONS,
							),
							'reason'                 => array( 'type' => 'string' ),
							'fired'                  => array(
								'type'   => 'string',
								'format' => 'date-time',
							),
							'from'                   => array(
								'type' => 'string',
								'enum' => Priority::values(),
							),
							'to'                     => array(
								'type' => 'string',
								'enum' => Priority::values(),
							),
							'sla_percent'            => array( 'type' => 'integer' ),
							'first_response_minutes' => array( 'type' => 'integer' ),
						),
						'required'             => array( 'key', 'when', 'reason', 'fired', 'from', 'to', 'sla_percent', 'first_response_minutes' ),
						'additionalProperties' => false,
					),
				),
				'access_token'   => array(
					'description' => __( 'Only in the answer to a guest who opened the ticket: the secret that lets them read and answer it (shown once).', 'aftercare' ),
					'type'        => 'string',
					'context'     => array( 'view' ),
					'readonly'    => true,
				),
				'access_url'     => array(
					'description' => __( 'Only in the answer to a guest who opened the ticket: the signed link to the thread.', 'aftercare' ),
					'type'        => 'string',
					'format'      => 'uri',
					'context'     => array( 'view' ),
					'readonly'    => true,
				),
				'replayed'       => array(
					'description' => __( 'Only in the answer to a creation: true when an earlier request with the same idempotency key (in the last day) made this ticket. A guest then gets only the id and number, no token: their link is in the email.', 'aftercare' ), // phpcs:ignore Generic.Files.LineLength.TooLong -- one translatable string.
					'type'        => 'boolean',
					'context'     => array( 'view' ),
					'readonly'    => true,
				),
			),
		);
	}

	/**
	 * What POST /tickets takes beside the item's writable properties (who may use which is the
	 * service's business).
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public function creation_args(): array {
		$string = static fn( int $max, string $description ): array => array(
			'description' => $description,
			'type'        => 'string',
			'maxLength'   => $max,
		);
		return array(
			'message'         => array( 'required' => true ) + $string( MessageBody::MAX_LENGTH, __( 'The first message (plain text or simple HTML).', 'aftercare' ) ),
			'name'            => $string( 190, __( 'Guests: your name.', 'aftercare' ) ),
			'email'           => $string( 100, __( 'Guests: your email address.', 'aftercare' ) ),
			'order_number'    => $string( 40, __( 'Guests: the order number, checked against the email.', 'aftercare' ) ),
			'idempotency_key' => array(
				'description' => __( 'A random key per form submission: sending it again returns the same ticket.', 'aftercare' ),
				'type'        => 'string',
				'pattern'     => '^[A-Za-z0-9_-]{8,64}$',
			),
			'customer_id'     => array(
				'description' => __( 'Agents: the customer\'s user id.', 'aftercare' ),
				'type'        => 'integer',
				'minimum'     => 1,
			),
			'customer_email'  => $string( 100, __( 'Agents: the customer\'s email, when they have no account.', 'aftercare' ) ),
			'customer_name'   => $string( 190, __( 'Agents: the customer\'s name, when they have no account.', 'aftercare' ) ),
		);
	}

	/**
	 * Arguments of POST /tickets/batch: the tickets, and the changes (as PATCH takes them) with
	 * tags to add or remove.
	 *
	 * @param array<string, array<string, mixed>> $changes Arguments of PATCH /tickets/{id}.
	 * @param int                                 $max     Most tickets in one batch.
	 * @return array<string, array<string, mixed>>
	 */
	public function batch_args( array $changes, int $max ): array {
		// Inside an object schema the arguments' callbacks mean nothing.
		$changes = array_map( static fn( array $arg ): array => array_diff_key( $arg, array_flip( array( 'validate_callback', 'sanitize_callback' ) ) ), $changes );
		$tags    = $changes['tags'];
		return array(
			'ids'     => array(
				'description' => __( 'Tickets to change.', 'aftercare' ),
				'type'        => 'array',
				'minItems'    => 1,
				'maxItems'    => $max,
				'uniqueItems' => true,
				'items'       => array(
					'type'    => 'integer',
					'minimum' => 1,
				),
			),
			'changes' => array(
				'description'          => __( 'What to change on every ticket.', 'aftercare' ),
				'type'                 => 'object',
				'properties'           => $changes + array(
					'add_tags'    => array_merge( $tags, array( 'description' => __( 'Tags to add.', 'aftercare' ) ) ),
					'remove_tags' => array_merge( $tags, array( 'description' => __( 'Tags to remove.', 'aftercare' ) ) ),
				),
				'additionalProperties' => false,
				'minProperties'        => 1,
			),
		);
	}

	/**
	 * @return array<string, mixed> Response data for one ticket, in the given context.
	 */
	public function prepare( Ticket $ticket, string $context ): array {
		return $this->prepare_many( array( $ticket ), $context )[0];
	}

	/**
	 * Many tickets, their ratings read in one query.
	 *
	 * @param Ticket[] $tickets Tickets.
	 * @return array<int, array<string, mixed>>
	 */
	public function prepare_many( array $tickets, string $context ): array {
		$ids     = array_map( static fn( Ticket $ticket ): int => $ticket->id, $tickets );
		$ratings = 'edit' === $context ? $this->ratings->find_many( Survey::Satisfaction, $ids ) : array();
		return array_map( fn( Ticket $ticket ): array => $this->shape( $ticket, $context, $ratings[ $ticket->id ] ?? null ), $tickets );
	}

	/**
	 * @return array<string, mixed>
	 */
	private function shape( Ticket $ticket, string $context, ?Rating $rating ): array {
		$assignee = $ticket->assignee_id ? get_userdata( $ticket->assignee_id ) : null;
		$data     = array(
			'id'             => $ticket->id,
			'number'         => $ticket->number,
			'subject'        => $ticket->subject,
			'status'         => $ticket->status->value,
			'priority'       => $ticket->priority->value,
			'channel'        => $ticket->channel->value,
			'customer'       => array(
				'id'    => $ticket->customer_id,
				'name'  => $ticket->customer_name,
				'email' => $ticket->customer_email,
			),
			'email_verified' => $ticket->email_verified(),
			'order_id'       => $ticket->order_id ?: null,
			'assignee_id'    => $ticket->assignee_id ?: null,
			'assignee_name'  => $assignee ? $assignee->display_name : null,
			'tags'           => $ticket->tags,
			'cc'             => $ticket->cc,
			'awaiting'       => $ticket->awaiting,
			'message_count'  => $ticket->message_count,
			'created'        => self::date( $ticket->created_at ),
			'updated'        => self::date( $ticket->updated_at ),
			'first_response' => self::date( $ticket->first_response_at ),
			'solved'         => self::date( $ticket->solved_at ),
			'sla'            => $this->sla->describe( $ticket ),
			'rating'         => $rating ? RatingsController::present( $rating ) : null,
			'rules'          => array_map( array( self::class, 'fired_rule' ), $ticket->rules ),
		);
		$this->contexts ??= array_map( static fn( array $property ): array => $property['context'], $this->item_schema()['properties'] );
		return array_filter(
			$data,
			fn( string $key ): bool => in_array( $context, $this->contexts[ $key ], true ),
			ARRAY_FILTER_USE_KEY
		);
	}

	/**
	 * A fired rule as the API shows it, its reason worded now.
	 *
	 * @param array<string, mixed> $fired As Ticket::$rules keeps it.
	 * @return array<string, mixed>
	 */
	private static function fired_rule( array $fired ): array {
		return array(
			'key'                    => (string) $fired['key'],
			'when'                   => (string) ( $fired['when'] ?? '' ),
			'reason'                 => PriorityRules::reason( $fired ),
			'fired'                  => self::date( (int) ( $fired['at'] ?? 0 ) ),
			'from'                   => (string) ( $fired['from'] ?? '' ),
			'to'                     => (string) ( $fired['to'] ?? '' ),
			'sla_percent'            => (int) ( $fired['sla_percent'] ?? 100 ),
			'first_response_minutes' => (int) ( $fired['first_response_minutes'] ?? 0 ),
		);
	}

	/** ISO 8601 in UTC, or null for 0 (never). */
	public static function date( int $timestamp ): ?string {
		return $timestamp ? gmdate( 'Y-m-d\TH:i:s\Z', $timestamp ) : null;
	}
}
