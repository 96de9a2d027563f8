<?php
/**
 * How a ticket reached the store.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tickets;

enum Channel: string {
	case Web   = 'web';
	case Email = 'email';
	case Phone = 'phone';
	case Admin = 'admin';

	/**
	 * @return string[]
	 */
	public static function values(): array {
		return array_map( static fn( self $c ): string => $c->value, self::cases() );
	}
}
