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

	public function label(): string {
		return match ( $this ) {
			self::Web   => __( 'Web form', 'aftercare' ),
			self::Email => __( 'Email', 'aftercare' ),
			self::Phone => __( 'Phone', 'aftercare' ),
			self::Admin => __( 'Entered by an agent', 'aftercare' ),
		};
	}

	/**
	 * @return string[]
	 */
	public static function values(): array {
		return array_map( static fn( self $c ): string => $c->value, self::cases() );
	}
}
