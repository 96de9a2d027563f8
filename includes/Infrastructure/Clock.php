<?php
/**
 * The time, injectable so tests can move it.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Infrastructure;

interface Clock {

	/**
	 * Current Unix time in seconds.
	 */
	public function now(): int;
}
