<?php
/**
 * The queue's collection parameters, and their translation into a TicketFilter.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tickets\Rest;

use Aftercare\Infrastructure\DomainError;
use Aftercare\Tickets\Channel;
use Aftercare\Tickets\Priority;
use Aftercare\Tickets\Status;
use Aftercare\Tickets\TicketFilter;

final class TicketQuery {

	public const VIEWS = array( 'all', 'mine', 'unassigned', 'awaiting', 'open', 'solved', 'at_risk' );

	/**
	 * @return array<string, array<string, mixed>>
	 */
	public function params(): array {
		$list = static fn( array $values, string $description ): array => array(
			'description' => $description,
			'type'        => 'array',
			'items'       => array(
				'type' => 'string',
				'enum' => $values,
			),
			'maxItems'    => count( $values ),
		);
		return array(
			'context'   => array(
				'description' => __( 'Scope of the response: view (customers) or edit (agents).', 'aftercare' ),
				'type'        => 'string',
				'enum'        => array( 'view', 'edit' ),
			),
			'view'      => array(
				'description' => __( 'Agents: a built-in view of the queue.', 'aftercare' ),
				'type'        => 'string',
				'enum'        => self::VIEWS,
				'default'     => 'all',
			),
			'status'    => $list( Status::values(), __( 'Only these statuses.', 'aftercare' ) ),
			'priority'  => $list( Priority::values(), __( 'Only these priorities.', 'aftercare' ) ),
			'channel'   => $list( Channel::values(), __( 'Agents: only these channels.', 'aftercare' ) ),
			'assignee'  => array(
				'description' => __( 'Agents: an agent\'s user id, "me" or "none".', 'aftercare' ),
				'type'        => 'string',
				'pattern'     => '^(me|none|[0-9]{1,20})$',
			),
			'customer'  => array(
				'description' => __( 'Agents: tickets of this customer (user id).', 'aftercare' ),
				'type'        => 'integer',
				'minimum'     => 1,
			),
			'order_id'  => array(
				'description' => __( 'Agents: tickets about this order.', 'aftercare' ),
				'type'        => 'integer',
				'minimum'     => 1,
			),
			'tag'       => array(
				'description' => __( 'Agents: only tickets with this tag.', 'aftercare' ),
				'type'        => 'string',
				'maxLength'   => 64,
			),
			'has_order' => array(
				'description' => __( 'Only tickets with (true) or without (false) an order.', 'aftercare' ),
				'type'        => 'boolean',
			),
			'search'    => array(
				'description' => __( 'Agents: words from the subject or the messages, or a ticket number.', 'aftercare' ),
				'type'        => 'string',
				'maxLength'   => 200,
			),
			'orderby'   => array(
				'description' => __( 'Sort by due time (soonest first), last update or priority (newest / most urgent first).', 'aftercare' ),
				'type'        => 'string',
				'enum'        => array( 'due', 'updated', 'priority' ),
				'default'     => 'due',
			),
			'order'     => array(
				'description' => __( 'Sort direction; the default is the natural one of each sort.', 'aftercare' ),
				'type'        => 'string',
				'enum'        => array( 'asc', 'desc' ),
			),
			'per_page'  => array(
				'description' => __( 'Tickets per page.', 'aftercare' ),
				'type'        => 'integer',
				'minimum'     => 1,
				'maximum'     => 100,
				'default'     => 25,
			),
			'cursor'    => array(
				'description' => __( 'Where the next page starts: the X-Aftercare-Next-Cursor header of the previous page.', 'aftercare' ),
				'type'        => 'string',
				'maxLength'   => 100,
			),
		);
	}

	/**
	 * @param \WP_REST_Request $request  Validated request.
	 * @param int              $user_id  Who asks.
	 * @param bool             $agent    Whether they see the whole queue (else only their own tickets).
	 */
	public function filter( \WP_REST_Request $request, int $user_id, bool $agent ): TicketFilter {
		$cursor = null;
		if ( null !== $request['cursor'] ) {
			$cursor = TicketFilter::decode_cursor( (string) $request['cursor'] );
			if ( null === $cursor ) {
				throw DomainError::invalid(
					'invalid_cursor',
					__( 'That page link is not valid. Start again from the first page.', 'aftercare' ),
					array( 'params' => array( 'cursor' ) )
				);
			}
		}
		$orderby  = (string) $request['orderby'];
		$natural  = 'due' === $orderby ? 'asc' : 'desc';
		$assignee = $request['assignee'];
		return new TicketFilter(
			$agent ? (string) $request['view'] : 'all',
			$user_id,
			(array) $request['status'],
			(array) $request['priority'],
			// Tags and channels are the store's own labels: a customer's counts must not reveal them.
			$agent ? (array) $request['channel'] : array(),
			$agent && null !== $assignee ? match ( $assignee ) {
				'me'    => $user_id,
				'none'  => 0,
				default => (int) $assignee,
			} : null,
			$agent ? ( null !== $request['customer'] ? (int) $request['customer'] : null ) : $user_id,
			$agent && null !== $request['order_id'] ? (int) $request['order_id'] : null,
			null !== $request['has_order'] ? (bool) $request['has_order'] : null,
			$agent ? (string) $request['tag'] : '',
			// Search text includes internal notes: only agents search, so no note leaks through a match.
			$agent ? trim( (string) $request['search'] ) : '',
			$orderby,
			null !== $request['order'] && $request['order'] !== $natural,
			(int) $request['per_page'],
			$cursor
		);
	}
}
