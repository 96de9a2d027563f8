<?php
/**
 * Four processes change the same tickets at once (single and bulk changes, each its own
 * transaction on its own connection): the counts still equal a recount, since every move is an
 * increment in SQL from the row as stored under its lock. Real commits, so this test cleans up
 * after itself. MariaDB only: SQLite takes one writer at a time, so there is nothing to race.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Tickets;

use Aftercare\Plugin;
use Aftercare\Tests\TestCase;
use Aftercare\Tickets\TicketCounts;

final class TicketCountsConcurrencyTest extends TestCase {

	protected bool $transactional = false;

	public function test_concurrent_changes_of_the_same_tickets_keep_the_counts_exact(): void {
		global $wpdb;
		$counts = new TicketCounts( $wpdb, Plugin::instance()->transaction );
		$agents = array();
		$ids    = array();
		try {
			for ( $i = 0; $i < 2; $i++ ) {
				$agents[] = $this->user( 'aftercare_agent' )->ID;
			}
			for ( $i = 0; $i < 6; $i++ ) {
				$ids[] = Plugin::instance()->tickets->create(
					array(
						'subject'        => 'Counted at once',
						'message'        => 'Hello',
						'customer_email' => 'racer@example.test',
						'customer_name'  => 'Racer',
					),
					$agents[0]
				)['ticket']->id;
			}
			$counts->rebuild();
			$before = $this->rows( $counts );

			$procs = array();
			for ( $i = 1; $i <= 4; $i++ ) {
				$pipes   = array();
				$procs[] = array(
					proc_open(
						array( PHP_BINARY, dirname( __DIR__, 2 ) . '/fixtures/concurrency/ticket-counts.php', (string) $i, implode( ',', $ids ), implode( ',', $agents ) ),
						array( 1 => array( 'pipe', 'w' ), 2 => array( 'pipe', 'w' ) ),
						$pipes
					),
					$pipes,
				);
			}
			foreach ( $procs as list( $proc, $pipes ) ) {
				$out = trim( (string) stream_get_contents( $pipes[1] ) );
				$err = trim( (string) stream_get_contents( $pipes[2] ) );
				proc_close( $proc );
				$this->assertSame( '40', $out, $err );
			}

			$kept = $this->rows( $counts );
			$this->assertNotSame( $before, $kept, 'the tickets moved' );
			$counts->rebuild();
			$this->assertSame( $this->rows( $counts ), $kept, 'the kept counts are what a recount writes' );
		} finally {
			$t = $wpdb->prefix . 'aftercare_';
			foreach ( $ids as $id ) {
				foreach ( array( 'tickets' => 'id', 'messages' => 'ticket_id', 'ticket_terms' => 'ticket_id', 'outbox' => 'ticket_id' ) as $table => $column ) {
					$wpdb->delete( $t . $table, array( $column => $id ) );
				}
				$wpdb->delete( $t . 'events', array( 'object_type' => 'ticket', 'object_id' => $id ) );
				$wpdb->delete( $t . 'access_tokens', array( 'object_type' => 'ticket', 'object_id' => $id ) );
			}
			array_map( 'wp_delete_user', $agents );
			$counts->rebuild();
		}
	}

	/**
	 * @return array<string, int> The rows that hold tickets.
	 */
	private function rows( TicketCounts $counts ): array {
		global $wpdb;
		$rows = array();
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		foreach ( $wpdb->get_results( "SELECT status, priority, assignee_id, tickets FROM {$counts->table()} WHERE tickets <> 0" ) as $row ) {
			$rows[ "{$row->status}/{$row->priority}/{$row->assignee_id}" ] = (int) $row->tickets;
		}
		ksort( $rows );
		return $rows;
	}
}
