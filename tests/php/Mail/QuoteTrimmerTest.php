<?php
/**
 * QuoteTrimmer: each client's quote marks, in text and HTML, and what it must leave alone.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Mail;

use Aftercare\Mail\QuoteTrimmer;
use PHPUnit\Framework\TestCase;

final class QuoteTrimmerTest extends TestCase {

	/**
	 * @return array<string, array{0: string, 1: string}>
	 */
	public function texts(): array {
		return array(
			'English attribution'        => array( "Thanks!\n\nOn Mon, 1 Dec 2026 at 10:00, Shop <s@x> wrote:\n> old", 'Thanks!' ),
			'attribution on two lines'   => array( "Thanks!\n\nOn Mon, 1 Dec 2026 at 10:00 Shop Support <support@shop.example>\nwrote:\n\n> old", 'Thanks!' ),
			'German'                     => array( "Danke!\n\nAm 01.12.2026 um 10:00 schrieb Shop <s@x>:\n> alt", 'Danke!' ),
			'French'                     => array( "Merci !\n\nLe lun. 1 déc. 2026 à 10:00, Shop <s@x> a écrit :\n> ancien", 'Merci !' ),
			'Spanish'                    => array( "¡Gracias!\n\nEl lun, 1 dic 2026 a las 10:00, Shop (<s@x>) escribió:\n> viejo", '¡Gracias!' ),
			'Dutch'                      => array( "Bedankt!\n\nOp ma 1 dec. 2026 om 10:00 schreef Shop <s@x>:\n> oud", 'Bedankt!' ),
			'Outlook original message'   => array( "Fine.\n\n-----Original Message-----\nFrom: Shop\nold", 'Fine.' ),
			'German Outlook'             => array( "Gut.\n\n-----Ursprüngliche Nachricht-----\nVon: Shop", 'Gut.' ),
			'Outlook header block'       => array(
				"Fine.\n\n________________________________\nFrom: Shop <s@x>\nSent: Tuesday, December 1, 2026 10:02 AM\nTo: me\nSubject: hi\n\nold",
				'Fine.',
			),
			'trailing quote block'       => array( "Yes.\n\n> question?\n>\n> > older", 'Yes.' ),
			'signature delimiter'        => array( "See you.\n-- \nJane\n555-1234", 'See you.' ),
			'device footer'              => array( "Ok\n\nSent from my iPhone\n\n> old", 'Ok' ),
			'German device footer'       => array( "Ok\n\nVon meinem iPhone gesendet", 'Ok' ),
			'interleaved reply is whole' => array( "> Which size?\nL please.\n> Which colour?\nBlue.", "> Which size?\nL please.\n> Which colour?\nBlue." ),
			'a forward stays'            => array(
				"See below.\n\n---------- Forwarded message ---------\nFrom: Shop <s@x>\n\nOn Mon, Shop wrote:\n> x",
				"See below.\n\n---------- Forwarded message ---------\nFrom: Shop <s@x>\n\nOn Mon, Shop wrote:\n> x",
			),
			'"From:" in prose stays'     => array( "From: my side the order is fine.\nThanks", "From: my side the order is fine.\nThanks" ),
			'nothing but quote stays'    => array( "> only a quote\n> here", "> only a quote\n> here" ),
			'no marks'                   => array( "Just text.\n\nMore.", "Just text.\n\nMore." ),
		);
	}

	/**
	 * @dataProvider texts
	 */
	public function test_text( string $body, string $visible ): void {
		$trimmed = QuoteTrimmer::text( $body );
		$this->assertSame( $visible, $trimmed->visible );
		$this->assertSame( $body, $trimmed->original );
		$this->assertSame( $visible !== $body, $trimmed->trimmed() );
	}

	public function test_a_long_quote_costs_one_pass(): void {
		$started = microtime( true );
		$trimmed = QuoteTrimmer::text( "new\n" . str_repeat( "> quoted line\n", 30000 ) . 'more new' );
		$this->assertFalse( $trimmed->trimmed(), 'New text after the quote: an interleaved reply, kept whole.' );
		$this->assertLessThan( 3.0, microtime( true ) - $started );
	}

	/**
	 * @return array<string, array{0: string, 1: string}>
	 */
	public function htmls(): array {
		return array(
			'Gmail'                 => array(
				'<div dir="ltr">New</div><br><div class="gmail_quote"><div class="gmail_attr">On Mon, X wrote:<br></div><blockquote class="gmail_quote">Old</blockquote></div>', // phpcs:ignore Generic.Files.LineLength.TooLong -- one HTML string.
				'New',
			),
			'Gmail signature'       => array( '<div>New</div><div>-- <br><div class="gmail_signature">Jane | Shop</div></div>', 'New' ),
			'Apple Mail'            => array( '<body>New<div><br><blockquote type="cite"><div>On 3 Dec, X wrote:</div>Old</blockquote></div></body>', 'New' ),
			'Outlook web'           => array(
				'<div>New</div><div id="appendonsend"></div><hr><div id="divRplyFwdMsg"><b>From:</b> X<br><b>Sent:</b> Y</div><div>Old</div>',
				'New',
			),
			'Outlook desktop'       => array(
				'<div class="WordSection1"><p class="MsoNormal">New<o:p></o:p></p><div style="border:none;border-top:solid #E1E1E1 1.0pt"><p class="MsoNormal"><b>From:</b> Shop &lt;s@x&gt;<br><b>Sent:</b> Tuesday<br><b>To:</b> me</p></div><p>Old</p></div>', // phpcs:ignore Generic.Files.LineLength.TooLong -- one HTML string.
				'New',
			),
			'Thunderbird'           => array(
				'<p>New</p><div class="moz-cite-prefix">On 1/12/2026 10:00, X wrote:<br></div><blockquote type="cite">Old</blockquote>',
				'New',
			),
			'attribution paragraph' => array( '<p>New</p><p>Le lun. 1 déc. 2026, X a écrit :</p><blockquote>Old</blockquote>', 'New' ),
			'forward stays'         => array(
				'<div>FYI</div><div>---------- Forwarded message ---------<br>From: X</div><div class="gmail_quote">Body</div>',
				"FYI\n---------- Forwarded message ---------\nFrom: X\nBody",
			),
			'only quote stays'      => array( '<blockquote type="cite">Old</blockquote>', 'Old' ),
		);
	}

	/**
	 * @dataProvider htmls
	 */
	public function test_html( string $html, string $text ): void {
		$trimmed = QuoteTrimmer::html( $html );
		$this->assertTrue( $trimmed->html );
		$this->assertSame( $text, $trimmed->text() );
		$this->assertSame( $html, $trimmed->original );
	}
}
