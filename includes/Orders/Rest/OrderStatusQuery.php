<?php
/**
 * The parameters of a signed-in customer's list of recent orders, and their translation into an
 * OrderLookup::customer_orders() call.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Orders\Rest;

final class OrderStatusQuery {

	/**
	 * @return array<string, array<string, mixed>>
	 */
	public function params(): array {
		return array(
			'context'  => array(
				'description' => __( 'Scope of the response; every property is in both.', 'aftercare' ),
				'type'        => 'string',
				'enum'        => array( 'view', 'edit' ),
				'default'     => 'view',
			),
			'per_page' => array(
				'description' => __( 'How many recent orders.', 'aftercare' ),
				'type'        => 'integer',
				'default'     => 5,
				'minimum'     => 1,
				'maximum'     => 20,
			),
		);
	}

	/**
	 * The arguments of OrderLookup::customer_orders(), by name.
	 *
	 * @param \WP_REST_Request $request Validated request.
	 * @param int              $user_id The signed-in customer.
	 * @return array{user_id: int, limit: int}
	 */
	public function args( \WP_REST_Request $request, int $user_id ): array {
		return array(
			'user_id' => $user_id,
			'limit'   => (int) $request['per_page'],
		);
	}
}
