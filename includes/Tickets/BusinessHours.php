<?php
/**
 * The store's business hours: which hours of each weekday count towards SLA targets, and the
 * holidays that count not at all, in the store's time zone. Settings fields and their validation.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tickets;

final class BusinessHours {

	/** Most holidays a store can list. */
	public const MAX_HOLIDAYS = 100;

	private const TIME_PATTERN = '^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$';

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
				'description' => __(
					'Count SLA targets in business hours only (the hours and holidays below, in the site\'s time zone); off: around the clock.',
					'aftercare'
				),
				'type'        => 'boolean',
				'default'     => false,
			),
			'business_hours'     => array(
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
