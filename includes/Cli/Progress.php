<?php
/**
 * A progress bar that long commands advance as they work.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Cli;

interface Progress {

	public function tick( int $steps = 1 ): void;

	public function finish(): void;
}
