<?php
/**
 * The due-time recompute: started by a change of targets, hours, holidays or (with business
 * hours on) the time zone; walks open tickets in batches from a cursor, leaves paused and done
 * tickets and tickets changed meanwhile alone.
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
use Aftercare\Tickets\SlaRecompute;
use Aftercare\Tickets\Status;
use Aftercare\Tickets\Ticket;
use Aftercare\Tickets\TicketRepository;

/**
 * Also on SQLite, the database `npm start` uses.
 *
 * @group sqlite
 */
final class SlaRecomputeTest extends TestCase {

	private FixedClock $clock;
	private Settings $settings;
	private Sla $sla;
	private TicketRepository $tickets;
	private SlaRecompute $job;

	protected function setUp(): void {
		parent::setUp();
		$this->clock    = new FixedClock( self::berlin( '2026-12-04 16:30' ) ); // A Friday.
		$this->settings = new Settings();
		$this->sla      = new Sla( $this->settings, $this->clock );
		global $wpdb;
		$this->tickets  = self::ticket_repository();
		$this->job      = new SlaRecompute( $this->tickets, $this->sla, $this->settings, $this->clock );
		update_option( 'timezone_string', 'Europe/Berlin' );
		$this->settings->update(
			array(
				'sla_first_response_high' => 60,
				'sla_business_hours'      => true,
			)
		);
		$this->job->run(); // What the changes above started.
		$this->assertFalse( get_option( SlaRecompute::CURSOR ), 'a finished pass leaves no cursor' );
	}

	private static function berlin( string $local ): int {
		return ( new \DateTimeImmutable( $local, new \DateTimeZone( 'Europe/Berlin' ) ) )->getTimestamp();
	}

	private function ticket( Status $status = Status::New ): Ticket {
		$now    = $this->clock->now();
		$ticket = new Ticket( 0, 0, 'Subject', $status, Priority::High, Channel::Web, 0, 'a@example.test', 'A', 0, 0, Ticket::awaiting_for( $status ), $now, $now );
		$this->sla->apply( $ticket );
		return $this->tickets->insert( $ticket, '' );
	}

	/** Whether a run of $hook waits: in Action Scheduler where WooCommerce brings it, else in WP-Cron. */
	private static function scheduled( string $hook ): bool {
		if ( function_exists( 'as_next_scheduled_action' ) && did_action( 'action_scheduler_init' ) ) {
			return false !== as_next_scheduled_action( $hook, array(), 'aftercare' );
		}
		return false !== wp_next_scheduled( $hook );
	}

	private function stored_due( Ticket $ticket ): int {
		return (int) $this->tickets->find( $ticket->id )?->due_at;
	}

	public function test_a_time_zone_change_recomputes_open_tickets_due_times(): void {
		$open   = $this->ticket();
		$paused = $this->ticket( Status::Pending );
		$solved = $this->ticket( Status::Solved );
		$this->assertSame( self::berlin( '2026-12-07 09:30' ), $open->due_at, 'Berlin: Friday 16:30 plus an hour is Monday 09:30' );

		update_option( 'timezone_string', 'America/New_York' );

		$this->assertIsArray( get_option( SlaRecompute::CURSOR ), 'a pass is under way' );
		$this->assertTrue( self::scheduled( SlaRecompute::HOOK ), 'and scheduled' );
		$this->assertSame( self::berlin( '2026-12-07 09:30' ), $this->stored_due( $open ), 'not yet run' );

		$this->assertGreaterThanOrEqual( 2, $this->job->run(), 'the open and the paused ticket (done ones are not walked)' );
		$new_york = ( new \DateTimeImmutable( '2026-12-04 11:30', new \DateTimeZone( 'America/New_York' ) ) )->getTimestamp();
		$this->assertSame( $new_york, $this->stored_due( $open ), 'New York: Friday 10:30 plus an hour is 11:30 the same day' );
		$this->assertSame( 0, $this->stored_due( $paused ), 'a paused ticket still has no due time' );
		$this->assertSame( 0, $this->stored_due( $solved ) );
		$this->assertFalse( get_option( SlaRecompute::CURSOR ) );
	}

	public function test_new_hours_holidays_and_targets_recompute(): void {
		$open = $this->ticket();

		$this->settings->update( array( 'holidays' => array( '2026-12-07' ) ) );
		$this->job->run();
		$this->assertSame( self::berlin( '2026-12-08 09:30' ), $this->stored_due( $open ), 'Monday became a holiday' );

		$week                  = $this->settings->get( 'business_hours' );
		$week[1]['start']      = '11:00';
		$this->settings->update( array( 'business_hours' => $week ) );
		$this->job->run();
		$this->assertSame( self::berlin( '2026-12-08 11:30' ), $this->stored_due( $open ), 'Tuesday opens at 11:00' );

		$this->settings->update( array( 'sla_first_response_high' => 90 ) );
		$this->job->run();
		$this->assertSame( self::berlin( '2026-12-08 12:00' ), $this->stored_due( $open ) );

		$this->settings->update( array( 'sla_business_hours' => false ) );
		$this->job->run();
		$this->assertSame( self::berlin( '2026-12-04 18:00' ), $this->stored_due( $open ), 'around the clock again' );
	}

	public function test_changes_the_due_times_do_not_depend_on_start_nothing(): void {
		$this->settings->update( array( 'delete_data_on_uninstall' => true ) );
		$this->assertFalse( get_option( SlaRecompute::CURSOR ), 'another setting' );

		$this->settings->update( array( 'sla_business_hours' => false ) );
		$this->job->run();
		update_option( 'timezone_string', 'Asia/Tokyo' );
		update_option( 'gmt_offset', 9 );
		$this->settings->update( array( 'holidays' => array( '2026-12-25' ) ) );
		$this->assertFalse( get_option( SlaRecompute::CURSOR ), 'around the clock, neither the zone nor the hours matter' );

		$this->settings->update( array( 'sla_business_hours' => true ) );
		$this->assertIsArray( get_option( SlaRecompute::CURSOR ) );
	}

	public function test_a_pass_resumes_after_the_last_ticket_it_did(): void {
		$first  = $this->ticket();
		$second = $this->ticket();
		update_option( 'timezone_string', 'America/New_York' );
		update_option(
			SlaRecompute::CURSOR,
			array(
				'pass'  => 'interrupted',
				'after' => $first->id,
			)
		);

		$this->job->run();

		$this->assertSame( self::berlin( '2026-12-07 09:30' ), $this->stored_due( $first ), 'done before the interruption (under other settings)' );
		$this->assertNotSame( self::berlin( '2026-12-07 09:30' ), $this->stored_due( $second ) );
		$this->assertFalse( get_option( SlaRecompute::CURSOR ) );
		$this->assertSame( 0, $this->job->run(), 'nothing left to do' );
	}

	public function test_a_due_time_changed_meanwhile_is_not_overwritten(): void {
		$ticket = $this->ticket();
		$this->tickets->replace_due( $ticket->id, $ticket->due_at + 1, 123 );
		$this->assertSame( $ticket->due_at, $this->stored_due( $ticket ), 'it was not what the job read' );
		$this->tickets->replace_due( $ticket->id, $ticket->due_at, 123 );
		$this->assertSame( 123, $this->stored_due( $ticket ) );
	}
}
