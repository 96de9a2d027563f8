<?php
/**
 * TicketService: creation by guests, customers and agents, replies and notes, updates, events,
 * hooks after commit, idempotency, order checks and numbering.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Tickets;

use Aftercare\Http\ClientAddress;
use Aftercare\Infrastructure\AccessTokens;
use Aftercare\Infrastructure\Database\Transaction;
use Aftercare\Infrastructure\DomainError;
use Aftercare\Infrastructure\RateLimiter;
use Aftercare\Orders\OrderLookup;
use Aftercare\Orders\OrderSource;
use Aftercare\Plugin;
use Aftercare\Settings\Settings;
use Aftercare\Tests\FixedClock;
use Aftercare\Tests\Orders\SiteOrders;
use Aftercare\Tests\TestCase;
use Aftercare\Tickets\AttachmentStore;
use Aftercare\Tickets\EventLog;
use Aftercare\Tickets\MessageRepository;
use Aftercare\Tickets\Sla;
use Aftercare\Tickets\Ticket;
use Aftercare\Tickets\TicketRepository;
use Aftercare\Tickets\TicketService;

/**
 * Also on SQLite, the database `npm start` uses.
 *
 * @group sqlite
 */
final class TicketServiceTest extends TestCase {

	private FixedClock $clock;

	private TicketRepository $tickets;

	private EventLog $events;

	private MessageRepository $messages;

	private Transaction $transaction;

	/** @var array<int, array{0: string, 1: array<mixed>}> */
	private array $fired = array();

	/** @var array<string, \Closure> This test's listener on each hook. */
	private array $listeners = array();

	protected function setUp(): void {
		parent::setUp();
		$this->fired = array();
		foreach ( array( 'aftercare_ticket_created', 'aftercare_message_created', 'aftercare_ticket_updated' ) as $hook ) {
			$this->listeners[ $hook ] = fn( ...$args ) => $this->fired[] = array( $hook, $args );
			add_action( $hook, $this->listeners[ $hook ], 10, 3 );
		}
	}

	protected function tearDown(): void {
		// Only this test's listeners: the plugin's own (the notifier's) stay for the tests after it.
		foreach ( $this->listeners as $hook => $listener ) {
			remove_action( $hook, $listener, 10 );
		}
		parent::tearDown();
	}

	private function service( ?OrderSource $orders = null, bool $with_orders = true ): TicketService {
		global $wpdb;
		$this->clock       = new FixedClock();
		$this->tickets     = self::ticket_repository();
		$this->events      = new EventLog( $wpdb, $this->clock );
		$this->messages    = new MessageRepository( $wpdb );
		$this->transaction = Plugin::instance()->transaction;
		$settings          = new Settings();
		$orders            = $with_orders ? ( $orders ?? Plugin::instance()->orders ) : null;
		return new TicketService(
			$this->tickets,
			$this->messages,
			$this->events,
			new AttachmentStore(
				$wpdb,
				$settings,
				$this->clock,
				new \Aftercare\Infrastructure\RateLimiter( $wpdb, $this->clock ),
				new \Aftercare\Http\ClientAddress( $settings )
			),
			new AccessTokens( $wpdb, $this->clock ),
			new Sla( $settings, $this->clock ),
			$this->transaction,
			$this->clock,
			$orders,
			$orders ? new OrderLookup( $orders, new RateLimiter( $wpdb, $this->clock ), $settings, new ClientAddress( $settings ), $this->clock, 0 ) : null
		);
	}

	/**
	 * @return array<string, mixed>
	 */
	private function guest_input( array $extra = array() ): array {
		return $extra + array(
			'name'    => 'Gwen Guest',
			'email'   => 'gwen@example.test',
			'subject' => 'Where is my parcel?',
			'message' => "Line one\nLine two",
		);
	}

	private function event_types( int $ticket_id ): array {
		return array_column( $this->events->for_object( 'ticket', $ticket_id ), 'type' );
	}

	public function test_the_backfill_confirms_the_emails_of_earlier_account_and_matched_order_tickets_only(): void {
		global $wpdb;
		$service  = $this->service();
		$customer = $this->user( 'subscriber' );
		$order    = SiteOrders::factory()->create( array( 'email' => 'gwen@example.test' ) );
		$number   = Plugin::instance()->orders?->find( $order )?->number;
		$ids      = array(
			'account'       => $service->create( array( 'subject' => 'Mine', 'message' => 'Hello' ), $customer->ID )['ticket']->id,
			'guest + order' => $service->create( $this->guest_input( array( 'order_number' => (string) $number ) ), 0 )['ticket']->id,
			'guest'         => $service->create( $this->guest_input(), 0 )['ticket']->id,
			'phoned in'     => $service->create(
				array( 'customer_email' => 'caller@example.test', 'customer_name' => 'Caller', 'order_id' => $order, 'subject' => 'Phone', 'message' => 'Hi' ),
				$this->user( 'aftercare_agent' )->ID
			)['ticket']->id,
		);
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- As written before the column.
		$wpdb->query( "UPDATE {$this->tickets->table()} SET email_verified_at = 0" );
		$this->assertTrue( $this->tickets->backfill_email_verified() );
		$this->assertTrue( $this->tickets->backfill_email_verified(), 'idempotent' );
		$verified = array_map( fn( int $id ): bool => $this->tickets->find( $id )->email_verified(), $ids );
		$this->assertSame( array( 'account' => true, 'guest + order' => true, 'guest' => false, 'phoned in' => false ), $verified );
	}

	public function test_a_guest_ticket_gets_a_public_number_a_token_an_sla_and_a_created_event(): void {
		$service = $this->service();
		$created = $service->create( $this->guest_input(), 0 );
		$ticket  = $created['ticket'];

		$this->assertSame( $ticket->id + 1000, $ticket->number );
		$this->assertSame( 0, $ticket->customer_id );
		$this->assertSame( 'gwen@example.test', $ticket->customer_email );
		$this->assertSame( 'agent', $ticket->awaiting );
		$this->assertSame( $this->clock->now() + 480 * 60, $ticket->due_at );
		$this->assertSame( "<p>Line one<br />\nLine two</p>", trim( $created['message']->body ) );
		$this->assertMatchesRegularExpression( '/^[A-Za-z0-9_-]{32}$/', $created['token'] );
		$this->assertTrue( ( new AccessTokens( $GLOBALS['wpdb'], $this->clock ) )->verify( 'ticket', $ticket->id, $created['token'] ) );
		$this->assertSame( array( 'created', 'sla' ), $this->event_types( $ticket->id ) );
		$this->assertSame( 'aftercare_ticket_created', $this->fired[0][0] );
		$this->assertSame( $created['token'], $this->fired[0][1][2] );
		$stored = $this->tickets->find( $ticket->id );
		$this->assertSame( $ticket->number, $stored->number );
	}

	public function test_numbers_are_unique_and_follow_each_other(): void {
		$service = $this->service();
		$a       = $service->create( $this->guest_input(), 0 )['ticket'];
		$b       = $service->create( $this->guest_input( array( 'email' => 'other@example.test' ) ), 0 )['ticket'];
		$this->assertGreaterThan( $a->number, $b->number );
		$this->assertSame( $b->id - $a->id, $b->number - $a->number );
	}

	public function test_a_signed_in_customer_is_the_customer_and_gets_no_token(): void {
		$user    = $this->user( 'subscriber' );
		$created = $this->service()->create(
			array(
				'subject' => 'Hi',
				'message' => 'Hello',
				'email'   => 'ignored@example.test',
			),
			$user->ID
		);
		$this->assertSame( $user->ID, $created['ticket']->customer_id );
		$this->assertSame( $user->user_email, $created['ticket']->customer_email );
		$this->assertSame( '', $created['token'] );
	}

	public function test_customers_cannot_set_agent_fields(): void {
		$user   = $this->user( 'subscriber' );
		$agent  = $this->user( 'aftercare_agent' );
		$ticket = $this->service()->create(
			array(
				'subject'     => 'Hi',
				'message'     => 'Hello',
				'priority'    => 'urgent',
				'status'      => 'solved',
				'channel'     => 'phone',
				'assignee_id' => $agent->ID,
				'tags'        => array( 'vip' ),
			),
			$user->ID
		)['ticket'];
		$this->assertSame( 'normal', $ticket->priority->value );
		$this->assertSame( 'new', $ticket->status->value );
		$this->assertSame( 'web', $ticket->channel->value );
		$this->assertSame( 0, $ticket->assignee_id );
		$this->assertSame( array(), $ticket->tags );
	}

	public function test_agents_create_on_behalf_of_a_known_customer_with_fields(): void {
		$agent    = $this->user( 'aftercare_agent' );
		$customer = $this->user( 'subscriber' );
		$ticket   = $this->service()->create(
			array(
				'subject'        => 'Phoned in',
				'message'        => 'Customer called about a refund.',
				'customer_email' => strtoupper( $customer->user_email ),
				'customer_name'  => 'Whatever',
				'channel'        => 'phone',
				'priority'       => 'high',
				'assignee_id'    => $agent->ID,
				'tags'           => array( ' Refund ', 'refund', 'VIP' ),
			),
			$agent->ID
		)['ticket'];
		$this->assertSame( $customer->ID, $ticket->customer_id );
		$this->assertSame( 'phone', $ticket->channel->value );
		$this->assertSame( 'high', $ticket->priority->value );
		$this->assertSame( $agent->ID, $ticket->assignee_id );
		$this->assertSame( array( 'refund', 'vip' ), $this->tickets->find( $ticket->id )->tags );
	}

	public function test_a_guest_order_number_must_match_the_email(): void {
		$service = $this->service();
		$this->assertNotNull( Plugin::instance()->orders, 'the test environment registers an order source' );
		$orders = SiteOrders::factory();
		$guests = $orders->source()->find( $orders->create( array( 'email' => 'guest@example.test' ) ) );
		$others = $orders->source()->find( $orders->create( array( 'email' => 'someone@example.test' ) ) );
		$ticket = $service->create( $this->guest_input( array( 'email' => 'GUEST@example.test', 'order_number' => $guests->number ) ), 0 )['ticket'];
		$this->assertSame( $guests->id, $ticket->order_id );

		$before = $this->tickets->query( new \Aftercare\Tickets\TicketFilter() )['total'];
		try {
			$service->create( $this->guest_input( array( 'email' => 'guest@example.test', 'order_number' => $others->number ) ), 0 );
			$this->fail( 'another customer\'s order was accepted' );
		} catch ( DomainError $error ) {
			$this->assertSame( 'order_not_found', $error->reason );
			$this->assertSame( 400, $error->status );
		}
		$this->assertSame( $before, $this->tickets->query( new \Aftercare\Tickets\TicketFilter() )['total'] );
	}

	public function test_customers_may_name_only_their_own_orders(): void {
		$service   = $this->service();
		$customer1 = get_user_by( 'login', 'customer1' );
		$order_id  = SiteOrders::factory()->create(
			array(
				'customer_id' => $customer1->ID,
				'email'       => $customer1->user_email,
			)
		);
		$own = $service->create( array( 'subject' => 'Mine', 'message' => 'Hi', 'order_id' => $order_id ), $customer1->ID )['ticket'];
		$this->assertSame( $order_id, $own->order_id );

		$customer2 = get_user_by( 'login', 'customer2' );
		$this->expectExceptionObject( DomainError::invalid( 'order_not_found', __( 'We could not find that order for your email address.', 'aftercare' ) ) );
		$service->create( array( 'subject' => 'Not mine', 'message' => 'Hi', 'order_id' => $order_id ), $customer2->ID );
	}

	public function test_order_fields_are_refused_without_an_order_source(): void {
		$service = $this->service( null, false );
		try {
			$service->create( $this->guest_input( array( 'order_number' => '1001' ) ), 0 );
			$this->fail( 'order accepted without an order source' );
		} catch ( DomainError $error ) {
			$this->assertSame( 'orders_unavailable', $error->reason );
			$this->assertSame( 400, $error->status );
		}
	}

	public function test_the_idempotency_key_makes_a_double_submit_return_the_same_ticket(): void {
		$service = $this->service();
		$first   = $service->create( $this->guest_input( array( 'idempotency_key' => 'abcdefgh12345678' ) ), 0 );
		$again   = $service->create( $this->guest_input( array( 'idempotency_key' => 'abcdefgh12345678' ) ), 0 );
		$this->assertSame( $first['ticket']->id, $again['ticket']->id );
		$this->assertTrue( $again['replayed'] );
		$this->assertSame( '', $again['token'], 'a replay hands out no token: the guest\'s link is in their email' );
		$this->assertCount( 1, $this->messages->for_ticket( $first['ticket']->id, true ) );

		// The same key from someone else is someone else's submission.
		$other = $service->create( $this->guest_input( array( 'idempotency_key' => 'abcdefgh12345678', 'email' => 'x@example.test' ) ), 0 );
		$this->assertNotSame( $first['ticket']->id, $other['ticket']->id );

		// A key lasts a day; then it is forgotten and the same submission makes a new ticket.
		$this->clock->time += TicketService::IDEMPOTENCY_TTL - 1;
		$this->assertSame( $first['ticket']->id, $service->create( $this->guest_input( array( 'idempotency_key' => 'abcdefgh12345678' ) ), 0 )['ticket']->id );
		$this->clock->time += 2;
		$later = $service->create( $this->guest_input( array( 'idempotency_key' => 'abcdefgh12345678' ) ), 0 );
		$this->assertFalse( $later['replayed'] );
		$this->assertNotSame( $first['ticket']->id, $later['ticket']->id );
		$this->assertNotSame( '', $later['token'] );
	}

	public function test_an_agent_reply_is_the_first_response_and_waits_on_the_customer(): void {
		$service = $this->service();
		$agent   = $this->user( 'aftercare_agent' );
		$ticket  = $service->create( $this->guest_input(), 0 )['ticket'];

		$this->clock->time += 600;
		$service->reply( $ticket->id, 'reply', '<p>On its way</p>', $agent->ID );
		$after = $this->tickets->find( $ticket->id );
		$this->assertSame( $this->clock->now(), $after->first_response_at );
		$this->assertSame( 'pending', $after->status->value );
		$this->assertSame( 'customer', $after->awaiting );
		$this->assertSame( 0, $after->due_at );
		$this->assertSame( 2, $after->message_count );
		$this->assertContains( 'status', $this->event_types( $ticket->id ) );

		// The customer answers: open again, clock running on the resolution target.
		$this->clock->time += 3600;
		$service->reply( $ticket->id, 'reply', 'Thanks, still nothing', 0 );
		$after = $this->tickets->find( $ticket->id );
		$this->assertSame( 'open', $after->status->value );
		$this->assertSame( 3600, $after->sla_paused_seconds );
		$this->assertSame( $after->created_at + 3600 + 2880 * 60, $after->due_at );

		$hooks = array_column( $this->fired, 0 );
		$this->assertSame(
			array( 'aftercare_ticket_created', 'aftercare_message_created', 'aftercare_ticket_updated', 'aftercare_message_created', 'aftercare_ticket_updated' ),
			$hooks
		);
	}

	public function test_notes_change_nothing_the_customer_sees_and_only_agents_write_them(): void {
		$service = $this->service();
		$agent   = $this->user( 'aftercare_agent' );
		$ticket  = $service->create( $this->guest_input(), 0 )['ticket'];
		$service->reply( $ticket->id, 'note', 'Customer is a reseller', $agent->ID );
		$after = $this->tickets->find( $ticket->id );
		$this->assertSame( 'new', $after->status->value );
		$this->assertSame( 0, $after->first_response_at );
		$this->assertCount( 1, $this->messages->for_ticket( $ticket->id, false ) );
		$this->assertCount( 2, $this->messages->for_ticket( $ticket->id, true ) );

		$this->expectException( DomainError::class );
		$service->reply( $ticket->id, 'note', 'sneaky', 0 );
	}

	public function test_customers_cannot_reply_to_closed_tickets(): void {
		$service = $this->service();
		$agent   = $this->user( 'aftercare_agent' );
		$ticket  = $service->create( $this->guest_input(), 0 )['ticket'];
		$service->update( $ticket->id, array( 'status' => 'closed' ), $agent->ID );
		try {
			$service->reply( $ticket->id, 'reply', 'Hello?', 0 );
			$this->fail( 'reply to a closed ticket accepted' );
		} catch ( DomainError $error ) {
			$this->assertSame( 409, $error->status );
		}
		$this->assertCount( 1, $this->messages->for_ticket( $ticket->id, true ) );
	}

	public function test_updates_record_an_event_per_change_and_announce_the_changes(): void {
		$service = $this->service();
		$agent   = $this->user( 'aftercare_agent' );
		$ticket  = $service->create( $this->guest_input(), 0 )['ticket'];
		$this->fired = array();

		$updated = $service->update(
			$ticket->id,
			array(
				'status'      => 'solved',
				'priority'    => 'urgent',
				'assignee_id' => $agent->ID,
				'tags'        => array( 'Shipping' ),
			),
			$agent->ID
		);
		$this->assertSame( $this->clock->now(), $updated->solved_at );
		$this->assertSame( 'none', $updated->awaiting );
		$this->assertSame( array( 'created', 'sla', 'status', 'priority', 'assignee', 'tags', 'sla' ), $this->event_types( $ticket->id ) );
		$this->assertSame(
			array(
				'status'      => array( 'new', 'solved' ),
				'priority'    => array( 'normal', 'urgent' ),
				'assignee_id' => array( 0, $agent->ID ),
				'tags'        => array( array(), array( 'shipping' ) ),
			),
			$this->fired[0][1][1]
		);

		// Nothing to change: no event, no hook.
		$this->fired = array();
		$service->update( $ticket->id, array( 'priority' => 'urgent' ), $agent->ID );
		$this->assertSame( array(), $this->fired );
	}

	public function test_a_failed_batch_changes_nothing_and_announces_nothing(): void {
		$service = $this->service();
		$agent   = $this->user( 'aftercare_agent' );
		$a       = $service->create( $this->guest_input(), 0 )['ticket'];
		$b       = $service->create( $this->guest_input(), 0 )['ticket'];
		$this->fired = array();
		$events      = count( $this->events->for_object( 'ticket', $a->id ) );

		// The second ticket would get a 21st tag: the whole batch is refused.
		$service->update( $b->id, array( 'tags' => range( 1, 20 ) ), $agent->ID );
		$this->fired = array();
		try {
			$service->update_many( array( $a->id, $b->id ), array( 'add_tags' => array( 'extra' ), 'priority' => 'high' ), $agent->ID );
			$this->fail( 'batch accepted' );
		} catch ( DomainError $error ) {
			$this->assertSame( 'too_many_tags', $error->reason );
		}
		$this->assertSame( 'normal', $this->tickets->find( $a->id )->priority->value );
		$this->assertSame( array(), $this->tickets->find( $a->id )->tags );
		$this->assertCount( $events, $this->events->for_object( 'ticket', $a->id ) );
		$this->assertSame( array(), $this->fired );
	}

	public function test_assignees_must_be_agents_and_only_agents_update(): void {
		$service  = $this->service();
		$agent    = $this->user( 'aftercare_agent' );
		$customer = $this->user( 'subscriber' );
		$ticket   = $service->create( $this->guest_input(), 0 )['ticket'];
		try {
			$service->update( $ticket->id, array( 'assignee_id' => $customer->ID ), $agent->ID );
			$this->fail( 'customer became assignee' );
		} catch ( DomainError $error ) {
			$this->assertSame( 'invalid_assignee', $error->reason );
		}
		$this->expectException( DomainError::class );
		$service->update( $ticket->id, array( 'status' => 'solved' ), $customer->ID );
	}

	public function test_hooks_wait_for_the_outermost_commit_and_never_announce_a_rollback(): void {
		$service = $this->service();
		try {
			$this->transaction->run(
				function () use ( $service ): void {
					$service->create( $this->guest_input(), 0 );
					$this->assertSame( array(), $this->fired, 'announced before the outer unit committed' );
					throw new \RuntimeException( 'later step failed' );
				}
			);
		} catch ( \RuntimeException $error ) {
			$this->assertSame( 'later step failed', $error->getMessage() );
		}
		$this->assertSame( array(), $this->fired );
		$this->assertSame( 0, $this->tickets->query( new \Aftercare\Tickets\TicketFilter( search: 'where is my parcel' ) )['total'] );

		$this->transaction->run( fn() => $service->create( $this->guest_input(), 0 ) );
		$this->assertCount( 1, $this->fired );
	}

	public function test_bodies_are_sanitized_and_empty_or_oversize_ones_refused(): void {
		$service = $this->service();
		$created = $service->create(
			$this->guest_input(
				array(
					'message' => '<p onclick="x()">Hi <script>alert(1)</script><a href="javascript:alert(1)">x</a> <a href="https://example.test">ok</a></p><iframe src="//evil"></iframe>', // phpcs:ignore Generic.Files.LineLength.TooLong -- one HTML string.
				)
			),
			0
		);
		$body    = $created['message']->body;
		$this->assertStringNotContainsString( '<script', $body );
		$this->assertStringNotContainsString( 'onclick', $body );
		$this->assertStringNotContainsString( 'javascript:', $body );
		$this->assertStringNotContainsString( '<iframe', $body );
		$this->assertStringContainsString( '<a rel="nofollow noopener noreferrer" href="https://example.test">ok</a>', $body );

		foreach ( array( '<p> </p><script>x</script>' => 'empty_message', str_repeat( 'a', 20001 ) => 'message_too_long' ) as $message => $reason ) {
			try {
				$service->create( $this->guest_input( array( 'message' => $message ) ), 0 );
				$this->fail( $reason );
			} catch ( DomainError $error ) {
				$this->assertSame( $reason, $error->reason );
			}
		}
	}

	/**
	 * @return int[] Ids of the tickets a queue search finds, in queue order.
	 */
	private function search( string $query ): array {
		$found = $this->tickets->query( new \Aftercare\Tickets\TicketFilter( search: $query, per_page: 100 ) )['tickets'];
		return array_map( static fn( Ticket $ticket ): int => $ticket->id, $found );
	}

	public function test_queue_search_matches_word_prefixes_of_subject_messages_and_notes_with_every_word(): void {
		$service = $this->service();
		$agent   = $this->user( 'aftercare_agent' );
		$zipper  = $service->create( $this->guest_input( array( 'subject' => 'Broken zipper on my jacket' ) ), 0 )['ticket'];
		$parcel  = $service->create( $this->guest_input( array( 'message' => '<p>Tracking says <b>Düsseldorf</b> since Monday</p>' ) ), 0 )['ticket'];
		$service->reply( $parcel->id, 'reply', 'We asked the courier about Duesseldorf.', $agent->ID );
		$service->reply( $parcel->id, 'note', 'Wholesaler, handle with care', $agent->ID );

		$this->assertSame( array( $zipper->id ), $this->search( 'ZIPP' ), 'a prefix of a subject word, any case' );
		$this->assertSame( array( $zipper->id ), $this->search( 'jack brok' ), 'every word must start a word of the ticket' );
		$this->assertSame( array(), $this->search( 'zipper courier' ), 'words are ANDed, not ORed' );
		$this->assertSame( array( $parcel->id ), $this->search( 'dusseldorf' ), 'a word only in the first message, accents folded' );
		$this->assertSame( array( $parcel->id ), $this->search( 'courier' ), 'a word only in a later reply' );
		$this->assertSame( array( $parcel->id ), $this->search( 'wholesal' ), 'a word only in an internal note' );
		$this->assertSame( array(), $this->search( 'ipper' ), 'inside a word is not a prefix' );
		$this->assertSame( array(), $this->search( 'the on' ), 'stop words alone match nothing' );
		$this->assertSame( array( $parcel->id ), $this->search( '#' . $parcel->number ) );
		$this->assertSame(
			1,
			$this->tickets->query( new \Aftercare\Tickets\TicketFilter( search: 'parcel', view: 'open', per_page: 1 ) )['total'],
			'combined with the view'
		);
	}

	public function test_the_backfill_migration_indexes_tickets_written_before_the_terms_and_resumes(): void {
		global $wpdb;
		$service = $this->service();
		$first   = $service->create( $this->guest_input( array( 'subject' => 'Older zipper trouble' ) ), 0 )['ticket'];
		$second  = $service->create( $this->guest_input( array( 'subject' => 'Newer zipper trouble' ) ), 0 )['ticket'];
		$service->reply( $second->id, 'note', 'Reseller account', $this->user( 'aftercare_agent' )->ID );
		$wpdb->query( "DELETE FROM {$wpdb->prefix}aftercare_ticket_terms" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$this->assertSame( array(), $this->search( 'zipper' ), 'as a site upgraded from the search-text column' );

		// A previous request got as far as the first ticket.
		update_option( TicketRepository::REINDEX_CURSOR, $first->id );
		$this->assertTrue( $this->tickets->reindex_batch() );
		$this->assertSame( array( $second->id ), $this->search( 'zipper' ), 'resumed after the cursor' );
		$this->assertSame( array( $second->id ), $this->search( 'resell' ), 'notes backfilled too' );
		$this->assertFalse( get_option( TicketRepository::REINDEX_CURSOR ) );

		$this->assertTrue( $this->tickets->reindex_batch() );
		$this->assertTrue( $this->tickets->reindex_batch(), 'running again is harmless' );
		$this->assertEqualsCanonicalizing( array( $first->id, $second->id ), $this->search( 'zipper trouble' ) );
		$this->assertSame(
			'1',
			// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
			$wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM {$wpdb->prefix}aftercare_ticket_terms WHERE ticket_id = %d AND term = 'zipper'", $second->id ) ),
			'each word once'
		);
	}
}
