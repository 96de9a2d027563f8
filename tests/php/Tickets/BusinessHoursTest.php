<?php
/**
 * Business-time arithmetic: adding business seconds to an instant and counting them between two,
 * across nights, weekends, holidays and daylight-saving changes, in the store's time zone.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Tickets;

use Aftercare\Settings\Settings;
use Aftercare\Tests\TestCase;
use Aftercare\Tickets\BusinessHours;

/**
 * Also on SQLite, the database `npm start` uses.
 *
 * @group sqlite
 */
final class BusinessHoursTest extends TestCase {

	/** Monday to Friday 09:00–17:00, in minutes after midnight. */
	private const OFFICE = array( array( 540, 1020 ), array( 540, 1020 ), array( 540, 1020 ), array( 540, 1020 ), array( 540, 1020 ), null, null );

	private static function instant( string $local, string $zone = 'Europe/Berlin' ): int {
		return ( new \DateTimeImmutable( $local, new \DateTimeZone( $zone ) ) )->getTimestamp();
	}

	private static function local( int $time, string $zone = 'Europe/Berlin' ): string {
		return ( new \DateTimeImmutable( '@' . $time ) )->setTimezone( new \DateTimeZone( $zone ) )->format( 'D Y-m-d H:i' );
	}

	/**
	 * @return array<string, array{0: string, 1: int, 2: string, 3?: string[]}>
	 */
	public function additions(): array {
		return array(
			'inside the day'                           => array( 'Tue 2026-12-01 10:00', HOUR_IN_SECONDS, 'Tue 2026-12-01 11:00' ),
			'before opening starts at opening'         => array( 'Tue 2026-12-01 07:12', HOUR_IN_SECONDS, 'Tue 2026-12-01 10:00' ),
			'over the night'                           => array( 'Tue 2026-12-01 16:00', 2 * HOUR_IN_SECONDS, 'Wed 2026-12-02 10:00' ),
			'ends at closing time exactly'             => array( 'Tue 2026-12-01 16:00', HOUR_IN_SECONDS, 'Tue 2026-12-01 17:00' ),
			'Friday 16:30 plus an hour is Monday 9:30' => array( 'Fri 2026-12-04 16:30', HOUR_IN_SECONDS, 'Mon 2026-12-07 09:30' ),
			'from Saturday'                            => array( 'Sat 2026-12-05 12:00', 30 * MINUTE_IN_SECONDS, 'Mon 2026-12-07 09:30' ),
			'a holiday is closed all day'              => array( 'Thu 2026-12-24 16:30', HOUR_IN_SECONDS, 'Mon 2026-12-28 09:30', array( '2026-12-25' ) ),
			'a holiday on a closed day changes nothing' => array( 'Fri 2026-12-04 16:30', HOUR_IN_SECONDS, 'Mon 2026-12-07 09:30', array( '2026-12-05' ) ),
			'into the summer time switch weekend'      => array( 'Fri 2026-03-27 16:00', 2 * HOUR_IN_SECONDS, 'Mon 2026-03-30 10:00' ),
			'out of it in October'                     => array( 'Fri 2026-10-23 16:00', 2 * HOUR_IN_SECONDS, 'Mon 2026-10-26 10:00' ),
			'weeks at once'                            => array( 'Mon 2026-01-05 09:00', 10 * 40 * HOUR_IN_SECONDS, 'Fri 2026-03-13 17:00' ),
			'weeks with a holiday among them'          => array( 'Mon 2026-01-05 09:00', 10 * 40 * HOUR_IN_SECONDS, 'Mon 2026-03-16 17:00', array( '2026-02-11' ) ),
		);
	}

	/**
	 * @dataProvider additions
	 * @param string[] $holidays Holidays.
	 */
	public function test_adding_business_time( string $from, int $seconds, string $due, array $holidays = array() ): void {
		$hours = new BusinessHours( self::OFFICE, $holidays, new \DateTimeZone( 'Europe/Berlin' ) );
		$start = self::instant( substr( $from, 4 ) );
		$this->assertSame( $from, self::local( $start ), 'the case names the right weekday' );
		$end = $hours->add( $start, $seconds );
		$this->assertSame( $due, self::local( $end ) );
		$this->assertSame( $seconds, $hours->between( $start, $end ), 'counting back gives the same business time' );
	}

	public function test_the_summer_time_switch_moves_utc_but_not_the_opening_hours(): void {
		$hours  = new BusinessHours( self::OFFICE, array(), new \DateTimeZone( 'Europe/Berlin' ) );
		$friday = self::instant( '2026-03-27 16:00' );
		$this->assertSame( '2026-03-27T15:00:00Z', gmdate( 'Y-m-d\TH:i:s\Z', $friday ), 'winter time: UTC+1' );
		$this->assertSame( '2026-03-30T08:00:00Z', gmdate( 'Y-m-d\TH:i:s\Z', $hours->add( $friday, 2 * HOUR_IN_SECONDS ) ), 'summer time: UTC+2' );
	}

	public function test_hours_spanning_the_switch_count_real_seconds(): void {
		$always = array_fill( 0, 7, array( 0, 1440 ) );
		$hours  = new BusinessHours( $always, array(), new \DateTimeZone( 'Europe/Berlin' ) );
		$spring = $hours->between( self::instant( '2026-03-29 00:00' ), self::instant( '2026-03-30 00:00' ) );
		$autumn = $hours->between( self::instant( '2026-10-25 00:00' ), self::instant( '2026-10-26 00:00' ) );
		$this->assertSame( 23 * HOUR_IN_SECONDS, $spring, 'spring: a 23-hour day' );
		$this->assertSame( 25 * HOUR_IN_SECONDS, $autumn, 'autumn: a 25-hour day' );
		$this->assertSame( 365 * DAY_IN_SECONDS, $hours->between( self::instant( '2026-01-01 00:00' ), self::instant( '2027-01-01 00:00' ) ) );
	}

	public function test_between_counts_only_open_time(): void {
		$hours = new BusinessHours( self::OFFICE, array( '2026-12-25' ), new \DateTimeZone( 'Europe/Berlin' ) );
		$this->assertSame( 0, $hours->between( self::instant( '2026-12-04 17:00' ), self::instant( '2026-12-07 09:00' ) ), 'a weekend' );
		$this->assertSame( 0, $hours->between( self::instant( '2026-12-07 12:00' ), self::instant( '2026-12-07 11:00' ) ), 'backwards' );
		$this->assertSame( 30 * MINUTE_IN_SECONDS, $hours->between( self::instant( '2026-12-04 16:30' ), self::instant( '2026-12-07 08:00' ) ) );
		$this->assertSame( 5 * 8 * HOUR_IN_SECONDS, $hours->between( self::instant( '2026-12-07 00:00' ), self::instant( '2026-12-14 00:00' ) ) );
		$christmas = $hours->between( self::instant( '2026-12-23 00:00' ), self::instant( '2026-12-30 00:00' ) );
		$this->assertSame( 4 * 8 * HOUR_IN_SECONDS, $christmas, 'Christmas Day closed' );
	}

	public function test_a_week_without_open_hours_counts_around_the_clock_and_ends(): void {
		$hours = new BusinessHours( array_fill( 0, 7, null ), array(), new \DateTimeZone( 'Europe/Berlin' ) );
		$this->assertSame( 1_800_000_000 + 90, $hours->add( 1_800_000_000, 90 ) );
		$this->assertSame( 90, $hours->between( 1_800_000_000, 1_800_000_090 ) );
	}

	public function test_a_year_long_target_across_years_and_holidays(): void {
		$hours = new BusinessHours( self::OFFICE, array( '2027-01-01', '2027-12-24' ), new \DateTimeZone( 'Europe/Berlin' ) );
		$start = self::instant( '2026-12-01 10:00' );
		$due   = $hours->add( $start, 525600 * MINUTE_IN_SECONDS );
		$this->assertSame( 525600 * MINUTE_IN_SECONDS, $hours->between( $start, $due ) );
		// A year of minutes is 1095 working days of eight hours: 219 weeks (to Tuesday), and two holidays.
		$this->assertSame( 'Thu 2031-02-13 10:00', self::local( $due ) );
	}

	public function test_fixed_offset_zones_have_no_switch(): void {
		$hours = new BusinessHours( self::OFFICE, array(), new \DateTimeZone( '+05:30' ) );
		$this->assertSame( 'Mon 2026-03-30 10:00', self::local( $hours->add( self::instant( '2026-03-27 16:00', '+05:30' ), 2 * HOUR_IN_SECONDS ), '+05:30' ) );
	}

	public function test_the_settings_give_the_hours_in_the_sites_zone_as_it_is_now(): void {
		$values = ( new Settings() )->all();
		$this->assertFalse( $values['sla_business_hours'], 'off by default: around the clock' );
		$friday = self::instant( '2026-12-04 16:30' );
		$this->assertSame( $friday + HOUR_IN_SECONDS, BusinessHours::from_settings( $values )->add( $friday, HOUR_IN_SECONDS ) );

		$values['sla_business_hours'] = true;
		update_option( 'timezone_string', 'Europe/Berlin' );
		$this->assertSame( 'Mon 2026-12-07 09:30', self::local( BusinessHours::from_settings( $values )->add( $friday, HOUR_IN_SECONDS ) ) );
		update_option( 'timezone_string', 'America/New_York' );
		$this->assertSame(
			'Fri 2026-12-04 11:30',
			self::local( BusinessHours::from_settings( $values )->add( $friday, HOUR_IN_SECONDS ), 'America/New_York' ),
			'10:30 in New York: open'
		);
	}
}
