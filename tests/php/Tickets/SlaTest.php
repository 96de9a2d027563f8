<?php
/**
 * SLA math on a fixed clock: targets per priority, due times, pauses while waiting on the
 * customer, and the states the queue shows.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Tickets;

use Aftercare\Settings\Settings;
use Aftercare\Tests\FixedClock;
use Aftercare\Tests\TestCase;
use Aftercare\Tickets\Channel;
use Aftercare\Tickets\Priority;
use Aftercare\Tickets\Sla;
use Aftercare\Tickets\Status;
use Aftercare\Tickets\Ticket;

/**
 * Also on SQLite, the database `npm start` uses.
 *
 * @group sqlite
 */
final class SlaTest extends TestCase {

	private FixedClock $clock;

	private Sla $sla;

	protected function setUp(): void {
		parent::setUp();
		$this->clock = new FixedClock();
		$this->sla   = new Sla( new Settings(), $this->clock );
		( new Settings() )->update(
			array(
				'sla_first_response_high' => 60,
				'sla_resolution_high'     => 600,
				'sla_warning_minutes'     => 12,
			)
		);
	}

	private function ticket( Priority $priority = Priority::High ): Ticket {
		$now    = $this->clock->now();
		$ticket = new Ticket( 1, 1001, 'Subject', Status::New, $priority, Channel::Web, 0, 'a@example.test', 'A', 0, 0, 'agent', $now, $now );
		$this->sla->apply( $ticket );
		return $ticket;
	}

	public function test_targets_come_from_the_settings_per_priority_with_defaults(): void {
		$this->assertSame( 3600, $this->sla->seconds( Priority::High, 'first_response' ) );
		$this->assertSame( 36000, $this->sla->seconds( Priority::High, 'resolution' ) );
		$this->assertSame( 30 * 60, $this->sla->seconds( Priority::Urgent, 'first_response' ) );
		$this->assertSame( 2880 * 60, $this->sla->seconds( Priority::Normal, 'resolution' ) );
	}

	public function test_a_new_ticket_is_due_its_first_response_and_goes_warning_then_breached(): void {
		$ticket = $this->ticket();
		$start  = $this->clock->now();
		$this->assertSame( $start + 3600, $ticket->due_at );
		$this->assertSame(
			array(
				'target' => 'first_response',
				'due'    => gmdate( 'Y-m-d\TH:i:s\Z', $start + 3600 ),
				'state'  => 'ok',
			),
			$this->sla->describe( $ticket )
		);

		$this->clock->time = $start + 2880; // 12 minutes left: not yet inside the 12-minute warning window.
		$this->assertSame( 'ok', $this->sla->describe( $ticket )['state'] );
		$this->clock->time = $start + 2881;
		$this->assertSame( 'warning', $this->sla->describe( $ticket )['state'] );
		$this->clock->time = $start + 3601;
		$this->assertSame( 'breached', $this->sla->describe( $ticket )['state'] );
	}

	public function test_after_the_first_response_the_resolution_target_runs_from_creation(): void {
		$ticket                    = $this->ticket();
		$start                     = $this->clock->now();
		$this->clock->time        += 1800;
		$ticket->first_response_at = $this->clock->now();
		$this->sla->apply( $ticket );
		$this->assertSame( 'resolution', $this->sla->describe( $ticket )['target'] );
		$this->assertSame( $start + 36000, $ticket->due_at );
		$this->assertTrue( $this->sla->first_response_met( $ticket ) );
	}

	public function test_the_clock_pauses_while_the_ticket_waits_on_the_customer(): void {
		$ticket = $this->ticket();
		$start  = $this->clock->now();

		$this->clock->time += 600;
		$ticket->status     = Status::Pending;
		$this->sla->apply( $ticket );
		$this->assertSame( 0, $ticket->due_at, 'a paused ticket has no running due time to sort by' );
		$this->assertSame( $start + 600, $ticket->sla_paused_at );

		$this->clock->time += 7200; // Two hours waiting: longer than the whole first-response target.
		$described = $this->sla->describe( $ticket );
		$this->assertSame( 'paused', $described['state'] );
		$this->assertSame( gmdate( 'Y-m-d\TH:i:s\Z', $start + 3600 + 7200 ), $described['due'] );

		$ticket->status = Status::Open;
		$this->sla->apply( $ticket );
		$this->assertSame( 7200, $ticket->sla_paused_seconds );
		$this->assertSame( 0, $ticket->sla_paused_at );
		$this->assertSame( $start + 3600 + 7200, $ticket->due_at );
		$this->assertSame( 'ok', $this->sla->describe( $ticket )['state'] );
	}

	public function test_solved_tickets_report_met_or_breached_against_the_resolution_target(): void {
		$ticket            = $this->ticket();
		$start             = $this->clock->now();
		$ticket->status    = Status::Solved;
		$ticket->solved_at = $start + 35000;
		$this->sla->apply( $ticket );
		$this->assertSame( 0, $ticket->due_at );
		$this->clock->time = $start + 99999;
		$this->assertSame( 'met', $this->sla->describe( $ticket )['state'] );

		$ticket->solved_at = $start + 36001;
		$this->assertSame( 'breached', $this->sla->describe( $ticket )['state'] );
	}

	public function test_a_priority_change_moves_the_due_time(): void {
		$ticket           = $this->ticket( Priority::Low );
		$start            = $this->clock->now();
		$this->assertSame( $start + 1440 * 60, $ticket->due_at );
		$ticket->priority = Priority::Urgent;
		$this->sla->apply( $ticket );
		$this->assertSame( $start + 30 * 60, $ticket->due_at );
	}

	/** Business hours on: Monday to Friday 09:00–17:00 (the default week) in Berlin. */
	private function business_hours( array $holidays = array() ): void {
		update_option( 'timezone_string', 'Europe/Berlin' );
		( new Settings() )->update(
			array(
				'sla_business_hours' => true,
				'holidays'           => $holidays,
			)
		);
	}

	private static function berlin( string $local ): int {
		return ( new \DateTimeImmutable( $local, new \DateTimeZone( 'Europe/Berlin' ) ) )->getTimestamp();
	}

	/**
	 * @return array<string, array{0: string, 1: string, 2?: string[]}>
	 */
	public function business_due_times(): array {
		return array(
			'Friday 16:30 with a one-hour target is due Monday 09:30' => array( '2026-12-04 16:30', '2026-12-07T08:30:00Z' ),
			'over a holiday'                                          => array( '2026-12-24 16:30', '2026-12-28T08:30:00Z', array( '2026-12-25' ) ),
			'over the switch to summer time'                          => array( '2026-03-27 16:30', '2026-03-30T07:30:00Z' ),
			'inside the day'                                          => array( '2026-12-08 11:00', '2026-12-08T11:00:00Z' ),
		);
	}

	/**
	 * @dataProvider business_due_times
	 * @param string[] $holidays Holidays.
	 */
	public function test_with_business_hours_the_target_counts_opening_hours_only( string $created, string $due, array $holidays = array() ): void {
		$this->business_hours( $holidays );
		$this->clock->time = self::berlin( $created );
		$ticket            = $this->ticket();
		$this->assertSame( $due, gmdate( 'Y-m-d\TH:i:s\Z', $ticket->due_at ) );
		$this->assertSame( $due, $this->sla->describe( $ticket )['due'] );
		$this->assertSame( 'ok', $this->sla->describe( $ticket )['state'] );
	}

	public function test_the_warning_window_is_in_business_time(): void {
		$this->business_hours();
		$this->clock->time = self::berlin( '2026-12-04 16:30' );
		$ticket            = $this->ticket();

		$this->clock->time = self::berlin( '2026-12-04 16:59' );
		$this->assertSame( 'ok', $this->sla->describe( $ticket )['state'], '31 business minutes left, though the due time is days away' );
		$this->clock->time = self::berlin( '2026-12-07 09:18' );
		$this->assertSame( 'ok', $this->sla->describe( $ticket )['state'], '12 minutes left: the edge of the warning window' );
		$this->clock->time = self::berlin( '2026-12-07 09:19' );
		$this->assertSame( 'warning', $this->sla->describe( $ticket )['state'] );
		$this->clock->time = self::berlin( '2026-12-07 09:31' );
		$this->assertSame( 'breached', $this->sla->describe( $ticket )['state'] );
	}

	public function test_a_pause_over_the_weekend_costs_only_its_business_time(): void {
		$this->business_hours();
		$this->clock->time = self::berlin( '2026-12-04 10:00' );
		$ticket            = $this->ticket();
		$this->clock->time = self::berlin( '2026-12-04 10:30' );
		$ticket->first_response_at = $this->clock->now();
		$this->sla->apply( $ticket );
		$this->assertSame( self::berlin( '2026-12-07 12:00' ), $ticket->due_at, 'ten business hours: Friday 10–17, Monday 9–12' );

		$this->clock->time = self::berlin( '2026-12-04 11:00' );
		$ticket->status    = Status::Pending;
		$this->sla->apply( $ticket );
		$this->clock->time = self::berlin( '2026-12-05 12:00' );
		$this->assertSame(
			array(
				'target' => 'resolution',
				'due'    => gmdate( 'Y-m-d\TH:i:s\Z', self::berlin( '2026-12-08 10:00' ) ),
				'state'  => 'paused',
			),
			$this->sla->describe( $ticket ),
			'paused since Friday 11:00: six business hours so far, shown as if the pause ended now (16 hours from Friday 10:00)'
		);

		$this->clock->time = self::berlin( '2026-12-07 11:00' );
		$ticket->status    = Status::Open;
		$this->sla->apply( $ticket );
		$this->assertSame( array( array( self::berlin( '2026-12-04 11:00' ), self::berlin( '2026-12-07 11:00' ) ) ), $ticket->sla_pauses );
		$this->assertSame( 72 * HOUR_IN_SECONDS, $ticket->sla_paused_seconds, 'the wall-clock total is kept too' );
		$this->assertSame( self::berlin( '2026-12-08 12:00' ), $ticket->due_at, 'eight business hours of pause: Monday 12:00 becomes Tuesday 12:00' );
	}

	public function test_business_hours_off_keeps_the_clock_running_around_the_weekend(): void {
		update_option( 'timezone_string', 'Europe/Berlin' );
		$this->clock->time = self::berlin( '2026-12-04 16:30' );
		$this->assertSame( self::berlin( '2026-12-04 17:30' ), $this->ticket()->due_at );
	}

	public function test_pauses_from_before_they_were_kept_count_as_measured(): void {
		$this->business_hours();
		$this->clock->time          = self::berlin( '2026-12-08 10:00' );
		$ticket                     = $this->ticket();
		$ticket->sla_paused_seconds = 3 * HOUR_IN_SECONDS; // A total without its pauses.
		$this->sla->apply( $ticket );
		$this->assertSame( self::berlin( '2026-12-08 14:00' ), $ticket->due_at );
	}
}
