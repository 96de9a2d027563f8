<?php
/**
 * The returns queue's collection parameters, and their translation into a ReturnRepository query.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Returns\Rest;

use Aftercare\Returns\Policy;
use Aftercare\Returns\ReturnStatus;

final class ReturnQuery {

	/**
	 * @return array<string, array<string, mixed>>
	 */
	public function params(): array {
		return array(
			'context'        => array(
				'description' => __( 'Scope of the response: view (customers) or edit (agents).', 'aftercare' ),
				'type'        => 'string',
				'enum'        => array( 'view', 'edit' ),
				'default'     => 'view',
			),
			'status'         => array(
				'description' => __( 'Only returns in these statuses.', 'aftercare' ),
				'type'        => 'array',
				'items'       => array(
					'type' => 'string',
					'enum' => array_column( ReturnStatus::cases(), 'value' ),
				),
			),
			'reason'         => array(
				'description' => __( 'Only returns with a line for this reason.', 'aftercare' ),
				'type'        => 'string',
				'pattern'     => '^[a-z0-9_-]{1,40}$',
			),
			'outcome'        => array(
				'description' => __( 'Only returns asking for this outcome.', 'aftercare' ),
				'type'        => 'string',
				'enum'        => Policy::OUTCOMES,
			),
			'order_id'       => array(
				'description' => __( 'Only returns from this order.', 'aftercare' ),
				'type'        => 'integer',
				'minimum'     => 1,
			),
			'number'         => array(
				'description' => __( 'A return number, e.g. R-1001.', 'aftercare' ),
				'type'        => 'string',
				'pattern'     => '^(R-)?[0-9]{1,18}$',
			),
			'after'          => array(
				'description' => __( 'Requested at or after this time.', 'aftercare' ),
				'type'        => 'string',
				'format'      => 'date-time',
			),
			'before'         => array(
				'description' => __( 'Requested before this time.', 'aftercare' ),
				'type'        => 'string',
				'format'      => 'date-time',
			),
			'customer_email' => array(
				'description' => __( 'Agents: only the returns of this customer email (their return history).', 'aftercare' ),
				'type'        => 'string',
				'format'      => 'email',
			),
			'orderby'        => array(
				'description' => __( 'Sort by the last change or by when the return was requested.', 'aftercare' ),
				'type'        => 'string',
				'enum'        => array( 'updated', 'created' ),
				'default'     => 'updated',
			),
			'order'          => array(
				'description' => __( 'Sort direction.', 'aftercare' ),
				'type'        => 'string',
				'enum'        => array( 'desc', 'asc' ),
				'default'     => 'desc',
			),
			'page'           => array(
				'description' => __( 'Page of results.', 'aftercare' ),
				'type'        => 'integer',
				'minimum'     => 1,
				'default'     => 1,
			),
			'per_page'       => array(
				'description' => __( 'Returns per page.', 'aftercare' ),
				'type'        => 'integer',
				'minimum'     => 1,
				'maximum'     => 100,
				'default'     => 20,
			),
		);
	}

	/**
	 * The arguments of ReturnRepository::query(), by name.
	 *
	 * @param \WP_REST_Request $request Validated request.
	 * @param int              $user_id Who asks.
	 * @param bool             $agent   Whether they see every return (else only their own).
	 * @return array{filter: array<string, mixed>, page: int, per_page: int, orderby: string, order: string}
	 */
	public function args( \WP_REST_Request $request, int $user_id, bool $agent ): array {
		$filter = array_filter(
			array(
				'status'         => $request['status'],
				'reason'         => $request['reason'],
				'outcome'        => $request['outcome'],
				'order_id'       => $request['order_id'],
				'after'          => $request['after'] ? (int) rest_parse_date( (string) $request['after'] ) : null,
				'before'         => $request['before'] ? (int) rest_parse_date( (string) $request['before'] ) : null,
				'number'         => $request['number'] ? (int) preg_replace( '/\D/', '', (string) $request['number'] ) : null,
				// Emails are stored lower-case; a customer's own list is theirs whatever they send.
				'customer_email' => $agent && $request['customer_email'] ? strtolower( (string) $request['customer_email'] ) : null,
			),
			static fn( $value ) => null !== $value && '' !== $value && array() !== $value
		);
		if ( ! $agent ) {
			// A customer's returns are those of their account's orders (the ones they may open).
			$filter = array( 'customer_id' => $user_id ) + $filter;
		}
		return array(
			'filter'   => $filter,
			'page'     => (int) $request['page'],
			'per_page' => (int) $request['per_page'],
			'orderby'  => (string) $request['orderby'],
			'order'    => (string) $request['order'],
		);
	}
}
