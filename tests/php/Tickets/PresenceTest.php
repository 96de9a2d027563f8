<?php
/**
 * Presence rows expire when heartbeats stop; each agent has one row per ticket.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Tickets;

use Aftercare\Tests\FixedClock;
use Aftercare\Tests\TestCase;
use Aftercare\Tickets\Presence;

/**
 * Also on SQLite, the database `npm start` uses.
 *
 * @group sqlite
 */
final class PresenceTest extends TestCase {

	public function test_heartbeats_expire_and_replace_each_other(): void {
		global $wpdb;
		$clock    = new FixedClock();
		$presence = new Presence( $wpdb, $clock );
		$a        = $this->user( 'aftercare_agent' );
		$b        = $this->user( 'aftercare_agent' );

		$this->assertSame( array(), $presence->beat( 42, $a->ID, 'viewing' ) );
		$presence->beat( 42, $b->ID, 'viewing' );
		$presence->beat( 42, $b->ID, 'replying' );
		$this->assertSame(
			array(
				array(
					'user_id' => $b->ID,
					'name'    => $b->display_name,
					'state'   => 'replying',
				),
			),
			$presence->beat( 42, $a->ID, 'viewing' ),
			'one row per agent, the latest state'
		);
		$this->assertSame( array(), $presence->beat( 43, $a->ID, 'viewing' ), 'other tickets are separate' );

		$clock->time += Presence::TTL + 1;
		$this->assertSame( array(), $presence->beat( 42, $a->ID, 'viewing' ), 'b stopped beating' );
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$this->assertSame( '1', $wpdb->get_var( "SELECT COUNT(*) FROM {$wpdb->prefix}aftercare_presence WHERE ticket_id = 42" ), 'expired rows are deleted' );
	}
}
