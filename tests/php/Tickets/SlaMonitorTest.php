<?php
/**
 * The breach sweep: one `sla` event and one hook per breached due time, nothing for tickets on
 * time, paused or done.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Tickets;

use Aftercare\Plugin;
use Aftercare\Settings\Settings;
use Aftercare\Tests\FixedClock;
use Aftercare\Tests\TestCase;
use Aftercare\Tickets\Channel;
use Aftercare\Tickets\EventLog;
use Aftercare\Tickets\Priority;
use Aftercare\Tickets\Sla;
use Aftercare\Tickets\SlaMonitor;
use Aftercare\Tickets\Status;
use Aftercare\Tickets\Ticket;

/**
 * Also on SQLite, the database `npm start` uses.
 *
 * @group sqlite
 */
final class SlaMonitorTest extends TestCase {

	public function test_each_breach_is_reported_once(): void {
		global $wpdb;
		$wpdb->query( "UPDATE {$wpdb->prefix}aftercare_tickets SET sla_breach_due = due_at" ); // Older tickets of the site are not this test's.
		$clock   = new FixedClock();
		$tickets = self::ticket_repository();
		$events  = new EventLog( $wpdb, $clock );
		$sla     = new Sla( new Settings(), $clock );
		$monitor = new SlaMonitor( $tickets, $events, $sla, Plugin::instance()->transaction, $clock );
		$make    = function ( Status $status ) use ( $tickets, $sla, $clock ): Ticket {
			$ticket = new Ticket(
				0,
				0,
				'S',
				$status,
				Priority::Urgent,
				Channel::Web,
				0,
				'a@example.test',
				'A',
				0,
				0,
				Ticket::awaiting_for( $status ),
				$clock->now(),
				$clock->now()
			);
			$sla->apply( $ticket );
			return $tickets->insert( $ticket, '', 's' );
		};
		$late    = $make( Status::New );
		$paused  = $make( Status::Pending );
		$done    = $make( Status::Solved );
		$fired   = array();
		add_action(
			'aftercare_ticket_sla_breached',
			static function ( Ticket $ticket, string $target ) use ( &$fired ): void { $fired[] = array( $ticket->id, $target ); },
			10,
			2
		);

		$this->assertSame( 0, $monitor->sweep(), 'nothing is late yet' );
		$clock->time += 31 * MINUTE_IN_SECONDS;
		$this->assertSame( 1, $monitor->sweep() );
		$this->assertSame( array( array( $late->id, 'first_response' ) ), $fired );
		$timeline = $events->for_object( 'ticket', $late->id );
		$this->assertSame( 'breached', end( $timeline )['data']['to']['state'] );
		$this->assertSame( 0, $monitor->sweep(), 'reported once' );
		$this->assertSame( array(), array_column( $events->for_object( 'ticket', $paused->id ), 'type' ) );
		$this->assertSame( array(), array_column( $events->for_object( 'ticket', $done->id ), 'type' ) );
		remove_all_actions( 'aftercare_ticket_sla_breached' );
	}
}
