<?php
/**
 * Raw RFC 5322 mail to an InboundMessage, in pure PHP (no imap or mailparse extension):
 *
 *     $message = MimeParser::parse( $raw ); // throws UnparseableMessage
 *
 * Reads folded headers and RFC 2047 encoded-words, MIME trees of any multipart kind
 * (alternative: the plain and the richest HTML alternative; mixed and related: the body parts in
 * order, the rest as attachments), quoted-printable and base64, format=flowed, charsets to UTF-8.
 * Limits keep a hostile message from costing more than a real one: size, header block, number of
 * parts and nesting depth. A message it cannot read throws, with the reason in English.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Mail;

final class MimeParser {

	public const MAX_BYTES        = 40 * 1024 * 1024;
	public const MAX_HEADER_BYTES = 256 * 1024;
	public const MAX_DEPTH        = 12;
	public const MAX_PARTS        = 500;
	public const MAX_FILENAME     = 200;

	/** File name endings for unnamed parts, so the agent can still open them. */
	private const EXTENSIONS = array(
		'image/png'                => 'png',
		'image/jpeg'               => 'jpg',
		'image/gif'                => 'gif',
		'image/webp'               => 'webp',
		'application/pdf'          => 'pdf',
		'message/rfc822'           => 'eml',
		'message/delivery-status'  => 'txt',
		'text/plain'               => 'txt',
		'text/html'                => 'html',
		'text/rfc822-headers'      => 'txt',
	);

	private int $parts = 0;

	/**
	 * @throws UnparseableMessage When the message is empty, too large, has no headers, or its MIME
	 *                            structure or encoding is broken.
	 */
	public static function parse( string $raw ): InboundMessage {
		if ( '' === trim( $raw ) ) {
			throw new UnparseableMessage( 'empty' );
		}
		if ( strlen( $raw ) > self::MAX_BYTES ) {
			throw new UnparseableMessage( 'too_large', array( 'mb' => self::MAX_BYTES / 1024 / 1024 ) );
		}
		$raw = str_replace( "\r\n", "\n", $raw );
		// An mbox "From " line (what a pipe or a saved mailbox may add) is not a header.
		if ( str_starts_with( $raw, 'From ' ) ) {
			$raw = (string) substr( $raw, (int) strpos( $raw . "\n", "\n" ) + 1 );
		}
		list( $fields, $body ) = self::split_head( $raw );
		if ( array() === $fields ) {
			throw new UnparseableMessage( 'no_headers' );
		}
		$parser = new self();
		$part   = $parser->part( $fields, $body, 0 );

		$headers = array();
		$first   = array();
		foreach ( $fields as list( $name, $value ) ) {
			$headers[ $name ][] = Header::decode( $value );
			$first[ $name ]   ??= $value;
		}
		list( $type, $params ) = Header::parameters( $first['content-type'] ?? 'text/plain' );
		return new InboundMessage(
			$headers,
			Header::message_ids( $first['message-id'] ?? '' )[0] ?? '',
			Header::message_ids( $first['in-reply-to'] ?? '' ),
			Header::message_ids( $first['references'] ?? '' ),
			Address::parse_list( $first['from'] ?? '' )[0] ?? null,
			Address::parse_list( implode( ',', array_column( array_filter( $fields, static fn( $f ) => 'to' === $f[0] ), 1 ) ) ),
			Address::parse_list( implode( ',', array_column( array_filter( $fields, static fn( $f ) => 'cc' === $f[0] ), 1 ) ) ),
			Address::parse_list( $first['reply-to'] ?? '' ),
			self::date( $first['date'] ?? '' ),
			Header::decode( $first['subject'] ?? '' ),
			rtrim( $part['text'] ),
			trim( $part['html'] ),
			$part['attachments'],
			$type,
			$params
		);
	}

	/**
	 * Header fields (lowercased name, unfolded raw value) and the body after the blank line.
	 *
	 * @return array{0: list<array{0: string, 1: string}>, 1: string}
	 */
	private static function split_head( string $raw ): array {
		$end  = str_starts_with( $raw, "\n" ) ? 0 : strpos( $raw, "\n\n" );
		$head = false === $end ? $raw : substr( $raw, 0, $end );
		$body = false === $end ? '' : substr( $raw, $end + ( 0 === $end ? 1 : 2 ) );
		if ( strlen( $head ) > self::MAX_HEADER_BYTES ) {
			throw new UnparseableMessage( 'header_too_large', array( 'kb' => self::MAX_HEADER_BYTES / 1024 ) );
		}
		$fields = array();
		foreach ( explode( "\n", str_replace( "\0", '', $head ) ) as $line ) {
			if ( '' !== $line && ( ' ' === $line[0] || "\t" === $line[0] ) && array() !== $fields ) {
				$fields[ count( $fields ) - 1 ][1] .= $line; // Unfolding removes only the line break.
			} elseif ( preg_match( '/^([!-9;-~]+)[ \t]*:(.*)$/s', $line, $m ) ) {
				$fields[] = array( strtolower( $m[1] ), ltrim( $m[2] ) );
			} elseif ( array() === $fields ) {
				// No header block at all: the whole part is body (RFC 2046 allows a part without headers).
				return array( array(), $raw );
			}
		}
		return array( $fields, $body );
	}

	/**
	 * One MIME entity: its body parts and files, from its subtree.
	 *
	 * @param list<array{0: string, 1: string}> $fields Its header fields.
	 * @return array{text: string, html: string, attachments: list<Attachment>}
	 */
	private function part( array $fields, string $body, int $depth ): array {
		if ( ++$this->parts > self::MAX_PARTS ) {
			throw new UnparseableMessage( 'too_many_parts', array( 'max' => self::MAX_PARTS ) );
		}
		if ( $depth > self::MAX_DEPTH ) {
			throw new UnparseableMessage( 'too_deep', array( 'max' => self::MAX_DEPTH ) );
		}
		$field = static function ( string $name ) use ( $fields ): string {
			foreach ( $fields as list( $n, $v ) ) {
				if ( $n === $name ) {
					return $v;
				}
			}
			return '';
		};
		list( $type, $params ) = Header::parameters( $field( 'content-type' ) );
		if ( ! preg_match( '~^[a-z0-9!#$&^_.+-]+/[a-z0-9!#$&^_.+-]+$~', $type ) ) {
			$type = 'text/plain'; // RFC 2045 §5.2: the default, also for a type that does not parse.
		}
		if ( str_starts_with( $type, 'multipart/' ) ) {
			return $this->multipart( $type, $params['boundary'] ?? '', $body, $depth );
		}

		$bytes                     = self::decode_body( $body, strtolower( trim( $field( 'content-transfer-encoding' ) ) ) );
		list( $disposition, $dparams ) = Header::parameters( $field( 'content-disposition' ) );
		$filename                  = $dparams['filename'] ?? $params['name'] ?? '';
		$content_id                = trim( $field( 'content-id' ), " \t<>" );

		if ( ( 'text/plain' === $type || 'text/html' === $type ) && 'attachment' !== $disposition && '' === $filename ) {
			$text = Charset::to_utf8( $bytes, $params['charset'] ?? '' );
			if ( 'text/html' === $type ) {
				return array( 'text' => '', 'html' => $text, 'attachments' => array() );
			}
			if ( 'flowed' === strtolower( $params['format'] ?? '' ) ) {
				$text = self::unflow( $text, 'yes' === strtolower( $params['delsp'] ?? '' ) );
			}
			return array( 'text' => $text, 'html' => '', 'attachments' => array() );
		}

		$filename = trim( (string) preg_replace( '/[\x00-\x1F\x7F\/\\\\]+/', '_', $filename ), ' .' );
		if ( '' === $filename ) {
			$filename = 'part-' . $this->parts . '.' . ( self::EXTENSIONS[ $type ] ?? 'bin' );
		} elseif ( mb_strlen( $filename ) > self::MAX_FILENAME ) {
			// Long enough for any real name and any file system; the ending says what it is.
			$ending   = preg_match( '/\.[\p{L}\p{N}]{1,10}$/u', $filename, $m ) ? $m[0] : '';
			$filename = mb_substr( $filename, 0, self::MAX_FILENAME - strlen( $ending ) ) . $ending;
		}
		$inline = 'inline' === $disposition || ( '' === $disposition && '' !== $content_id );
		return array(
			'text'        => '',
			'html'        => '',
			'attachments' => array( new Attachment( $filename, $type, $bytes, $inline, $content_id ) ),
		);
	}

	/**
	 * @return array{text: string, html: string, attachments: list<Attachment>}
	 */
	private function multipart( string $type, string $boundary, string $body, int $depth ): array {
		if ( '' === $boundary ) {
			throw new UnparseableMessage( 'no_boundary', array( 'type' => $type ) );
		}
		if ( ! preg_match_all( '/^--' . preg_quote( $boundary, '/' ) . '(--)?[ \t]*$/m', $body, $found, PREG_OFFSET_CAPTURE | PREG_SET_ORDER ) ) {
			throw new UnparseableMessage( 'boundary_missing', array( 'boundary' => $boundary, 'type' => $type ) );
		}
		$children = array();
		foreach ( $found as $i => $delimiter ) {
			if ( isset( $delimiter[1] ) && '--' === $delimiter[1][0] ) {
				break; // The closing delimiter: what follows is the epilogue.
			}
			$start = $delimiter[0][1] + strlen( $delimiter[0][0] ) + 1;
			// The line break before the next delimiter belongs to it (RFC 2046 §5.1.1).
			$end        = isset( $found[ $i + 1 ] ) ? $found[ $i + 1 ][0][1] - 1 : strlen( $body );
			$children[] = self::split_head( (string) substr( $body, $start, max( 0, $end - $start ) ) );
		}
		$result = array( 'text' => '', 'html' => '', 'attachments' => array() );
		$parts  = array_map( fn( array $child ): array => $this->part( $child[0], $child[1], $depth + 1 ), $children );
		foreach ( $parts as $part ) {
			$result['attachments'] = array_merge( $result['attachments'], $part['attachments'] );
			if ( 'multipart/alternative' === $type ) {
				// The same content several ways: plain text comes first, the richest HTML last.
				$result['text'] = '' === $result['text'] ? $part['text'] : $result['text'];
				$result['html'] = '' !== $part['html'] ? $part['html'] : $result['html'];
			} else {
				$result['text'] .= ( '' !== $result['text'] && '' !== $part['text'] ? "\n" : '' ) . $part['text'];
				$result['html'] .= $part['html'];
			}
		}
		return $result;
	}

	private static function decode_body( string $body, string $encoding ): string {
		if ( 'quoted-printable' === $encoding ) {
			return quoted_printable_decode( $body );
		}
		if ( 'base64' !== $encoding ) {
			return $body;
		}
		$clean = (string) preg_replace( '/\s+/', '', $body );
		$bytes = base64_decode( $clean, true ); // phpcs:ignore -- mail's own encoding, not obfuscation.
		if ( false === $bytes || 1 === strlen( rtrim( $clean, '=' ) ) % 4 ) {
			throw new UnparseableMessage( 'bad_base64' );
		}
		return $bytes;
	}

	/**
	 * RFC 3676: a line ending in a space continues on the next one (the signature line excepted).
	 */
	private static function unflow( string $text, bool $delsp ): string {
		$out = '';
		foreach ( explode( "\n", $text ) as $line ) {
			$line = str_starts_with( $line, ' ' ) ? substr( $line, 1 ) : $line; // Space-stuffing.
			if ( str_ends_with( $line, ' ' ) && '-- ' !== $line ) {
				$out .= $delsp ? substr( $line, 0, -1 ) : $line;
			} else {
				$out .= $line . "\n";
			}
		}
		return $out;
	}

	private static function date( string $value ): ?\DateTimeImmutable {
		$value = trim( (string) preg_replace( '/\([^()]*\)/', '', $value ) );
		if ( '' === $value ) {
			return null;
		}
		try {
			return ( new \DateTimeImmutable( $value ) )->setTimezone( new \DateTimeZone( 'UTC' ) );
		} catch ( \Exception ) {
			return null;
		}
	}
}
