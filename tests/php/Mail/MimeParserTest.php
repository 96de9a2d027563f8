<?php
/**
 * MimeParser on hand-made messages: headers, charsets, MIME trees, encodings, and what a hostile
 * message gets (a reason, never a crash or a hang).
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Mail;

use Aftercare\Mail\Address;
use Aftercare\Mail\MimeParser;
use Aftercare\Mail\UnparseableMessage;
use PHPUnit\Framework\TestCase;

final class MimeParserTest extends TestCase {

	/**
	 * A raw message: header lines, a blank line, the body, with CRLF.
	 *
	 * @param list<string> $headers Header lines.
	 */
	private static function raw( array $headers, string $body = '' ): string {
		return str_replace( "\n", "\r\n", implode( "\n", $headers ) . "\n\n" . $body );
	}

	public function test_folded_headers_and_encoded_words(): void {
		$message = MimeParser::parse(
			self::raw(
				array(
					'From: =?UTF-8?Q?Zo=C3=AB?= =?UTF-8?Q?_Smith?= <ZOE@Example.COM>',
					'Subject: =?ISO-8859-15?Q?Preis_=A4?= and',
					' =?windows-1252?B?k3F1b3RlZJQ=?= =?GB2312?B?1tC5+g==?=',
					'Message-ID: <a@b>',
					'References: <r1@x>',
					"\t<r2@x> (comment) <r3@x>",
					'In-Reply-To: r3@x',
					'Reply-To: "Smith, Zoe" <zoe+reply@example.com>',
					'Date: Tue, 1 Dec 2026 10:00:00 -0500 (EST)',
				),
				'Hi'
			)
		);
		$this->assertSame( 'Zoë Smith', $message->from?->name, 'Whitespace between adjacent encoded-words goes.' );
		$this->assertSame( 'zoe@example.com', $message->from?->address );
		$this->assertSame( 'Preis € and “quoted”中国', $message->subject );
		$this->assertSame( 'a@b', $message->message_id );
		$this->assertSame( array( 'r1@x', 'r2@x', 'r3@x' ), $message->references );
		$this->assertSame( array( 'r3@x' ), $message->in_reply_to, 'An id without brackets is still an id.' );
		$this->assertSame( 'Smith, Zoe', $message->reply_to[0]->name );
		$this->assertSame( '2026-12-01T15:00:00+00:00', $message->date?->format( DATE_ATOM ) );
		$this->assertSame( 'Hi', $message->text );
	}

	public function test_address_lists(): void {
		$list = Address::parse_list( '"Doe, \"JD\" Jane" <Jane@X.test>, bob@y.test (Bob B), Team: a@z.test, b@z.test;, not an address, <>' );
		$this->assertSame(
			array( array( 'Doe, "JD" Jane', 'jane@x.test' ), array( 'Bob B', 'bob@y.test' ), array( '', 'a@z.test' ), array( '', 'b@z.test' ) ),
			array_map( static fn( Address $a ): array => array( $a->name, $a->address ), $list )
		);
	}

	/**
	 * @return array<string, array{0: string, 1: string, 2: string}>
	 */
	public function charsets(): array {
		return array(
			'ISO-8859-1 (read as Windows-1252)' => array( 'iso-8859-1', "caf\xE9 \x93ok\x94", 'café “ok”' ),
			'ISO-8859-15'                       => array( 'ISO-8859-15', "\xA4 5", '€ 5' ),
			'Windows-1252'                      => array( 'windows-1252', "\x80\x85", '€…' ),
			'KOI8-R'                            => array( 'koi8-r', "\xF0\xD2\xC9\xD7\xC5\xD4", 'Привет' ),
			'GB2312 (read as GB18030)'          => array( 'gb2312', "\xC4\xE3\xBA\xC3", '你好' ),
			'GBK'                               => array( 'GBK', "\x81\x40", '丂' ),
			'ISO-2022-JP'                       => array( 'iso-2022-jp', "\x1B\$B\$3\$s\x1B(B", 'こん' ),
			'unknown label, UTF-8 bytes'        => array( 'x-made-up', 'naïve', 'naïve' ),
			'unknown label, Latin bytes'        => array( 'x-made-up', "na\xEFve", 'naïve' ),
			'no label, Latin bytes'             => array( '', "na\xEFve", 'naïve' ),
			'UTF-8 label, broken bytes'         => array( 'utf-8', "ok\xC3(", 'ok?(' ),
			'UTF-16 with a byte order mark'     => array( 'utf-16', "\xFF\xFEh\0i\0", 'hi' ),
			'a transfer encoding as the label'  => array( 'quoted-printable', "caf\xE9=41", 'café=41' ),
			'an internal mbstring name'         => array( 'html-entities', "caf\xE9 &amp;", 'café &amp;' ),
		);
	}

	/**
	 * @dataProvider charsets
	 */
	public function test_charsets_become_utf8( string $charset, string $bytes, string $text ): void {
		$type    = '' === $charset ? 'text/plain' : 'text/plain; charset="' . $charset . '"';
		$message = MimeParser::parse( self::raw( array( 'Content-Type: ' . $type, 'Content-Transfer-Encoding: 8bit' ), $bytes ) );
		$this->assertSame( $text, $message->text );
		$this->assertTrue( mb_check_encoding( $message->text, 'UTF-8' ) );
	}

	public function test_nested_multipart_picks_the_bodies_and_files(): void {
		$raw     = self::raw(
			array( 'From: a@b.test', 'Content-Type: multipart/mixed; boundary=outer' ),
			implode(
				"\n",
				array(
					'preamble',
					'--outer',
					'Content-Type: multipart/alternative; boundary="alt"',
					'',
					'--alt',
					'Content-Type: text/plain; charset=utf-8',
					'Content-Transfer-Encoding: quoted-printable',
					'',
					'Caf=C3=A9 soft=',
					'break',
					'--alt',
					'Content-Type: multipart/related; boundary="rel"',
					'',
					'--rel',
					'Content-Type: text/html; charset=utf-8',
					'',
					'<p>Café <img src="cid:img1@x"></p>',
					'--rel',
					'Content-Type: image/gif',
					'Content-ID: <img1@x>',
					'Content-Transfer-Encoding: base64',
					'',
					base64_encode( 'GIF89a' ),
					'--rel--',
					'--alt--',
					'--outer',
					'Content-Type: message/rfc822',
					'',
					'Subject: inner',
					'',
					'inner body',
					'--outer',
					'Content-Type: application/octet-stream; name="../../etc/passwd"',
					'Content-Disposition: attachment',
					'',
					'x',
					'--outer--',
					'epilogue',
				)
			)
		);
		$message = MimeParser::parse( $raw );
		$this->assertSame( 'Café softbreak', $message->text );
		$this->assertSame( '<p>Café <img src="cid:img1@x"></p>', $message->html );
		$files = array_map( static fn( $a ): array => array( $a->filename, $a->content_type, $a->inline, $a->content_id, $a->bytes ), $message->attachments );
		$this->assertSame(
			array(
				array( 'part-6.gif', 'image/gif', true, 'img1@x', 'GIF89a' ),
				array( 'part-7.eml', 'message/rfc822', false, '', "Subject: inner\n\ninner body" ),
				array( '_.._etc_passwd', 'application/octet-stream', false, '', 'x' ),
			),
			$files
		);
	}

	public function test_format_flowed_joins_lines(): void {
		$message = MimeParser::parse( self::raw( array( 'Content-Type: text/plain; format=flowed; delsp=yes' ), "one two \nthree\n>quoted\n-- \nsig" ) );
		$this->assertSame( "one twothree\n>quoted\n-- \nsig", $message->text );
	}

	public function test_a_message_without_a_body_parses(): void {
		$message = MimeParser::parse( "From: a@b.test\r\nSubject: nothing\r\n" );
		$this->assertSame( 'nothing', $message->subject );
		$this->assertSame( '', $message->text );
		$this->assertSame( '', $message->html );
		$this->assertNull( $message->date );
	}

	public function test_nul_bytes_and_control_characters_go(): void {
		$message = MimeParser::parse( self::raw( array( "Subject: a\0b\x07c", "From: x\0@y.test" ), "te\0xt" ) );
		$this->assertSame( 'ab c', $message->subject );
		$this->assertSame( 'x@y.test', $message->from?->address );
		$this->assertSame( 'text', $message->text );
	}

	public function test_a_missing_closing_boundary_is_tolerated(): void {
		$message = MimeParser::parse( self::raw( array( 'Content-Type: multipart/mixed; boundary=b' ), "--b\nContent-Type: text/plain\n\ncut here" ) );
		$this->assertSame( 'cut here', $message->text );
	}

	/**
	 * @return array<string, array{0: string, 1: string}>
	 */
	public function unreadable(): array {
		$nest = static function ( int $depth ): string {
			$body = "Content-Type: text/plain\n\nbottom";
			for ( $i = $depth; $i > 0; $i-- ) {
				$body = "Content-Type: multipart/mixed; boundary=b$i\n\n--b$i\n$body\n--b$i--";
			}
			return "From: a@b.test\n" . $body;
		};
		$many = "Content-Type: multipart/mixed; boundary=m\n\n" . str_repeat( "--m\nContent-Type: text/plain\n\nx\n", MimeParser::MAX_PARTS + 1 ) . '--m--';
		return array(
			'0 bytes'                    => array( '', 'The message is empty.' ),
			'only whitespace'            => array( "\r\n\r\n  ", 'The message is empty.' ),
			'no headers'                 => array( "just some text\r\nand more", 'The message does not start with headers.' ),
			'a huge header block'        => array(
				'Subject: ' . str_repeat( 'x', MimeParser::MAX_HEADER_BYTES ) . "\r\n\r\nbody",
				'A header block is larger than 256 KB.',
			),
			'a nesting bomb'             => array( $nest( 200 ), 'The MIME parts are nested deeper than 12 levels.' ),
			'too many parts'             => array( $many, 'The message has more than 500 MIME parts.' ),
			'a multipart without boundary' => array( "Content-Type: multipart/mixed\r\n\r\n--x\r\n\r\nhi", 'A multipart/mixed part has no boundary.' ),
			'a boundary that never comes' => array(
				"Content-Type: multipart/alternative; boundary=abc\r\n\r\n--xyz\r\n\r\nhi",
				'The boundary "abc" of a multipart/alternative part never appears.',
			),
			'truncated base64'           => array(
				"Content-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJA",
				'A base64 part is damaged or cut short.',
			),
			'base64 with garbage'        => array(
				"Content-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\niVBO*Rw0K",
				'A base64 part is damaged or cut short.',
			),
		);
	}

	/**
	 * @dataProvider unreadable
	 */
	public function test_unreadable_messages_throw_with_a_reason( string $raw, string $reason ): void {
		try {
			MimeParser::parse( $raw );
			$this->fail( 'Parsed an unreadable message.' );
		} catch ( UnparseableMessage $e ) {
			$this->assertSame( $reason, $e->reason );
		}
	}

	public function test_a_nesting_bomb_fails_fast(): void {
		$body = 'x';
		for ( $i = 0; $i < 5000; $i++ ) {
			$body = "Content-Type: multipart/mixed; boundary=q$i\n\n--q$i\n$body";
		}
		$started = microtime( true );
		try {
			MimeParser::parse( "From: a@b.test\n" . $body );
			$this->fail( 'Parsed a nesting bomb.' );
		} catch ( UnparseableMessage $e ) {
			$this->assertStringContainsString( 'nested deeper', $e->reason );
		}
		$this->assertLessThan( 2.0, microtime( true ) - $started );
	}

	public function test_a_huge_parameter_is_read_whole_and_a_file_name_kept_short(): void {
		$name    = str_repeat( 'ä', 100000 ) . '.pdf';
		$message = MimeParser::parse( self::raw( array( 'Content-Type: application/pdf; name="' . $name . '"; x=";"' ), 'x' ) );
		$this->assertSame( str_repeat( 'ä', MimeParser::MAX_FILENAME - 4 ) . '.pdf', $message->attachments[0]->filename );
	}

	public function test_many_headers_do_not_break_it(): void {
		$headers = array( 'From: a@b.test' );
		for ( $i = 0; $i < 3000; $i++ ) {
			$headers[] = "X-Filler-$i: value";
		}
		$message = MimeParser::parse( self::raw( $headers, 'ok' ) );
		$this->assertSame( 'ok', $message->text );
		$this->assertSame( 'value', $message->header( 'x-filler-2999' ) );
	}
}
