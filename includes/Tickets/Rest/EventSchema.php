<?php
/**
 * The event resource: one entry of a ticket's or a return's timeline.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tickets\Rest;

use Aftercare\Tickets\PriorityRules;

final class EventSchema {

	/**
	 * Tickets' events (`rule`: a priority rule fired), then those only returns have (ReturnService),
	 * then the customers' answers (Feedback), then order actions from a reply (OrderActions).
	 */
	public const TYPES = array(
		'created',
		'status',
		'priority',
		'assignee',
		'tags',
		'cc',
		'sla',
		'rule',
		'restocked',
		'refund',
		'credit',
		'exchange',
		'rating',
		'effort',
		'order_action',
	);

	/**
	 * @return array<string, mixed>
	 */
	public function item_schema(): array {
		return array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'aftercare_event',
			'type'       => 'object',
			'properties' => array(
				'id'      => array(
					'description' => __( 'Internal id.', 'aftercare' ),
					'type'        => 'integer',
					'readonly'    => true,
				),
				'type'    => array(
					'description' => __( 'What changed.', 'aftercare' ),
					'type'        => 'string',
					'enum'        => self::TYPES,
					'readonly'    => true,
				),
				'actor'   => array(
					'description' => __( 'Who changed it (id 0: the system or a guest).', 'aftercare' ),
					'type'        => 'object',
					'readonly'    => true,
					'properties'  => array(
						'id'   => array( 'type' => 'integer' ),
						'name' => array( 'type' => 'string' ),
					),
					'required'    => array( 'id', 'name' ),
					'additionalProperties' => false,
				),
				'data'    => array(
					'description' => __( 'The change: `from` and `to` values; for `created` the initial status, priority and channel (returns: status and outcome); for a return\'s `refund`, `credit`, `exchange` and `restocked` what was given; for `rating` (CSAT, tickets) and `effort` (CES, returns) the score `from` and `to` and the customer\'s `comment`; for `rule` the priority rule that fired (as in the ticket\'s `rules`), the priority `from` and `to` it asked for and the `reason` in words; an SLA alert\'s `sla` event has `alert` (`warning` or `breach`); changes the system made on a breach (escalation) carry `reason` (`sla_breach_first_response` or `sla_breach_resolution`).', 'aftercare' ), // phpcs:ignore Generic.Files.LineLength.TooLong -- one translatable string.
					'type'        => 'object',
					'readonly'    => true,
					'additionalProperties' => true,
				),
				'created' => array(
					'description' => __( 'When (UTC).', 'aftercare' ),
					'type'        => 'string',
					'format'      => 'date-time',
					'readonly'    => true,
				),
			),
		);
	}

	/**
	 * @param array{id: int, type: string, actor_id: int, data: array<string, mixed>, created_at: int} $event From EventLog.
	 * @return array<string, mixed>
	 */
	public function prepare( array $event ): array {
		$actor = $event['actor_id'] ? get_userdata( $event['actor_id'] ) : null;
		return array(
			'id'      => $event['id'],
			'type'    => $event['type'],
			'actor'   => array(
				'id'   => $event['actor_id'],
				'name' => $actor ? $actor->display_name : '',
			),
			// A rule's reason is stored as its condition and figures, and worded in the reader's language.
			'data'    => (object) ( 'rule' === $event['type'] ? $event['data'] + array( 'reason' => PriorityRules::reason( $event['data'] ) ) : $event['data'] ),
			'created' => TicketSchema::date( $event['created_at'] ),
		);
	}
}
