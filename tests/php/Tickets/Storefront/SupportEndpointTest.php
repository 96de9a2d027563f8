<?php
/**
 * WooCommerce My Account → Support: each customer sees only their own tickets and threads (A vs B),
 * never a note, replies from the thread; the endpoint is registered and rewrite rules are flushed
 * once per version. Also the WooCommerce side of notifications: Aftercare's mails are WooCommerce
 * emails (editable, switchable) and are sent through Action Scheduler.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Tickets\Storefront;

use Aftercare\Notifications\EmailTemplate;
use Aftercare\Notifications\Kind;
use Aftercare\Notifications\Notification;
use Aftercare\Notifications\Notifier;
use Aftercare\Notifications\WooCommerceEmail;
use Aftercare\Notifications\WooCommerceMailer;
use Aftercare\Settings\Settings;
use Aftercare\Tests\Tickets\Rest\TicketRestTestCase;
use Aftercare\Tickets\Links;
use Aftercare\Tickets\Storefront\CustomerThreads;
use Aftercare\Tickets\Storefront\SupportEndpoint;

/**
 * @group woocommerce
 */
final class SupportEndpointTest extends TicketRestTestCase {

	private SupportEndpoint $endpoint;

	private string $redirected = '';

	protected function setUp(): void {
		parent::setUp();
		$settings       = new Settings();
		$this->endpoint = new SupportEndpoint( new CustomerThreads( $settings ), new Links( $settings ) );
	}

	protected function tearDown(): void {
		global $wp;
		unset( $wp->query_vars[ SupportEndpoint::ENDPOINT ] );
		set_query_var( SupportEndpoint::ENDPOINT, '' );
		$_POST = array();
		unset( $_SERVER['REQUEST_METHOD'] );
		parent::tearDown();
	}

	private function content( \WP_User $user, string $value = '' ): string {
		wp_set_current_user( $user->ID );
		ob_start();
		$this->endpoint->content( $value );
		return (string) ob_get_clean();
	}

	public function test_the_endpoint_and_menu_item_are_registered(): void {
		$this->assertArrayHasKey( 'support', WC()->query->get_query_vars() );
		$items = $this->endpoint->menu_items(
			array(
				'dashboard'       => 'Dashboard',
				'orders'          => 'Orders',
				'customer-logout' => 'Log out',
			)
		);
		$this->assertSame( array( 'dashboard', 'orders', 'support', 'customer-logout' ), array_keys( $items ) );
	}

	public function test_each_customer_lists_only_their_own_tickets(): void {
		$this->customer_ticket( $this->customer_a, array( 'subject' => 'Ada needs help' ) );
		$this->customer_ticket( $this->customer_b, array( 'subject' => 'Bob needs help' ) );

		$list = $this->content( $this->customer_a );
		$this->assertStringContainsString( 'Ada needs help', $list );
		$this->assertStringNotContainsString( 'Bob needs help', $list );

		$list = $this->content( $this->customer_b );
		$this->assertStringContainsString( 'Bob needs help', $list );
		$this->assertStringNotContainsString( 'Ada needs help', $list );
	}

	public function test_an_agent_shopping_sees_their_own_tickets_not_the_queue(): void {
		$this->customer_ticket( $this->customer_a, array( 'subject' => 'Ada needs help' ) );
		$this->assertStringNotContainsString( 'Ada needs help', $this->content( $this->agent ) );
	}

	public function test_a_thread_shows_replies_never_notes_and_only_to_its_owner(): void {
		$ticket = $this->customer_ticket( $this->customer_a, array( 'subject' => 'Ada needs help' ) );
		$this->rest( 'POST', '/aftercare/v1/tickets/' . $ticket['id'] . '/messages', array( 'body' => 'Here is the fix.' ), $this->agent->ID );
		$this->rest( 'POST', '/aftercare/v1/tickets/' . $ticket['id'] . '/messages', array( 'type' => 'note', 'body' => 'Secret note' ), $this->agent->ID );

		$thread = $this->content( $this->customer_a, (string) $ticket['id'] );
		$this->assertStringContainsString( 'Here is the fix.', $thread );
		$this->assertStringNotContainsString( 'Secret note', $thread );
		$this->assertStringContainsString( 'name="aftercare_account_reply"', $thread );

		$other = $this->content( $this->customer_b, (string) $ticket['id'] );
		$this->assertStringContainsString( 'We could not find that request.', $other );
		$this->assertStringNotContainsString( 'Ada needs help', $other );
		$this->assertStringNotContainsString( 'Here is the fix.', $other );
	}

	public function test_a_customer_replies_from_the_thread_and_another_cannot(): void {
		$ticket = $this->customer_ticket( $this->customer_a );
		global $wp;
		$wp->query_vars[ SupportEndpoint::ENDPOINT ] = (string) $ticket['id'];
		set_query_var( SupportEndpoint::ENDPOINT, (string) $ticket['id'] );
		add_filter( 'aftercare_contact_exit_after_redirect', '__return_false' );
		$catch = function ( string $location ): bool {
			$this->redirected = $location;
			return false;
		};
		add_filter( 'wp_redirect', $catch );
		$_SERVER['REQUEST_METHOD'] = 'POST';
		try {
			wp_set_current_user( $this->customer_b->ID );
			$_POST = array(
				'aftercare_account_reply' => '1',
				'_aftercare_nonce'        => wp_create_nonce( 'aftercare_account_reply' ),
				'message'                 => 'Bob sneaks in',
			);
			$this->endpoint->before_page();
			$this->assertSame( '', $this->redirected, 'customer B may not reply to A\'s ticket' );

			wp_set_current_user( $this->customer_a->ID );
			$_POST['_aftercare_nonce'] = wp_create_nonce( 'aftercare_account_reply' );
			$_POST['message']          = 'Thanks, that worked.';
			$this->endpoint->before_page();
			$this->assertStringContainsString( 'aftercare_done=replied', $this->redirected );
		} finally {
			remove_filter( 'aftercare_contact_exit_after_redirect', '__return_false' );
			remove_filter( 'wp_redirect', $catch );
		}
		$bodies = array_map(
			static fn( array $message ): string => wp_strip_all_tags( (string) $message['body'] ),
			$this->rest( 'GET', '/aftercare/v1/tickets/' . $ticket['id'] . '/messages', array(), $this->agent->ID )->get_data()
		);
		$this->assertContains( 'Thanks, that worked.', $bodies );
		$this->assertNotContains( 'Bob sneaks in', $bodies );
	}

	public function test_rewrite_rules_are_flushed_once_per_version_and_set_of_endpoints(): void {
		global $wp_rewrite;
		$wp_rewrite->set_permalink_structure( '/%postname%/' );
		delete_option( SupportEndpoint::REWRITE_OPTION );
		$flushes = did_action( 'generate_rewrite_rules' );

		$this->endpoint->maybe_flush_rewrite_rules();
		$this->assertSame( $flushes + 1, did_action( 'generate_rewrite_rules' ) );
		$this->assertStringStartsWith( AFTERCARE_VERSION . ':', (string) get_option( SupportEndpoint::REWRITE_OPTION ) );
		$this->assertNotEmpty( preg_grep( '#support#', array_keys( (array) get_option( 'rewrite_rules' ) ) ) );
		$this->assertNotEmpty( preg_grep( '#returns#', array_keys( (array) get_option( 'rewrite_rules' ) ) ) );

		$this->endpoint->maybe_flush_rewrite_rules();
		$this->assertSame( $flushes + 1, did_action( 'generate_rewrite_rules' ), 'ordinary requests never flush' );

		// A site whose rules predate an endpoint (same version) gets them on the next request.
		$added = static fn( array $vars ): array => $vars + array( 'warranty' => 'warranty' );
		add_filter( 'woocommerce_get_query_vars', $added );
		$this->endpoint->maybe_flush_rewrite_rules();
		remove_filter( 'woocommerce_get_query_vars', $added );
		$this->assertSame( $flushes + 2, did_action( 'generate_rewrite_rules' ) );
	}

	public function test_aftercare_mails_are_woocommerce_emails_the_store_can_switch_off(): void {
		$emails = WC()->mailer()->get_emails();
		$email  = $emails[ 'Aftercare_' . Kind::AgentReply->value ] ?? null;
		$this->assertInstanceOf( WooCommerceEmail::class, $email );
		$this->assertSame( 'aftercare_customer_reply', $email->id );
		$this->assertTrue( $email->is_customer_email() );

		$captured = null;
		$capture  = static function ( $value, array $atts ) use ( &$captured ) {
			$captured = $atts;
			return true;
		};
		add_filter( 'pre_wp_mail', $capture, 10, 2 );
		$mailer = new WooCommerceMailer( new EmailTemplate() );
		try {
			$this->assertTrue( $mailer->is_enabled( Kind::AgentReply ) );
			$this->assertTrue(
				$mailer->send(
					new Notification(
						Kind::AgentReply,
						'ada@example.test',
						'Ada',
						1042,
						'Wrong <b>size</b>',
						'We have replied to your request.',
						'Ann',
						'<p>Swap <strong>approved</strong></p><script>x()</script>',
						'https://shop.test/my-account/support/7/',
						'View your request and reply'
					)
				)
			);
		} finally {
			remove_filter( 'pre_wp_mail', $capture );
		}
		$this->assertSame( 'ada@example.test', $captured['to'] );
		$this->assertStringContainsString( '#1042', $captured['subject'] );
		$this->assertStringContainsString( 'approved', $captured['message'] );
		$this->assertStringNotContainsString( '<script>', $captured['message'] );
		$this->assertStringContainsString( 'Wrong &lt;b&gt;size&lt;/b&gt;', $captured['message'] );

		update_option( 'woocommerce_aftercare_customer_reply_settings', array( 'enabled' => 'no' ) );
		WC()->mailer()->init();
		$this->assertFalse( ( new WooCommerceMailer( new EmailTemplate() ) )->is_enabled( Kind::AgentReply ) );
	}

	public function test_new_mail_is_handed_to_action_scheduler(): void {
		as_unschedule_all_actions( Notifier::HOOK, array(), 'aftercare' );
		$this->guest_ticket();
		$this->assertIsInt( as_next_scheduled_action( Notifier::HOOK, array(), 'aftercare' ) );
		as_unschedule_all_actions( Notifier::HOOK, array(), 'aftercare' );
	}
}
