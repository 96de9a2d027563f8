<?php
/**
 * The returns block on the storefront: what each visitor's form starts with, every step posted
 * without JavaScript (checked in order, a refused step comes back with its message and writes
 * nothing, the last one files the return once and redirects to its status page), the order
 * lookup's protection for guests, customer A vs B, nonces, photos, and the status page behind
 * a guest's link or a customer's login, with its reply form.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Returns\Storefront;

use Aftercare\Http\ClientAddress;
use Aftercare\Infrastructure\RateLimiter;
use Aftercare\Infrastructure\SystemClock;
use Aftercare\Orders\Order;
use Aftercare\Orders\OrderLookup;
use Aftercare\Plugin;
use Aftercare\Returns\Policy;
use Aftercare\Returns\Storefront\ReturnStatusPage;
use Aftercare\Returns\Storefront\ReturnsBlock;
use Aftercare\Settings\Settings;
use Aftercare\Tests\Returns\ReturnsTestCase;
use Aftercare\Tickets\Storefront\CustomerThreads;

final class ReturnsBlockTest extends ReturnsTestCase {

	private ReturnsBlock $block;

	private string $redirected = '';

	protected function setUp(): void {
		parent::setUp();
		global $wpdb;
		$settings    = new Settings();
		$threads     = new CustomerThreads( $settings );
		$lookup      = new OrderLookup(
			$this->orders->source(),
			new RateLimiter( $wpdb, new SystemClock() ),
			$settings,
			new ClientAddress( $settings ),
			new SystemClock(),
			0
		);
		$this->block = new ReturnsBlock( $this->returns, $lookup, new Policy( $settings ), new ReturnStatusPage( $this->returns, $threads ), $threads );
		$wpdb->query( "DELETE FROM {$wpdb->prefix}aftercare_rate_limits" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
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
	 * The block as this request renders it, in a block's context as WordPress renders it.
	 *
	 * @param array<string, mixed> $attributes Block attributes.
	 */
	private function render( array $attributes = array() ): string {
		\WP_Block_Supports::$block_to_render = array(
			'blockName' => ReturnsBlock::NAME,
			'attrs'     => $attributes,
		);
		$html                                 = $this->block->render( $attributes );
		\WP_Block_Supports::$block_to_render = null;
		// What WordPress does to an interactive block's markup before sending it.
		return wp_interactivity_process_directives( $html );
	}

	/**
	 * Posts a step of the form (as the browser without JavaScript does) and renders the answer.
	 *
	 * @param array<string, mixed> $fields Posted fields.
	 */
	private function post( array $fields, string $marker = ReturnsBlock::FORM_MARKER ): string {
		$this->redirected          = '';
		$_SERVER['REQUEST_METHOD'] = 'POST';
		$_POST                     = wp_slash( $fields + array( $marker => '1' ) );
		$this->block->before_page();
		return '' === $this->redirected ? $this->render() : '';
	}

	/**
	 * The page requested again (a GET, as after a redirect).
	 */
	private function get(): string {
		$_SERVER['REQUEST_METHOD'] = 'GET';
		$_POST                     = array();
		$_FILES                    = array();
		$this->block->before_page();
		return $this->render();
	}

	/**
	 * A guest's fields for the order, and line 0 with the given quantity and reason.
	 *
	 * @param array<string, mixed> $extra Other fields.
	 * @return array<string, mixed>
	 */
	private function guest_fields( Order $order, int $quantity = 1, string $reason = 'size', array $extra = array() ): array {
		return $extra + array(
			'aftercare_order_number' => $order->number,
			'aftercare_email'        => 'Gwen@Example.test',
			'aftercare_items'        => array(
				$order->items[0]->id => array(
					'quantity' => (string) $quantity,
					'reason'   => $reason,
				),
			),
			'aftercare_comment'      => 'Too small.',
			'aftercare_outcome'      => 'refund',
		);
	}

	/**
	 * @return array<string, string> The query of the last redirect.
	 */
	private function redirect_query(): array {
		$this->assertNotSame( '', $this->redirected, 'the form redirected' );
		parse_str( (string) wp_parse_url( $this->redirected, PHP_URL_QUERY ), $query );
		return $query;
	}

	/**
	 * The step the page shows: the one section without `hidden`.
	 */
	private static function shown_step( string $html ): string {
		preg_match_all( '/<section\s+class="wp-block-aftercare-returns__step"\s+aria-labelledby="[^"]+-(\w+)"/', $html, $visible );
		return implode( ',', $visible[1] );
	}

	public function test_a_guest_starts_at_the_order_step_of_a_cacheable_form(): void {
		$html = $this->render();
		$this->assertSame( 'order', self::shown_step( $html ) );
		$this->assertStringContainsString( 'name="aftercare_order_number"', $html );
		$this->assertStringContainsString( 'name="aftercare_email"', $html );
		$this->assertStringContainsString( 'enctype="multipart/form-data"', $html );
		// Nothing a cache could share with other visitors: scripts fill in a key per page view.
		$this->assertStringContainsString( 'name="idempotency_key" value=""', $html );
		$this->assertStringNotContainsString( '_aftercare_nonce', $html, 'guests get no nonce: the page may be cached' );
		$this->assertStringContainsString( 'aftercare-help-suggestions', $html );
		$this->assertStringNotContainsString( 'aftercare-help-suggestions', $this->render( array( 'showSuggestions' => false ) ) );
		$this->assertStringContainsString( 'Send it back', $this->render( array( 'heading' => 'Send it back' ) ) );

		$_GET['aftercare_order'] = '#1001"><script>alert(1)</script>';
		$html                    = $this->render();
		$this->assertStringNotContainsString( '<script>alert', $html );
		$this->assertSame( 'order', self::shown_step( $html ), 'a guest still proves the order with the email' );
	}

	public function test_a_guest_goes_through_every_step_without_javascript_and_files_one_return(): void {
		$order  = $this->order();
		$fields = $this->guest_fields( $order );
		$before = $this->rows();

		$html = $this->post( array( 'aftercare_goto' => 'items' ) + $fields );
		$this->assertSame( 'items', self::shown_step( $html ) );
		$this->assertStringContainsString( 'Linen shirt', $html );
		$this->assertStringContainsString( 'name="aftercare_items[' . $order->items[0]->id . '][quantity]"', $html );
		$this->assertStringContainsString( 'max="2"', $html );
		$this->assertSame( 'details', self::shown_step( $this->post( array( 'aftercare_goto' => 'details' ) + $fields ) ) );
		$this->assertSame( 'outcome', self::shown_step( $this->post( array( 'aftercare_goto' => 'outcome' ) + $fields ) ) );
		$html = $this->post( array( 'aftercare_goto' => 'review' ) + $fields );
		$this->assertSame( 'review', self::shown_step( $html ) );
		$this->assertStringContainsString( '1 × Linen shirt — Does not fit', $html );
		$this->assertSame( $before, $this->rows(), 'steps write nothing' );

		$this->post( array( 'aftercare_goto' => 'submit' ) + $fields );
		$query  = $this->redirect_query();
		$this->assertSame( 'created', $query[ ReturnStatusPage::DONE_ARG ] );
		$this->assertNotEmpty( $query[ ReturnStatusPage::TOKEN_ARG ] );
		$return = $this->returns->get( (int) $query[ ReturnStatusPage::RETURN_ARG ] );
		$this->assertSame( $order->id, $return->order_id );
		$this->assertSame( 'refund', $return->outcome );
		$this->assertSame( array( 1, 'size' ), array( $return->items[0]->quantity, $return->items[0]->reason ) );
		$this->assertSame( $before['returns'] + 1, $this->rows()['returns'] );

		// Sent again (a double click, a resent form): no second return, and no link either (a
		// replay proves nothing about who sends it): the number, and "see your email".
		$after            = $this->rows();
		$this->redirected = '';
		$html             = $this->post( array( 'aftercare_goto' => 'submit' ) + $fields );
		$this->assertSame( '', $this->redirected );
		$this->assertSame( $after, $this->rows(), 'no return, no token' );
		$this->assertStringContainsString(
			'We had already received this return request: its number is ' . $return->public_number() . '. The link to follow it is in the email we sent you.',
			$html
		);
		$this->assertStringNotContainsString( 'aftercare_token', $html );

		// Following the redirect: the number, the link to keep, the status page.
		$_GET = $query;
		$html = $this->get();
		$this->assertStringContainsString( 'Your return number is ' . $return->public_number(), $html );
		$this->assertStringContainsString( 'aftercare_token=' . $query[ ReturnStatusPage::TOKEN_ARG ], $html );
		$this->assertStringContainsString( 'Return requested', $html );
		$this->assertStringContainsString( 'Too small.', $html );
	}

	public function test_a_wrong_email_fails_like_the_order_lookup_writes_nothing_and_is_limited_the_same(): void {
		$order  = $this->order();
		$before = $this->rows();
		$html   = $this->post(
			array( 'aftercare_goto' => 'items' ) + $this->guest_fields( $order, 1, 'size', array( 'aftercare_email' => 'someone@example.test' ) )
		);
		$this->assertSame( 'order', self::shown_step( $html ) );
		$this->assertStringContainsString( esc_html( OrderLookup::not_found_message() ), $html );
		$this->assertStringNotContainsString( 'Linen shirt', $html );
		// A straight submit with the wrong email is refused the same way.
		$html = $this->post( array( 'aftercare_goto' => 'submit' ) + $this->guest_fields( $order, 1, 'size', array( 'aftercare_email' => 'someone@example.test' ) ) );
		$this->assertStringContainsString( esc_html( OrderLookup::not_found_message() ), $html );
		$this->assertSame( $before, $this->rows() );

		for ( $i = 0; $i < OrderLookup::MAX_FAILURES; $i++ ) {
			$this->post( array( 'aftercare_goto' => 'items' ) + $this->guest_fields( $order, 1, 'size', array( 'aftercare_email' => "guess{$i}@example.test" ) ) );
		}
		$html = $this->post( array( 'aftercare_goto' => 'items' ) + $this->guest_fields( $order ) );
		$this->assertStringContainsString( 'Too many attempts', $html, 'the right email waits too once the lookup is locked' );
		$this->assertStringNotContainsString( 'Linen shirt', $html );
	}

	public function test_each_step_is_checked_before_the_next_and_refusals_write_nothing(): void {
		$order  = $this->order();
		$before = $this->rows();
		$cases  = array(
			'no item'         => array( $this->guest_fields( $order, 0 ), 'details', 'items', 'Choose at least one item to return and how many.' ),
			'too many'        => array( $this->guest_fields( $order, 3 ), 'details', 'items', 'You can return up to 2 of Linen shirt.' ),
			'no reason'       => array( $this->guest_fields( $order, 1, '' ), 'review', 'items', 'Please choose a reason for returning Linen shirt.' ),
			'made-up reason'  => array( $this->guest_fields( $order, 1, 'bored' ), 'submit', 'items', 'Please choose a reason for returning Linen shirt.' ),
			'no outcome'      => array(
				$this->guest_fields( $order, 1, 'size', array( 'aftercare_outcome' => '' ) ),
				'review',
				'outcome',
				'Please choose what you would like instead.',
			),
			'outcome not offered' => array(
				$this->guest_fields( $order, 1, 'size', array( 'aftercare_outcome' => 'cash' ) ),
				'submit',
				'outcome',
				'Please choose what you would like instead.',
			),
			'long comment'    => array(
				$this->guest_fields( $order, 1, 'size', array( 'aftercare_comment' => str_repeat( 'a', 5001 ) ) ),
				'outcome',
				'details',
				'Please keep the comment under 5000 characters.',
			),
			'photos needed'   => array( $this->guest_fields( $order, 1, 'damaged' ), 'submit', 'review', 'Please add at least one photo for the reason you chose.' ),
		);
		foreach ( $cases as $case => list( $fields, $goto, $step, $message ) ) {
			$html = $this->post( array( 'aftercare_goto' => $goto ) + $fields );
			$this->assertSame( '', $this->redirected, $case );
			$this->assertSame( $step, self::shown_step( $html ), $case );
			$this->assertStringContainsString( esc_html( $message ), $html, $case );
			$this->assertStringContainsString( esc_html( (string) $fields['aftercare_comment'] ), $html, $case . ': what was typed stays' );
		}
		$this->assertSame( $before, $this->rows() );

		// Going back is never checked.
		$this->assertSame( 'order', self::shown_step( $this->post( array( 'aftercare_goto' => 'order' ) + $this->guest_fields( $order, 0 ) ) ) );
	}

	public function test_photos_are_taken_without_javascript_with_the_attachment_rules(): void {
		$order = $this->order();

		$before  = $this->rows();
		$_FILES  = array( 'attachments' => self::files( array( self::upload( 'shell.png', '<?php echo 1;' ) ) ) );
		$html    = $this->post( array( 'aftercare_goto' => 'submit' ) + $this->guest_fields( $order, 1, 'damaged' ) );
		$this->assertSame( 'review', self::shown_step( $html ) );
		$this->assertStringContainsString( 'Photos must be JPEG, PNG, GIF or WebP images.', $html );
		$this->assertSame( $before, $this->rows() );

		$_FILES = array( 'attachments' => self::files( array( self::upload( 'crack.png', self::png() ) ) ) );
		$this->post( array( 'aftercare_goto' => 'submit' ) + $this->guest_fields( $order, 1, 'damaged' ) );
		$return = $this->returns->get( (int) $this->redirect_query()[ ReturnStatusPage::RETURN_ARG ] );
		$this->assertSame( 'damaged', $return->items[0]->reason );
		$this->assertSame( $before['attachments'] + 1, $this->rows()['attachments'] );
	}

	public function test_a_customer_picks_one_of_their_orders_preselected_from_the_order_status_link(): void {
		$ada   = $this->user( 'subscriber' );
		$bob   = $this->user( 'subscriber' );
		$order = $this->order(
			array(
				'customer_id' => $ada->ID,
				'email'       => $ada->user_email,
			)
		);
		wp_set_current_user( $ada->ID );
		$_GET['aftercare_order'] = $order->number;
		$html                    = $this->render();
		$this->assertSame( 'items', self::shown_step( $html ) );
		$this->assertStringContainsString( 'Linen shirt', $html );
		$this->assertMatchesRegularExpression( '/<option value="' . $order->id . '"\s+selected/', $html );
		$this->assertStringContainsString( '_aftercare_nonce', $html );
		$this->assertStringNotContainsString( 'name="aftercare_email"', $html );

		// Bob follows the same link: his own (empty) list, nothing of Ada's.
		wp_set_current_user( $bob->ID );
		$html = $this->render();
		$this->assertSame( 'order', self::shown_step( $html ) );
		$this->assertStringNotContainsString( 'Linen shirt', $html );
		$this->assertStringNotContainsString( 'value="' . $order->id . '"', $html );
		$this->assertStringContainsString( 'You have no orders yet.', $html );
		$this->assertSame( 1, substr_count( $html, 'value="items"' ), 'no Continue from the order step (only Back from the details step)' );

		// Posting Ada's order id as Bob finds nothing and files nothing.
		$before = $this->rows();
		$fields = array(
			'aftercare_order_id' => (string) $order->id,
			'_aftercare_nonce'   => wp_create_nonce( 'aftercare_returns' ),
		) + $this->guest_fields( $order );
		$html   = $this->post( array( 'aftercare_goto' => 'items' ) + $fields );
		$this->assertStringContainsString( 'We could not find that order in your account.', $html );
		$this->assertStringNotContainsString( 'Linen shirt', $html );
		$this->post( array( 'aftercare_goto' => 'submit' ) + $fields );
		$this->assertSame( '', $this->redirected );
		$this->assertSame( $before, $this->rows() );

		// Ada files a partial return (1 of 2); the form then offers only the one left.
		wp_set_current_user( $ada->ID );
		$fields['_aftercare_nonce'] = wp_create_nonce( 'aftercare_returns' );
		$this->post( array( 'aftercare_goto' => 'submit' ) + $fields );
		$query = $this->redirect_query();
		$this->assertArrayNotHasKey( ReturnStatusPage::TOKEN_ARG, $query, 'a customer needs no token' );
		$this->assertSame( $ada->ID, $this->returns->get( (int) $query[ ReturnStatusPage::RETURN_ARG ] )->customer_id );
		$html = $this->get();
		$this->assertStringContainsString( 'already returned or refunded: 1', $html );
		$this->assertStringContainsString( 'max="1"', $html );
	}

	public function test_a_customer_without_a_valid_nonce_is_refused_and_nothing_is_written(): void {
		$ada   = $this->user( 'subscriber' );
		$order = $this->order(
			array(
				'customer_id' => $ada->ID,
				'email'       => $ada->user_email,
			)
		);
		wp_set_current_user( $ada->ID );
		$before = $this->rows();
		$html   = $this->post(
			array(
				'aftercare_goto'     => 'submit',
				'aftercare_order_id' => (string) $order->id,
				'_aftercare_nonce'   => 'forged',
			) + $this->guest_fields( $order )
		);
		$this->assertSame( '', $this->redirected );
		$this->assertStringContainsString( 'Your session has expired. Please try again.', $html );
		$this->assertSame( $before, $this->rows() );
	}

	public function test_the_status_page_opens_with_the_guest_link_or_the_customers_login_only(): void {
		$ada     = $this->user( 'subscriber' );
		$bob     = $this->user( 'subscriber' );
		$order   = $this->order();
		$created = $this->returns->create( $order, $this->input( $order ), 0 );
		$return  = $created['return'];
		Plugin::instance()->tickets->reply( $return->ticket_id, 'note', 'Internal: looks like wear.', $this->user( 'aftercare_agent' )->ID );
		$mine    = $this->order(
			array(
				'customer_id' => $ada->ID,
				'email'       => $ada->user_email,
			)
		);
		$own     = $this->returns->create( $mine, $this->input( $mine ), $ada->ID )['return'];

		$_GET = array(
			ReturnStatusPage::RETURN_ARG => (string) $return->id,
			ReturnStatusPage::TOKEN_ARG  => $created['token'],
		);
		$html = $this->render();
		$this->assertStringContainsString( 'Return ' . $return->public_number(), $html );
		$this->assertStringContainsString( 'Requested', $html );
		$this->assertStringContainsString( '1 × Linen shirt — Does not fit', $html );
		$this->assertStringContainsString( 'Too small.', $html );
		$this->assertStringNotContainsString( 'Internal: looks like wear.', $html, 'never a note' );
		$this->assertStringContainsString( '_aftercare_nonce', $html, 'the reply form checks a nonce, token or not' );

		$refused = array(
			'wrong token'           => array( 0, array( ReturnStatusPage::TOKEN_ARG => self::wrong( $created['token'] ) ) ),
			'no token'              => array( 0, array( ReturnStatusPage::TOKEN_ARG => '' ) ),
			'another return'        => array( 0, array( ReturnStatusPage::RETURN_ARG => (string) $own->id ) ),
			'another customer'      => array( $bob->ID, array( ReturnStatusPage::RETURN_ARG => (string) $own->id, ReturnStatusPage::TOKEN_ARG => '' ) ),
			'unknown return'        => array( $ada->ID, array( ReturnStatusPage::RETURN_ARG => '999999', ReturnStatusPage::TOKEN_ARG => '' ) ),
		);
		foreach ( $refused as $case => list( $user, $args ) ) {
			wp_set_current_user( $user );
			$_GET = $args + array(
				ReturnStatusPage::RETURN_ARG => (string) $return->id,
				ReturnStatusPage::TOKEN_ARG  => $created['token'],
			);
			$html = $this->render();
			$this->assertStringContainsString( 'This link is invalid or has expired.', $html, $case );
			$this->assertStringNotContainsString( 'Return R-', $html, $case );
			$this->assertStringNotContainsString( 'Linen shirt', $html, $case );
		}

		wp_set_current_user( $ada->ID );
		$_GET = array( ReturnStatusPage::RETURN_ARG => (string) $own->id );
		$html = $this->render();
		$this->assertStringContainsString( 'Return ' . $own->public_number(), $html );
		$this->assertStringContainsString( '_aftercare_nonce', $html );
	}

	public function test_replies_from_the_status_page_need_the_link_or_the_login_and_nonce(): void {
		$ada     = $this->user( 'subscriber' );
		$order   = $this->order();
		$created = $this->returns->create( $order, $this->input( $order ), 0 );
		$return  = $created['return'];
		$reply   = fn( array $fields ): string => $this->post( $fields + array( 'message' => 'When will you collect it?' ), ReturnStatusPage::REPLY_MARKER );

		$before = $this->rows();
		$_GET   = array(
			ReturnStatusPage::RETURN_ARG => (string) $return->id,
			ReturnStatusPage::TOKEN_ARG  => self::wrong( $created['token'] ),
		);
		$reply( array() );
		$this->assertSame( '', $this->redirected );
		wp_set_current_user( $ada->ID );
		$reply( array( '_aftercare_nonce' => wp_create_nonce( 'aftercare_returns' ) ) );
		$this->assertSame( '', $this->redirected, 'another customer, even with a nonce' );
		$this->assertSame( $before, $this->rows() );

		wp_set_current_user( 0 );
		$_GET[ ReturnStatusPage::TOKEN_ARG ] = $created['token'];
		$reply( array() );
		$this->assertSame( '', $this->redirected, 'the right token, but no nonce (a post from another site)' );
		$nonce = array( '_aftercare_nonce' => wp_create_nonce( 'aftercare_returns' ) );
		$html  = $reply( array( 'message' => '' ) + $nonce );
		$this->assertStringContainsString( 'aftercare-thread__error', $html, 'an empty message is refused with a message' );
		$this->assertSame( $before, $this->rows() );

		$reply( $nonce );
		$this->assertSame( 'replied', $this->redirect_query()[ ReturnStatusPage::DONE_ARG ] );
		$this->assertSame( $before['messages'] + 1, $this->rows()['messages'] );
		$_GET = $this->redirect_query();
		$html = $this->get();
		$this->assertStringContainsString( 'Your message was sent.', $html );
		$this->assertStringContainsString( 'When will you collect it?', $html );
	}

	public function test_a_message_through_the_guest_link_is_the_guest_s_even_with_an_agent_signed_in(): void {
		$agent   = $this->user( 'aftercare_agent' );
		$order   = $this->order();
		$created = $this->returns->create( $order, $this->input( $order ), 0 );
		$return  = $created['return'];
		wp_set_current_user( $agent->ID );
		$_GET  = array(
			ReturnStatusPage::RETURN_ARG => (string) $return->id,
			ReturnStatusPage::TOKEN_ARG  => $created['token'],
		);
		$fields = array( 'message' => 'Sent from the guest link.' );

		// Without the nonce (another site's form), nothing is written in the agent's name.
		$before = $this->rows();
		$this->post( $fields, ReturnStatusPage::REPLY_MARKER );
		$this->assertSame( '', $this->redirected );
		$this->assertSame( $before, $this->rows() );

		$this->post( $fields + array( '_aftercare_nonce' => wp_create_nonce( 'aftercare_returns' ) ), ReturnStatusPage::REPLY_MARKER );
		$this->assertSame( 'replied', $this->redirect_query()[ ReturnStatusPage::DONE_ARG ] );
		$last     = $this->rest( 'GET', '/aftercare/v1/returns/' . $return->id . '/messages', array(), $agent->ID )->get_data();
		$last     = end( $last );
		$this->assertSame( 'Sent from the guest link.', wp_strip_all_tags( (string) $last['body'] ) );
		$this->assertSame( array( 0, 'customer' ), array( $last['author']['id'], $last['author']['role'] ) );
		$this->assertSame(
			'open',
			Plugin::instance()->tickets->get( $return->ticket_id )->status->value,
			'a shopper\'s reply (an agent\'s would wait on the shopper)'
		);
	}

	/**
	 * A token that differs from the real one in its first character.
	 */
	private static function wrong( string $token ): string {
		return ( 'x' === $token[0] ? 'y' : 'x' ) . substr( $token, 1 );
	}

	/**
	 * Uploads as PHP puts a multiple file input (`attachments[]`) in $_FILES.
	 *
	 * @param array<int, array<string, mixed>> $uploads One per file.
	 * @return array<string, array<int, mixed>>
	 */
	private static function files( array $uploads ): array {
		$field = array();
		foreach ( array( 'name', 'type', 'tmp_name', 'error', 'size' ) as $key ) {
			$field[ $key ] = array_column( $uploads, $key );
		}
		return $field;
	}
}
