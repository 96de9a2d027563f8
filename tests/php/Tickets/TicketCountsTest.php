<?php
/**
 * The queue's counts (TicketCounts) against a recount: after every kind of ticket write, in a
 * seeded random order, each view's count equals the rows the view lists, and the whole table
 * equals a rebuild. X-WP-Total of an unfiltered list comes from the counts; filtered lists count
 * their rows; managers (only) repair the counts over REST.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Tickets;

use Aftercare\HelpCenter\Tokenizer;
use Aftercare\Infrastructure\DomainError;
use Aftercare\Plugin;
use Aftercare\Tests\TestCase;
use Aftercare\Tickets\MessageRepository;
use Aftercare\Tickets\Priority;
use Aftercare\Tickets\Status;
use Aftercare\Tickets\TagRepository;
use Aftercare\Tickets\TicketCounts;
use Aftercare\Tickets\TicketFilter;
use Aftercare\Tickets\TicketRepository;
use Aftercare\Tickets\TicketTerms;

/**
 * Also on SQLite, the database `npm start` uses.
 *
 * @group sqlite
 */
final class TicketCountsTest extends TestCase {

	private const VIEWS = array( 'all', 'mine', 'unassigned', 'awaiting', 'open', 'solved' );

	private TicketCounts $counts;

	private TicketRepository $tickets;

	/** @var int[] */
	private array $agents = array();

	/** @var int[] Tickets the random sequence made. */
	private array $ids = array();

	protected function setUp(): void {
		parent::setUp();
		global $wpdb;
		$this->counts  = new TicketCounts( $wpdb, Plugin::instance()->transaction );
		$this->tickets = new TicketRepository(
			$wpdb,
			new TagRepository( $wpdb ),
			new TicketTerms( $wpdb, new Tokenizer() ),
			new MessageRepository( $wpdb ),
			$this->counts
		);
		$this->agents  = array( $this->user( 'aftercare_agent' )->ID, $this->user( 'aftercare_agent' )->ID );
		// Tickets other tests left behind (real commits) are counted too.
		$this->counts->rebuild();
	}

	public function test_the_counts_equal_a_recount_after_every_kind_of_change(): void {
		$service = Plugin::instance()->tickets;
		$actor   = $this->agents[0];
		// phpcs:disable Generic.PHP.ForbiddenFunctions.FoundWithAlternative, WordPress.WP.AlternativeFunctions.rand_mt_rand -- seeded: every run does the same.
		mt_srand( 15 );
		$pick = static fn( array $values ) => $values[ mt_rand( 0, count( $values ) - 1 ) ];
		// phpcs:enable
		$assignee = fn(): int => $pick( array( 0, $this->agents[0], $this->agents[1] ) );
		$kinds    = array(
			'create by an agent' => function () use ( $service, $actor, $pick, $assignee ): void {
				$this->ids[] = $service->create(
					array(
						'subject'        => 'Counted',
						'message'        => 'Hello',
						'customer_email' => 'shopper' . count( $this->ids ) . '@example.test',
						'customer_name'  => 'Shopper',
						'status'         => $pick( Status::values() ),
						'priority'       => $pick( Priority::values() ),
						'assignee_id'    => $assignee(),
					),
					$actor
				)['ticket']->id;
			},
			'create by a guest'  => function () use ( $service ): void {
				$this->ids[] = $service->create(
					array(
						'subject' => 'Counted',
						'message' => 'Hello',
						'email'   => 'guest' . count( $this->ids ) . '@example.test',
						'name'    => 'Guest',
					),
					0
				)['ticket']->id;
			},
			'status'             => fn() => $service->update( $pick( $this->ids ), array( 'status' => $pick( Status::values() ) ), $actor ),
			'priority'           => fn() => $service->update( $pick( $this->ids ), array( 'priority' => $pick( Priority::values() ) ), $actor ),
			'assignee'           => fn() => $service->update( $pick( $this->ids ), array( 'assignee_id' => $assignee() ), $actor ),
			'tags only'          => fn() => $service->update( $pick( $this->ids ), array( 'tags' => array( 'vip' ) ), $actor ),
			'bulk change'        => fn() => $service->update_many(
				array_values( array_unique( array( $pick( $this->ids ), $pick( $this->ids ), $pick( $this->ids ) ) ) ),
				array(
					'status'      => $pick( Status::values() ),
					'priority'    => $pick( Priority::values() ),
					'assignee_id' => $assignee(),
				),
				$actor
			),
			'agent reply'        => fn() => $service->reply( $pick( $this->ids ), 'reply', '<p>Sent</p>', $actor ),
			'customer reply'     => function () use ( $service, $pick ): void {
				try {
					$service->reply( $pick( $this->ids ), 'reply', '<p>Still broken</p>', 0 );
				} catch ( DomainError $closed ) {
					$this->assertSame( 'ticket_closed', $closed->reason );
				}
			},
			'reply with status'  => fn() => $service->reply( $pick( $this->ids ), 'note', '<p>Noted</p>', $actor, array(), $pick( Status::values() ) ),
			// A bulk change that fails half way rolls back, counts included.
			'failed bulk change' => function () use ( $service, $actor ): void {
				try {
					$service->update_many( array( $this->ids[0], 999999999 ), array( 'status' => 'solved' ), $actor );
					$this->fail( 'a missing ticket fails the batch' );
				} catch ( DomainError $missing ) {
					$this->assertSame( 404, $missing->status );
				}
				$tags = array_map( static fn( int $i ): string => 'tag' . $i, range( 1, 15 ) );
				$service->update( $this->ids[1], array( 'tags' => $tags ), $actor );
				try {
					$service->update_many( array( $this->ids[0], $this->ids[1] ), array( 'status' => 'closed', 'add_tags' => array( 'a', 'b', 'c', 'd', 'e', 'f' ) ), $actor );
					$this->fail( 'too many tags on the second ticket fails the batch' );
				} catch ( DomainError $too_many ) {
					$this->assertSame( 'too_many_tags', $too_many->reason );
				}
			},
			'privacy erasure'    => function () use ( $pick ): void {
				$email   = $this->tickets->find( $pick( $this->ids ) )->customer_email;
				$erasers = apply_filters( 'wp_privacy_personal_data_erasers', array() );
				call_user_func( $erasers['aftercare-tickets']['callback'], $email, 1 );
			},
		);

		$kinds['create by an agent']();
		$kinds['create by a guest']();
		$names = array_keys( $kinds );
		// Every kind once, then 40 at random.
		$sequence = array_merge( $names, array_map( static fn() => $pick( $names ), range( 1, 40 ) ) );
		foreach ( $sequence as $step => $kind ) {
			$kinds[ $kind ]();
			$this->assert_counts_match_the_queue( "step {$step}: {$kind}" );
		}

		$kept = $this->rows();
		$this->counts->rebuild();
		$this->assertSame( $this->rows(), $kept, 'the kept counts are what a recount writes' );
	}

	public function test_a_rebuild_repairs_counts_that_drifted(): void {
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
		$right = $this->rows();
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$wpdb->query( "UPDATE {$this->counts->table()} SET tickets = tickets + 7" );
		$wpdb->insert( $this->counts->table(), array( 'status' => 'open', 'priority' => 'low', 'assignee_id' => 424242, 'tickets' => 3 ) );
		$this->assertNotSame( $right, $this->rows() );
		$this->counts->rebuild();
		$this->assertSame( $right, $this->rows() );
	}

	public function test_x_wp_total_of_an_unfiltered_list_comes_from_the_counts_and_a_filtered_one_counts_rows(): void {
		global $wpdb;
		$agent   = $this->agents[0];
		$service = Plugin::instance()->tickets;
		$made = array(
			array( 'open', $agent, array( 'vip' ) ),
			array( 'new', 0, array() ),
			array( 'solved', $agent, array() ),
		);
		foreach ( $made as list( $status, $assignee, $tags ) ) {
			$service->create(
				array(
					'subject'        => 'Totals',
					'message'        => 'Hello',
					'customer_email' => 'totals@example.test',
					'customer_name'  => 'Shopper',
					'status'         => $status,
					'assignee_id'    => $assignee,
					'tags'           => $tags,
				),
				$agent
			);
		}
		$total = fn( array $params ): int => (int) $this->rest( 'GET', '/aftercare/v1/tickets', $params, $agent )->get_headers()['X-WP-Total'];
		$exact = array();
		foreach ( self::VIEWS as $view ) {
			$exact[ $view ] = $this->listed( new TicketFilter( $view, $agent ) );
			$this->assertSame( $exact[ $view ], $total( array( 'view' => $view ) ), $view );
		}
		$this->assertSame( 1, $total( array( 'view' => 'mine', 'status' => array( 'open' ) ) ) );
		$this->assertSame( 1, $total( array( 'tag' => 'vip', 'search' => 'totals' ) ) );

		// Counts that drifted show in unfiltered totals only: proof of where each total comes from.
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$wpdb->query( $wpdb->prepare( "UPDATE {$this->counts->table()} SET tickets = tickets + 5 WHERE status = 'open' AND assignee_id = %d", $agent ) );
		$this->assertSame( $exact['mine'] + 5, $total( array( 'view' => 'mine' ) ) );
		$this->assertSame( $exact['all'] + 5, $total( array() ) );
		$this->assertSame( $exact['solved'], $total( array( 'view' => 'solved' ) ) );
		$this->assertSame( 1, $total( array( 'view' => 'mine', 'tag' => 'vip' ) ), 'a tag filter counts rows' );
		$this->assertSame( $exact['mine'] + 5, $this->rest( 'GET', '/aftercare/v1/tickets/counts', array(), $agent )->get_data()['mine'] );

		// The repair: managers only; it answers the recounted views.
		$this->assertSame( 401, $this->rest( 'POST', '/aftercare/v1/tickets/counts' )->get_status() );
		$this->assertSame( 403, $this->rest( 'POST', '/aftercare/v1/tickets/counts', array(), $agent )->get_status() );
		$this->assertSame( $exact['mine'] + 5, $total( array( 'view' => 'mine' ) ), 'a refused repair changes nothing' );
		$manager  = $this->user( 'administrator' )->ID;
		$repaired = $this->rest( 'POST', '/aftercare/v1/tickets/counts', array(), $manager );
		$this->assertSame( 200, $repaired->get_status() );
		$this->assertSame( $this->listed( new TicketFilter( 'open', $manager ) ), $repaired->get_data()['open'] );
		$this->assertSame( $exact['mine'], $total( array( 'view' => 'mine' ) ) );
	}

	/**
	 * Each view (for each agent, and someone with no tickets), alone and with the filters the
	 * counts answer, counts what it lists.
	 */
	private function assert_counts_match_the_queue( string $when ): void {
		$nobody = 999999;
		foreach ( array_merge( $this->agents, array( $nobody ) ) as $agent ) {
			foreach ( self::VIEWS as $view ) {
				foreach ( array(
					new TicketFilter( $view, $agent ),
					new TicketFilter( $view, $agent, array( 'open', 'solved' ) ),
					new TicketFilter( $view, $agent, array(), array( 'urgent', 'low' ) ),
					new TicketFilter( $view, $agent, array(), array(), array(), 0 ),
					new TicketFilter( $view, $agent, array( 'new', 'pending' ), array( 'normal' ), array(), $this->agents[1] ),
				) as $filter ) {
					$this->assertSame(
						$this->listed( $filter ),
						$this->counts->count( $filter ),
						"{$when}; view {$view}, agent {$agent}: " . wp_json_encode( array( $filter->statuses, $filter->priorities, $filter->assignee ) )
					);
				}
			}
		}
	}

	/**
	 * How many tickets the filter lists (the rows themselves, not a count).
	 */
	private function listed( TicketFilter $filter ): int {
		$filter->per_page = 1000;
		$listed           = count( $this->tickets->query( $filter )['tickets'] );
		$this->assertLessThan( 1000, $listed );
		return $listed;
	}

	/**
	 * The counts table's rows that hold tickets.
	 *
	 * @return array<string, int>
	 */
	private function rows(): array {
		global $wpdb;
		$rows = array();
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		foreach ( $wpdb->get_results( "SELECT status, priority, assignee_id, tickets FROM {$this->counts->table()} WHERE tickets <> 0" ) as $row ) {
			$rows[ "{$row->status}/{$row->priority}/{$row->assignee_id}" ] = (int) $row->tickets;
		}
		ksort( $rows );
		return $rows;
	}
}
