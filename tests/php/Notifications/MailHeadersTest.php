<?php
/**
 * Outgoing mail is threadable: each mail has one stable Message-ID, a later mail of the same
 * thread answers the earlier ones (In-Reply-To, References), and the shopper's mails carry a
 * Reply-To with a plus-tag only the store can make.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Notifications;

use Aftercare\Mail\ReplyAddress;
use Aftercare\Notifications\MailHeaders;
use Aftercare\Settings\Settings;
use Aftercare\Tests\Tickets\Rest\TicketRestTestCase;

final class MailHeadersTest extends TicketRestTestCase {

	/**
	 * The headers service as the plugin builds it, for tests that build their own notifier.
	 */
	public static function headers_for( \Aftercare\Notifications\Outbox $outbox ): MailHeaders {
		global $wpdb;
		$log = new \Aftercare\Mail\ReceivedMailRepository( $wpdb, new \Aftercare\Infrastructure\SystemClock() );
		$messages = new \Aftercare\Tickets\MessageRepository( $wpdb );
		$tickets  = new \Aftercare\Tickets\TicketRepository(
			$wpdb,
			new \Aftercare\Tickets\TagRepository( $wpdb ),
			new \Aftercare\Tickets\TicketTerms( $wpdb, new \Aftercare\HelpCenter\Tokenizer() ),
			$messages,
			new \Aftercare\Tickets\TicketCounts( $wpdb, \Aftercare\Plugin::instance()->transaction )
		);
		return new MailHeaders( $outbox, $log, new ReplyAddress( new Settings() ), $tickets );
	}

	/**
	 * The header lines wp_mail got: a list from wp_mail callers, one string from WooCommerce.
	 *
	 * @param array<string, mixed> $mail What wp_mail got.
	 * @return string[]
	 */
	public static function lines( array $mail ): array {
		return is_array( $mail['headers'] ) ? $mail['headers'] : (array) preg_split( '/\r?\n/', trim( (string) $mail['headers'] ) );
	}

	/**
	 * @param array<string, mixed> $mail What wp_mail got.
	 * @return array<string, string> Header name (lower case) => value.
	 */
	private static function headers( array $mail ): array {
		$headers = array();
		foreach ( self::lines( $mail ) as $line ) {
			list( $name, $value ) = array_map( 'trim', explode( ':', (string) $line, 2 ) + array( '', '' ) );
			$headers[ strtolower( $name ) ] = $value;
		}
		return $headers;
	}

	public function test_the_shoppers_mails_thread_and_lead_back_to_the_ticket(): void {
		( new Settings() )->update( array( 'support_email' => 'help@shop.example' ) );
		$ticket = $this->guest_ticket( array( 'email' => 'gwen@example.test' ) );
		$to     = static fn( array $mails ): array => array_values( array_filter( $mails, static fn( array $mail ): bool => 'gwen@example.test' === $mail['to'] ) );
		$first  = self::headers( $to( $this->deliver_outbox() )[0] );
		$this->assertMatchesRegularExpression( '/^<aftercare\.t' . $ticket['id'] . '\.m\d+\.[0-9a-f]{12}@[^>]+>$/', $first['message-id'] );
		$this->assertArrayNotHasKey( 'in-reply-to', $first, 'the first mail of the thread answers nothing' );
		$this->assertMatchesRegularExpression( '/^help\+t' . $ticket['number'] . '\.[0-9a-f]{8}@shop\.example$/', $first['reply-to'] );

		$reply  = new ReplyAddress( new Settings() );
		$this->assertSame( (int) $ticket['number'], $reply->ticket_number( array( 'Someone@x.test', $first['reply-to'] ) ), 'the tag verifies' );
		$forged = preg_replace( '/\.[0-9a-f]{8}@/', '.00000000@', $first['reply-to'] );
		$this->assertSame( 0, $reply->ticket_number( array( (string) $forged ) ), 'a forged tag does not' );
		$other  = str_replace( 't' . $ticket['number'] . '.', 't' . ( $ticket['number'] + 1 ) . '.', $first['reply-to'] );
		$this->assertSame( 0, $reply->ticket_number( array( $other ) ), 'nor does another ticket\'s number with this tag' );

		$this->rest( 'POST', '/aftercare/v1/tickets/' . $ticket['id'] . '/messages', array( 'body' => 'It ships today.' ), $this->agent->ID );
		$second = self::headers( $to( $this->deliver_outbox() )[0] );
		$this->assertNotSame( $first['message-id'], $second['message-id'] );
		$this->assertSame( $first['message-id'], $second['in-reply-to'] );
		$this->assertSame( $first['message-id'], $second['references'] );
		$this->assertSame( $first['reply-to'], $second['reply-to'] );
	}

	public function test_agents_mails_have_ids_but_no_reply_address_and_php_mailer_sends_one_message_id(): void {
		$ticket = $this->guest_ticket( array( 'email' => 'gwen@example.test' ) );
		$mails  = array_values( array_filter( $this->deliver_outbox(), static fn( array $mail ): bool => 'gwen@example.test' !== $mail['to'] ) );
		$this->assertNotEmpty( $mails );
		$agent = self::headers( $mails[0] );
		$this->assertStringStartsWith( '<aftercare.t' . $ticket['id'] . '.', $agent['message-id'] );
		// WooCommerce adds its own Reply-To (the store's From); ours, the ticket's tag, never.
		$this->assertStringNotContainsString( '+t', $agent['reply-to'] ?? '', 'an agent answering by mail would turn into a customer' );

		require_once ABSPATH . WPINC . '/PHPMailer/PHPMailer.php';
		require_once ABSPATH . WPINC . '/PHPMailer/Exception.php';
		$mailer = new \PHPMailer\PHPMailer\PHPMailer();
		$mailer->addCustomHeader( 'X-Other', 'kept' );
		$mailer->addCustomHeader( 'Message-ID', $agent['message-id'] );
		$outbox = new \Aftercare\Notifications\Outbox( $GLOBALS['wpdb'], new \Aftercare\Infrastructure\SystemClock() );
		self::headers_for( $outbox )->stamp( $mailer );
		$this->assertSame( $agent['message-id'], $mailer->MessageID );
		$this->assertSame( array( array( 'X-Other', 'kept' ) ), $mailer->getCustomHeaders() );
	}
}
