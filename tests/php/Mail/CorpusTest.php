<?php
/**
 * The mail corpus (tests/fixtures/mail): each message parses to the text the agent should see
 * (its .expected.txt), in valid UTF-8, with the facts threading and the desk depend on.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Mail;

use Aftercare\Mail\Attachment;
use Aftercare\Mail\Classifier;
use Aftercare\Mail\InboundMessage;
use Aftercare\Mail\MimeParser;
use Aftercare\Mail\QuoteTrimmer;
use Aftercare\Mail\UnparseableMessage;
use PHPUnit\Framework\TestCase;

final class CorpusTest extends TestCase {

	private const DIR = __DIR__ . '/../../fixtures/mail/';

	/**
	 * What each message must yield beyond its text: sender, kind, files (name, type, inline).
	 */
	private const FACTS = array(
		'gmail-reply'      => array( 'jane.doe@gmail.example', 'normal', array(), 'ticket-1042.3@shop.example' ),
		'outlook-reply'    => array( 'klaus@outlook.example', 'normal', array(), 'ticket-1043.1@shop.example' ),
		'apple-mail-reply' => array( 'sam@icloud.example', 'normal', array( array( 'scratch.png', 'image/png', true ) ), 'ticket-1051.2@shop.example' ),
		'html-only'        => array( 'ana.ruiz@example.es', 'normal', array(), '' ),
		'attachments'      => array(
			'piotr@example.pl',
			'normal',
			array( array( 'Faktura za zamówienie.pdf', 'application/pdf', false ), array( 'pudełko.png', 'image/png', false ) ),
			'',
		),
		'iso-2022-jp'      => array( 'tanaka@example.jp', 'normal', array(), '' ),
		'koi8-r'           => array( 'ivan@example.ru', 'normal', array(), '' ),
		'out-of-office'    => array( 'claire@example.fr', 'auto_reply', array(), 'ticket-1080.1@shop.example' ),
		'bounce'           => array(
			'mailer-daemon@mx.shop.example',
			'bounce',
			array( array( 'part-3.txt', 'message/delivery-status', false ), array( 'part-4.txt', 'text/rfc822-headers', false ) ),
			'',
		),
		'forwarded'        => array( 'tom@example.de', 'normal', array(), '' ),
		'plain-reply'      => array( 'liam@example.ie', 'normal', array(), 'ticket-1110.4@shop.example' ),
	);

	/**
	 * @return array<string, array{0: string}>
	 */
	public function messages(): array {
		$names = array();
		foreach ( glob( self::DIR . '*.eml' ) ?: array() as $file ) {
			$names[ basename( $file, '.eml' ) ] = array( basename( $file, '.eml' ) );
		}
		return $names;
	}

	public function test_every_message_has_its_expected_text_and_facts(): void {
		$names = array_keys( $this->messages() );
		sort( $names );
		$expected = array_merge( array_keys( self::FACTS ), array( 'malformed' ) );
		sort( $expected );
		$this->assertSame( $expected, $names );
		foreach ( $names as $name ) {
			$this->assertFileExists( self::DIR . $name . '.expected.txt' );
		}
	}

	/**
	 * @dataProvider messages
	 */
	public function test_the_visible_text_is_the_expected_one( string $name ): void {
		$raw = (string) file_get_contents( self::DIR . $name . '.eml' );
		$this->assertStringContainsString( "\r\n", $raw, 'The .eml keeps its CRLF line endings (.gitattributes).' );
		try {
			$text = QuoteTrimmer::message( MimeParser::parse( $raw ) )->text();
		} catch ( UnparseableMessage $e ) {
			$text = 'Unparseable: ' . $e->reason;
		}
		$this->assertSame( rtrim( (string) file_get_contents( self::DIR . $name . '.expected.txt' ), "\n" ), $text );
	}

	/**
	 * @dataProvider messages
	 */
	public function test_the_facts_and_every_string_are_right( string $name ): void {
		if ( ! isset( self::FACTS[ $name ] ) ) {
			$this->expectException( UnparseableMessage::class );
		}
		$message                               = MimeParser::parse( (string) file_get_contents( self::DIR . $name . '.eml' ) );
		list( $from, $kind, $files, $in_reply_to ) = self::FACTS[ $name ];
		$this->assertSame( $from, $message->from?->address );
		$this->assertSame( $kind, Classifier::classify( $message )->kind->value );
		$this->assertSame( $files, array_map( static fn( Attachment $a ): array => array( $a->filename, $a->content_type, $a->inline ), $message->attachments ) );
		$this->assertSame( $in_reply_to, $message->in_reply_to[0] ?? '' );
		$this->assertNotSame( '', $message->message_id );
		$this->assertNotNull( $message->date );
		$this->assert_utf8( $message );
		$trimmed = QuoteTrimmer::message( $message );
		$this->assertSame( '' !== $message->html ? $message->html : $message->text, $trimmed->original, 'The original is the whole body.' );
	}

	public function test_quoted_history_is_kept_as_the_original(): void {
		$gmail = QuoteTrimmer::message( MimeParser::parse( (string) file_get_contents( self::DIR . 'gmail-reply.eml' ) ) );
		$this->assertTrue( $gmail->trimmed() );
		$this->assertStringContainsString( 'Your order #1042 shipped today.', $gmail->original );
		$this->assertStringNotContainsString( 'shipped today', $gmail->visible );
	}

	public function test_non_utf8_headers_and_bodies_are_decoded(): void {
		$jp = MimeParser::parse( (string) file_get_contents( self::DIR . 'iso-2022-jp.eml' ) );
		$this->assertSame( '注文のキャンセル', $jp->subject );
		$this->assertSame( '田中 太郎', $jp->from?->name );
		$ru = MimeParser::parse( (string) file_get_contents( self::DIR . 'koi8-r.eml' ) );
		$this->assertSame( 'Куртка без пуговиц', $ru->subject, 'Two encoded-words, one character split across them.' );
		$this->assertSame( array( 'Petrov, Maria', 'maria@example.ru' ), array( $ru->cc[0]->name, $ru->cc[0]->address ) );
		$outlook = MimeParser::parse( (string) file_get_contents( self::DIR . 'outlook-reply.eml' ) );
		$this->assertSame( 'Klaus Müller', $outlook->from?->name );
		$this->assertStringContainsString( 'hasn’t reached my account yet – it’s', $outlook->text );
		$this->assertStringContainsString( '€49.90', $outlook->text );
	}

	public function test_inline_images_keep_their_content_id(): void {
		$apple = MimeParser::parse( (string) file_get_contents( self::DIR . 'apple-mail-reply.eml' ) );
		$this->assertSame( 'F3A2B1C0-9D8E-4F7A-B6C5-D4E3F2A1B0C9', $apple->attachments[0]->content_id );
		$this->assertStringStartsWith( "\x89PNG", $apple->attachments[0]->bytes );
		$this->assertStringContainsString( 'cid:F3A2B1C0-9D8E-4F7A-B6C5-D4E3F2A1B0C9', $apple->html );
		$this->assertStringStartsWith( 'Here is a photo', $apple->text, 'The plain alternative is kept beside the HTML one.' );
	}

	private function assert_utf8( InboundMessage $message ): void {
		$strings = array( $message->subject, $message->text, $message->html, $message->from?->name ?? '' );
		foreach ( $message->attachments as $attachment ) {
			$strings[] = $attachment->filename;
		}
		foreach ( $message->headers as $values ) {
			array_push( $strings, ...$values );
		}
		foreach ( $strings as $string ) {
			$this->assertTrue( mb_check_encoding( $string, 'UTF-8' ), $string );
			$this->assertStringNotContainsString( "\0", $string );
		}
	}
}
