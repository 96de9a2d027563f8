<?php
/**
 * What the mails look like without WooCommerce: everything a customer typed is escaped, the
 * message body keeps only allowed HTML, and links are real links.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Notifications;

use Aftercare\Notifications\EmailTemplate;
use Aftercare\Notifications\Kind;
use Aftercare\Notifications\Notification;
use Aftercare\Notifications\WpMailer;
use Aftercare\Tests\TestCase;

final class EmailTemplateTest extends TestCase {

	private function mail( Kind $kind = Kind::NewTicket ): Notification {
		return new Notification(
			$kind,
			'agent@example.test',
			'Ann <b>Agent</b>',
			1042,
			'Broken <script>alert(1)</script> zip',
			'"Evil" <img src=x onerror=alert(2)> opened a new ticket.',
			'Eve <i>Hacker</i>',
			'<p>Hello <strong>there</strong></p><script>alert(3)</script><a href="javascript:alert(4)">click</a><img src="x" onerror="alert(5)">',
			'https://shop.example/wp-admin/admin.php?page=aftercare-tickets&ticket=7',
			'Open the ticket'
		);
	}

	public function test_everything_typed_by_people_is_escaped(): void {
		$html = ( new EmailTemplate() )->document( $this->mail(), 'New support ticket' );

		$this->assertStringNotContainsString( '<script', $html );
		$this->assertDoesNotMatchRegularExpression( '/<[^>]*onerror/i', $html, 'no event handler survives inside a tag' );
		$this->assertStringNotContainsString( 'javascript:', $html );
		$this->assertStringContainsString( '&quot;Evil&quot; &lt;img src=x onerror=alert(2)&gt; opened', $html );
		$this->assertStringNotContainsString( '<b>Agent', $html );
		$this->assertStringContainsString( 'Broken &lt;script&gt;alert(1)&lt;/script&gt; zip', $html );
		$this->assertStringContainsString( 'Eve &lt;i&gt;Hacker&lt;/i&gt; wrote:', $html );
		$this->assertStringContainsString( '<strong>there</strong>', $html, 'allowed formatting of the message survives' );
		$this->assertStringContainsString( 'href="https://shop.example/wp-admin/admin.php?page=aftercare-tickets&#038;ticket=7"', $html );
		$this->assertStringContainsString( 'Ticket #1042', $html );
	}

	public function test_the_text_version_has_no_markup_and_the_link_in_full(): void {
		$text = ( new EmailTemplate() )->plain( $this->mail(), 'New support ticket' );
		$this->assertStringNotContainsString( '<p>', $text );
		$this->assertStringContainsString( 'Hello there', $text );
		$this->assertStringContainsString( 'Open the ticket: https://shop.example/wp-admin/admin.php?page=aftercare-tickets&ticket=7', $text );
	}

	public function test_customer_mails_warn_that_the_link_is_personal(): void {
		$template = new EmailTemplate();
		$this->assertStringContainsString( 'Keep this link to yourself', $template->body( $this->mail( Kind::TicketReceived ) ) );
		$this->assertStringNotContainsString( 'Keep this link to yourself', $template->body( $this->mail( Kind::NewTicket ) ) );
	}

	public function test_wp_mail_gets_an_html_mail_with_the_filled_in_subject(): void {
		$captured = null;
		$capture  = static function ( $return, array $atts ) use ( &$captured ) {
			$captured = $atts;
			return true;
		};
		add_filter( 'pre_wp_mail', $capture, 10, 2 );
		try {
			$this->assertTrue( ( new WpMailer( new EmailTemplate() ) )->send( $this->mail() ) );
		} finally {
			remove_filter( 'pre_wp_mail', $capture );
		}
		$this->assertSame( 'agent@example.test', $captured['to'] );
		$this->assertSame( 'New ticket #1042: Broken <script>alert(1)</script> zip', $captured['subject'], 'subjects are plain text, not HTML' );
		$this->assertContains( 'Content-Type: text/html; charset=UTF-8', $captured['headers'] );
		$this->assertStringContainsString( '<!DOCTYPE html>', $captured['message'] );
	}

	public function test_a_returns_details_are_escaped_in_html_and_listed_in_text(): void {
		$mail = new Notification(
			Kind::ReturnRefunded,
			'gwen@example.test',
			'Gwen',
			1042,
			'Return R-1001 for order #77',
			'We have refunded your return.',
			'',
			'',
			'https://shop.example/returns/?aftercare_return=1&aftercare_token=abc',
			'View your return',
			array( array( 'Refunded', '20.00 <b>GBP</b>' ), array( 'How to send the items back', "Line one\nLine <script>two</script>" ) ),
			'R-1001',
			'77'
		);
		$template = new EmailTemplate();
		$html     = $template->body( $mail );
		$this->assertStringContainsString( '<strong>Return R-1001 for order #77</strong>', $html, 'about the return, not "Ticket #1042"' );
		$this->assertStringNotContainsString( 'Ticket #', $html );
		$this->assertStringContainsString( '20.00 &lt;b&gt;GBP&lt;/b&gt;', $html );
		$this->assertStringContainsString( 'Line one<br />', $html, 'line breaks kept' );
		$this->assertStringNotContainsString( '<script', $html );
		$this->assertStringContainsString( 'Refunded: 20.00 <b>GBP</b>', $template->plain( $mail, 'Refunded' ), 'plain text is not HTML' );
		$this->assertSame( 'Your return R-1001 for #77', $mail->fill( 'Your return {return_number} for #{order_number}' ) );
	}
}
