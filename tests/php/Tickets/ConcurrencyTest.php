<?php
/**
 * Four processes open tickets at once: every ticket gets its own public number, and one shared
 * idempotency key still makes exactly one ticket. Real commits, so this test cleans up after itself.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Tickets;

use Aftercare\Tests\TestCase;

final class ConcurrencyTest extends TestCase {

	protected bool $transactional = false;

	public function test_parallel_creation_never_shares_a_number_and_one_key_makes_one_ticket(): void {
		global $wpdb;
		$run   = wp_generate_password( 8, false );
		$procs = array();
		for ( $i = 0; $i < 4; $i++ ) {
			$pipes   = array();
			$procs[] = array(
				proc_open(
					array( PHP_BINARY, dirname( __DIR__, 2 ) . '/fixtures/concurrency/tickets.php', $run ),
					array( 1 => array( 'pipe', 'w' ), 2 => array( 'pipe', 'w' ) ),
					$pipes
				),
				$pipes,
			);
		}
		$ids = array();
		foreach ( $procs as list( $proc, $pipes ) ) {
			$out = trim( (string) stream_get_contents( $pipes[1] ) );
			$err = trim( (string) stream_get_contents( $pipes[2] ) );
			proc_close( $proc );
			$this->assertJson( $out, $out . $err );
			$ids[] = json_decode( $out, true );
		}
		$t    = $wpdb->prefix . 'aftercare_';
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$rows = $wpdb->get_results( $wpdb->prepare( "SELECT id, number FROM {$t}tickets WHERE subject = %s", 'Concurrency probe ' . $run ) );
		$all  = array_map( 'intval', array_column( $rows, 'id' ) );
		try {
			$this->assertCount( 17, $rows, '4 × 4 own tickets + 1 for the shared key' );
			$this->assertCount( 17, array_unique( array_column( $rows, 'number' ) ) );
			$this->assertCount( 1, array_unique( array_column( $ids, 0 ) ), 'every process got the same ticket for the shared key' );
		} finally {
			foreach ( $all as $id ) {
				$wpdb->delete( $t . 'tickets', array( 'id' => $id ) );
				$wpdb->delete( $t . 'messages', array( 'ticket_id' => $id ) );
				$wpdb->delete( $t . 'access_tokens', array( 'object_type' => 'ticket', 'object_id' => $id ) );
				$wpdb->delete( $t . 'events', array( 'object_type' => 'ticket', 'object_id' => $id ) );
				$wpdb->delete( $t . 'outbox', array( 'ticket_id' => $id ) );
			}
		}
	}
}
