<?php
/**
 * Four processes ask at once, with no idempotency key, to return the one unit of a line that is
 * left: exactly one return is made, the others are refused. Each request holds its transaction
 * open for a while (see the fixture), so without the per-order lock they would all pass their
 * checks before any of them commits. Real commits, so this test cleans up after itself.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Returns;


final class ConcurrencyTest extends ReturnsTestCase {

	protected bool $transactional = false;

	public function test_simultaneous_requests_for_the_last_unit_make_one_return(): void {
		global $wpdb;
		$order = $this->order(
			array(
				'items' => array(
					array(
						'name'     => 'Last lamp',
						'quantity' => 1,
						'total'    => 30.0,
					),
				),
			)
		);
		$procs = array();
		for ( $i = 0; $i < 4; $i++ ) {
			$pipes   = array();
			$procs[] = array(
				proc_open(
					array( PHP_BINARY, dirname( __DIR__, 2 ) . '/fixtures/concurrency/returns.php', (string) $order->id, (string) $order->items[0]->id ),
					array( 1 => array( 'pipe', 'w' ), 2 => array( 'pipe', 'w' ) ),
					$pipes
				),
				$pipes,
			);
		}
		$results = array();
		foreach ( $procs as list( $proc, $pipes ) ) {
			$results[] = trim( (string) stream_get_contents( $pipes[1] ) ) . trim( (string) stream_get_contents( $pipes[2] ) );
			proc_close( $proc );
		}
		$t   = $wpdb->prefix . 'aftercare_';
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$ids = array_map( 'intval', $wpdb->get_col( $wpdb->prepare( "SELECT id FROM {$t}returns WHERE order_id = %d", $order->id ) ) );
		try {
			$outcomes = array_count_values( $results );
			$this->assertSame( 1, $outcomes['created'] ?? 0, implode( "\n", $results ) );
			$this->assertCount( 1, $ids, 'one return for the one unit: ' . implode( ', ', $results ) );
			unset( $outcomes['created'] );
			// Refused before the lock (the unit was gone) or at the recheck under it.
			$this->assertSame( array(), array_diff( array_keys( $outcomes ), array( 'not_returnable', 'already_returned' ) ), implode( "\n", $results ) );
			$this->assertSame( 1, $this->returns->eligibility( $order )->item( $order->items[0]->id )->returned );
			$this->assertNull(
				$wpdb->get_var( $wpdb->prepare( "SELECT option_value FROM {$wpdb->options} WHERE option_name = %s", \Aftercare\Orders\OrderLock::PREFIX . $order->id ) ),
				'the lock is released'
			);
		} finally {
			foreach ( $ids as $id ) {
				// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
				$ticket = (int) $wpdb->get_var( $wpdb->prepare( "SELECT ticket_id FROM {$t}returns WHERE id = %d", $id ) );
				$wpdb->delete( $t . 'returns', array( 'id' => $id ) );
				$wpdb->delete( $t . 'return_items', array( 'return_id' => $id ) );
				$wpdb->delete( $t . 'events', array( 'object_type' => 'return', 'object_id' => $id ) );
				$wpdb->delete( $t . 'tickets', array( 'id' => $ticket ) );
				$wpdb->delete( $t . 'messages', array( 'ticket_id' => $ticket ) );
				$wpdb->delete( $t . 'access_tokens', array( 'object_type' => 'ticket', 'object_id' => $ticket ) );
				$wpdb->delete( $t . 'events', array( 'object_type' => 'ticket', 'object_id' => $ticket ) );
				$wpdb->delete( $t . 'outbox', array( 'ticket_id' => $ticket ) );
			}
			$this->delete_order( $order->id );
		}
	}

	/**
	 * The order is committed too: removed with its notes (WooCommerce: with its refunds and items).
	 */
	private function delete_order( int $order_id ): void {
		global $wpdb;
		if ( class_exists( 'WooCommerce' ) ) {
			wc_get_order( $order_id )?->delete( true );
			return;
		}
		$source = aftercare_test_order_source();
		$wpdb->delete( $source->table(), array( 'id' => $order_id ) );
		$wpdb->delete( $source->notes_table(), array( 'order_id' => $order_id ) );
	}
}
