<?php
/**
 * The aftercare/v1 namespace as a whole: discoverable, and closed to anonymous writes.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Rest;

use Aftercare\Tests\TestCase;

final class NamespaceTest extends TestCase {

	/**
	 * Routes a guest may write to on purpose (each protected by rate limits and tokens instead).
	 * Every other route must refuse anonymous writes.
	 */
	private const PUBLIC_WRITE_ROUTES = array(
		'/aftercare/v1/help/events', // Search analytics from shoppers: rate-limited, stores no IP (HelpCenter\HelpRoutesTest).
		'/aftercare/v1/help/visitor', // A new signed anonymous visitor id: rate-limited, writes nothing (HelpCenter\HelpRoutesTest).
		'/aftercare/v1/help/articles/(?P<id>[\d]+)/feedback', // "Was this helpful?": rate-limited, published articles only (HelpCenter\HelpRoutesTest).
		'/aftercare/v1/order-status', // A guest's order lookup: rate-limited, reveals nothing on failure (OrderStatusTest).
		'/aftercare/v1/tickets', // A guest opens a ticket: rate-limited per IP and email, idempotent (Rest\Tickets\TicketsRouteTest).
		'/aftercare/v1/tickets/(?P<ticket_id>[\d]+)/messages', // A guest replies with the ticket's token only, rate-limited (Rest\Tickets\MessagesRouteTest).
		// A guest files a return after the order lookup (number + email, its limits), rate-limited per IP, idempotent (Rest\Returns\ReturnsRouteTest).
		'/aftercare/v1/returns',
		// A guest writes about a return with its link only, rate-limited (Rest\Returns\ReturnsActorMatrixTest).
		'/aftercare/v1/returns/(?P<return_id>[\d]+)/messages',
		// POST is a guest's order lookup (keeps the email out of URLs), with the lookup's limits; writes nothing (Rest\Returns\ReturnsRouteTest).
		'/aftercare/v1/returns/eligibility',
		// Whether a return request holds up to a step: the order proved as for POST /returns, with the lookup's limits; writes nothing
		// (Returns\Rest\ReturnCheckRouteTest).
		'/aftercare/v1/returns/check',
		// The answer a signed survey link carries: the link is the credential, rate-limited per IP, forged or expired links store nothing
		// (Feedback\TicketRatingTest).
		'/aftercare/v1/ratings',
	);

	public function test_the_namespace_is_listed_in_the_index(): void {
		$index = $this->rest( 'GET', '/' );
		$this->assertContains( 'aftercare/v1', $index->get_data()['namespaces'] );

		$namespace = $this->rest( 'GET', '/aftercare/v1' );
		$this->assertSame( 200, $namespace->get_status() );
		$this->assertArrayHasKey( '/aftercare/v1/settings', $namespace->get_data()['routes'] );
		// Mail in: anonymous but signed with the inbound secret, so an unsigned write is a 401 like any other (Mail\InboxTest).
		$this->assertArrayHasKey( '/aftercare/v1/inbound/email', $namespace->get_data()['routes'] );
		$this->assertArrayHasKey( '/aftercare/v1/inbound/postmark', $namespace->get_data()['routes'] );
		// Read-only: an order for agents, and its timeline for agents, its buyer and a guest's signed link (Orders\Rest\OrderTimelineRouteTest).
		$this->assertArrayHasKey( '/aftercare/v1/orders/(?P<order_id>[\d]+)', $namespace->get_data()['routes'] );
		$this->assertArrayHasKey( '/aftercare/v1/orders/(?P<order_id>[\d]+)/timeline', $namespace->get_data()['routes'] );
		// Settings → Email and the agents' view of mail (supervisors; the quoted text: agents).
		foreach ( array(
			'/aftercare/v1/mail/received',
			'/aftercare/v1/mail/received/(?P<id>[\d]+)',
			'/aftercare/v1/mail/received/(?P<id>[\d]+)/retry',
			'/aftercare/v1/mail/status',
			'/aftercare/v1/mail/secret',
			'/aftercare/v1/tickets/(?P<ticket_id>[\d]+)/messages/(?P<message_id>[\d]+)/quoted',
			// Support reports (view_aftercare_reports) and their rollup's rebuild (manage_aftercare): Reports\ReportsTest.
			'/aftercare/v1/reports/summary',
			'/aftercare/v1/reports/breakdown',
			'/aftercare/v1/reports/trend',
			'/aftercare/v1/reports/rebuild',
			// Order actions from a ticket reply (agents; OrderActions\OrderActionsRouteTest).
			'/aftercare/v1/tickets/(?P<ticket_id>[\d]+)/order-actions',
			'/aftercare/v1/tickets/(?P<ticket_id>[\d]+)/order-actions/(?P<order_id>[\d]+)',
		) as $route ) {
			$this->assertArrayHasKey( $route, $namespace->get_data()['routes'] );
		}
	}

	public function test_every_route_refuses_anonymous_writes(): void {
		$checked = 0;
		foreach ( rest_get_server()->get_routes( 'aftercare/v1' ) as $route => $handlers ) {
			if ( in_array( $route, self::PUBLIC_WRITE_ROUTES, true ) || '/aftercare/v1' === $route ) {
				continue;
			}
			foreach ( $handlers as $handler ) {
				foreach ( array_keys( $handler['methods'] ) as $method ) {
					if ( 'GET' === $method ) {
						continue;
					}
					$path     = preg_replace( '/\(\?P<[a-z_]+>[^)]+\)/', '1', $route );
					$response = $this->rest( $method, $path );
					$this->assertSame( 401, $response->get_status(), "{$method} {$path}" );
					++$checked;
				}
			}
		}
		$this->assertGreaterThan( 0, $checked );
	}

	public function test_every_route_has_a_real_permission_callback(): void {
		foreach ( rest_get_server()->get_routes( 'aftercare/v1' ) as $route => $handlers ) {
			foreach ( $handlers as $handler ) {
				if ( '/aftercare/v1' === $route ) {
					continue;
				}
				$this->assertIsCallable( $handler['permission_callback'] ?? null, $route );
				$this->assertNotSame( '__return_true', $handler['permission_callback'], $route );
			}
		}
	}
}
