<?php
/**
 * A progress bar that long commands advance as they work.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Cli;

interface Progress {

	/** One step done. */
	public function tick(): void;

	public function finish(): void;
}
