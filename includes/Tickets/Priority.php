<?php
/**
 * How urgent a ticket is; each priority has its own SLA targets.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tickets;

enum Priority: string {
	case Low    = 'low';
	case Normal = 'normal';
	case High   = 'high';
	case Urgent = 'urgent';

	public function label(): string {
		return match ( $this ) {
			self::Low    => __( 'Low', 'aftercare' ),
			self::Normal => __( 'Normal', 'aftercare' ),
			self::High   => __( 'High', 'aftercare' ),
			self::Urgent => __( 'Urgent', 'aftercare' ),
		};
	}

	/** Sort weight: urgent first. */
	public function rank(): int {
		return match ( $this ) {
			self::Low    => 1,
			self::Normal => 2,
			self::High   => 3,
			self::Urgent => 4,
		};
	}

	/**
	 * @return string[]
	 */
	public static function values(): array {
		return array_map( static fn( self $p ): string => $p->value, self::cases() );
	}
}
