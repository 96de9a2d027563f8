<?php
/**
 * The real clock.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Infrastructure;

final class SystemClock implements Clock {

	public function now(): int {
		return time();
	}
}
