<?php
/**
 * The contact block on the storefront: a ticket sent without JavaScript (post, redirect to the
 * thread), the thread behind a guest's signed link (valid, wrong, expired, another ticket's),
 * a signed-in customer's own thread (customer A vs B), and what the form shows.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Tickets\Storefront;

use Aftercare\Infrastructure\AccessTokens;
use Aftercare\Infrastructure\SystemClock;
use Aftercare\Settings\Settings;
use Aftercare\Tests\Tickets\Rest\TicketRestTestCase;
use Aftercare\Tickets\Links;
use Aftercare\Tickets\Storefront\ContactBlock;
use Aftercare\Tickets\Storefront\CustomerThreads;

final class ContactBlockTest extends TicketRestTestCase {

	private ContactBlock $block;

	private string $redirected = '';

	protected function setUp(): void {
		parent::setUp();
		global $wpdb;
		$settings    = new Settings();
		$this->block = new ContactBlock(
			new CustomerThreads( $settings ),
			new Links( $settings ),
			new AccessTokens( $wpdb, new SystemClock() ),
			apply_filters( 'aftercare_order_source', null )
		);
		add_filter( 'aftercare_contact_exit_after_redirect', '__return_false' );
		add_filter( 'wp_redirect', array( $this, 'catch_redirect' ) );
	}

	protected function tearDown(): void {
		remove_filter( 'aftercare_contact_exit_after_redirect', '__return_false' );
		remove_filter( 'wp_redirect', array( $this, 'catch_redirect' ) );
		$_POST  = array();
		$_GET   = array();
		$_FILES = array();
		unset( $_SERVER['REQUEST_METHOD'] );
		parent::tearDown();
	}

	/**
	 * Records the redirect and cancels it (no headers in a test).
	 */
	public function catch_redirect( string $location ): bool {
		$this->redirected = $location;
		return false;
	}

	/**
	 * @param array<string, string> $fields Posted fields.
	 */
	private function post( array $fields ): void {
		$_SERVER['REQUEST_METHOD'] = 'POST';
		$_POST                     = wp_slash( $fields );
		$this->block->before_page();
	}

	/**
	 * @return array<string, string> The query of the last redirect.
	 */
	private function redirect_query(): array {
		$this->assertNotSame( '', $this->redirected, 'the form redirected' );
		parse_str( (string) wp_parse_url( $this->redirected, PHP_URL_QUERY ), $query );
		return $query;
	}

	private function ticket_count(): int {
		global $wpdb;
		return (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$wpdb->prefix}aftercare_tickets" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
	}

	public function test_the_form_is_the_guest_form_with_attachments_and_an_order_number(): void {
		$html = $this->render_block( ContactBlock::NAME );
		$this->assertStringContainsString( 'name="aftercare_name"', $html );
		$this->assertStringContainsString( 'name="email"', $html );
		$this->assertStringContainsString( 'name="order_number"', $html );
		$this->assertStringContainsString( 'name="attachments[]"', $html );
		$this->assertStringContainsString( 'enctype="multipart/form-data"', $html );
		// Nothing a cache could share with other visitors: scripts fill in a key per page view.
		$this->assertStringContainsString( 'name="idempotency_key" value=""', $html );
		$this->assertStringNotContainsString( '_aftercare_nonce', $html, 'guests get no nonce: the page may be cached' );

		$html = $this->render_block(
			ContactBlock::NAME,
			array(
				'showOrderField'  => false,
				'showAttachments' => false,
				'subjectLabel'    => 'What is it about?',
			)
		);
		$this->assertStringNotContainsString( 'order_number', $html );
		$this->assertStringNotContainsString( 'attachments[]', $html );
		$this->assertStringContainsString( 'What is it about?', $html );
	}

	public function test_the_order_number_is_filled_in_from_the_link(): void {
		$_GET['aftercare_order'] = '1001"><script>alert(1)</script>';
		$html                    = $this->render_block( ContactBlock::NAME );
		$this->assertStringContainsString( 'name="order_number"', $html );
		$this->assertStringContainsString( 'value="1001&quot;&gt;"', $html );
		$this->assertStringNotContainsString( '<script>alert', $html );
	}

	public function test_signed_in_customers_are_known_and_pick_one_of_their_orders(): void {
		wp_set_current_user( $this->customer_a->ID );
		$html = $this->render_block( ContactBlock::NAME );
		$this->assertStringNotContainsString( 'name="email"', $html );
		$this->assertStringContainsString( 'Signed in as', $html );
		$this->assertStringContainsString( '_aftercare_nonce', $html );
	}

	public function test_a_guest_without_javascript_is_sent_to_the_new_thread(): void {
		$form = array(
			ContactBlock::CREATE_MARKER => '1',
			'aftercare_name'            => 'Gwen Guest',
			'email'                     => 'gwen@example.test',
			'subject'                   => 'Lost parcel',
			'message'                   => 'Nothing came.',
		);
		$this->post( $form );
		$query = $this->redirect_query();
		$this->assertSame( 'created', $query['aftercare_done'] );
		$this->assertArrayHasKey( Links::TOKEN_ARG, $query );
		$number = $this->as_guest( 'GET', '/aftercare/v1/tickets/' . $query[ Links::TICKET_ARG ], $query[ Links::TOKEN_ARG ] )->get_data()['number'];

		// The same submit again (a double click, a resent form): no second ticket, and no link
		// either (a replay proves nothing about who sends it): the number, and "see your email".
		$count            = $this->ticket_count();
		$tokens           = $this->count_rows( 'access_tokens' );
		$this->redirected = '';
		$this->post( $form );
		$this->assertSame( '', $this->redirected );
		$this->assertSame( $count, $this->ticket_count() );
		$this->assertSame( $tokens, $this->count_rows( 'access_tokens' ) );
		$html = $this->render_in_block();
		$this->assertStringContainsString(
			'We had already received this request: your ticket number is #' . $number . '. The link to follow it is in the email we sent you.',
			$html
		);
		$this->assertStringNotContainsString( 'aftercare_token', $html );

		// Following the redirect shows the number and the signed link.
		$_POST                     = array();
		$_SERVER['REQUEST_METHOD'] = 'GET';
		$_GET                      = $query;
		$html                      = $this->render_block( ContactBlock::NAME );
		$this->assertStringContainsString( 'Your ticket number is #' . $number, $html );
		$this->assertStringContainsString( 'Nothing came.', $html );
		$this->assertStringContainsString( 'aftercare_token=' . $query[ Links::TOKEN_ARG ], $html );
	}

	public function test_a_key_posted_from_a_cached_page_makes_no_one_else_s_ticket_a_replay(): void {
		// Two guests post the form of one cached page: whatever key it carried, each gets a ticket.
		$form = array(
			ContactBlock::CREATE_MARKER => '1',
			'aftercare_name'            => 'Gwen Guest',
			'email'                     => 'gwen@example.test',
			'subject'                   => 'Lost parcel',
			'message'                   => 'Nothing came.',
			'idempotency_key'           => 'e2c7a7f0-1111-4222-8333-944455556666',
		);
		$this->post( $form );
		$first            = $this->redirect_query();
		$this->redirected = '';
		$this->post( array( 'subject' => 'Broken zip', 'message' => 'The zip broke.' ) + $form );
		$second = $this->redirect_query();
		$this->assertNotSame( $first[ Links::TICKET_ARG ], $second[ Links::TICKET_ARG ] );
		$this->assertArrayHasKey( Links::TOKEN_ARG, $second );
	}

	/**
	 * The block as WordPress renders it on the page after before_page(): in the block's context
	 * (6.8 needs it for the wrapper attributes), with its directives processed on the server.
	 */
	private function render_in_block(): string {
		\WP_Block_Supports::$block_to_render = array(
			'blockName' => ContactBlock::NAME,
			'attrs'     => array(),
		);
		$html                                 = wp_interactivity_process_directives( $this->block->render( array() ) );
		\WP_Block_Supports::$block_to_render = null;
		return $html;
	}

	public function test_a_refused_form_comes_back_with_what_was_typed_and_writes_nothing(): void {
		$count = $this->ticket_count();
		$this->post(
			array(
				ContactBlock::CREATE_MARKER => '1',
				'aftercare_name'            => 'Gwen <b>Guest</b>',
				'email'                     => 'not-an-address',
				'subject'                   => 'Lost parcel',
				'message'                   => 'Nothing came.',
			)
		);
		$this->assertSame( '', $this->redirected );
		$this->assertSame( $count, $this->ticket_count() );
		$html = $this->render_in_block();
		$this->assertStringContainsString( 'Please enter a valid email address', $html );
		$this->assertStringContainsString( 'value="not-an-address"', $html );
		$this->assertStringContainsString( 'Nothing came.</textarea>', $html );
	}

	public function test_a_signed_in_customer_without_a_valid_nonce_is_refused(): void {
		wp_set_current_user( $this->customer_a->ID );
		$count = $this->ticket_count();
		$this->post(
			array(
				ContactBlock::CREATE_MARKER => '1',
				'subject'                   => 'Forged',
				'message'                   => 'A cross-site post.',
			)
		);
		$this->assertSame( '', $this->redirected );
		$this->assertSame( $count, $this->ticket_count() );
	}

	public function test_the_signed_link_shows_the_public_thread_and_never_a_note(): void {
		$ticket = $this->guest_ticket( array( 'message' => 'Where is it?' ) );
		$this->rest( 'POST', '/aftercare/v1/tickets/' . $ticket['id'] . '/messages', array( 'body' => 'It ships today.' ), $this->agent->ID );
		$this->rest(
			'POST',
			'/aftercare/v1/tickets/' . $ticket['id'] . '/messages',
			array( 'type' => 'note', 'body' => 'Internal: customer is angry' ),
			$this->agent->ID
		);

		$_GET = array(
			Links::TICKET_ARG => (string) $ticket['id'],
			Links::TOKEN_ARG  => $ticket['access_token'],
		);
		$html = $this->render_block( ContactBlock::NAME );
		$this->assertStringContainsString( 'Where is it?', $html );
		$this->assertStringContainsString( 'It ships today.', $html );
		$this->assertStringNotContainsString( 'Internal: customer is angry', $html );
		$this->assertStringContainsString( 'name="' . ContactBlock::REPLY_MARKER . '"', $html );
	}

	public function test_a_guest_replies_through_the_signed_link_without_javascript(): void {
		$ticket = $this->guest_ticket();
		$_GET   = array(
			Links::TICKET_ARG => (string) $ticket['id'],
			Links::TOKEN_ARG  => $ticket['access_token'],
		);
		// The browser sends the empty file input as one upload with UPLOAD_ERR_NO_FILE.
		$_FILES = array(
			'attachments' => array(
				'name'     => array( '' ),
				'type'     => array( '' ),
				'tmp_name' => array( '' ),
				'error'    => array( UPLOAD_ERR_NO_FILE ),
				'size'     => array( 0 ),
			),
		);
		$this->post(
			array(
				ContactBlock::REPLY_MARKER => '1',
				'_aftercare_nonce'         => $this->reply_nonce(),
				'message'                  => 'Still waiting.',
			)
		);
		$this->assertSame( 'replied', $this->redirect_query()['aftercare_done'] );
		$messages = $this->as_guest( 'GET', '/aftercare/v1/tickets/' . $ticket['id'] . '/messages', $ticket['access_token'] )->get_data();
		$this->assertSame( 'Still waiting.', wp_strip_all_tags( (string) end( $messages )['body'] ) );
	}

	/**
	 * The nonce of the thread's reply form, as the page rendered it for the current visitor.
	 */
	private function reply_nonce(): string {
		$this->assertSame(
			1,
			preg_match( '/name="_aftercare_nonce" value="([0-9a-f]+)"/', $this->render_block( ContactBlock::NAME ), $match ),
			'the reply form carries a nonce'
		);
		return $match[1];
	}

	public function test_a_reply_form_with_a_token_still_needs_its_nonce(): void {
		// Another site posts to the thread page of a ticket it holds a token for, or of any ticket
		// with a made-up token, while an agent is signed in: nothing may be written.
		$ticket = $this->guest_ticket();
		$other  = $this->guest_ticket( array( 'subject' => 'A stranger\'s thread' ) );
		$before = $this->snapshot();
		wp_set_current_user( $this->agent->ID );
		foreach ( array( array( $ticket['id'], $ticket['access_token'] ), array( $other['id'], str_repeat( 'A', 32 ) ) ) as list( $id, $token ) ) {
			$_GET             = array(
				Links::TICKET_ARG => (string) $id,
				Links::TOKEN_ARG  => $token,
			);
			$this->redirected = '';
			$this->post(
				array(
					ContactBlock::REPLY_MARKER => '1',
					'message'                  => 'Forged by another site.',
				)
			);
			$this->assertSame( '', $this->redirected );
		}
		$this->assertSame( $before, $this->snapshot() );
	}

	public function test_a_reply_through_a_token_is_the_token_holder_s_not_the_signed_in_agent_s(): void {
		$ticket = $this->guest_ticket( array( 'name' => 'Gwen Guest' ) );
		$other  = $this->guest_ticket();
		wp_set_current_user( $this->agent->ID );
		$_GET = array(
			Links::TICKET_ARG => (string) $ticket['id'],
			Links::TOKEN_ARG  => $ticket['access_token'],
		);
		$this->post(
			array(
				ContactBlock::REPLY_MARKER => '1',
				'_aftercare_nonce'         => $this->reply_nonce(),
				'message'                  => 'Written on the guest link.',
			)
		);
		$this->assertSame( 'replied', $this->redirect_query()['aftercare_done'] );
		$messages = $this->rest( 'GET', '/aftercare/v1/tickets/' . $ticket['id'] . '/messages', array(), $this->agent->ID )->get_data();
		$last     = end( $messages );
		$this->assertSame( 'customer', $last['author']['role'] );
		$this->assertSame( 'Gwen Guest', $last['author']['name'] );
		$this->assertSame( 0, $last['author']['id'] );
		$this->assertSame( 'open', $this->rest( 'GET', '/aftercare/v1/tickets/' . $ticket['id'], array(), $this->agent->ID )->get_data()['status'] );

		// A token of another ticket opens nothing, even for an agent who could answer it.
		$before           = $this->snapshot();
		$_GET             = array(
			Links::TICKET_ARG => (string) $other['id'],
			Links::TOKEN_ARG  => $ticket['access_token'],
		);
		$this->redirected = '';
		$this->post(
			array(
				ContactBlock::REPLY_MARKER => '1',
				'_aftercare_nonce'         => wp_create_nonce( 'aftercare_contact' ),
				'message'                  => 'Into a stranger\'s thread.',
			)
		);
		$this->assertSame( '', $this->redirected );
		$this->assertSame( $before, $this->snapshot() );
	}

	/**
	 * @return array<string, array{0: callable(array<string, mixed>, array<string, mixed>): string}>
	 */
	public static function bad_links(): array {
		return array(
			'wrong token'            => array( static fn( array $ticket, array $other ): string => str_repeat( 'A', 32 ) ),
			'another ticket\'s token' => array( static fn( array $ticket, array $other ): string => $other['access_token'] ),
			'no token'               => array( static fn( array $ticket, array $other ): string => '' ),
			'malformed token'        => array( static fn( array $ticket, array $other ): string => '<script>' ),
		);
	}

	/**
	 * @dataProvider bad_links
	 *
	 * @param callable(array<string, mixed>, array<string, mixed>): string $token The token to try.
	 */
	public function test_a_bad_link_gets_one_uniform_message_that_reveals_nothing( callable $token ): void {
		$ticket = $this->guest_ticket( array( 'subject' => 'Secret subject' ) );
		$other  = $this->guest_ticket();
		$_GET   = array(
			Links::TICKET_ARG => (string) $ticket['id'],
			Links::TOKEN_ARG  => $token( $ticket, $other ),
		);
		$html = $this->render_block( ContactBlock::NAME );
		$this->assertStringContainsString( 'This link is invalid or has expired.', $html );
		$this->assertStringNotContainsString( 'Secret subject', $html );
		$this->assertStringNotContainsString( 'Gwen', $html );
	}

	public function test_an_expired_link_gets_the_same_message(): void {
		global $wpdb;
		$ticket = $this->guest_ticket( array( 'subject' => 'Secret subject' ) );
		$wpdb->update( $wpdb->prefix . 'aftercare_access_tokens', array( 'expires_at' => time() - 1 ), array( 'object_id' => $ticket['id'] ) );
		$_GET = array(
			Links::TICKET_ARG => (string) $ticket['id'],
			Links::TOKEN_ARG  => $ticket['access_token'],
		);
		$html = $this->render_block( ContactBlock::NAME );
		$this->assertStringContainsString( 'This link is invalid or has expired.', $html );
		$this->assertStringNotContainsString( 'Secret subject', $html );
	}

	public function test_signed_in_customers_see_their_own_thread_and_nobody_else_s(): void {
		$ticket = $this->customer_ticket( $this->customer_a, array( 'subject' => 'A private matter' ) );
		$_GET   = array( Links::TICKET_ARG => (string) $ticket['id'] );

		wp_set_current_user( $this->customer_a->ID );
		$this->assertStringContainsString( 'A private matter', $this->render_block( ContactBlock::NAME ) );

		wp_set_current_user( $this->customer_b->ID );
		$html = $this->render_block( ContactBlock::NAME );
		$this->assertStringContainsString( 'This link is invalid or has expired.', $html );
		$this->assertStringNotContainsString( 'A private matter', $html );
	}
}
