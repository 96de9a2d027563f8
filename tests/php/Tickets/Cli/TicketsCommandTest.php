<?php
/**
 * `wp aftercare tickets recount`: repairs the queue's counts from the tickets and shows each view
 * before and after; a bad --format is refused before anything is touched.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Tickets\Cli;

use Aftercare\Plugin;
use Aftercare\Tests\Cli\RunsCommands;
use Aftercare\Tests\TestCase;
use Aftercare\Tickets\TicketCounts;

/**
 * @group sqlite
 */
final class TicketsCommandTest extends TestCase {

	use RunsCommands;

	protected function setUp(): void {
		parent::setUp();
		global $wpdb;
		// Tickets other tests left behind (real commits) are counted too: start from right counts.
		( new TicketCounts( $wpdb, Plugin::instance()->transaction ) )->rebuild();
	}

	/**
	 * Tickets in the tickets table, by view, counted row by row.
	 *
	 * @return array<string, int>
	 */
	private function recount(): array {
		global $wpdb;
		$table = $wpdb->prefix . 'aftercare_tickets';
		// phpcs:disable WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		return array(
			'all'  => (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$table}" ),
			'open' => (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$table} WHERE status NOT IN ('solved', 'closed')" ),
		);
		// phpcs:enable WordPress.DB.PreparedSQL.InterpolatedNotPrepared
	}

	public function test_recount_repairs_counts_that_drifted_and_shows_each_view_before_and_after(): void {
		global $wpdb;
		Plugin::instance()->tickets->create(
			array(
				'subject' => 'Counted',
				'message' => 'Hello',
				'email'   => 'guest@example.test',
				'name'    => 'Guest',
			),
			0
		);
		$right = $this->recount();
		// Drift the new, unassigned row: the all, open, unassigned and awaiting views are off by 7.
		$counts = $wpdb->prefix . 'aftercare_ticket_counts';
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$wpdb->query( "UPDATE {$counts} SET tickets = tickets + 7 WHERE status = 'new' AND assignee_id = 0" );

		$output = $this->wp( 'aftercare tickets', 'recount', array(), array( 'format' => 'csv' ) );

		$table = $output->tables[0];
		$this->assertSame( array( 'csv', array( 'view', 'before', 'after' ) ), array( $table['format'], $table['fields'] ) );
		$rows = array_column( $table['rows'], null, 'view' );
		$this->assertSame( array( 'all', 'open', 'unassigned', 'awaiting', 'solved' ), array_keys( $rows ) );
		$this->assertSame( array( $right['all'] + 7, $right['all'] ), array( $rows['all']['before'], $rows['all']['after'] ) );
		$this->assertSame( array( $right['open'] + 7, $right['open'] ), array( $rows['open']['before'], $rows['open']['after'] ) );
		$this->assertSame( $rows['solved']['before'], $rows['solved']['after'], 'a view that was right stays' );
		$this->assertSame( array( 'Ticket counts recounted: 4 views were off.' ), $output->said( 'success' ) );
	}

	public function test_a_bad_format_is_refused_before_the_counts_are_touched(): void {
		global $wpdb;
		$counts = $wpdb->prefix . 'aftercare_ticket_counts';
		$wpdb->insert( $counts, array( 'status' => 'open', 'priority' => 'low', 'assignee_id' => 424242, 'tickets' => 3 ) );
		$this->wp_fails( 'Unknown format "html"', 'aftercare tickets', 'recount', array(), array( 'format' => 'html' ) );
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$this->assertSame( '3', $wpdb->get_var( "SELECT tickets FROM {$counts} WHERE assignee_id = 424242" ), 'no recount ran' );
	}
}
