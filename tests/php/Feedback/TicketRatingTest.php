<?php
/**
 * CSAT after a solved ticket: the solved mail and its signed links, the page that records nothing
 * until the customer confirms, one answer per ticket changed in place for 7 days, the timeline,
 * the ticket resource, what a bad rating does, and every refused path (forged, another ticket's,
 * another customer's, expired, throttled, too long) storing nothing.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Feedback;

use Aftercare\Feedback\Rest\RatingsController;
use Aftercare\Feedback\Storefront\SurveyPage;
use Aftercare\Feedback\Survey;
use Aftercare\Feedback\SurveyLinks;
use Aftercare\Plugin;
use Aftercare\Settings\Settings;
use Aftercare\Tests\TestCase;
use Aftercare\Tickets\Ticket;

/**
 * @group sqlite
 */
final class TicketRatingTest extends TestCase {

	private \WP_User $agent;

	protected function setUp(): void {
		parent::setUp();
		$this->agent = $this->user( 'aftercare_agent' );
		( new Settings() )->update( array( 'notification_email' => 'lead@example.test' ) );
		// Every test starts with the client's answer budget untouched.
		global $wpdb;
		$wpdb->query( "DELETE FROM {$wpdb->prefix}aftercare_rate_limits" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name.
	}

	private function ticket( string $email = 'gwen@example.test' ): Ticket {
		return Plugin::instance()->tickets->create(
			array(
				'subject'        => 'Parcel arrived crushed',
				'message'        => 'The box was flat.',
				'customer_email' => $email,
				'customer_name'  => 'Gwen Guest',
				'channel'        => 'email',
			),
			$this->agent->ID
		)['ticket'];
	}

	private function solve( Ticket $ticket ): Ticket {
		return Plugin::instance()->tickets->update( $ticket->id, array( 'status' => 'solved' ), $this->agent->ID );
	}

	/**
	 * The answer links of the mails just sent to $to, by label.
	 *
	 * @return array<string, string> Label => token.
	 */
	private function mailed_links( string $to ): array {
		$links = array();
		foreach ( $this->deliver_outbox() as $mail ) {
			$pattern = '#href="([^"]*' . SurveyLinks::ARG . '=([a-z0-9.]+))"[^>]*>([^<]+)</a>#';
			if ( $to !== $mail['to'] || ! preg_match_all( $pattern, (string) $mail['message'], $found, PREG_SET_ORDER ) ) {
				continue;
			}
			foreach ( $found as $link ) {
				$links[ $link[3] ] = $link[2];
			}
		}
		return $links;
	}

	/**
	 * @return array<int, array<string, mixed>> The ticket's rating events.
	 */
	private function rating_events( int $ticket_id ): array {
		$events = $this->rest( 'GET', '/aftercare/v1/tickets/' . $ticket_id . '/events', array(), $this->agent->ID )->get_data();
		return array_values( array_filter( $events, static fn( array $e ): bool => 'rating' === $e['type'] ) );
	}

	private function rating_rows(): int {
		global $wpdb;
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name.
		return (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$wpdb->prefix}aftercare_ratings" );
	}

	private function answer( string $token, ?string $comment = null ): \WP_REST_Response {
		return $this->rest( 'POST', '/aftercare/v1/ratings', array( 'token' => $token ) + ( null === $comment ? array() : array( 'comment' => $comment ) ) );
	}

	public function test_the_solved_mail_asks_how_we_did_with_a_signed_link_per_answer(): void {
		$ticket = $this->ticket();
		$this->deliver_outbox();
		$this->solve( $ticket );
		$mails = array_values( array_filter( $this->deliver_outbox(), static fn( array $m ): bool => 'gwen@example.test' === $m['to'] ) );

		$this->assertCount( 1, $mails );
		$this->assertStringContainsString( 'is solved', $mails[0]['subject'] );
		$this->assertStringContainsString( 'How did we do?', $mails[0]['message'] );
		$this->solve( $ticket );
		$this->assertSame( array(), $this->deliver_outbox(), 'solving a solved ticket again mails nothing' );

		$links = array();
		foreach ( array( 'Good', 'Okay', 'Bad' ) as $label ) {
			$this->assertMatchesRegularExpression( '#>' . $label . '</a>#', $mails[0]['message'] );
		}
		preg_match_all( '#' . SurveyLinks::ARG . '=([a-z0-9.]+)#', $mails[0]['message'], $links );
		$this->assertCount( 3, array_unique( $links[1] ) );
		foreach ( array_unique( $links[1] ) as $token ) {
			$this->assertStringStartsWith( 'c' . $ticket->id . '.', $token );
		}
	}

	public function test_a_reply_that_solves_goes_in_the_solved_mail_not_in_a_second_one(): void {
		$ticket = $this->ticket();
		$this->deliver_outbox();
		Plugin::instance()->tickets->reply( $ticket->id, 'reply', '<p>A new parcel is on its way.</p>', $this->agent->ID, array(), 'solved' );
		$mails = array_values( array_filter( $this->deliver_outbox(), static fn( array $m ): bool => 'gwen@example.test' === $m['to'] ) );

		$this->assertCount( 1, $mails );
		$this->assertStringContainsString( 'A new parcel is on its way.', $mails[0]['message'] );
		$this->assertStringContainsString( 'How did we do?', $mails[0]['message'] );

		Plugin::instance()->tickets->reply( $ticket->id, 'reply', '<p>Tracking: 123.</p>', $this->agent->ID, array(), 'solved' );
		$mails = $this->deliver_outbox();
		$this->assertCount( 1, $mails, 'a reply to a ticket that stays solved is an ordinary reply' );
		$this->assertStringNotContainsString( 'How did we do?', $mails[0]['message'] );
	}

	public function test_a_ticket_reopened_before_the_solved_mail_went_out_asks_nothing(): void {
		$ticket = $this->ticket();
		$this->deliver_outbox();
		$this->solve( $ticket );
		Plugin::instance()->tickets->update( $ticket->id, array( 'status' => 'open' ), $this->agent->ID );

		$this->assertSame( array(), $this->deliver_outbox() );
	}

	public function test_opening_a_link_records_nothing_and_confirming_records_the_answer_on_the_ticket_and_its_timeline(): void {
		$ticket = $this->ticket();
		$this->solve( $ticket );
		$links = $this->mailed_links( 'gwen@example.test' );
		$page  = Plugin::instance();

		$shown = ( new SurveyPage( $page->feedback, new SurveyLinks() ) )->page( $links['Good'] );
		$this->assertSame( 200, $shown['status'] );
		$this->assertStringContainsString( 'Send my answer', $shown['html'] );
		$this->assertSame( 0, $this->rating_rows(), 'a scanner fetching the link records nothing' );

		$response = $this->answer( $links['Good'] );
		$this->assertSame( 200, $response->get_status() );
		$this->assertSame(
			array( 'survey' => 'csat', 'score' => 3, 'label' => 'Good', 'comment' => '' ),
			array_intersect_key( $response->get_data(), array_flip( array( 'survey', 'score', 'label', 'comment' ) ) )
		);
		$this->assertTrue( $response->get_data()['changed'] );

		$rating = $this->rest( 'GET', '/aftercare/v1/tickets/' . $ticket->id, array( 'context' => 'edit' ), $this->agent->ID )->get_data()['rating'];
		$this->assertSame( 3, $rating['score'] );
		$this->assertSame( 'Good', $rating['label'] );
		$events = $this->rating_events( $ticket->id );
		$this->assertCount( 1, $events );
		$this->assertSame( array( 'from' => null, 'to' => 3, 'comment' => '' ), (array) $events[0]['data'] );

		$thanks = ( new SurveyPage( $page->feedback, new SurveyLinks() ) )->page( $links['Good'], 'answered' );
		$this->assertStringContainsString( 'Your answer is recorded.', $thanks['html'] );
		$this->assertStringContainsString( 'Anything you would like to add?', $thanks['html'] );
	}

	public function test_the_same_answer_twice_changes_nothing_and_another_answer_replaces_it_with_a_comment(): void {
		$ticket = $this->ticket();
		$this->solve( $ticket );
		$links = $this->mailed_links( 'gwen@example.test' );

		$this->answer( $links['Okay'] );
		$again = $this->answer( $links['Okay'] );
		$this->assertSame( 200, $again->get_status() );
		$this->assertFalse( $again->get_data()['changed'] );
		$this->assertCount( 1, $this->rating_events( $ticket->id ), 'a replay is not a second event' );

		$this->assertSame( 1, $this->answer( $links['Bad'] )->get_data()['score'] );
		$commented = $this->answer( $links['Bad'], "Took <b>two</b> weeks.\n" );
		$this->assertSame( 'Took two weeks.', $commented->get_data()['comment'] );
		$this->assertSame( 1, $this->rating_rows(), 'one answer per ticket' );

		$events = $this->rating_events( $ticket->id );
		$this->assertSame(
			array( array( null, 2 ), array( 2, 1 ), array( 1, 1 ) ),
			array_map( static fn( array $e ): array => array( $e['data']->from, $e['data']->to ), $events )
		);
		$this->assertSame( 'Took two weeks.', end( $events )['data']->comment );
	}

	public function test_forged_altered_and_other_tickets_links_are_refused_alike_and_store_nothing(): void {
		$ticket = $this->ticket();
		$other  = $this->ticket( 'olga@example.test' );
		$this->solve( $ticket );
		$this->solve( $other );
		$links = $this->mailed_links( 'gwen@example.test' );
		list( , $score, $expires, $signature ) = explode( '.', $links['Good'] );

		$forged = array(
			'flipped signature'       => substr( $links['Good'], 0, -1 ) . ( str_ends_with( $links['Good'], '0' ) ? '1' : '0' ),
			'another ticket'          => 'c' . $other->id . '.' . $score . '.' . $expires . '.' . $signature,
			'another answer'          => 'c' . $ticket->id . '.1.' . $expires . '.' . $signature,
			'a later expiry'          => 'c' . $ticket->id . '.' . $score . '.' . ( (int) $expires + DAY_IN_SECONDS ) . '.' . $signature,
			'a ticket that is not'    => 'c999999.' . $score . '.' . $expires . '.' . $signature,
			'not a token'             => '<script>',
		);
		foreach ( $forged as $case => $token ) {
			$response = $this->answer( $token );
			$this->assertContains( $response->get_status(), array( 400, 401 ), $case );
			if ( 401 === $response->get_status() ) {
				$this->assertSame( 'aftercare_invalid_link', $response->get_data()['code'], $case );
			}
		}
		$page = ( new SurveyPage( Plugin::instance()->feedback, new SurveyLinks() ) )->page( $forged['another ticket'] );
		$this->assertSame( 403, $page['status'] );
		$this->assertStringContainsString( 'This link does not work', $page['html'] );
		$this->assertSame( 0, $this->rating_rows() );
		$this->assertSame( array(), $this->rating_events( $ticket->id ) );
	}

	public function test_a_link_stops_working_when_the_ticket_changes_customer(): void {
		global $wpdb;
		$ticket = $this->ticket();
		$this->solve( $ticket );
		$links = $this->mailed_links( 'gwen@example.test' );
		$wpdb->update( $wpdb->prefix . 'aftercare_tickets', array( 'customer_email' => 'someone@example.test' ), array( 'id' => $ticket->id ) );
		wp_cache_flush();

		$this->assertErrorCode( 'aftercare_invalid_link', $this->answer( $links['Good'] ), 401 );
		$this->assertSame( 0, $this->rating_rows() );
	}

	public function test_after_seven_days_a_link_neither_records_nor_changes_an_answer(): void {
		$ticket            = $this->ticket();
		$ticket            = $this->solve( $ticket );
		$feedback          = Plugin::instance()->feedback;
		$good              = self::token( $feedback->ticket_question( $ticket )->answers[0][1] );
		$this->answer( $good );
		$ticket->solved_at = time() - Survey::WINDOW - 1;
		$late              = self::token( $feedback->ticket_question( $ticket )->answers[2][1] );

		$this->assertErrorCode( 'aftercare_link_expired', $this->answer( $late ), 410 );
		$this->assertStringContainsString( '7 days', $this->answer( $late )->get_data()['message'] );
		$page = ( new SurveyPage( $feedback, new SurveyLinks() ) )->page( $late );
		$this->assertSame( 410, $page['status'] );
		$this->assertStringContainsString( 'This link has expired', $page['html'] );
		$shown = $this->rest( 'GET', '/aftercare/v1/tickets/' . $ticket->id, array( 'context' => 'edit' ), $this->agent->ID )->get_data();
		$this->assertSame( 3, $shown['rating']['score'], 'the answer given in time stays' );
		$this->assertCount( 1, $this->rating_events( $ticket->id ) );
	}

	public function test_the_public_route_is_rate_limited_per_client_and_a_throttled_answer_stores_nothing(): void {
		$ticket = $this->ticket();
		$this->solve( $ticket );
		$links = $this->mailed_links( 'gwen@example.test' );
		for ( $i = 0; $i < RatingsController::LIMIT; $i++ ) {
			$this->answer( 'c1.3.1.' . str_repeat( '0', 32 ) );
		}
		$response = $this->answer( $links['Good'] );

		$this->assertErrorCode( 'aftercare_throttled', $response, 429 );
		$this->assertGreaterThan( 0, (int) $response->get_headers()['Retry-After'] );
		$this->assertSame( 0, $this->rating_rows() );
		$page = ( new SurveyPage( Plugin::instance()->feedback, new SurveyLinks() ) )->submit( $links['Good'], null );
		$this->assertIsArray( $page );
		$this->assertSame( 429, $page['status'] );
	}

	public function test_a_comment_too_long_is_refused_whole(): void {
		$ticket = $this->ticket();
		$this->solve( $ticket );
		$links = $this->mailed_links( 'gwen@example.test' );

		$response = $this->answer( $links['Good'], str_repeat( 'a', 2001 ) );
		$this->assertSame( 400, $response->get_status() );
		$this->assertSame( 0, $this->rating_rows() );
	}

	public function test_the_page_posts_through_the_route_redirects_and_escapes_the_comment(): void {
		$ticket = $this->ticket();
		$this->solve( $ticket );
		$links = $this->mailed_links( 'gwen@example.test' );
		$page  = new SurveyPage( Plugin::instance()->feedback, new SurveyLinks() );

		$next = $page->submit( $links['Okay'], null );
		$this->assertIsString( $next );
		$this->assertStringContainsString( SurveyPage::DONE_ARG . '=answered', $next );
		$this->assertStringContainsString( SurveyLinks::ARG . '=' . $links['Okay'], $next );
		$this->assertIsString( $page->submit( $links['Okay'], 'It was "fine" </textarea><script>alert(1)</script>' ) );

		$html = $page->page( $links['Okay'], 'commented' )['html'];
		$this->assertStringContainsString( 'Your comment is recorded.', $html );
		$this->assertStringNotContainsString( '<script>', $html );
		$this->assertStringContainsString( 'It was &quot;fine&quot;', $html );

		$other = $page->page( $links['Good'] )['html'];
		$this->assertStringContainsString( 'You answered &quot;Okay&quot; before', $other );
	}

	public function test_a_bad_rating_reopens_the_ticket_and_alerts_the_notification_address_when_the_store_wants(): void {
		( new Settings() )->update( array( 'csat_bad_reopen' => true ) );
		$ticket = $this->ticket();
		$this->solve( $ticket );
		$links = $this->mailed_links( 'gwen@example.test' );

		$this->answer( $links['Bad'] );
		$this->answer( $links['Bad'], 'Still broken.' );
		$this->assertSame( 'open', Plugin::instance()->tickets->get( $ticket->id )->status->value );
		$alerts = array_values( array_filter( $this->deliver_outbox(), static fn( array $m ): bool => 'lead@example.test' === $m['to'] ) );
		$this->assertCount( 1, $alerts );
		$this->assertStringContainsString( 'Bad rating for #' . $ticket->number, $alerts[0]['subject'] );
		$this->assertStringContainsString( 'Still broken.', $alerts[0]['message'] );

		$this->answer( $links['Good'] );
		$this->answer( $links['Bad'] );
		$this->assertSame( array(), $this->deliver_outbox(), 'one alert per ticket\'s rating' );
	}

	public function test_by_default_a_bad_rating_alerts_but_leaves_the_ticket_solved_and_the_alert_can_be_turned_off(): void {
		$ticket = $this->ticket();
		$this->solve( $ticket );
		$links = $this->mailed_links( 'gwen@example.test' );
		( new Settings() )->update( array( 'csat_bad_alert' => false ) );

		$this->answer( $links['Bad'] );
		$this->assertSame( 'solved', Plugin::instance()->tickets->get( $ticket->id )->status->value );
		$this->assertSame( array(), $this->deliver_outbox() );
	}

	public function test_agents_see_ratings_in_lists_and_reports_but_guests_and_agents_without_reports_do_not(): void {
		$ticket = $this->ticket();
		$this->solve( $ticket );
		$this->answer( $this->mailed_links( 'gwen@example.test' )['Good'] );

		$this->assertSame( 401, $this->rest( 'GET', '/aftercare/v1/tickets/' . $ticket->id, array( 'context' => 'edit' ) )->get_status() );
		$this->assertSame( 401, $this->rest( 'GET', '/aftercare/v1/ratings/summary' )->get_status() );
		$this->assertSame( 403, $this->rest( 'GET', '/aftercare/v1/ratings/summary', array(), $this->agent->ID )->get_status() );
		$this->assertSame( 404, $this->rest( 'GET', '/aftercare/v1/ratings' )->get_status(), 'answers cannot be listed' );

		$list = $this->rest( 'GET', '/aftercare/v1/tickets', array( 'context' => 'edit', 'search' => 'crushed' ), $this->agent->ID )->get_data();
		$rated = array_values( array_filter( $list, static fn( array $t ): bool => $t['id'] === $ticket->id ) );
		$this->assertSame( 'Good', $rated[0]['rating']['label'] );

		$summary = $this->rest( 'GET', '/aftercare/v1/ratings/summary', array( 'days' => 7 ), $this->user( 'administrator' )->ID )->get_data();
		$this->assertSame( 1, $summary['csat']['answers'] );
		$this->assertSame( array( array( 3, 1 ), array( 2, 0 ), array( 1, 0 ) ), array_map( 'array_values', $summary['csat']['counts'] ) );
		$this->assertSame( 100.0, (float) $summary['csat']['satisfied'] );
		$this->assertNull( $summary['ces']['mean'] );
	}

	public function test_erasing_the_customer_keeps_the_score_but_not_their_words(): void {
		$ticket = $this->ticket();
		$this->solve( $ticket );
		$this->answer( $this->mailed_links( 'gwen@example.test' )['Okay'], 'My name is Gwen and I live at 1 Dock Road.' );

		$erasers = apply_filters( 'wp_privacy_personal_data_erasers', array() );
		call_user_func( $erasers['aftercare-tickets']['callback'], 'gwen@example.test', 1 );

		$rating = $this->rest( 'GET', '/aftercare/v1/tickets/' . $ticket->id, array( 'context' => 'edit' ), $this->agent->ID )->get_data()['rating'];
		$this->assertSame( 2, $rating['score'] );
		$this->assertSame( '', $rating['comment'] );
		foreach ( $this->rating_events( $ticket->id ) as $event ) {
			$this->assertSame( '', $event['data']->comment );
		}
	}

	private static function token( string $url ): string {
		parse_str( (string) wp_parse_url( $url, PHP_URL_QUERY ), $query );
		return (string) $query[ SurveyLinks::ARG ];
	}
}
