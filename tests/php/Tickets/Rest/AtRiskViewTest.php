<?php
/**
 * The queue's at-risk view (open tickets inside the warning window or past due) for agents only,
 * its count in `tickets/counts`, the Support menu's bubble and the admin bar, each checked against
 * a recount and kept current by ticket changes.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Tickets\Rest;

use Aftercare\Admin\AdminScreens;
use Aftercare\Admin\AtRiskAdminBar;
use Aftercare\Infrastructure\Assets;
use Aftercare\Plugin;
use Aftercare\Settings\Settings;
use Aftercare\Tests\FixedClock;
use Aftercare\Tests\TestCase;
use Aftercare\Tickets\AtRiskCount;
use Aftercare\Tickets\Ticket;
use Aftercare\Tickets\TicketRepository;

/**
 * Also on SQLite, the database `npm start` uses.
 *
 * @group sqlite
 */
final class AtRiskViewTest extends TestCase {

	private \WP_User $agent;

	/** @var array<string, Ticket> */
	private array $tickets = array();

	protected function setUp(): void {
		parent::setUp();
		global $wpdb;
		// The site's other open tickets are not this test's: no due time (rolled back afterwards).
		$wpdb->query( $wpdb->prepare( "UPDATE {$wpdb->prefix}aftercare_tickets SET due_at = %d WHERE is_open = 1", TicketRepository::NO_DUE ) );
		( new Settings() )->update( array( 'sla_warning_minutes' => 10 ) );
		$this->agent = $this->user( 'aftercare_agent' );
		// Urgent tickets are due a first reply 30 minutes after they came in.
		$this->tickets = array(
			'breached' => $this->ticket( 40, 'urgent' ),
			'at_risk'  => $this->ticket( 25, 'urgent' ),
			'on_time'  => $this->ticket( 40, 'normal' ),
			'paused'   => $this->ticket( 40, 'urgent', 'pending' ),
			'solved'   => $this->ticket( 40, 'urgent', 'solved' ),
		);
	}

	protected function tearDown(): void {
		$GLOBALS['submenu'] = array();
		$GLOBALS['menu']    = array();
		parent::tearDown();
	}

	public function test_agents_list_the_tickets_at_risk_or_breached_soonest_due_first(): void {
		$response = $this->rest( 'GET', '/aftercare/v1/tickets', array( 'view' => 'at_risk' ), $this->agent->ID );
		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( $this->ids( 'breached', 'at_risk' ), array_column( $response->get_data(), 'id' ) );
		$this->assertSame( '2', $response->get_headers()['X-WP-Total'] );
		$this->assertSame( array( 'breached', 'warning' ), array_column( array_column( $response->get_data(), 'sla' ), 'state' ) );

		// Other sorts and keyset pages hold the same tickets.
		$first = $this->rest( 'GET', '/aftercare/v1/tickets', array( 'view' => 'at_risk', 'orderby' => 'updated', 'per_page' => 1 ), $this->agent->ID );
		$next  = $first->get_headers()['X-Aftercare-Next-Cursor'];
		$args  = array(
			'view'     => 'at_risk',
			'orderby'  => 'updated',
			'per_page' => 1,
			'cursor'   => $next,
		);
		$rest  = $this->rest( 'GET', '/aftercare/v1/tickets', $args, $this->agent->ID );
		$seen  = array_merge( array_column( $first->get_data(), 'id' ), array_column( $rest->get_data(), 'id' ) );
		sort( $seen );
		$this->assertSame( $this->ids( 'breached', 'at_risk' ), $seen );
	}

	public function test_customers_and_guests_cannot_use_the_view(): void {
		$customer = $this->user( 'subscriber' );
		$response = $this->rest( 'GET', '/aftercare/v1/tickets', array( 'view' => 'at_risk' ), $customer->ID );
		$this->assertErrorCode( 'aftercare_forbidden_view', $response, 403 );
		$this->assertSame( 'Only support agents can list the tickets at risk.', $response->get_data()['message'] );
		$this->assertSame( 401, $this->rest( 'GET', '/aftercare/v1/tickets', array( 'view' => 'at_risk' ) )->get_status() );
		$this->assertSame( 401, $this->rest( 'GET', '/aftercare/v1/tickets/counts' )->get_status() );
		$this->assertSame( 403, $this->rest( 'GET', '/aftercare/v1/tickets/counts', array(), $customer->ID )->get_status() );
	}

	public function test_the_count_matches_a_recount_and_follows_ticket_changes(): void {
		$this->assertSame( 2, $this->counted() );
		$this->assertSame( $this->recount(), $this->counted() );

		// Solving one and answering the other: the kept count moves with the changes, not the next sweep.
		$this->rest( 'PATCH', '/aftercare/v1/tickets/' . $this->tickets['breached']->id, array( 'status' => 'solved' ), $this->agent->ID );
		$this->assertSame( 1, $this->counted() );
		$reply = array(
			'body'   => 'On it.',
			'type'   => 'reply',
			'status' => 'open',
		);
		$this->rest( 'POST', '/aftercare/v1/tickets/' . $this->tickets['at_risk']->id . '/messages', $reply, $this->agent->ID );
		$this->assertSame( 0, $this->counted() );
		$this->assertSame( $this->recount(), $this->counted() );

		// A count older than the sweep's interval is recounted when read (the clock alone moves tickets in).
		update_option( AtRiskCount::OPTION, array( 'count' => 99, 'at' => time() - AtRiskCount::MAX_AGE - 1 ) );
		$this->assertSame( 0, $this->counted() );
	}

	public function test_the_menu_bubble_and_the_admin_bar_show_the_count_to_agents_only(): void {
		wp_set_current_user( $this->agent->ID );
		$title = $this->menu_title();
		$this->assertStringContainsString( '<span class="awaiting-mod count-2">', $title );
		$this->assertStringContainsString( '2 tickets at risk or overdue', $title );
		$bar = $this->admin_bar();
		$this->assertSame( admin_url( 'admin.php?page=aftercare&view=at_risk' ), $bar->get_node( 'aftercare-at-risk' )->href ?? null );
		$this->assertStringContainsString( '2 tickets at risk or overdue', (string) $bar->get_node( 'aftercare-at-risk' )->title );

		wp_set_current_user( $this->user( 'subscriber' )->ID );
		$this->assertNull( $this->admin_bar()->get_node( 'aftercare-at-risk' ) );

		// Nothing at risk: no bubble, no node.
		foreach ( array( 'breached', 'at_risk' ) as $name ) {
			$this->rest( 'PATCH', '/aftercare/v1/tickets/' . $this->tickets[ $name ]->id, array( 'status' => 'solved' ), $this->agent->ID );
		}
		wp_set_current_user( $this->agent->ID );
		$this->assertSame( 'Support', $this->menu_title() );
		$this->assertNull( $this->admin_bar()->get_node( 'aftercare-at-risk' ) );
	}

	/**
	 * An agent's ticket that came in $minutes ago.
	 */
	private function ticket( int $minutes, string $priority, string $status = '' ): Ticket {
		$desk = Plugin::at( new FixedClock( time() - $minutes * MINUTE_IN_SECONDS ) );
		$desk->transaction->inside_open_transaction( true );
		$ticket = $desk->tickets->create(
			array(
				'subject'        => 'Parcel ' . $minutes,
				'message'        => 'Where is it?',
				'customer_email' => 'sam@example.test',
				'customer_name'  => 'Sam',
				'priority'       => $priority,
			),
			$this->agent->ID
		)['ticket'];
		return '' === $status ? $ticket : $desk->tickets->update( $ticket->id, array( 'status' => $status ), $this->agent->ID );
	}

	/**
	 * @return int[]
	 */
	private function ids( string ...$names ): array {
		return array_map( fn( string $name ): int => $this->tickets[ $name ]->id, $names );
	}

	private function counted(): int {
		return $this->rest( 'GET', '/aftercare/v1/tickets/counts', array(), $this->agent->ID )->get_data()['at_risk'];
	}

	/**
	 * What the view lists, counted from the tickets.
	 */
	private function recount(): int {
		return (int) $this->rest( 'GET', '/aftercare/v1/tickets', array( 'view' => 'at_risk' ), $this->agent->ID )->get_headers()['X-WP-Total'];
	}

	private function menu_title(): string {
		global $menu, $submenu;
		$menu    = array();
		$submenu = array();
		$screens = new AdminScreens( new Assets(), new Settings(), null, null, null, $this->at_risk() );
		$screens->add_pages();
		$entries = class_exists( 'WooCommerce' ) ? ( $submenu['woocommerce'] ?? array() ) : $menu;
		foreach ( $entries as $entry ) {
			if ( 'aftercare' === $entry[2] ) {
				return (string) $entry[0];
			}
		}
		return '';
	}

	private function at_risk(): AtRiskCount {
		$count = Plugin::instance()->service( AtRiskCount::class );
		$this->assertInstanceOf( AtRiskCount::class, $count );
		return $count;
	}

	private function admin_bar(): \WP_Admin_Bar {
		require_once ABSPATH . WPINC . '/class-wp-admin-bar.php';
		$bar  = new \WP_Admin_Bar();
		$node = Plugin::instance()->service( AtRiskAdminBar::class );
		$this->assertInstanceOf( AtRiskAdminBar::class, $node );
		$node->add_node( $bar );
		return $bar;
	}
}
