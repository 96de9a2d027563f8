<?php
/**
 * A report's period: whole days in the site's time zone, at most a year and a day, and the
 * period before it of the same length.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Reports;

use Aftercare\Infrastructure\Clock;
use Aftercare\Infrastructure\DomainError;

final class Period {

	/** The longest period, in days. */
	public const MAX_DAYS = 366;

	/** The default period, in days up to today. */
	public const DEFAULT_DAYS = 30;

	private function __construct( public readonly string $from, public readonly string $to, public readonly int $days ) {}

	/**
	 * A period from the request's `from` and `to` ('' = the default: the last 30 days to today), or a 400.
	 */
	public static function parse( string $from, string $to, Clock $clock, int $default_days = self::DEFAULT_DAYS ): self {
		$to   = '' === $to ? Facts::day( $clock->now() ) : self::date( $to, 'to' );
		$from = '' === $from ? Rollup::shift( $to, 1 - $default_days ) : self::date( $from, 'from' );
		if ( $from > $to ) {
			$message = __( 'The start of the period must not be after its end.', 'aftercare' );
			throw DomainError::invalid( 'invalid_period', $message, array( 'params' => array( 'from', 'to' ) ) );
		}
		$days = (int) ( new \DateTimeImmutable( $from ) )->diff( new \DateTimeImmutable( $to ) )->days + 1;
		if ( $days > self::MAX_DAYS ) {
			throw DomainError::invalid(
				'period_too_long',
				/* translators: %d: the most days a report covers. */
				sprintf( __( 'A report covers at most %d days. Choose a shorter period.', 'aftercare' ), self::MAX_DAYS ),
				array( 'params' => array( 'from', 'to' ) )
			);
		}
		return new self( $from, $to, $days );
	}

	/** The period of the same length that ends the day before this one starts. */
	public function previous(): self {
		return new self( Rollup::shift( $this->from, -$this->days ), Rollup::shift( $this->from, -1 ), $this->days );
	}

	/**
	 * @return array{from: string, to: string, days: int}
	 */
	public function to_array(): array {
		return array(
			'from' => $this->from,
			'to'   => $this->to,
			'days' => $this->days,
		);
	}

	private static function date( string $value, string $param ): string {
		$date = \DateTimeImmutable::createFromFormat( '!Y-m-d', $value );
		if ( ! $date || $date->format( 'Y-m-d' ) !== $value ) {
			throw DomainError::invalid(
				'invalid_period',
				/* translators: %s: the parameter, "from" or "to". */
				sprintf( __( 'The %s date must be a calendar date written as YYYY-MM-DD.', 'aftercare' ), $param ),
				array( 'params' => array( $param ) )
			);
		}
		return $value;
	}
}
