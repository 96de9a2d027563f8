<?php
/**
 * A clock tests move by hand.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests;

use Aftercare\Infrastructure\Clock;

final class FixedClock implements Clock {

	public function __construct( public int $time = 1_800_000_000 ) {}

	public function now(): int {
		return $this->time;
	}
}
