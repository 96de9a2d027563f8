<?php
/**
 * The shopper hears about a return, not about its ticket: one acknowledgement with the return's
 * number, items, shipping instructions and status link (never also the ticket's), one mail per
 * status with what it needs (instructions, amount, coupon, new order), and an agent's message
 * that comes with a change inside that mail rather than in a second one. Agents hear of new
 * returns like new tickets. The mails go through the plugin's own queue and mailer (WooCommerce's
 * emails in the woocommerce run), caught at wp_mail.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Returns;

use Aftercare\Infrastructure\AccessTokens;
use Aftercare\Infrastructure\SystemClock;
use Aftercare\Notifications\EmailTemplate;
use Aftercare\Notifications\Kind;
use Aftercare\Notifications\Notifier;
use Aftercare\Notifications\Outbox;
use Aftercare\Notifications\ReturnMails;
use Aftercare\Notifications\WooCommerceMailer;
use Aftercare\Notifications\WpMailer;
use Aftercare\Orders\Order;
use Aftercare\Returns\Policy;
use Aftercare\Returns\ReturnAccess;
use Aftercare\Returns\ReturnItemRepository;
use Aftercare\Returns\ReturnRepository;
use Aftercare\Returns\ReturnRequest;
use Aftercare\Settings\Settings;
use Aftercare\Tickets\Links;
use Aftercare\Tickets\Message;
use Aftercare\Tickets\MessageRepository;

final class ReturnNotificationsTest extends ReturnsTestCase {

	private const INSTRUCTIONS = 'Post the parcel to Returns, 1 Dock Road, Leeds.';

	private \WP_User $agent;

	/** @var array<int, array<string, mixed>> Mails handed to wp_mail. */
	private array $mails = array();

	private \Closure $capture;

	private int $portal;

	protected function setUp(): void {
		parent::setUp();
		$this->agent  = $this->user( 'aftercare_agent' );
		$this->portal = (int) wp_insert_post(
			array(
				'post_type'   => 'page',
				'post_status' => 'publish',
				'post_title'  => 'Returns',
			)
		);
		( new Settings() )->update(
			array(
				'notification_email'           => 'desk@example.test',
				'return_shipping_instructions' => self::INSTRUCTIONS,
				'return_portal_page'           => $this->portal,
			)
		);
		$this->capture = function ( $value, array $atts ) {
			$this->mails[] = $atts;
			return true;
		};
		add_filter( 'pre_wp_mail', $this->capture, 10, 2 );
		self::reload_woocommerce_emails();
	}

	protected function tearDown(): void {
		remove_filter( 'pre_wp_mail', $this->capture );
		parent::tearDown();
		self::reload_woocommerce_emails();
	}

	/**
	 * WooCommerce keeps its emails' on/off settings in memory: read them again from the database
	 * (as rolled back), so a test that switched one off does not switch it off for the next.
	 */
	private static function reload_woocommerce_emails(): void {
		if ( function_exists( 'WC' ) ) {
			WC()->mailer()->init();
		}
	}

	/**
	 * What the queue holds for the return's thread: [type, recipient, dedupe key], oldest first.
	 *
	 * @return array<int, array{0: string, 1: string, 2: string}>
	 */
	private function queued( ReturnRequest $return ): array {
		global $wpdb;
		$table = $wpdb->prefix . 'aftercare_outbox';
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$rows  = $wpdb->get_results( $wpdb->prepare( "SELECT type, recipient, dedupe_key FROM {$table} WHERE ticket_id = %d ORDER BY id", $return->ticket_id ) );
		return array_map( static fn( object $row ): array => array( (string) $row->type, (string) $row->recipient, (string) $row->dedupe_key ), $rows );
	}

	/**
	 * Sends what waits in the queue for returns, as the background job does, with the mailer the
	 * plugin uses on this site; answers the mails sent to $to.
	 *
	 * @return array<int, array<string, mixed>>
	 */
	private function send( string $to ): array {
		global $wpdb;
		$this->mails = array();
		$ids         = $wpdb->get_col(
			$wpdb->prepare(
				// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
				"SELECT id FROM {$wpdb->prefix}aftercare_outbox WHERE status = %s AND ticket_id IN (SELECT ticket_id FROM {$wpdb->prefix}aftercare_returns) ORDER BY id",
				Outbox::PENDING
			)
		);
		foreach ( $ids as $id ) {
			$this->notifier()->deliver( (int) $id );
		}
		return array_values(
			array_filter( $this->mails, static fn( array $mail ): bool => in_array( strtolower( $to ), array_map( 'strtolower', (array) $mail['to'] ), true ) )
		);
	}

	/**
	 * The notifier as the plugin wires it (WooCommerce's emails when WooCommerce runs).
	 */
	private function notifier(): Notifier {
		global $wpdb;
		$settings = new Settings();
		$clock    = new SystemClock();
		$template = new EmailTemplate();
		$tokens   = new AccessTokens( $wpdb, $clock );
		$messages = new MessageRepository( $wpdb );
		$returns  = new ReturnRepository( $wpdb, new ReturnItemRepository( $wpdb ) );
		$outbox   = new Outbox( $wpdb, $clock );
		return new Notifier(
			$outbox,
			class_exists( 'WooCommerce' ) ? new WooCommerceMailer( $template ) : new WpMailer( $template ),
			self::ticket_repository(),
			$messages,
			$tokens,
			new Links( $settings ),
			$settings,
			$clock,
			new ReturnMails(
				$returns,
				new ReturnAccess( $returns, $tokens, $settings ),
				new Policy( $settings ),
				$tokens,
				$this->orders->source(),
				\Aftercare\Plugin::instance()->feedback
			),
			\Aftercare\Tests\Notifications\MailHeadersTest::headers_for( $outbox ),
			\Aftercare\Plugin::instance()->feedback,
			new \Aftercare\Feedback\RatingRepository( $wpdb, $clock ),
			new \Aftercare\Tickets\Sla( $settings, $clock )
		);
	}

	private function text( array $mail ): string {
		return html_entity_decode( wp_strip_all_tags( (string) $mail['message'] ), ENT_QUOTES, 'UTF-8' );
	}

	private function guest_return( Order $order ): ReturnRequest {
		return $this->returns->create( $order, $this->input( $order ), 0 )['return'];
	}

	public function test_a_guest_gets_one_acknowledgement_with_the_return_and_a_working_link_and_agents_hear_of_it(): void {
		$order  = $this->order();
		$return = $this->guest_return( $order );

		$this->assertSame(
			array(
				array( Kind::ReturnRequested->value, 'gwen@example.test', 'return:' . $return->id . ':requested' ),
				array( Kind::NewReturn->value, 'desk@example.test', 'return:' . $return->id . ':agents:desk@example.test' ),
			),
			$this->queued( $return ),
			'the return\'s acknowledgement and the agents\' mail, never the ticket\'s own'
		);

		$this->send( 'gwen@example.test' );
		$this->assertCount( 2, $this->mails, 'one mail to the shopper, one to the desk' );
		$mail = array_values( array_filter( $this->mails, static fn( array $m ): bool => in_array( 'gwen@example.test', (array) $m['to'], true ) ) )[0];
		$this->assertStringContainsString( $return->public_number(), $mail['subject'] );
		$this->assertStringContainsString( $order->number, $mail['subject'] );
		$text = $this->text( $mail );
		$this->assertStringContainsString( '1 × Linen shirt', $text );
		$this->assertStringContainsString( self::INSTRUCTIONS, $text );
		$this->assertStringNotContainsString( 'Ticket #', $text, 'about the return, not a ticket' );

		$this->assertSame(
			1,
			preg_match( '#href="([^"]*aftercare_return=' . $return->id . '[^"]*)"#', (string) $mail['message'], $link ),
			(string) $mail['message']
		);
		$url = html_entity_decode( $link[1] );
		$this->assertStringStartsWith( (string) get_permalink( $this->portal ), $url, 'the status page is the portal page' );
		parse_str( (string) wp_parse_url( $url, PHP_URL_QUERY ), $query );
		$access = new ReturnAccess(
			new ReturnRepository( $GLOBALS['wpdb'], new ReturnItemRepository( $GLOBALS['wpdb'] ) ),
			new AccessTokens( $GLOBALS['wpdb'], new SystemClock() ),
			new Settings()
		);
		$this->assertTrue( $access->allows( $return->id, (string) $query['aftercare_token'] ), 'the mailed link opens the return' );

		$desk = array_values( array_filter( $this->mails, static fn( array $m ): bool => in_array( 'desk@example.test', (array) $m['to'], true ) ) )[0];
		$this->assertStringContainsString( 'page=aftercare-returns&return=' . $return->id . '"', html_entity_decode( (string) $desk['message'] ) );
		$this->assertStringContainsString( '1 × Linen shirt', $this->text( $desk ) );
	}

	public function test_each_status_mails_the_shopper_once_with_what_it_needs(): void {
		$order  = $this->order();
		$return = $this->guest_return( $order );
		$this->send( 'gwen@example.test' );

		$this->returns->move( $return->id, 'approved', $this->agent->ID );
		$mails = $this->send( 'gwen@example.test' );
		$this->assertCount( 1, $mails );
		$this->assertStringContainsString( 'approved', $mails[0]['subject'] );
		$this->assertStringContainsString( self::INSTRUCTIONS, $this->text( $mails[0] ) );

		$this->returns->move( $return->id, 'awaiting_items', $this->agent->ID );
		$this->assertStringContainsString( self::INSTRUCTIONS, $this->text( $this->send( 'gwen@example.test' )[0] ) );

		$this->returns->receive( $return->id, array(), false, $this->agent->ID );
		$this->assertStringContainsString( '1 × Linen shirt', $this->text( $this->send( 'gwen@example.test' )[0] ) );

		$this->returns->refund( $return->id, $this->agent->ID, false, 0.0, 'The money is on its way.' );
		$mails = $this->send( 'gwen@example.test' );
		$this->assertCount( 1, $mails, 'the refund and the agent\'s words are one mail' );
		$this->assertStringContainsString( 'refunded', $mails[0]['subject'] );
		$this->assertStringContainsString( '20.00', $this->text( $mails[0] ) );
		$this->assertStringContainsString( 'The money is on its way.', $this->text( $mails[0] ) );

		$this->returns->move( $return->id, 'closed', $this->agent->ID );
		$this->assertStringContainsString( 'closed', $this->send( 'gwen@example.test' )[0]['subject'] );

		$this->assertSame(
			array(
				Kind::ReturnRequested,
				Kind::NewReturn,
				Kind::ReturnApproved,
				Kind::ReturnAwaitingItems,
				Kind::ReturnReceived,
				Kind::ReturnRefunded,
				Kind::ReturnClosed,
			),
			array_map( static fn( array $row ) => Kind::from( $row[0] ), $this->queued( $return ) ),
			'one row per status, no separate reply mail'
		);
	}

	public function test_a_rejection_carries_the_agents_message_in_one_mail(): void {
		$order  = $this->order();
		$return = $this->guest_return( $order );
		$this->send( 'gwen@example.test' );

		$this->returns->move( $return->id, 'rejected', $this->agent->ID, 'Worn items cannot be returned.' );
		$message = array_values( array_filter( $this->fired, static fn( array $f ): bool => 'aftercare_return_updated' === $f[0] ) )[0][1][2];
		$this->assertInstanceOf( Message::class, $message, 'the hook hands listeners the message that came with the change' );
		$this->assertSame( array( Kind::ReturnRejected->value, 'gwen@example.test', 'reply:' . $message->id ), array_slice( $this->queued( $return ), -1 )[0] );

		$mails = $this->send( 'gwen@example.test' );
		$this->assertCount( 1, $mails, 'not a rejection and a reply' );
		$this->assertStringContainsString( 'Worn items cannot be returned.', $this->text( $mails[0] ) );
		$this->assertStringNotContainsString( self::INSTRUCTIONS, $this->text( $mails[0] ) );
	}

	public function test_store_credit_and_exchange_mails_name_the_coupon_and_the_new_order(): void {
		$order  = $this->order();
		$credit = $this->guest_return( $order );
		$this->returns->move( $credit->id, 'approved', $this->agent->ID );
		$this->send( 'gwen@example.test' );
		$credited = $this->returns->credit( $credit->id, $this->agent->ID );
		$text     = $this->text( $this->send( 'gwen@example.test' )[0] );
		$this->assertStringContainsString( $credited->coupon_code, $text );
		$this->assertStringContainsString( '20.00', $text );

		$other    = $this->order();
		$exchange = $this->guest_return( $other );
		$this->returns->move( $exchange->id, 'approved', $this->agent->ID );
		$this->send( 'gwen@example.test' );
		$exchanged = $this->returns->exchange( $exchange->id, $this->agent->ID );
		$new_order = $this->orders->source()->find( $exchanged->exchange_order_id );
		$this->assertStringContainsString( '#' . $new_order->number, $this->text( $this->send( 'gwen@example.test' )[0] ) );
	}

	public function test_customers_follow_their_return_in_their_account_and_agents_filing_one_do_not_mail_the_desk(): void {
		$customer = $this->user( 'customer' );
		$order    = $this->order(
			array(
				'customer_id' => $customer->ID,
				'email'       => $customer->user_email,
			)
		);
		$return   = $this->returns->create( $order, $this->input( $order, array( array( 0, 1, 'size' ) ) ), $customer->ID )['return'];
		$mail     = $this->send( $customer->user_email )[0];
		$this->assertStringNotContainsString( 'aftercare_token', (string) $mail['message'], 'a signed-in customer needs no token' );
		$this->assertMatchesRegularExpression(
			class_exists( 'WooCommerce' ) ? '#/returns/' . $return->id . '/#' : '#aftercare_return=' . $return->id . '#',
			(string) $mail['message']
		);

		$by_agent = $this->returns->create( $order, $this->input( $order, array( array( 1, 1, 'size' ) ) ), $this->agent->ID )['return'];
		$this->assertSame( array( Kind::ReturnRequested->value ), array_column( $this->queued( $by_agent ), 0 ), 'the customer hears of it, the desk does not' );
	}

	public function test_replies_on_a_returns_thread_link_to_the_return(): void {
		$order  = $this->order();
		$return = $this->guest_return( $order );
		$this->send( 'gwen@example.test' );

		$this->returns->message( $return->id, 'Could you send a photo of the label?', $this->agent->ID );
		$mail = $this->send( 'gwen@example.test' )[0];
		$this->assertStringContainsString( 'Could you send a photo of the label?', $this->text( $mail ) );
		$this->assertStringContainsString( 'aftercare_return=' . $return->id, (string) $mail['message'] );

		$this->returns->message( $return->id, 'Here it is.', 0 );
		$this->assertStringContainsString(
			'page=aftercare-returns&return=' . $return->id . '"',
			html_entity_decode( (string) $this->send( 'desk@example.test' )[0]['message'] )
		);
	}

	/**
	 * @group woocommerce
	 */
	public function test_with_woocommerce_each_return_mail_is_an_email_the_store_can_switch_off(): void {
		$emails = WC()->mailer()->get_emails();
		foreach ( Kind::cases() as $kind ) {
			$this->assertArrayHasKey( 'Aftercare_' . $kind->value, $emails, $kind->value );
		}
		update_option( 'woocommerce_aftercare_customer_return_approved_settings', array( 'enabled' => 'no' ) );
		WC()->mailer()->init();
		$order  = $this->order();
		$return = $this->guest_return( $order );
		$this->send( 'gwen@example.test' );
		$this->returns->move( $return->id, 'approved', $this->agent->ID );
		$this->assertSame( array(), $this->send( 'gwen@example.test' ), 'switched off: not sent' );
		global $wpdb;
		$this->assertSame(
			Outbox::SKIPPED,
			// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
			$wpdb->get_var( $wpdb->prepare( "SELECT status FROM {$wpdb->prefix}aftercare_outbox WHERE dedupe_key = %s", 'return:' . $return->id . ':approved' ) )
		);
		$this->returns->move( $return->id, 'rejected', $this->agent->ID, 'Sorry.' );
		$this->assertStringContainsString(
			$return->public_number(),
			$this->send( 'gwen@example.test' )[0]['subject'],
			'the others still go, in WooCommerce\'s layout'
		);
	}
}
