<?php
/**
 * Splits what a sender wrote now from the history their client quoted below it, and from their
 * signature. Mail clients mark the quote in their own way; these are the marks it knows:
 *
 * - an attribution line: "On … wrote:" and its German, French, Spanish and Dutch forms
 *   ("Am … schrieb", "Le … a écrit", "El … escribió", "Op … schreef"), also wrapped on two lines;
 * - Outlook: "-----Original Message-----" (and translations), the "From: … Sent: …" header block,
 *   and in HTML `#divRplyFwdMsg` and `#appendonsend`;
 * - Gmail's `.gmail_quote`, Apple Mail's `blockquote[type=cite]`, Thunderbird's `.moz-cite-prefix`;
 * - a trailing block of `>` lines (an interleaved reply, with new text between quotes, is kept whole);
 * - signatures: the "-- " delimiter, Gmail's `.gmail_signature`, "Sent from my iPhone" and kin.
 *
 * A forwarded message ("---------- Forwarded message ---------") is the content, not history, so
 * marks after it are left alone. If trimming would leave nothing, the whole body stays visible.
 *
 *     QuoteTrimmer::message( $inbound )->text(); // what the agent reads first
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Mail;

final class QuoteTrimmer {

	/** Attribution lines, whole line (after whitespace is collapsed). */
	private const ATTRIBUTION = '/^(?:On\s.{1,300}\swrote|Am\s.{1,300}\sschrieb.{0,100}|Le\s.{1,300}\sa\s+écrit|El\s.{1,300}\sescribió|Op\s.{1,300}\sschreef.{0,100})\s?:$/u'; // phpcs:ignore Generic.Files.LineLength.TooLong -- one string.

	private const ORIGINAL = '/^-{3,}\s*(?:Original Message|Ursprüngliche Nachricht|Message d\'origine|Mensaje original|Oorspronkelijk bericht)\s*-{3,}$/ui';

	/** Where a forward begins (a block's text may run on into the forwarded headers). */
	private const FORWARD = '/^(?:-{3,}\s*(?:Forwarded message|Weitergeleitete Nachricht|Message transféré|Mensaje reenviado|Doorgestuurd bericht)\s*-{3,}|Begin forwarded message:)/ui'; // phpcs:ignore Generic.Files.LineLength.TooLong -- one string.

	private const HEADER_FROM = '/^\*?(?:From|Von|De|Van)\s?:\*?\s/u';

	private const HEADER_SENT = '/^\*?(?:Sent|Date|Gesendet|Datum|Envoyé|Enviado|Fecha|Verzonden)\s?:\*?\s/u';

	private const DEVICE = '/^(?:Sent from my (?:iPhone|iPad|Android|Samsung|mobile)|Sent from (?:Mail|Outlook) for|Get Outlook for|Von meinem (?:iPhone|iPad|Smartphone) gesendet|Envoyé de mon (?:iPhone|iPad)|Enviado desde mi (?:iPhone|iPad)|Verstuurd vanaf mijn (?:iPhone|iPad))/ui'; // phpcs:ignore Generic.Files.LineLength.TooLong -- one string.

	/** HTML elements that start the quote (XPath), in the order they are tried. */
	private const HTML_MARKS = array(
		'//*[@id="appendonsend"]',
		'//*[@id="divRplyFwdMsg"]',
		'//*[contains(concat(" ", normalize-space(@class), " "), " gmail_quote ")]',
		'//*[contains(concat(" ", normalize-space(@class), " "), " gmail_signature ")]',
		'//*[contains(concat(" ", normalize-space(@class), " "), " moz-cite-prefix ")]',
		'//*[contains(concat(" ", normalize-space(@class), " "), " moz-signature ")]',
		'//blockquote[@type="cite"]',
	);

	/**
	 * The message's body, trimmed: its HTML when it has some (clients mark quotes best there),
	 * else its text.
	 */
	public static function message( InboundMessage $message ): Trimmed {
		return '' !== $message->html ? self::html( $message->html ) : self::text( $message->text );
	}

	public static function text( string $text ): Trimmed {
		$text  = str_replace( "\r\n", "\n", $text );
		$lines = explode( "\n", $text );
		$cut   = self::text_cut( $lines );
		if ( null === $cut ) {
			return new Trimmed( $text, $text, false );
		}
		$visible = rtrim( implode( "\n", array_slice( $lines, 0, $cut ) ) );
		if ( '' === trim( $visible ) ) {
			return new Trimmed( $text, $text, false );
		}
		return new Trimmed( $visible, $text, false, trim( implode( "\n", array_slice( $lines, $cut ) ) ) );
	}

	public static function html( string $html ): Trimmed {
		$document = Html::load( $html );
		if ( null === $document ) {
			return new Trimmed( $html, $html, true );
		}
		$body  = Html::body( $document );
		$xpath = new \DOMXPath( $document );
		// A union comes back in document order: its first node is the first mark.
		$cut     = ( $xpath->query( implode( ' | ', self::HTML_MARKS ) ) ?: null )?->item( 0 );
		$block   = null;
		$forward = null;
		foreach ( $xpath->query( './/*[self::div or self::p or self::span or self::pre]', $body ) ?: array() as $node ) {
			$text     = self::squash( $node->textContent );
			$forward ??= preg_match( self::FORWARD, $text ) ? $node : null;
			$block   ??= self::block_is_mark( $text ) ? $node : null;
			if ( null !== $block && null !== $forward ) {
				break;
			}
		}
		$cut = null === $cut || ( null !== $block && self::before( $block, $cut ) ) ? $block : $cut;
		if ( null === $cut || ( null !== $forward && self::before( $forward, $cut ) ) ) {
			return new Trimmed( $html, $html, true );
		}
		// Everything from the mark on, in document order, goes (and is kept as the quote).
		$quoted = $document->saveHTML( $cut );
		for ( $node = $cut; null !== $node && ! $node->isSameNode( $body ); $node = $node->parentNode ) {
			while ( null !== $node->nextSibling ) {
				$quoted .= $document->saveHTML( $node->nextSibling );
				$node->parentNode?->removeChild( $node->nextSibling );
			}
		}
		// A signature's "-- " line sits just before Gmail's signature block.
		while (
			null !== $cut->previousSibling
			&& (
				'br' === $cut->previousSibling->nodeName
				|| ( $cut->previousSibling instanceof \DOMText && preg_match( '/^\s*(?:--\s*)?$/', $cut->previousSibling->data ) )
			)
		) {
			$cut->parentNode?->removeChild( $cut->previousSibling );
		}
		$cut->parentNode?->removeChild( $cut );
		$visible = '';
		foreach ( $body->childNodes as $child ) {
			$visible .= $document->saveHTML( $child );
		}
		$visible = trim( $visible );
		if ( '' === trim( Html::to_text( $visible ) ) ) {
			return new Trimmed( $html, $html, true );
		}
		return new Trimmed( $visible, $html, true, trim( $quoted ) );
	}

	/**
	 * The first line of the quote or signature, or null.
	 *
	 * @param list<string> $lines The body's lines.
	 */
	private static function text_cut( array $lines ): ?int {
		$count = count( $lines );
		$tail  = self::quote_tails( $lines );
		for ( $i = 0; $i < $count; $i++ ) {
			$line = self::squash( $lines[ $i ] );
			if ( preg_match( self::FORWARD, $line ) ) {
				return null;
			}
			if ( '-- ' === $lines[ $i ] || '--' === $lines[ $i ] || preg_match( self::DEVICE, $line ) || preg_match( self::ORIGINAL, $line ) ) {
				return $i;
			}
			// Gmail wraps a long attribution line.
			if ( preg_match( self::ATTRIBUTION, $line ) || ( $i + 1 < $count && preg_match( self::ATTRIBUTION, $line . ' ' . self::squash( $lines[ $i + 1 ] ) ) ) ) {
				return $i;
			}
			if ( preg_match( self::HEADER_FROM, $line ) && self::sent_follows( $lines, $i ) ) {
				// Outlook draws a line of underscores above its header block.
				return $i > 0 && preg_match( '/^_{10,}$/', trim( $lines[ $i - 1 ] ) ) ? $i - 1 : $i;
			}
			if ( str_starts_with( $line, '>' ) && $tail[ $i ] ) {
				return $i;
			}
		}
		return null;
	}

	/**
	 * @param list<string> $lines The body's lines.
	 */
	private static function sent_follows( array $lines, int $from ): bool {
		for ( $j = $from + 1; $j < min( count( $lines ), $from + 5 ); $j++ ) {
			if ( preg_match( self::HEADER_SENT, self::squash( $lines[ $j ] ) ) ) {
				return true;
			}
		}
		return false;
	}

	/**
	 * For each line, whether it and the rest are quote, blank or a signature (new text after a
	 * quote means an interleaved reply). Computed backwards once, so a long quote costs one pass.
	 *
	 * @param list<string> $lines The body's lines.
	 * @return array<int, bool>
	 */
	private static function quote_tails( array $lines ): array {
		$tail = array( count( $lines ) => true );
		for ( $j = count( $lines ) - 1; $j >= 0; $j-- ) {
			$line       = self::squash( $lines[ $j ] );
			$tail[ $j ] = '-- ' === $lines[ $j ] || '--' === $lines[ $j ] || preg_match( self::DEVICE, $line )
				|| ( ( '' === $line || str_starts_with( $line, '>' ) ) && $tail[ $j + 1 ] );
		}
		return $tail;
	}

	private static function block_is_mark( string $text ): bool {
		if ( '' === $text || strlen( $text ) > 600 ) {
			return false;
		}
		if ( preg_match( self::ATTRIBUTION, $text ) || preg_match( self::ORIGINAL, $text ) || preg_match( self::DEVICE, $text ) ) {
			return true;
		}
		// Outlook's header block: "From: … Sent: …" in one block.
		return (bool) preg_match( self::HEADER_FROM, $text ) && (bool) preg_match( '/(?:Sent|Gesendet|Envoyé|Enviado|Verzonden)\s?:/u', $text );
	}

	/**
	 * Whether $a starts before $b in document order (an ancestor starts before its descendants).
	 */
	private static function before( \DOMNode $a, \DOMNode $b ): bool {
		$xpath = new \DOMXPath( $a->ownerDocument );
		return $xpath->evaluate( 'count(preceding::node()) + count(ancestor::node())', $a ) < $xpath->evaluate(
			'count(preceding::node()) + count(ancestor::node())',
			$b
		);
	}

	private static function squash( string $text ): string {
		return trim( (string) preg_replace( '/[\s\x{a0}]+/u', ' ', $text ) );
	}
}
