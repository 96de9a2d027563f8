<?php
/**
 * A service that only hooks in where it has something to do: in wp-admin, beside WooCommerce, or
 * with an order source. Asked on plugins_loaded, just before register().
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Infrastructure;

interface Conditional extends Registrable {

	/** Whether register() should run on this request. */
	public function can_register(): bool;
}
