<?php
/**
 * A service that hooks itself into WordPress. The composition root calls register() once, on
 * plugins_loaded; a second set of services (Plugin::at()) is never registered.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Infrastructure;

interface Registrable {

	/** Adds the service's actions and filters. */
	public function register(): void;
}
