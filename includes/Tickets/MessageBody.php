<?php
/**
 * Message bodies: the only HTML Aftercare keeps is what this strict allowlist lets through.
 * Plain text (a shopper's textarea) becomes escaped paragraphs.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tickets;

final class MessageBody {

	/** Longest body accepted, in characters, before sanitizing. */
	public const MAX_LENGTH = 20000;

	private const ALLOWED = array(
		'p'          => array(),
		'br'         => array(),
		'strong'     => array(),
		'b'          => array(),
		'em'         => array(),
		'i'          => array(),
		'u'          => array(),
		's'          => array(),
		'code'       => array(),
		'pre'        => array(),
		'blockquote' => array(),
		'ul'         => array(),
		'ol'         => array(),
		'li'         => array(),
		'a'          => array(
			'href'  => true,
			'title' => true,
		),
	);

	private const PROTOCOLS = array( 'http', 'https', 'mailto' );

	/**
	 * Stored HTML with its links reduced to their words: for mail to an address that has not
	 * shown it is its owner's, so the store never carries a stranger's links to it.
	 */
	public static function without_links( string $html ): string {
		return wp_kses( $html, array_diff_key( self::ALLOWED, array( 'a' => true ) ) );
	}

	/**
	 * Sanitized HTML; '' when nothing readable is left.
	 */
	public static function sanitize( string $input ): string {
		$input = trim( str_replace( "\r\n", "\n", $input ) );
		if ( ! preg_match( '/<[a-z!\/]/i', $input ) ) {
			return '' === $input ? '' : wpautop( esc_html( $input ) );
		}
		// Scripts and styles go with their contents (kses alone would keep the text inside).
		$input = (string) preg_replace( '@<(script|style)[^>]*?>.*?</\\1>@si', '', $input );
		$html  = trim( wp_kses( $input, self::ALLOWED, self::PROTOCOLS ) );
		// Links leave the store: they must not pass the referrer or open the ticket to the target page.
		$html = (string) preg_replace( '/<a\s/i', '<a rel="nofollow noopener noreferrer" ', $html );
		return '' === trim( wp_strip_all_tags( $html ) ) ? '' : $html;
	}
}
