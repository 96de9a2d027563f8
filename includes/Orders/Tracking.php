<?php
/**
 * A shipment's tracking number and where to follow it.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Orders;

final class Tracking {

	public function __construct(
		public readonly string $carrier,
		public readonly string $number,
		public readonly string $url,
		public readonly ?int $shipped = null
	) {}
}
