<?php
/**
 * Html: mail documents reduced to message HTML through the web messages' own allowlist
 * (Tickets\MessageBody), and read as plain text.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Mail;

use Aftercare\Mail\Html;
use Aftercare\Mail\MimeParser;
use Aftercare\Tickets\MessageBody;
use PHPUnit\Framework\TestCase;

final class HtmlTest extends TestCase {

	/**
	 * @return array<string, array{0: string, 1: string}>
	 */
	public function documents(): array {
		return array(
			'head, style and script go'      => array(
				'<html><head><title>T</title><style>p{color:red}</style></head><body><p>Hi</p><script>alert(1)</script></body></html>',
				'<p>Hi</p>',
			),
			'divs become paragraphs'          => array(
				'<div dir="ltr"><div>One</div><div><br></div><div>Two <b>bold</b></div></div>',
				'<p>One</p><p>Two <b>bold</b></p>',
			),
			'headings become bold paragraphs' => array( '<h2 style="x">Order</h2><p>text</p>', '<p><strong>Order</strong></p><p>text</p>' ),
			'table rows become paragraphs'    => array( '<table><tr><td>Size:</td><td>42</td></tr></table>', '<p>Size: 42 </p>' ),
			'images and tracking pixels go'   => array( '<p>Hi <img src="https://t.example/p.gif" onerror="x()"></p>', '<p>Hi </p>' ),
			'links follow the message rules'  => array(
				'<p><a href="javascript:alert(1)">x</a> <a href="https://a.example" target="_blank" style="c">y</a></p>',
				'<p><a rel="nofollow noopener noreferrer" href="alert(1)">x</a> <a rel="nofollow noopener noreferrer" href="https://a.example">y</a></p>',
			),
			'Outlook spacer paragraphs go'    => array(
				'<p class="MsoNormal">Hi<o:p></o:p></p><p class="MsoNormal"><o:p>&nbsp;</o:p></p><p>Bye</p>',
				'<p>Hi</p><p>Bye</p>',
			),
			'quotes and lists stay'           => array( '<blockquote><p>q</p></blockquote><ul><li>a</li></ul>', '<blockquote><p>q</p></blockquote><ul><li>a</li></ul>' ),
			'a declared charset is ignored'   => array( '<meta charset="windows-1252"><p>Grüße – €</p>', '<p>Grüße – €</p>' ),
			'nothing readable is empty'       => array( '<div><img src="x"><br></div><style>x</style>', '' ),
		);
	}

	/**
	 * @dataProvider documents
	 */
	public function test_sanitize( string $html, string $expected ): void {
		$this->assertSame( $expected, str_replace( "\n", '', Html::sanitize( $html ) ) );
	}

	public function test_it_applies_the_same_rules_as_web_messages(): void {
		$html = '<p><strong>a</strong> <em>b</em> <u>c</u> <s>d</s> <code>e</code></p><pre>f</pre><ol><li>g</li></ol><p><a href="mailto:x@y.test" title="t">h</a></p>'; // phpcs:ignore Generic.Files.LineLength.TooLong -- one HTML string.
		$this->assertSame( MessageBody::sanitize( $html ), Html::sanitize( $html ) );
	}

	public function test_to_text(): void {
		$this->assertSame(
			"Title\n\nLine one\nLine two\n\n- a\n- b\n\nA B\nC D",
			Html::to_text(
				'<style>x{}</style><h1>Title</h1><div>Line one<br>Line two</div><ul><li>a</li><li>b</li></ul><table><tr><td>A</td><td>B</td></tr><tr><td>C</td><td>D</td></tr></table><script>x</script>' // phpcs:ignore Generic.Files.LineLength.TooLong -- one HTML string.
			)
		);
		$this->assertSame( '', Html::to_text( '' ) );
		$this->assertSame( 'a & b', Html::to_text( '<p>a &amp;&nbsp;b</p>' ) );
	}

	public function test_corpus_html_sanitizes_to_message_html(): void {
		foreach ( glob( __DIR__ . '/../../fixtures/mail/*.eml' ) ?: array() as $file ) {
			if ( str_contains( $file, 'malformed' ) ) {
				continue;
			}
			$message = MimeParser::parse( (string) file_get_contents( $file ) );
			if ( '' === $message->html ) {
				continue;
			}
			$safe = Html::sanitize( $message->html );
			$this->assertNotSame( '', $safe, basename( $file ) );
			$this->assertDoesNotMatchRegularExpression( '/<(?:script|style|img|div|table|font|head)\b|\bon\w+=|\bstyle=/i', $safe, basename( $file ) );
		}
	}
}
