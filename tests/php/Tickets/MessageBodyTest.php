<?php
/**
 * The message allowlist.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Tickets;

use Aftercare\Tests\TestCase;
use Aftercare\Tickets\MessageBody;

/**
 * Also on SQLite, the database `npm start` uses.
 *
 * @group sqlite
 */
final class MessageBodyTest extends TestCase {

	/**
	 * @return array<string, array{0: string, 1: string}>
	 */
	public function bodies(): array {
		return array(
			'plain text becomes escaped paragraphs' => array( "a < b & c\n\nnext", "<p>a &lt; b &amp; c</p>\n<p>next</p>" ),
			'allowed formatting stays'              => array(
				'<p><strong>Hi</strong> <em>there</em></p><ul><li>one</li></ul>',
				'<p><strong>Hi</strong> <em>there</em></p><ul><li>one</li></ul>',
			),
			'attributes go'                         => array( '<p style="color:red" class="x" onclick="y()">Hi</p>', '<p>Hi</p>' ),
			'scripts and styles go with contents'   => array( '<p>Hi</p><script>alert(1)</script><style>p{}</style>', '<p>Hi</p>' ),
			'other tags go, text stays'             => array( '<div><img src=x onerror=alert(1)><iframe src="//x"></iframe>Hi</div>', 'Hi' ),
			'javascript: is stripped from links'    => array( '<a href="javascript:alert(1)">x</a>', '<a rel="nofollow noopener noreferrer" href="alert(1)">x</a>' ),
			'web links are kept, made nofollow'     => array(
				'<a href="https://example.test/a" target="_blank">x</a>',
				'<a rel="nofollow noopener noreferrer" href="https://example.test/a">x</a>',
			),
			'nothing readable is empty'             => array( '<p> </p><br><script>x</script>', '' ),
		);
	}

	/**
	 * @dataProvider bodies
	 */
	public function test_sanitize( string $input, string $expected ): void {
		$this->assertSame( $expected, trim( MessageBody::sanitize( $input ) ) );
	}
}
