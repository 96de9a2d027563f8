<?php
/**
 * HTML mail to what a message may hold. Mail HTML is a whole document built from tables, divs
 * and fonts; the message allowlist (Tickets\MessageBody, the same rules web messages pass) keeps
 * paragraphs, lists, quotes and links. So the document is first reduced to that shape here (head,
 * style and script gone; blocks to paragraphs, headings to bold, table rows to lines) and then
 * handed to MessageBody::sanitize(). to_text() reads the same document as plain text, for
 * HTML-only mail and for quote trimming.
 *
 *     Html::sanitize( $message->html ); // safe message HTML ('' when nothing readable)
 *     Html::to_text( $message->html );  // plain text, paragraphs separated by a blank line
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Mail;

use Aftercare\Tickets\MessageBody;

final class Html {

	/** Elements whose content is never message text. */
	private const DROP = array(
		'head',
		'style',
		'script',
		'title',
		'meta',
		'link',
		'noscript',
		'template',
		'iframe',
		'object',
		'embed',
		'svg',
		'form',
		'button',
		'select',
		'textarea',
	);

	/** Elements that start a new line of text. */
	private const BLOCKS = array(
		'p',
		'div',
		'section',
		'article',
		'header',
		'footer',
		'main',
		'aside',
		'nav',
		'center',
		'address',
		'table',
		'tr',
		'ul',
		'ol',
		'li',
		'blockquote',
		'pre',
		'h1',
		'h2',
		'h3',
		'h4',
		'h5',
		'h6',
		'hr',
		'dl',
		'dt',
		'dd',
		'figure',
		'figcaption',
		'body',
		'html',
	);

	/** Elements the allowlist keeps as they are. */
	private const KEPT = array( 'p', 'br', 'strong', 'b', 'em', 'i', 'u', 's', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'a' );

	public static function sanitize( string $html ): string {
		$document = self::load( $html );
		if ( null === $document ) {
			return '';
		}
		$body = self::body( $document );
		self::reshape( $body, $document );
		$out = '';
		foreach ( iterator_to_array( $body->childNodes ) as $child ) {
			$out .= $document->saveHTML( $child );
		}
		return MessageBody::sanitize( $out );
	}

	/**
	 * Rewrites the images a mail shows from its own parts (`<img src="cid:…">`): one whose part
	 * was stored becomes a link to the stored file, named by its alt text; any other leaves only
	 * its alt text, so no broken `cid:` reference survives. Other images are left to sanitize().
	 *
	 * @param array<string, string> $images Content-ID (without brackets) => the stored file's address.
	 */
	public static function inline_images( string $html, array $images ): string {
		if ( false === stripos( $html, 'cid:' ) ) {
			return $html;
		}
		$document = self::load( $html );
		if ( null === $document ) {
			return $html;
		}
		foreach ( iterator_to_array( $document->getElementsByTagName( 'img' ) ) as $img ) {
			$src = trim( $img->getAttribute( 'src' ) );
			if ( 0 !== stripos( $src, 'cid:' ) ) {
				continue;
			}
			$alt = trim( $img->getAttribute( 'alt' ) );
			$url = $images[ trim( rawurldecode( substr( $src, 4 ) ), '<>' ) ] ?? '';
			if ( '' !== $url ) {
				$link = $document->createElement( 'a' );
				$link->setAttribute( 'href', $url );
				$link->appendChild( $document->createTextNode( '' !== $alt ? $alt : __( '[image]', 'aftercare' ) ) );
				$img->parentNode?->replaceChild( $link, $img );
			} elseif ( '' !== $alt ) {
				$img->parentNode?->replaceChild( $document->createTextNode( $alt ), $img );
			} else {
				$img->parentNode?->removeChild( $img );
			}
		}
		$out = '';
		foreach ( self::body( $document )->childNodes as $child ) {
			$out .= $document->saveHTML( $child );
		}
		return $out;
	}

	public static function to_text( string $html ): string {
		$document = self::load( $html );
		if ( null === $document ) {
			return '';
		}
		// Blocks leave a line break (\x01), paragraphs a blank line (\x02); a run of them is one break.
		$text = (string) preg_replace_callback(
			'/[ \t]*[\x01\x02][\x01\x02\s]*/',
			static fn( array $m ): string => str_contains( $m[0], "\x02" ) || substr_count( $m[0], "\n" ) > 0 ? "\n\n" : "\n",
			self::text( self::body( $document ) )
		);
		$text = (string) preg_replace( '/[ \t]*\n[ \t]*/', "\n", $text );
		return trim( (string) preg_replace( "/\n{3,}/", "\n\n", $text ) );
	}

	/**
	 * Parses as UTF-8 whatever the document's own meta says (MimeParser already converted it):
	 * non-ASCII goes in as character references, which libxml reads the same in any charset.
	 */
	public static function load( string $html ): ?\DOMDocument {
		if ( '' === trim( $html ) ) {
			return null;
		}
		$document = new \DOMDocument();
		$previous = libxml_use_internal_errors( true );
		$document->loadHTML(
			'<!DOCTYPE html><html><body>' . mb_encode_numericentity( $html, array( 0x80, 0x10FFFF, 0, 0x1FFFFF ), 'UTF-8' ),
			LIBXML_NONET | LIBXML_NOBLANKS
		);
		libxml_clear_errors();
		libxml_use_internal_errors( $previous );
		foreach ( self::DROP as $tag ) {
			foreach ( iterator_to_array( $document->getElementsByTagName( $tag ) ) as $node ) {
				$node->parentNode?->removeChild( $node );
			}
		}
		$xpath = new \DOMXPath( $document );
		foreach ( iterator_to_array( $xpath->query( '//comment()' ) ?: array() ) as $comment ) {
			$comment->parentNode?->removeChild( $comment );
		}
		return $document;
	}

	public static function body( \DOMDocument $document ): \DOMElement {
		$body = $document->getElementsByTagName( 'body' )->item( 0 );
		if ( ! $body instanceof \DOMElement ) {
			$body = $document->createElement( 'body' );
			$document->appendChild( $body );
		}
		return $body;
	}

	/**
	 * Rewrites the tree in place into the allowlist's shape, so kses keeps the paragraphs where
	 * the sender had them instead of running all text together.
	 */
	private static function reshape( \DOMNode $node, \DOMDocument $document ): void {
		foreach ( iterator_to_array( $node->childNodes ) as $child ) {
			if ( ! $child instanceof \DOMElement ) {
				continue;
			}
			self::reshape( $child, $document );
			$tag = strtolower( $child->nodeName );
			if ( in_array( $tag, self::KEPT, true ) && 'p' !== $tag ) {
				continue;
			}
			if ( preg_match( '/^h[1-6]$/', $tag ) ) {
				$strong = $document->createElement( 'strong' );
				self::move_children( $child, $strong );
				$p = $document->createElement( 'p' );
				$p->appendChild( $strong );
				$child->parentNode?->replaceChild( $p, $child );
			} elseif ( in_array( $tag, array( 'p', 'div', 'tr', 'dt', 'dd', 'address', 'center', 'figcaption' ), true ) && ! self::has_block( $child ) ) {
				if ( '' === trim( str_replace( "\u{a0}", ' ', $child->textContent ) ) && 0 === $child->getElementsByTagName( 'img' )->length ) {
					$child->parentNode?->removeChild( $child ); // Outlook's spacer paragraphs.
					continue;
				}
				$p = $document->createElement( 'p' );
				self::move_children( $child, $p );
				$child->parentNode?->replaceChild( $p, $child );
			} elseif ( 'hr' === $tag ) {
				$child->parentNode?->replaceChild( $document->createElement( 'p' ), $child );
			} else {
				// Tables, spans, fonts, cells: the content stays, the wrapper goes. A cell ends in a space.
				if ( 'td' === $tag || 'th' === $tag ) {
					$child->appendChild( $document->createTextNode( ' ' ) );
				}
				while ( $child->firstChild ) {
					$child->parentNode?->insertBefore( $child->firstChild, $child );
				}
				$child->parentNode?->removeChild( $child );
			}
		}
	}

	private static function has_block( \DOMElement $element ): bool {
		foreach ( $element->childNodes as $child ) {
			if ( $child instanceof \DOMElement && ( in_array( strtolower( $child->nodeName ), self::BLOCKS, true ) || preg_match( '/^h[1-6]$/', $child->nodeName ) ) ) {
				return true;
			}
		}
		return false;
	}

	private static function move_children( \DOMElement $from, \DOMElement $to ): void {
		while ( $from->firstChild ) {
			$to->appendChild( $from->firstChild );
		}
	}

	private static function text( \DOMNode $node ): string {
		if ( $node instanceof \DOMText ) {
			return (string) preg_replace( '/[ \t\r\n]+/', ' ', str_replace( "\u{a0}", ' ', $node->data ) );
		}
		$tag = strtolower( $node->nodeName );
		if ( 'br' === $tag ) {
			return "\n";
		}
		if ( 'img' === $tag && $node instanceof \DOMElement ) {
			return $node->getAttribute( 'alt' );
		}
		$inner = '';
		foreach ( $node->childNodes as $child ) {
			$inner .= self::text( $child );
		}
		if ( 'pre' === $tag ) {
			return "\x02" . $node->textContent . "\x02";
		}
		if ( 'td' === $tag || 'th' === $tag ) {
			return $inner . ' ';
		}
		// A line break that ends a block draws no line of its own.
		$inner = '' !== trim( $inner ) && str_ends_with( rtrim( $inner, ' ' ), "\n" ) ? substr( rtrim( $inner, ' ' ), 0, -1 ) : $inner;
		if ( 'li' === $tag ) {
			return "\x01- " . trim( $inner ) . "\x01";
		}
		if ( in_array( $tag, array( 'p', 'blockquote', 'table', 'ul', 'ol' ), true ) || preg_match( '/^h[1-6]$/', $tag ) ) {
			return "\x02" . $inner . "\x02";
		}
		return in_array( $tag, self::BLOCKS, true ) ? "\x01" . $inner . "\x01" : $inner;
	}
}
