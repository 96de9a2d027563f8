<?php
/**
 * The store's business hours: which hours of each weekday count towards SLA targets, and the
 * holidays that count not at all, in the store's time zone; and the arithmetic on them (an
 * instant plus N business seconds, the business seconds between two instants).
 *
 * Business seconds are real elapsed seconds inside opening hours: a day whose hours span a
 * daylight-saving change is an hour shorter or longer. The walk goes a day at a time and skips
 * whole weeks that hold no holiday and no clock change, so a year-long target takes about 65
 * steps, and each holiday or clock change on the way up to seven more. A week without any opening
 * hours (settings written around the validation) counts as around the clock, so no walk can run
 * forever.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tickets;

use Aftercare\Settings\Settings;

final class BusinessHours {

	/** Most holidays a store can list. */
	public const MAX_HOLIDAYS = 100;

	private const TIME_PATTERN = '^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$';

	/** Seconds open in a week without holidays or clock changes; 0: around the clock. */
	private int $weekly = 0;

	/** @var int[] Holidays as local day numbers (days since 1970-01-01), ascending. */
	private array $closed_days;

	/** Local midnight of 1970-01-01, the base every local date and time is built from. */
	private \DateTimeImmutable $epoch;

	/**
	 * @param array<int, array{0: int, 1: int}|null> $week     Per weekday (0 Monday … 6 Sunday) the opening hours as
	 *                                                         [start, end) in minutes after local midnight; null: closed.
	 * @param string[]                               $holidays Days closed all day, YYYY-MM-DD.
	 * @param \DateTimeZone                          $zone     The store's time zone.
	 */
	public function __construct( private array $week, array $holidays, private \DateTimeZone $zone ) {
		foreach ( $week as $hours ) {
			$this->weekly += $hours ? 60 * max( 0, $hours[1] - $hours[0] ) : 0;
		}
		$days = array();
		foreach ( $holidays as $date ) {
			if ( self::is_date( (string) $date ) ) {
				$days[] = intdiv( (int) gmmktime( 0, 0, 0, (int) substr( $date, 5, 2 ), (int) substr( $date, 8, 2 ), (int) substr( $date, 0, 4 ) ), DAY_IN_SECONDS );
			}
		}
		sort( $days );
		$this->closed_days = $days;
		$this->epoch       = ( new \DateTimeImmutable( '@0' ) )->setTimezone( $zone );
	}

	/**
	 * The hours the settings describe, in the site's time zone as it is now; around the clock
	 * when `sla_business_hours` is off.
	 *
	 * @param array<string, mixed> $values Every setting.
	 */
	public static function from_settings( array $values ): self {
		if ( empty( $values['sla_business_hours'] ) ) {
			return new self( array(), array(), new \DateTimeZone( 'UTC' ) );
		}
		$week = array();
		foreach ( array_slice( array_values( (array) $values['business_hours'] ), 0, 7 ) as $day ) {
			$week[] = is_array( $day ) && ! empty( $day['open'] ) ? self::minutes( $day['start'] ?? '', $day['end'] ?? '' ) : null;
		}
		return new self( $week, (array) $values['holidays'], wp_timezone() );
	}

	/**
	 * The instant $seconds business seconds after $from.
	 */
	public function add( int $from, int $seconds ): int {
		if ( $seconds <= 0 || 0 === $this->weekly ) {
			return $from + max( 0, $seconds );
		}
		$left  = $seconds;
		$day   = $this->day_of( $from );
		$whole = false;
		// Ends: every week without a holiday opens for $this->weekly > 0 seconds, and holidays are few.
		while ( true ) {
			$weeks = $whole ? $this->plain_weeks( $day, intdiv( $left - 1, $this->weekly ) ) : 0;
			if ( $weeks > 0 ) {
				$left -= $weeks * $this->weekly;
				$day  += 7 * $weeks;
				continue;
			}
			$open = $this->open_on( $day );
			if ( $open && $open[1] > $from ) {
				$begin = max( $open[0], $from );
				if ( $left <= $open[1] - $begin ) {
					return $begin + $left;
				}
				$left -= $open[1] - $begin;
			}
			++$day;
			$whole = true;
		}
	}

	/**
	 * Business seconds from $from to $to (0 when $to is not later).
	 */
	public function between( int $from, int $to ): int {
		if ( $to <= $from ) {
			return 0;
		}
		if ( 0 === $this->weekly ) {
			return $to - $from;
		}
		$total = 0;
		$day   = $this->day_of( $from );
		$last  = $this->day_of( $to );
		$whole = false;
		while ( $day <= $last ) {
			$weeks = $whole ? $this->plain_weeks( $day, intdiv( $last - $day, 7 ) ) : 0;
			if ( $weeks > 0 ) {
				$total += $weeks * $this->weekly;
				$day   += 7 * $weeks;
				continue;
			}
			$open = $this->open_on( $day );
			if ( $open ) {
				$total += max( 0, min( $open[1], $to ) - max( $open[0], $from ) );
			}
			++$day;
			$whole = true;
		}
		return $total;
	}

	/**
	 * How many of the (at most $want) weeks from the start of local $day hold no holiday and no
	 * clock change, so that each is open exactly $this->weekly seconds.
	 */
	private function plain_weeks( int $day, int $want ): int {
		$weeks = $want;
		foreach ( $this->closed_days as $holiday ) {
			if ( $holiday >= $day ) {
				$weeks = min( $weeks, intdiv( $holiday - $day, 7 ) );
				break;
			}
		}
		if ( $weeks <= 0 ) {
			return 0;
		}
		$start   = $this->instant( $day, 0 );
		$changes = $this->zone->getTransitions( $start, $start + $weeks * WEEK_IN_SECONDS );
		if ( is_array( $changes ) && count( $changes ) > 1 ) {
			$weeks = min( $weeks, intdiv( (int) $changes[1]['ts'] - $start, WEEK_IN_SECONDS ) );
		}
		return $weeks;
	}

	/**
	 * The opening hours of local $day as instants, or null when it is closed.
	 *
	 * @return array{0: int, 1: int}|null
	 */
	private function open_on( int $day ): ?array {
		$hours = $this->week[ ( $day + 3 ) % 7 ] ?? null; // 1970-01-01 was a Thursday.
		if ( null === $hours || in_array( $day, $this->closed_days, true ) ) {
			return null;
		}
		return array( $this->instant( $day, $hours[0] ), $this->instant( $day, $hours[1] ) );
	}

	/** The local day number of an instant. */
	private function day_of( int $time ): int {
		return (int) floor( ( $time + $this->zone->getOffset( new \DateTimeImmutable( '@' . $time ) ) ) / DAY_IN_SECONDS );
	}

	/** The instant of a local day and time (minutes after midnight; a time skipped by a clock change moves on). */
	private function instant( int $day, int $minutes ): int {
		return $this->epoch->setDate( 1970, 1, 1 + $day )->setTime( intdiv( $minutes, 60 ), $minutes % 60 )->getTimestamp();
	}

	/**
	 * Opening hours in minutes after midnight, or null when they are not a valid span.
	 *
	 * @param mixed $start HH:MM.
	 * @param mixed $end   HH:MM, up to 24:00.
	 * @return array{0: int, 1: int}|null
	 */
	private static function minutes( mixed $start, mixed $end ): ?array {
		$span = array();
		foreach ( array( $start, $end ) as $time ) {
			if ( ! is_string( $time ) || ! preg_match( '#' . self::TIME_PATTERN . '#', $time ) ) {
				return null;
			}
			$span[] = 60 * (int) substr( $time, 0, 2 ) + (int) substr( $time, 3, 2 );
		}
		return $span[0] < $span[1] ? array( $span[0], $span[1] ) : null;
	}

	/**
	 * Settings fields, merged into Settings::fields().
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public static function setting_fields(): array {
		$open   = array(
			'open'  => true,
			'start' => '09:00',
			'end'   => '17:00',
		);
		$closed = array( 'open' => false ) + $open;
		$time   = array(
			'type'    => 'string',
			'pattern' => self::TIME_PATTERN,
		);
		return array(
			'sla_business_hours' => array(
				'x-aftercare' => Settings::ui( 'tickets', __( 'Count SLA time in business hours only', 'aftercare' ) ),
				'description' => __(
					'Count SLA targets in business hours only (the hours and holidays below, in the site\'s time zone); off: around the clock.',
					'aftercare'
				),
				'type'        => 'boolean',
				'default'     => false,
			),
			'business_hours'     => array(
				'x-aftercare' => Settings::ui(
					'tickets',
					__( 'Business hours', 'aftercare' ),
					array(
						'control' => 'business_hours',
						'invalid' => __( 'Business hours: give each of the seven days whether it is open, and its opening and closing time as HH:MM.', 'aftercare' ),
					)
				),
				'description' => __(
					'Opening hours for each weekday, Monday first: open or closed, and from when until when (HH:MM, 24-hour clock, 24:00 for midnight).',
					'aftercare'
				),
				'type'        => 'array',
				'minItems'    => 7,
				'maxItems'    => 7,
				'items'       => array(
					'type'                 => 'object',
					'properties'           => array(
						'open'  => array( 'type' => 'boolean' ),
						'start' => $time,
						'end'   => $time,
					),
					'required'             => array( 'open', 'start', 'end' ),
					'additionalProperties' => false,
				),
				'default'     => array( $open, $open, $open, $open, $open, $closed, $closed ),
				'arg_options' => array( 'validate_callback' => array( self::class, 'validate_week' ) ),
			),
			'holidays'           => array(
				'x-aftercare' => Settings::ui(
					'tickets',
					__( 'Holidays', 'aftercare' ),
					array(
						'control' => 'holidays',
						'invalid' => __( 'Holidays: write each day as YYYY-MM-DD, like 2026-12-25.', 'aftercare' ),
					)
				),
				'description' => __( 'Days the store is closed all day (YYYY-MM-DD): SLA time does not run on them.', 'aftercare' ),
				'type'        => 'array',
				'items'       => array(
					'type'    => 'string',
					'pattern' => '^[0-9]{4}-[0-9]{2}-[0-9]{2}$',
				),
				'uniqueItems' => true,
				'maxItems'    => self::MAX_HOLIDAYS,
				'default'     => array(),
				'arg_options' => array( 'validate_callback' => array( self::class, 'validate_holidays' ) ),
			),
		);
	}

	/**
	 * REST validation of `business_hours`, with messages a store owner can act on.
	 *
	 * @param mixed            $value   The week.
	 * @param \WP_REST_Request $request Request.
	 * @param string           $param   Parameter name.
	 * @return true|\WP_Error
	 */
	public static function validate_week( $value, $request, $param ) {
		if ( is_array( $value ) && 7 !== count( $value ) ) {
			return self::invalid( __( 'Business hours need exactly seven days, Monday to Sunday.', 'aftercare' ) );
		}
		foreach ( is_array( $value ) ? array_values( $value ) : array() as $index => $day ) {
			if ( ! is_array( $day ) ) {
				continue;
			}
			foreach ( array( 'start', 'end' ) as $key ) {
				if ( isset( $day[ $key ] ) && ( ! is_string( $day[ $key ] ) || ! preg_match( '#' . self::TIME_PATTERN . '#', $day[ $key ] ) ) ) {
					$typed = is_scalar( $day[ $key ] ) ? (string) $day[ $key ] : '';
					/* translators: 1: weekday, e.g. "Friday"; 2: what the store typed. */
					$message = __( '%1$s: "%2$s" is not a time of day; use HH:MM on the 24-hour clock, like 09:00 or 17:30.', 'aftercare' );
					return self::invalid( sprintf( $message, self::weekday( $index ), $typed ) );
				}
			}
			if ( isset( $day['start'], $day['end'] ) && ! empty( $day['open'] ) && strcmp( $day['start'], $day['end'] ) >= 0 ) {
				/* translators: %s: weekday, e.g. "Friday". */
				$message = __( '%s closes before it opens: the closing time must be later than the opening time.', 'aftercare' );
				return self::invalid( sprintf( $message, self::weekday( $index ) ) );
			}
		}
		$valid = rest_validate_request_arg( $value, $request, $param );
		if ( true !== $valid ) {
			return $valid;
		}
		if ( ! array_filter( array_column( $value, 'open' ) ) ) {
			return self::invalid( __( 'Open on at least one day a week; to count SLA time around the clock, turn business hours off instead.', 'aftercare' ) );
		}
		return true;
	}

	/**
	 * REST validation of `holidays`.
	 *
	 * @param mixed            $value   The dates.
	 * @param \WP_REST_Request $request Request.
	 * @param string           $param   Parameter name.
	 * @return true|\WP_Error
	 */
	public static function validate_holidays( $value, $request, $param ) {
		$seen = array();
		foreach ( is_array( $value ) ? $value : array() as $date ) {
			if ( ! is_string( $date ) ) {
				continue;
			}
			if ( ! self::is_date( $date ) ) {
				/* translators: %s: what the store typed. */
				return self::invalid( sprintf( __( '%s is not a date; write holidays as YYYY-MM-DD, like 2026-12-25.', 'aftercare' ), $date ) );
			}
			if ( isset( $seen[ $date ] ) ) {
				/* translators: %s: a date, e.g. 2026-12-25. */
				return self::invalid( sprintf( __( '%s is listed twice.', 'aftercare' ), $date ) );
			}
			$seen[ $date ] = true;
		}
		if ( is_array( $value ) && count( $value ) > self::MAX_HOLIDAYS ) {
			/* translators: %d: the most holidays. */
			return self::invalid( sprintf( __( 'List at most %d holidays; remove past ones first.', 'aftercare' ), self::MAX_HOLIDAYS ) );
		}
		return rest_validate_request_arg( $value, $request, $param );
	}

	private static function is_date( string $date ): bool {
		return 1 === preg_match( '/^(\d{4})-(\d{2})-(\d{2})$/', $date, $parts ) && checkdate( (int) $parts[2], (int) $parts[3], (int) $parts[1] );
	}

	private static function weekday( int $index ): string {
		$names = array(
			__( 'Monday', 'aftercare' ),
			__( 'Tuesday', 'aftercare' ),
			__( 'Wednesday', 'aftercare' ),
			__( 'Thursday', 'aftercare' ),
			__( 'Friday', 'aftercare' ),
			__( 'Saturday', 'aftercare' ),
			__( 'Sunday', 'aftercare' ),
		);
		return $names[ $index ] ?? '';
	}

	private static function invalid( string $message ): \WP_Error {
		return new \WP_Error( 'rest_invalid_param', $message, array( 'status' => 400 ) );
	}
}
