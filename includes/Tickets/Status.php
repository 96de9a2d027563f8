<?php
/**
 * Where a ticket stands. `pending` means waiting on the customer: the SLA clock pauses.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tickets;

enum Status: string {
	case New     = 'new';
	case Open    = 'open';
	case Pending = 'pending';
	case OnHold  = 'on_hold';
	case Solved  = 'solved';
	case Closed  = 'closed';

	public function label(): string {
		return match ( $this ) {
			self::New     => __( 'New', 'aftercare' ),
			self::Open    => __( 'Open', 'aftercare' ),
			self::Pending => __( 'Awaiting customer', 'aftercare' ),
			self::OnHold  => __( 'On hold', 'aftercare' ),
			self::Solved  => __( 'Solved', 'aftercare' ),
			self::Closed  => __( 'Closed', 'aftercare' ),
		};
	}

	/** Solved and closed tickets need nothing more from the store. */
	public function is_done(): bool {
		return self::Solved === $this || self::Closed === $this;
	}

	/**
	 * @return string[]
	 */
	public static function values(): array {
		return array_map( static fn( self $s ): string => $s->value, self::cases() );
	}
}
