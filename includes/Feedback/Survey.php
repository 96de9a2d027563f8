<?php
/**
 * The two questions the store asks by mail: customer satisfaction after a ticket is solved
 * (good / okay / bad, stored as 3 / 2 / 1) and customer effort once a return is settled
 * (1 very difficult … 5 very easy). Scores are stored as numbers and put in words at display.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Feedback;

enum Survey: string {
	case Satisfaction = 'csat';
	case Effort       = 'ces';

	/** A CSAT vote that counts as bad (alerts, reopening). */
	public const BAD = 1;

	/** How long after the ticket is solved (the return settled) a link records or changes an answer. */
	public const WINDOW = 7 * DAY_IN_SECONDS;

	/**
	 * What the answer is about: `ticket` or `return` (the events' and ratings' object type).
	 */
	public function object_type(): string {
		return self::Satisfaction === $this ? 'ticket' : 'return';
	}

	public static function for_object_type( string $object_type ): ?self {
		return match ( $object_type ) {
			'ticket' => self::Satisfaction,
			'return' => self::Effort,
			default  => null,
		};
	}

	/**
	 * The scores a link can carry, in the order the mail shows them (best first for CSAT, as
	 * Help Scout does; 1 → 5 for CES, the scale's own reading order).
	 *
	 * @return int[]
	 */
	public function scores(): array {
		return self::Satisfaction === $this ? array( 3, 2, 1 ) : array( 1, 2, 3, 4, 5 );
	}

	public function question(): string {
		return self::Satisfaction === $this
			? __( 'How did we do?', 'aftercare' )
			: __( 'How easy was it to return your item?', 'aftercare' );
	}

	/**
	 * A score in words, e.g. "Good" or "5 – Very easy"; '' for a score outside the scale.
	 */
	public function label( int $score ): string {
		if ( self::Satisfaction === $this ) {
			return match ( $score ) {
				3       => __( 'Good', 'aftercare' ),
				2       => __( 'Okay', 'aftercare' ),
				1       => __( 'Bad', 'aftercare' ),
				default => '',
			};
		}
		$words = match ( $score ) {
			1       => __( 'Very difficult', 'aftercare' ),
			2       => __( 'Difficult', 'aftercare' ),
			3       => __( 'Neither easy nor difficult', 'aftercare' ),
			4       => __( 'Easy', 'aftercare' ),
			5       => __( 'Very easy', 'aftercare' ),
			default => '',
		};
		/* translators: 1: score from 1 to 5, 2: its meaning, e.g. "Very easy". */
		return '' === $words ? '' : sprintf( __( '%1$d – %2$s', 'aftercare' ), $score, $words );
	}

	public function accepts( int $score ): bool {
		return in_array( $score, $this->scores(), true );
	}
}
