<?php
/**
 * The business-hours settings over REST: what a store owner can save, and the sentence they get
 * back for what they cannot (with nothing saved).
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Tickets;

use Aftercare\Settings\Settings;
use Aftercare\Tests\TestCase;

final class BusinessHoursSettingsTest extends TestCase {

	/**
	 * @return array<int, array{open: bool, start: string, end: string}>
	 */
	private static function week(): array {
		return ( new Settings() )->fields()['business_hours']['default'];
	}

	/**
	 * @param array<string, mixed> $body Settings to save.
	 */
	private function save( array $body ): \WP_REST_Response {
		return $this->rest( 'POST', '/aftercare/v1/settings', $body, $this->user( 'administrator' )->ID );
	}

	public function test_the_defaults_are_around_the_clock_with_office_hours_ready(): void {
		$values = ( new Settings() )->all();
		$this->assertFalse( $values['sla_business_hours'] );
		$this->assertSame( array(), $values['holidays'] );
		$this->assertCount( 7, $values['business_hours'] );
		$this->assertSame(
			array( true, true, true, true, true, false, false ),
			array_column( $values['business_hours'], 'open' ),
			'Monday to Friday open, the weekend closed'
		);
		$this->assertSame( array( '09:00', '17:00' ), array( $values['business_hours'][0]['start'], $values['business_hours'][0]['end'] ) );
	}

	public function test_a_store_saves_its_hours_and_holidays(): void {
		$week    = self::week();
		$week[5] = array(
			'open'  => true,
			'start' => '10:00',
			'end'   => '24:00',
		);
		$week[6] = array(
			'open'  => false,
			'start' => '12:00',
			'end'   => '08:00',
		); // A closed day's times are not checked against each other.
		$body    = array(
			'sla_business_hours' => true,
			'business_hours'     => $week,
			'holidays'           => array( '2026-12-25', '2026-12-26', '2027-01-01' ),
		);

		$response = $this->save( $body );

		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( $body, array_intersect_key( $response->get_data(), $body ) );
		wp_cache_flush();
		$this->assertSame( $body, array_intersect_key( ( new Settings() )->all(), $body ) );
	}

	/**
	 * @return array<string, array{0: array<string, mixed>, 1: string}>
	 */
	public function refused(): array {
		$week = self::week();

		$backwards                   = $week;
		$backwards[4]['start']       = '17:00';
		$backwards[4]['end']         = '09:00';
		$empty_day                   = $week;
		$empty_day[2]['end']         = '09:00';
		$bad_time                    = $week;
		$bad_time[0]['start']        = '25:00';
		$twelve_hour                 = $week;
		$twelve_hour[1]['end']       = '5pm';
		$all_closed                  = array_map( static fn( array $day ): array => array( 'open' => false ) + $day, $week );
		$missing                     = $week;
		unset( $missing[3]['end'] );
		$extra                       = $week;
		$extra[3]['lunch']           = '12:00';
		$not_a_day                   = $week;
		$not_a_day[6]                = 'closed';
		$hundred_and_one             = array();
		for ( $day = 0; $day < 101; $day++ ) {
			$hundred_and_one[] = gmdate( 'Y-m-d', 1_800_000_000 + $day * DAY_IN_SECONDS );
		}

		return array(
			'closing before opening'  => array( array( 'business_hours' => $backwards ), 'Friday closes before it opens' ),
			'closing when opening'    => array( array( 'business_hours' => $empty_day ), 'Wednesday closes before it opens' ),
			'no such hour'            => array( array( 'business_hours' => $bad_time ), 'Monday: "25:00" is not a time of day' ),
			'a 12-hour time'          => array( array( 'business_hours' => $twelve_hour ), 'Tuesday: "5pm" is not a time of day' ),
			'six days'                => array( array( 'business_hours' => array_slice( $week, 0, 6 ) ), 'exactly seven days' ),
			'eight days'              => array( array( 'business_hours' => array_merge( $week, array( $week[0] ) ) ), 'exactly seven days' ),
			'never open'              => array( array( 'business_hours' => $all_closed ), 'Open on at least one day a week' ),
			'a day without its end'   => array( array( 'business_hours' => $missing ), 'Business hours: give each of the seven days' ),
			'a field we do not know'  => array( array( 'business_hours' => $extra ), 'Business hours: give each of the seven days' ),
			'a day that is no object' => array( array( 'business_hours' => $not_a_day ), 'Business hours: give each of the seven days' ),
			'not a list'              => array( array( 'business_hours' => 'weekdays' ), 'Business hours: give each of the seven days' ),
			'the 30th of February'    => array( array( 'holidays' => array( '2026-12-25', '2026-02-30' ) ), '2026-02-30 is not a date' ),
			'an American date'        => array( array( 'holidays' => array( '12/25/2026' ) ), '12/25/2026 is not a date' ),
			'a day listed twice'      => array( array( 'holidays' => array( '2026-12-25', '2026-12-26', '2026-12-25' ) ), '2026-12-25 is listed twice' ),
			'too many holidays'       => array( array( 'holidays' => $hundred_and_one ), 'at most 100 holidays' ),
			'a holiday as a number'   => array( array( 'holidays' => array( 20261225 ) ), 'Holidays: write each day as YYYY-MM-DD' ),
			'a switch that is a word' => array( array( 'sla_business_hours' => 'sometimes' ), 'Count SLA time in business hours only: turn it on or off.' ),
		);
	}

	/**
	 * @dataProvider refused
	 * @param array<string, mixed> $body    Settings to save.
	 * @param string               $message What the answer says.
	 */
	public function test_a_bad_value_is_a_400_that_says_why_and_nothing_is_saved( array $body, string $message ): void {
		$response = $this->save( $body + array( 'sla_business_hours' => true ) );

		$this->assertErrorCode( 'rest_invalid_param', $response, 400 );
		$params = $response->get_data()['data']['params'];
		$this->assertStringContainsString( $message, $params[ array_key_first( $body ) ] );
		$this->assertFalse( get_option( Settings::OPTION ), 'nothing saved, not even the valid switch beside it' );
	}
}
