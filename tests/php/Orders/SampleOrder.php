<?php
/**
 * The order most tests need: completed two days ago, 2 × Linen shirt and 1 × Canvas tote (54.00).
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Orders;

final class SampleOrder {

	/**
	 * An OrderFactory spec for it.
	 *
	 * @param array<string, mixed> $spec Overrides (the buyer's email, name, customer_id, …).
	 * @return array<string, mixed>
	 */
	public static function spec( array $spec = array() ): array {
		return $spec + array(
			'status'    => 'completed',
			'total'     => 54.0,
			'created'   => time() - 5 * DAY_IN_SECONDS,
			'paid'      => time() - 5 * DAY_IN_SECONDS,
			'completed' => time() - 2 * DAY_IN_SECONDS,
			'items'     => array(
				array(
					'name'     => 'Linen shirt',
					'quantity' => 2,
					'total'    => 40.0,
				),
				array(
					'name'     => 'Canvas tote',
					'quantity' => 1,
					'total'    => 14.0,
				),
			),
		);
	}
}
