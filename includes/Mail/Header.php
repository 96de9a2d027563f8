<?php
/**
 * Header values: RFC 2047 encoded-words to UTF-8, structured values with RFC 2045/2231
 * parameters, and message-id lists. Static helpers the parser and Address share.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Mail;

final class Header {

	private const ENCODED_WORD = '/=\?([^?\s]+)\?([QqBb])\?([^?\s]*)\?=/';

	/**
	 * An unstructured value (Subject, a display name) as UTF-8 text: encoded-words decoded, the
	 * whitespace between two adjacent ones dropped (RFC 2047 §6.2), raw 8-bit bytes read as UTF-8
	 * or Windows-1252, control characters gone.
	 */
	public static function decode( string $value ): string {
		if ( ! str_contains( $value, '=?' ) ) {
			return self::clean( Charset::to_utf8( $value ) );
		}
		$out     = '';
		$pending = null; // [charset, bytes]: adjacent words in one charset join before converting, so a character split across two survives.
		$offset  = 0;
		while ( preg_match( self::ENCODED_WORD, $value, $m, PREG_OFFSET_CAPTURE, $offset ) ) {
			$between = substr( $value, $offset, $m[0][1] - $offset );
			if ( null !== $pending && '' !== trim( $between ) ) {
				$out    .= Charset::to_utf8( $pending[1], $pending[0] );
				$pending = null;
			}
			if ( null === $pending || '' !== trim( $between ) ) {
				$out .= Charset::to_utf8( $between );
			}
			$charset = explode( '*', $m[1][0] )[0]; // RFC 2231 §5: a language may follow.
			$bytes   = self::decode_word( $m[2][0], $m[3][0] );
			if ( null !== $pending && strtolower( $pending[0] ) === strtolower( $charset ) ) {
				$pending[1] .= $bytes;
			} else {
				if ( null !== $pending ) {
					$out .= Charset::to_utf8( $pending[1], $pending[0] );
				}
				$pending = array( $charset, $bytes );
			}
			$offset = $m[0][1] + strlen( $m[0][0] );
		}
		if ( null !== $pending ) {
			$out .= Charset::to_utf8( $pending[1], $pending[0] );
		}
		return self::clean( $out . Charset::to_utf8( substr( $value, $offset ) ) );
	}

	/**
	 * A structured value such as `text/plain; charset="utf-8"`: the lowercased first token and its
	 * parameters (names lowercased, values decoded, RFC 2231 continuations and charsets joined).
	 *
	 * @return array{0: string, 1: array<string, string>}
	 */
	public static function parameters( string $value ): array {
		$parts = self::split_params( $value );
		$main  = strtolower( trim( (string) array_shift( $parts ) ) );
		$plain = array();
		$ext   = array(); // name => [index => [value, encoded]]
		foreach ( $parts as $part ) {
			$eq = strpos( $part, '=' );
			if ( false === $eq ) {
				continue;
			}
			$name = strtolower( trim( substr( $part, 0, $eq ) ) );
			$val  = trim( substr( $part, $eq + 1 ) );
			if ( str_starts_with( $val, '"' ) ) {
				$val = (string) preg_replace( '/\\\\(.)/s', '$1', substr( $val, 1, str_ends_with( $val, '"' ) && strlen( $val ) > 1 ? -1 : null ) );
			}
			if ( preg_match( '/^([^*]+)\*(?:(\d+)\*?)?$/', $name, $m ) ) {
				$ext[ $m[1] ][ (int) ( $m[2] ?? 0 ) ] = array( $val, str_ends_with( $name, '*' ) );
			} else {
				$plain[ $name ] = Header::decode( $val ); // Not standard, but what many clients send.
			}
		}
		foreach ( $ext as $name => $sections ) {
			ksort( $sections );
			$charset = '';
			$bytes   = '';
			foreach ( $sections as $index => list( $val, $encoded ) ) {
				if ( $encoded && 0 === $index && preg_match( "/^([^']*)'[^']*'(.*)$/s", $val, $m ) ) {
					$charset = $m[1];
					$val     = $m[2];
				}
				$bytes .= $encoded ? rawurldecode( $val ) : $val;
			}
			$plain[ $name ] = self::clean( Charset::to_utf8( $bytes, $charset ) );
		}
		return array( $main, $plain );
	}

	/**
	 * The ids of Message-ID, In-Reply-To or References, without angle brackets, in order.
	 *
	 * @return list<string>
	 */
	public static function message_ids( string $value ): array {
		$value = (string) preg_replace( '/\([^()]*\)/', ' ', $value );
		if ( preg_match_all( '/<([^<>\s]+)>/', $value, $m ) ) {
			return array_values( array_unique( $m[1] ) );
		}
		// Some clients drop the brackets; a bare id still has its '@'.
		return array_values( array_unique( array_filter( preg_split( '/[\s,]+/', $value ) ?: array(), static fn( string $id ): bool => str_contains( $id, '@' ) ) ) );
	}

	private static function decode_word( string $encoding, string $text ): string {
		if ( 'b' === strtolower( $encoding ) ) {
			return (string) base64_decode( $text ); // phpcs:ignore -- mail's own encoding, not obfuscation.
		}
		return quoted_printable_decode( str_replace( '_', ' ', $text ) );
	}

	/**
	 * Splits at ';' outside quotes.
	 *
	 * @return list<string>
	 */
	private static function split_params( string $value ): array {
		$parts   = array();
		$current = '';
		$quoted  = false;
		$length  = strlen( $value );
		for ( $i = 0; $i < $length; $i++ ) {
			$c = $value[ $i ];
			if ( $quoted && '\\' === $c && $i + 1 < $length ) {
				$current .= $c . $value[ ++$i ];
				continue;
			}
			if ( '"' === $c ) {
				$quoted = ! $quoted;
			} elseif ( ';' === $c && ! $quoted ) {
				$parts[] = $current;
				$current = '';
				continue;
			}
			$current .= $c;
		}
		$parts[] = $current;
		return $parts;
	}

	private static function clean( string $text ): string {
		return trim( (string) preg_replace( '/[\x00-\x08\x0B-\x1F\x7F]+|\s*[\r\n]+\s*/', ' ', $text ) );
	}
}
