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

		$this->clock->time = $start + 2880; // 12 minutes left: under a fifth of the hour.
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
}
