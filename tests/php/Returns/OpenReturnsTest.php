<?php
/**
 * The ticket screen's context lists the customer's open returns (and not settled or other
 * people's ones).
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Returns;

use Aftercare\Returns\OpenReturns;
use Aftercare\Returns\ReturnItemRepository;
use Aftercare\Returns\ReturnRepository;

/**
 * @group sqlite
 */
final class OpenReturnsTest extends ReturnsTestCase {

	public function test_the_ticket_context_shows_the_customers_open_returns(): void {
		global $wpdb;
		// Rest\Tickets\AgentRoutesTest removes every callback of this hook; put the plugin's back.
		if ( ! has_filter( 'aftercare_ticket_context_open_returns' ) ) {
			( new OpenReturns( new ReturnRepository( $wpdb, new ReturnItemRepository( $wpdb ) ) ) )->register();
		}
		$agent  = $this->user( 'aftercare_agent' )->ID;
		$order  = $this->order( array( 'items' => array( array( 'name' => 'Socks', 'quantity' => 5, 'total' => 25.0 ) ) ) );
		$open   = $this->returns->create( $order, $this->input( $order ), 0 )['return'];
		$closed = $this->returns->create( $order, $this->input( $order ), 0 )['return'];
		$this->returns->move( $closed->id, 'rejected', $agent );
		$other = $this->order( array( 'email' => 'someone@example.test' ) );
		$this->returns->create( $other, $this->input( $other ), 0 );

		$context = $this->rest( 'GET', '/aftercare/v1/tickets/' . $open->ticket_id . '/context', array(), $agent );
		$this->assertSame( 200, $context->get_status(), (string) wp_json_encode( $context->get_data() ) );
		$this->assertSame(
			array(
				array(
					'id'     => $open->id,
					'number' => $open->number,
					'status' => 'requested',
				),
			),
			$context->get_data()['open_returns']
		);
	}
}
