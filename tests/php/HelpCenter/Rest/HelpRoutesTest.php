<?php
/**
 * The help center's REST routes: who may call them, what they refuse, and that hostile input
 * gets a clear 4xx and writes nothing.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\HelpCenter\Rest;

use Aftercare\Tests\HelpCenter\HelpTestCase;

/**
 * @group sqlite
 */
final class HelpRoutesTest extends HelpTestCase {

	/** A visitor id the route issued. */
	private string $visitor;

	protected function setUp(): void {
		parent::setUp();
		$this->visitor = $this->rest( 'POST', '/aftercare/v1/help/visitor' )->get_data()['visitor'];
	}

	protected function tearDown(): void {
		remove_all_filters( 'aftercare_help_rate_limit' );
		parent::tearDown();
	}

	private function log_rows(): int {
		global $wpdb;
		return (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$wpdb->prefix}aftercare_search_log" );
	}

	private function votes(): array {
		global $wpdb;
		return $wpdb->get_results( "SELECT post_id, visitor, helpful, comment FROM {$wpdb->prefix}aftercare_article_votes", ARRAY_A );
	}

	public function test_anyone_may_search_and_guests_get_a_cacheable_answer(): void {
		$this->article( 'How do I return an item?', '<p>Within 30 days.</p>' );
		foreach ( array( 0, $this->user( 'subscriber' )->ID, $this->user( 'aftercare_agent' )->ID, $this->user( 'administrator' )->ID ) as $user_id ) {
			$response = $this->rest( 'GET', '/aftercare/v1/help/search', array( 'q' => 'return' ), $user_id );
			$this->assertSame( 200, $response->get_status() );
			$this->assertSame( 'How do I return an item?', $response->get_data()[0]['title'] );
			$this->assertSame( array( 'id', 'title', 'excerpt', 'url', 'category' ), array_keys( $response->get_data()[0] ) );
		}
		$guest = $this->rest( 'GET', '/aftercare/v1/help/search', array( 'q' => 'return' ) );
		$this->assertSame( 'public, max-age=300', $guest->get_headers()['Cache-Control'] ?? null );
	}

	public function test_search_never_shows_unpublished_articles_to_anyone(): void {
		$this->article( 'Staff-only refund rules', '', array( 'post_status' => 'private' ) );
		$this->article( 'Draft refund rules', '', array( 'post_status' => 'draft' ) );
		$admin = $this->user( 'administrator' )->ID;
		$this->assertSame( array(), $this->rest( 'GET', '/aftercare/v1/help/search', array( 'q' => 'refund rules' ), $admin )->get_data() );
	}

	public function test_hostile_search_input_is_refused_or_harmless(): void {
		$this->article( 'How do I return an item?' );
		$this->assertSame( 400, $this->rest( 'GET', '/aftercare/v1/help/search', array() )->get_status() );
		$this->assertSame( 400, $this->rest( 'GET', '/aftercare/v1/help/search', array( 'q' => '' ) )->get_status() );
		$this->assertSame( 400, $this->rest( 'GET', '/aftercare/v1/help/search', array( 'q' => str_repeat( 'a', 191 ) ) )->get_status() );
		$this->assertSame( 400, $this->rest( 'GET', '/aftercare/v1/help/search', array( 'q' => 'return', 'limit' => 500 ) )->get_status() );
		foreach ( array( "return' OR 1=1 -- ", '<script>alert(1)</script>', '%_%', '\\\\', "\0return", '😀 return ∑' ) as $query ) {
			$response = $this->rest( 'GET', '/aftercare/v1/help/search', array( 'q' => $query ) );
			$this->assertSame( 200, $response->get_status(), $query );
			foreach ( $response->get_data() as $result ) {
				$this->assertSame( 'How do I return an item?', $result['title'], $query );
			}
		}
	}

	public function test_searches_are_rate_limited_per_address(): void {
		add_filter( 'aftercare_help_rate_limit', static fn( int $limit, string $route ): int => 'search' === $route ? 2 : $limit, 10, 2 );
		$this->rest( 'GET', '/aftercare/v1/help/search', array( 'q' => 'a b' ) );
		$this->rest( 'GET', '/aftercare/v1/help/search', array( 'q' => 'a b' ) );
		$response = $this->rest( 'GET', '/aftercare/v1/help/search', array( 'q' => 'a b' ) );
		$this->assertErrorCode( 'aftercare_throttled', $response, 429 );
	}

	public function test_behind_a_trusted_proxy_searches_are_limited_per_forwarded_network(): void {
		add_filter( 'aftercare_help_rate_limit', static fn( int $limit, string $route ): int => 'search' === $route ? 2 : $limit, 10, 2 );
		( new \Aftercare\Settings\Settings() )->update( array( 'trusted_proxies' => array( '10.0.0.0/8' ) ) );
		$_SERVER['REMOTE_ADDR'] = '10.0.0.5';
		$search                 = function ( string $forwarded ): int {
			$_SERVER['HTTP_X_FORWARDED_FOR'] = $forwarded;
			return $this->rest( 'GET', '/aftercare/v1/help/search', array( 'q' => 'a b' ) )->get_status();
		};
		try {
			$this->assertSame( 200, $search( '2001:db8:1:2::1' ) );
			$this->assertSame( 200, $search( '2001:db8:1:2::2' ) );
			$this->assertSame( 429, $search( '2001:db8:1:2:ffff::3' ), 'one /64 is one client' );
			$this->assertSame( 200, $search( '198.51.100.1' ), 'another shopper behind the same proxy' );
		} finally {
			$_SERVER['REMOTE_ADDR'] = '127.0.0.1';
			unset( $_SERVER['HTTP_X_FORWARDED_FOR'] );
		}
	}

	public function test_events_log_searches_and_clicks_without_any_ip_or_visitor_id(): void {
		$id       = $this->article( 'How do I return an item?' );
		$response = $this->rest(
			'POST',
			'/aftercare/v1/help/events',
			array(
				'kind'    => 'search',
				'query'   => '  How do I RETURN  ',
				'visitor' => $this->visitor,
			)
		);
		$this->assertSame( 202, $response->get_status() );
		$this->assertSame( 1, $response->get_data()['results'] );
		$this->rest(
			'POST',
			'/aftercare/v1/help/events',
			array(
				'kind'     => 'click',
				'query'    => 'how do i return',
				'articles' => array( $id ),
				'visitor'  => $this->visitor,
			)
		);
		global $wpdb;
		$rows = $wpdb->get_results( "SELECT kind, query, result_count, post_id, visitor FROM {$wpdb->prefix}aftercare_search_log ORDER BY id", ARRAY_A );
		$this->assertSame( array( 'search', 'click' ), array_column( $rows, 'kind' ) );
		$this->assertSame( 'how do i return', $rows[0]['query'] );
		$this->assertSame( (string) $id, $rows[1]['post_id'] );
		$this->assertSame( 64, strlen( $rows[0]['visitor'] ) );
		$stored = implode( '|', array_merge( ...array_map( 'array_values', $rows ) ) );
		$this->assertStringNotContainsString( $this->visitor, $stored );
		$this->assertStringNotContainsString( '127.0.0.1', $stored );
	}

	public function test_bad_events_are_refused_and_write_nothing(): void {
		$draft = $this->article( 'Draft', '', array( 'post_status' => 'draft' ) );
		$cases = array(
			array( 'kind' => 'search', 'visitor' => $this->visitor ),
			array( 'kind' => 'click', 'query' => 'x', 'visitor' => $this->visitor ),
			array( 'kind' => 'click', 'articles' => array( $draft ), 'visitor' => $this->visitor ),
			array( 'kind' => 'nonsense', 'query' => 'x', 'visitor' => $this->visitor ),
			array( 'kind' => 'search', 'query' => 'x', 'visitor' => 'short' ),
			array( 'kind' => 'search', 'query' => 'x', 'visitor' => $this->visitor, 'source' => 'evil' ),
			array( 'kind' => 'suggest', 'query' => 'x', 'articles' => range( 1, 11 ), 'visitor' => $this->visitor ),
		);
		foreach ( $cases as $case ) {
			$response = $this->rest( 'POST', '/aftercare/v1/help/events', $case );
			$this->assertSame( 400, $response->get_status(), wp_json_encode( $case ) );
			$this->assertNotEmpty( $response->get_data()['message'] );
		}
		$this->assertSame( 0, $this->log_rows() );
	}

	public function test_a_visitor_votes_once_per_article_and_can_change_the_vote_and_add_a_comment(): void {
		$id   = $this->article( 'How do I return an item?' );
		$path = "/aftercare/v1/help/articles/{$id}/feedback";
		$first = $this->rest( 'POST', $path, array( 'helpful' => false, 'visitor' => $this->visitor ) );
		$this->assertSame( 201, $first->get_status() );
		$this->assertFalse( $first->get_data()['changed'] );
		$again = $this->rest(
			'POST',
			$path,
			array(
				'helpful' => true,
				'visitor' => $this->visitor,
				'comment' => '<b>Great</b> answer',
			)
		);
		$this->assertSame( 200, $again->get_status() );
		$this->assertTrue( $again->get_data()['changed'] );
		$this->assertTrue( $again->get_data()['commented'] );
		$votes = $this->votes();
		$this->assertCount( 1, $votes );
		$this->assertSame( '1', $votes[0]['helpful'] );
		$this->assertSame( 'Great answer', $votes[0]['comment'] );
		$this->assertNotSame( $this->visitor, $votes[0]['visitor'] );

		$another = $this->rest( 'POST', '/aftercare/v1/help/visitor' )->get_data()['visitor'];
		$this->assertSame( 201, $this->rest( 'POST', $path, array( 'helpful' => true, 'visitor' => $another ) )->get_status() );
		$this->assertCount( 2, $this->votes() );
	}

	public function test_the_server_issues_signed_visitor_ids_that_are_never_cached(): void {
		foreach ( array( 0, $this->user( 'subscriber' )->ID ) as $user_id ) {
			$response = $this->rest( 'POST', '/aftercare/v1/help/visitor', array(), $user_id );
			$this->assertSame( 201, $response->get_status() );
			$this->assertSame( wp_get_nocache_headers()['Cache-Control'], $response->get_headers()['Cache-Control'] );
			$this->assertMatchesRegularExpression( '/^[0-9a-f]{32}\.[0-9a-f]{32}$/', $response->get_data()['visitor'] );
			$this->assertNotSame( $this->visitor, $response->get_data()['visitor'] );
		}
		add_filter( 'aftercare_help_rate_limit', static fn( int $limit, string $route ): int => 'visitor' === $route ? 2 : $limit, 10, 2 );
		$this->assertErrorCode( 'aftercare_throttled', $this->rest( 'POST', '/aftercare/v1/help/visitor' ), 429 );
	}

	public function test_unsigned_and_forged_visitor_ids_are_refused_alike_and_write_nothing(): void {
		$id = $this->article( 'How do I return an item?' );
		list( $random, $signature ) = explode( '.', $this->visitor );
		$forged = array(
			'0123456789abcdef-0123456789abcdef', // What browsers made before the server issued ids.
			str_repeat( 'a', 32 ) . '.' . $signature, // Another id with a stolen signature.
			$random . '.' . str_repeat( '0', 32 ), // The id with a made-up signature.
			$random, // No signature.
			strtoupper( $this->visitor ),
		);
		foreach ( $forged as $visitor ) {
			$vote = $this->rest( 'POST', "/aftercare/v1/help/articles/{$id}/feedback", array( 'helpful' => true, 'visitor' => $visitor ) );
			$this->assertErrorCode( 'aftercare_invalid_visitor', $vote, 400 );
			$event = $this->rest( 'POST', '/aftercare/v1/help/events', array( 'kind' => 'search', 'query' => 'return', 'visitor' => $visitor ) );
			$this->assertErrorCode( 'aftercare_invalid_visitor', $event, 400 );
			$this->assertSame( $vote->get_data()['message'], $event->get_data()['message'] );
		}
		$this->assertSame( array(), $this->votes() );
		$this->assertSame( 0, $this->log_rows() );
	}

	public function test_votes_on_missing_or_unpublished_articles_or_with_bad_input_are_refused(): void {
		$draft = $this->article( 'Draft', '', array( 'post_status' => 'draft' ) );
		$post  = wp_insert_post( array( 'post_title' => 'A blog post', 'post_status' => 'publish' ) );
		$live  = $this->article( 'Live' );
		foreach ( array( $draft, $post, 999999 ) as $id ) {
			$this->assertErrorCode(
				'aftercare_article_not_found',
				$this->rest( 'POST', "/aftercare/v1/help/articles/{$id}/feedback", array( 'helpful' => true, 'visitor' => $this->visitor ) ),
				404
			);
		}
		$bad = array(
			array( 'visitor' => $this->visitor ),
			array( 'helpful' => true ),
			array( 'helpful' => true, 'visitor' => '../../etc' ),
			array( 'helpful' => true, 'visitor' => $this->visitor, 'comment' => str_repeat( 'x', 1001 ) ),
			array( 'helpful' => 'maybe', 'visitor' => $this->visitor ),
		);
		foreach ( $bad as $body ) {
			$this->assertSame( 400, $this->rest( 'POST', "/aftercare/v1/help/articles/{$live}/feedback", $body )->get_status(), wp_json_encode( $body ) );
		}
		$this->assertSame( array(), $this->votes() );
	}

	public function test_votes_are_rate_limited_per_address(): void {
		$id = $this->article( 'Live' );
		add_filter( 'aftercare_help_rate_limit', static fn( int $limit, string $route ): int => 'feedback' === $route ? 1 : $limit, 10, 2 );
		$this->rest( 'POST', "/aftercare/v1/help/articles/{$id}/feedback", array( 'helpful' => true, 'visitor' => $this->visitor ) );
		$response = $this->rest( 'POST', "/aftercare/v1/help/articles/{$id}/feedback", array( 'helpful' => false, 'visitor' => $this->visitor ) );
		$this->assertErrorCode( 'aftercare_throttled', $response, 429 );
		$this->assertSame( '1', $this->votes()[0]['helpful'] );
	}

	public function test_only_people_who_may_view_reports_read_the_analytics(): void {
		$this->assertErrorCode( 'aftercare_forbidden', $this->rest( 'GET', '/aftercare/v1/help/reports' ), 401 );
		foreach ( array( 'subscriber', 'aftercare_agent', 'editor' ) as $role ) {
			$this->assertErrorCode( 'aftercare_forbidden', $this->rest( 'GET', '/aftercare/v1/help/reports', array(), $this->user( $role )->ID ), 403 );
		}
		$response = $this->rest( 'GET', '/aftercare/v1/help/reports', array( 'days' => 7 ), $this->user( 'administrator' )->ID );
		$this->assertSame( 200, $response->get_status() );
		$this->assertCount( 7, $response->get_data()['trend'] );
		$this->assertSame( 400, $this->rest( 'GET', '/aftercare/v1/help/reports', array( 'days' => 0 ), $this->user( 'administrator' )->ID )->get_status() );
	}
}
