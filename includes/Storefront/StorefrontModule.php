<?php
/**
 * The storefront as a whole: every built block and their category. Each block's server side is
 * registered by its domain's module.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Storefront;

use Aftercare\Infrastructure\Module;

final class StorefrontModule extends Module {

	public function services(): array {
		return array( new BlockRegistry() );
	}
}
