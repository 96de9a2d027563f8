<?php
/**
 * `wp aftercare reports rebuild|export`: the rollup of a range rebuilt now with a progress bar
 * over its days, and report tables as the CSV the Reports screen downloads; bad ranges, reports
 * and groups are refused with the routes' messages before anything is written.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Reports\Cli;

use Aftercare\Plugin;
use Aftercare\Tests\Cli\RunsCommands;
use Aftercare\Tests\FixedClock;
use Aftercare\Tests\TestCase;

/**
 * @group sqlite
 */
final class ReportsCommandTest extends TestCase {

	use RunsCommands;

	private const DAYS = array( '2026-11-09', '2026-11-10' );

	protected function setUp(): void {
		parent::setUp();
		update_option( 'timezone_string', 'UTC' );
		update_option( 'gmt_offset', 0 );
		$clock = new FixedClock();
		$desk  = Plugin::at( $clock );
		$desk->transaction->inside_open_transaction( true );
		$agent = $this->user( 'aftercare_agent' )->ID;
		// Two tickets on the 9th, one on the 10th.
		foreach ( array( '2026-11-09 09:00', '2026-11-09 15:00', '2026-11-10 11:00' ) as $when ) {
			$clock->time = ( new \DateTimeImmutable( $when, new \DateTimeZone( 'UTC' ) ) )->getTimestamp();
			$desk->tickets->create(
				array(
					'subject'        => 'Where is my parcel?',
					'message'        => 'It has not arrived.',
					'customer_email' => 'cora@example.test',
					'customer_name'  => 'Cora',
					'channel'        => 'email',
				),
				$agent
			);
		}
	}

	/**
	 * The rollup's `created` total of a day.
	 */
	private function created( string $day ): int {
		return Plugin::instance()->reports->table->day( $day )['total||created'] ?? 0;
	}

	/**
	 * November's month row holds the sum of its days' counts (the snapshot stays daily).
	 */
	private function assert_the_month_is_its_days(): void {
		$table = Plugin::instance()->reports->table;
		$sum   = array();
		for ( $day = 1; $day <= 30; $day++ ) {
			foreach ( $table->day( sprintf( '2026-11-%02d', $day ) ) as $key => $amount ) {
				if ( ! str_contains( $key, '|backlog' ) ) {
					$sum[ $key ] = ( $sum[ $key ] ?? 0 ) + $amount;
				}
			}
		}
		ksort( $sum );
		$this->assertSame( $sum, $table->month( '2026-11-01' ) );
	}

	/**
	 * Empties the two days through the rollup's own write, which moves their month with them.
	 */
	private function lose_the_rollup(): void {
		foreach ( self::DAYS as $day ) {
			Plugin::instance()->reports->table->replace( $day, array() );
		}
		$this->assertSame( array( 0, 0 ), array_map( array( $this, 'created' ), self::DAYS ) );
		$this->assertSame( array(), Plugin::instance()->reports->table->month( '2026-11-01' ) );
	}

	public function test_rebuild_recomputes_the_range_day_by_day_with_a_progress_bar(): void {
		$this->lose_the_rollup();

		$output = $this->wp( 'aftercare reports', 'rebuild', array(), array( 'from' => '2026-11-09', 'to' => '2026-11-10' ) );

		$this->assertSame( array( 2, 1 ), array_map( array( $this, 'created' ), self::DAYS ) );
		$this->assertSame( 3, Plugin::instance()->reports->table->month( '2026-11-01' )['total||created'] );
		$this->assert_the_month_is_its_days();
		$this->assertCount( 1, $output->bars );
		$this->assertSame( array( 2, 2, true ), array( $output->bars[0]->total, $output->bars[0]->ticks, $output->bars[0]->finished ) );
		$this->assertSame( array( 'Rebuilt the reports of 2 days.' ), $output->said( 'success' ) );
	}

	public function test_rebuild_refuses_a_bad_range_and_rebuilds_nothing(): void {
		$this->lose_the_rollup();
		$args = array(
			'from' => '2026-11-10',
			'to'   => '2026-11-09',
		);
		$output = $this->wp_fails( 'The start of the period must not be after its end.', 'aftercare reports', 'rebuild', array(), $args );
		$this->assertSame( array(), $output->bars );
		$this->wp_fails( 'The from date must be a calendar date written as YYYY-MM-DD.', 'aftercare reports', 'rebuild', array(), array( 'from' => '9 Nov' ) );
		$this->wp_fails( 'A report covers at most 366 days.', 'aftercare reports', 'rebuild', array(), array( 'from' => '2025-01-01', 'to' => '2026-11-10' ) );
		$this->assertSame( array( 0, 0 ), array_map( array( $this, 'created' ), self::DAYS ) );
		$this->assert_the_month_is_its_days();
	}

	public function test_export_prints_a_report_table_as_csv(): void {
		$trend = $this->wp( 'aftercare reports', 'export', array( 'trend' ), array( 'from' => '2026-11-09', 'to' => '2026-11-10' ) )->written;
		$lines = array_map( 'str_getcsv', explode( "\n", rtrim( $trend, "\n" ) ) );
		$this->assertCount( 3, $lines, 'a header and a line a day' );
		$head = $lines[0];
		$this->assertSame( array( 'date', 'tickets_created' ), array_slice( $head, 0, 2 ) );
		$this->assertSame( array( '2026-11-09', '2' ), array_slice( $lines[1], 0, 2 ) );
		$this->assertSame( array( '2026-11-10', '1' ), array_slice( $lines[2], 0, 2 ) );

		$summary = $this->wp( 'aftercare reports', 'export', array( 'summary' ), array( 'from' => '2026-11-09', 'to' => '2026-11-10', 'compare' => false ) )->written;
		$rows    = array_map( 'str_getcsv', explode( "\n", rtrim( $summary, "\n" ) ) );
		$this->assertSame( array( 'figure', 'current', 'previous' ), $rows[0] );
		$this->assertContains( array( 'tickets_created', '3', '' ), $rows, '--no-compare: no previous period' );

		$period     = array(
			'from' => '2026-11-09',
			'to'   => '2026-11-10',
		);
		$by_channel = $this->wp( 'aftercare reports', 'export', array( 'breakdown' ), $period + array( 'group' => 'channel' ) )->written;
		$this->assertStringStartsWith( 'key,label,tickets_created,', $by_channel );
		$this->assertStringContainsString( "\nemail,", $by_channel );
	}

	public function test_export_refuses_an_unknown_report_group_or_table_and_prints_nothing(): void {
		$output = $this->wp_fails( 'There is no such report. Choose summary, breakdown or trend.', 'aftercare reports', 'export', array( 'tickets' ) );
		$this->assertSame( '', $output->written );
		$this->wp_fails( 'There is no such report.', 'aftercare reports', 'export' );
		$this->wp_fails( 'A breakdown groups by one of: ', 'aftercare reports', 'export', array( 'breakdown' ), array( 'group' => 'colour' ) );
		$this->wp_fails( 'The summary has these tables: ', 'aftercare reports', 'export', array( 'summary' ), array( 'table' => 'everything' ) );
	}
}
