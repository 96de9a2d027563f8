<?php
/**
 * The return service: submission against the policy (nothing half-written when refused),
 * idempotency, the thread and guest link, photos, repeated returns and the state machine.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Returns;

use Aftercare\Infrastructure\AccessTokens;
use Aftercare\Infrastructure\DomainError;
use Aftercare\Plugin;
use Aftercare\Returns\ReturnRequest;
use Aftercare\Returns\ReturnStatus;
use Aftercare\Settings\Settings;
use Aftercare\Tickets\AttachmentStore;
use Aftercare\Tickets\MessageRepository;

/**
 * @group sqlite
 */
final class ReturnServiceTest extends ReturnsTestCase {

	private function refused( string $reason, callable $call ): void {
		$before      = $this->rows();
		$this->fired = array();
		try {
			$call();
			$this->fail( "expected {$reason}" );
		} catch ( DomainError $error ) {
			$this->assertSame( $reason, $error->reason, $error->getMessage() );
		}
		$this->assertSame( $before, $this->rows(), 'nothing written' );
		$this->assertNotContains( 'aftercare_return_created', $this->fired_hooks() );
	}

	public function test_a_guest_return_gets_a_number_a_thread_a_link_an_event_and_an_order_note(): void {
		global $wpdb;
		$order   = $this->order();
		$created = $this->returns->create( $order, $this->input( $order, array( array( 0, 2, 'size' ) ) ), 0 );
		$return  = $created['return'];

		$this->assertFalse( $created['replayed'] );
		$this->assertSame( 'R-' . ( $return->id + 1000 ), $return->public_number() );
		$this->assertSame( ReturnStatus::Requested, $return->status );
		$stored = $this->returns->get( $return->id );
		$this->assertSame(
			array( array( $order->items[0]->id, 2, 'size', 'Does not fit' ) ),
			array_map( static fn( $i ) => array( $i->order_item_id, $i->quantity, $i->reason, $i->reason_label ), $stored->items )
		);
		$this->assertSame( 'gwen@example.test', $stored->customer_email );
		$this->assertSame( $order->id, $stored->order_id );

		$ticket = (
			self::ticket_repository()
		)->find(
			$stored->ticket_id
		);
		$this->assertNotNull( $ticket );
		$this->assertSame( $order->id, $ticket->order_id );
		$this->assertSame( 'Return ' . $return->public_number() . ' for order #' . $order->number, $ticket->subject );
		$first = ( new MessageRepository( $wpdb ) )->for_ticket( $ticket->id, false )[0];
		$this->assertStringContainsString( '2 × Linen shirt (Does not fit)', $first->body );
		$this->assertStringContainsString( 'Too small.', $first->body );

		$tokens = new AccessTokens( $wpdb, new \Aftercare\Infrastructure\SystemClock() );
		$this->assertTrue( $tokens->verify( 'ticket', $stored->ticket_id, $created['token'] ), 'the guest link opens the return thread' );
		$this->assertSame( array( 'created' ), array_column( $this->returns->timeline( $return->id ), 'type' ) );
		$this->assertStringContainsString(
			'Return ' . $return->public_number() . ' requested: 2 × Linen shirt (Does not fit)',
			implode( "\n", array_column( $this->orders->notes( $order->id ), 'note' ) )
		);
		$this->assertSame( array( 'aftercare_return_created' ), $this->fired_hooks() );
		$this->assertSame( $return->id, $this->fired[0][1][0]->id );
	}

	public function test_a_signed_in_customer_returns_from_their_own_orders_only(): void {
		$alice = $this->user( 'subscriber' );
		$bob   = $this->user( 'subscriber' );
		$order = $this->order( array( 'customer_id' => $alice->ID, 'email' => $alice->user_email ) );

		$this->assertSame( $order->id, $this->returns->order_for( $order->id, $alice->ID )->id );
		foreach ( array( $bob->ID, 0 ) as $other ) {
			try {
				$this->returns->order_for( $order->id, $other );
				$this->fail( 'someone else\'s order' );
			} catch ( DomainError $error ) {
				$this->assertSame( 404, $error->status );
			}
		}
		$created = $this->returns->create( $order, $this->input( $order ), $alice->ID );
		$this->assertSame( '', $created['token'], 'customers use their account, not a link' );
		$this->assertSame( $alice->ID, $created['return']->customer_id );
	}

	public function test_the_idempotency_key_makes_a_double_submit_return_the_same_return(): void {
		$order  = $this->order();
		$input  = $this->input( $order, array( array( 0, 1, 'size' ) ), array( 'idempotency_key' => 'k-123' ) );
		$first  = $this->returns->create( $order, $input, 0 );
		$rows   = $this->rows();
		$second = $this->returns->create( $order, $input, 0 );

		$this->assertTrue( $second['replayed'] );
		$this->assertSame( $first['return']->id, $second['return']->id );
		$this->assertSame( $rows['returns'], $this->rows()['returns'] );
		$this->assertSame( $rows['tickets'], $this->rows()['tickets'] );
		$this->assertSame( '', $second['token'], 'a replay hands out no link: the guest\'s is in their email' );
		$this->assertSame( $rows['access_tokens'], $this->rows()['access_tokens'] );
		$third = $this->returns->create( $order, array( 'idempotency_key' => 'k-124' ) + $input, 0 );
		$this->assertNotSame( $first['return']->id, $third['return']->id, 'another key is another return' );
	}

	public function test_refused_requests_write_nothing(): void {
		$order = $this->order();
		$other = $this->order();
		$this->refused( 'no_items', fn() => $this->returns->create( $order, array( 'items' => array() ) + $this->input( $order ), 0 ) );
		$this->refused( 'invalid_item', fn() => $this->returns->create( $order, $this->input( $other ), 0 ) );
		$this->refused( 'invalid_item', fn() => $this->returns->create( $order, $this->input( $order, array( array( 0, 1, 'size' ), array( 0, 1, 'size' ) ) ), 0 ) );
		$this->refused( 'invalid_quantity', fn() => $this->returns->create( $order, $this->input( $order, array( array( 0, 3, 'size' ) ) ), 0 ) );
		$this->refused( 'invalid_quantity', fn() => $this->returns->create( $order, $this->input( $order, array( array( 0, 0, 'size' ) ) ), 0 ) );
		$this->refused( 'invalid_quantity', fn() => $this->returns->create( $order, $this->input( $order, array( array( 0, -1, 'size' ) ) ), 0 ) );
		$this->refused( 'invalid_reason', fn() => $this->returns->create( $order, $this->input( $order, array( array( 0, 1, 'bored' ) ) ), 0 ) );
		$this->refused(
			'invalid_outcome',
			fn() => $this->returns->create( $order, $this->input( $order, array( array( 0, 1, 'size' ) ), array( 'outcome' => 'cash' ) ), 0 )
		);
		$this->refused(
			'comment_too_long',
			fn() => $this->returns->create( $order, $this->input( $order, array( array( 0, 1, 'size' ) ), array( 'comment' => str_repeat( 'x', 5001 ) ) ), 0 )
		);
		( new Settings() )->update( array( 'return_outcomes' => array( 'refund' ) ) );
		$this->refused(
			'invalid_outcome',
			fn() => $this->returns->create( $order, $this->input( $order, array( array( 0, 1, 'size' ) ), array( 'outcome' => 'exchange' ) ), 0 )
		);
		$late = $this->order( array( 'completed' => time() - 90 * DAY_IN_SECONDS ) );
		$this->refused( 'not_returnable', fn() => $this->returns->create( $late, $this->input( $late ), 0 ) );
	}

	public function test_reasons_that_need_photos_need_images(): void {
		$order = $this->order();
		$this->refused( 'photos_required', fn() => $this->returns->create( $order, $this->input( $order, array( array( 0, 1, 'damaged' ) ) ), 0 ) );
		$this->refused(
			'file_type',
			fn() => $this->returns->create(
				$order,
				$this->input( $order, array( array( 0, 1, 'damaged' ) ), array( 'photos' => array( self::upload( 'a.txt', 'not a photo' ) ) ) ),
				0
			)
		);
		$this->refused(
			'file_type',
			fn() => $this->returns->create(
				$order,
				$this->input( $order, array( array( 0, 1, 'damaged' ) ), array( 'photos' => array( self::upload( 'a.png', 'not a png' ) ) ) ),
				0
			)
		);
		$this->refused(
			'too_many_files',
			fn() => $this->returns->create(
				$order,
				$this->input(
					$order,
					array( array( 0, 1, 'damaged' ) ),
					array( 'photos' => array_fill( 0, AttachmentStore::MAX_FILES + 1, self::upload( 'a.png', self::png() ) ) )
				),
				0
			)
		);

		$created = $this->returns->create(
			$order,
			$this->input( $order, array( array( 0, 1, 'damaged' ) ), array( 'photos' => array( self::upload( 'scratch.png', self::png() ) ) ) ),
			0
		);
		global $wpdb;
		$photos = $wpdb->get_results(
			// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
			$wpdb->prepare( "SELECT name, mime FROM {$wpdb->prefix}aftercare_attachments WHERE ticket_id = %d", $created['return']->ticket_id )
		);
		$this->assertSame( array( array( 'scratch.png', 'image/png' ) ), array_map( static fn( $p ) => array( $p->name, $p->mime ), $photos ) );
	}

	public function test_repeated_returns_take_what_is_left_and_a_rejection_gives_it_back(): void {
		$agent = $this->user( 'aftercare_agent' )->ID;
		$order = $this->order();
		$first = $this->returns->create( $order, $this->input( $order, array( array( 0, 1, 'size' ) ) ), 0 )['return'];
		$this->assertSame( array( 1, 1 ), array_map( static fn( $i ) => $i->returnable, $this->returns->eligibility( $order )->items ) );
		$this->returns->create( $order, $this->input( $order, array( array( 0, 1, 'size' ), array( 1, 1, 'changed_mind' ) ) ), 0 );
		$left = $this->returns->eligibility( $order );
		$this->assertSame(
			array( array( 0, 'Already returned.' ), array( 0, 'Already returned.' ) ),
			array_map( static fn( $i ) => array( $i->returnable, $i->reason ), $left->items )
		);
		$this->refused( 'not_returnable', fn() => $this->returns->create( $order, $this->input( $order ), 0 ) );

		$this->returns->move( $first->id, 'rejected', $agent, 'Worn items cannot be returned.' );
		$this->assertSame( 1, $this->returns->eligibility( $order )->items[0]->returnable );
	}

	/**
	 * @return array<string, array{0: string[], 1: string, 2: int}> path to reach, move, expected (0 ok, else HTTP status)
	 */
	public function transitions(): array {
		return array(
			'requested → approved'              => array( array(), 'approved', 0 ),
			'requested → rejected'              => array( array(), 'rejected', 0 ),
			'requested → closed (withdrawn)'    => array( array(), 'closed', 0 ),
			'requested → awaiting items'        => array( array(), 'awaiting_items', 409 ),
			'approved → awaiting items'         => array( array( 'approved' ), 'awaiting_items', 0 ),
			'approved → approved'               => array( array( 'approved' ), 'approved', 409 ),
			'awaiting items → approved'         => array( array( 'approved', 'awaiting_items' ), 'approved', 409 ),
			'awaiting items → closed'           => array( array( 'approved', 'awaiting_items' ), 'closed', 0 ),
			'rejected → approved'               => array( array( 'rejected' ), 'approved', 409 ),
			'rejected → closed'                 => array( array( 'rejected' ), 'closed', 0 ),
			'closed → approved'                 => array( array( 'closed' ), 'approved', 409 ),
			'closed → closed'                   => array( array( 'closed' ), 'closed', 409 ),
			'refunded is its own action'        => array( array( 'approved' ), 'refunded', 400 ),
			'received is its own action'        => array( array( 'approved' ), 'received', 400 ),
			'unknown status'                    => array( array(), 'lost', 400 ),
		);
	}

	/**
	 * @dataProvider transitions
	 *
	 * @param string[] $path     Moves made first.
	 * @param string   $to       The move tested.
	 * @param int      $expected 0 when allowed, else the error status.
	 */
	public function test_the_state_machine( array $path, string $to, int $expected ): void {
		$agent  = $this->user( 'aftercare_agent' )->ID;
		$order  = $this->order();
		$return = $this->returns->create( $order, $this->input( $order ), 0 )['return'];
		foreach ( $path as $step ) {
			$this->returns->move( $return->id, $step, $agent );
		}
		$this->fired = array();
		$before      = $this->returns->get( $return->id );
		try {
			$moved = $this->returns->move( $return->id, $to, $agent );
			$this->assertSame( 0, $expected, 'the move should have been refused' );
			$this->assertSame( $to, $moved->status->value );
			$this->assertSame( $to, $this->returns->get( $return->id )->status->value );
			$this->assertSame(
				array( 'from' => $before->status->value, 'to' => $to ),
				array_values( array_filter( $this->returns->timeline( $return->id ), static fn( $e ) => 'status' === $e['type'] ) )[ count( $path ) ]['data']
			);
			$this->assertSame( array( 'aftercare_return_updated' ), $this->fired_hooks() );
			$this->assertSame( array( 'status' => array( $before->status->value, $to ) ), $this->fired[0][1][1] );
			$notes = $this->orders->notes( $order->id );
			$this->assertStringContainsString( 'Return ' . $return->public_number() . ': ' . ReturnStatus::from( $to )->label(), (string) end( $notes )['note'] );
		} catch ( DomainError $error ) {
			$this->assertSame( $expected, $error->status, $error->getMessage() );
			$this->assertSame( $before->status, $this->returns->get( $return->id )->status );
			$this->assertSame( array(), $this->fired_hooks() );
		}
	}

	public function test_only_agents_move_returns_and_their_message_reaches_the_thread(): void {
		global $wpdb;
		$order  = $this->order();
		$return = $this->returns->create( $order, $this->input( $order ), 0 )['return'];
		foreach ( array( 0, $this->user( 'subscriber' )->ID ) as $actor ) {
			try {
				$this->returns->move( $return->id, 'approved', $actor );
				$this->fail( 'only agents' );
			} catch ( DomainError $error ) {
				$this->assertSame( 'forbidden', $error->reason );
			}
		}
		$agent = $this->user( 'aftercare_agent' )->ID;
		$this->returns->move( $return->id, 'approved', $agent, 'Approved: please send it back within 14 days.' );
		$thread = ( new MessageRepository( $wpdb ) )->for_ticket( $this->returns->get( $return->id )->ticket_id, false );
		$this->assertSame( 'Approved: please send it back within 14 days.', wp_strip_all_tags( trim( end( $thread )->body ) ) );
		$this->assertSame( 'agent', end( $thread )->author_role );
	}

	public function test_shoppers_write_on_open_returns_only(): void {
		global $wpdb;
		$order  = $this->order();
		$return = $this->returns->create( $order, $this->input( $order ), 0 )['return'];
		$this->returns->message( $return->id, 'Any news?', 0 );
		$this->assertCount( 2, ( new MessageRepository( $wpdb ) )->for_ticket( $return->ticket_id, false ) );

		$this->returns->move( $return->id, 'closed', $this->user( 'aftercare_agent' )->ID );
		try {
			$this->returns->message( $return->id, 'Hello?', 0 );
			$this->fail( 'closed' );
		} catch ( DomainError $error ) {
			$this->assertSame( 409, $error->status );
		}
	}

	public function test_hooks_wait_for_the_outermost_commit_and_never_announce_a_rollback(): void {
		$order = $this->order();
		try {
			Plugin::instance()->transaction->run(
				function () use ( $order ): void {
					$this->returns->create( $order, $this->input( $order ), 0 );
					$this->assertSame( array(), $this->fired_hooks(), 'not before the commit' );
					throw new \RuntimeException( 'rollback' );
				}
			);
		} catch ( \RuntimeException $error ) {
			$this->assertSame( 'rollback', $error->getMessage() );
		}
		$this->assertSame( array(), $this->fired_hooks() );
		$this->assertInstanceOf( ReturnRequest::class, $this->returns->create( $order, $this->input( $order ), 0 )['return'] );
	}
}
