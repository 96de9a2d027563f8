<?php
/**
 * Postmark's inbound webhook JSON as the raw RFC 5322 message every other way in hands over, so
 * one parser reads them all. With "Include raw email content" turned on Postmark sends the
 * original (`RawEmail`), used as it is; otherwise the message is rebuilt from the parts it sends
 * (its original headers, the text and HTML bodies and the base64 attachments).
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Mail;

final class PostmarkMessage {

	/** Fields rebuilt from Postmark's own keys; any copy of them in Headers is dropped. */
	private const OWN = array( 'from', 'to', 'cc', 'subject', 'date', 'mime-version', 'content-type', 'content-transfer-encoding' );

	/**
	 * @param array<string, mixed> $json Postmark's inbound payload.
	 */
	public static function to_raw( array $json ): string {
		if ( is_string( $json['RawEmail'] ?? null ) && '' !== $json['RawEmail'] ) {
			return $json['RawEmail'];
		}
		$lines = array(
			'From: ' . self::address( (array) ( $json['FromFull'] ?? array() ), (string) ( $json['From'] ?? '' ) ),
			'To: ' . self::list( (array) ( $json['ToFull'] ?? array() ), (string) ( $json['To'] ?? '' ) ),
		);
		$cc = self::list( (array) ( $json['CcFull'] ?? array() ), (string) ( $json['Cc'] ?? '' ) );
		if ( '' !== $cc ) {
			$lines[] = 'Cc: ' . $cc;
		}
		$lines[] = 'Subject: ' . mb_encode_mimeheader( (string) ( $json['Subject'] ?? '' ), 'UTF-8', 'B', "\r\n" );
		if ( '' !== (string) ( $json['Date'] ?? '' ) ) {
			$lines[] = 'Date: ' . self::clean( (string) $json['Date'] );
		}
		foreach ( (array) ( $json['Headers'] ?? array() ) as $header ) {
			$name = is_array( $header ) ? (string) ( $header['Name'] ?? '' ) : '';
			if ( preg_match( '/^[!-9;-~]+$/', $name ) && ! in_array( strtolower( $name ), self::OWN, true ) ) {
				$lines[] = $name . ': ' . self::clean( (string) ( $header['Value'] ?? '' ) );
			}
		}
		$boundary = 'aftercare-' . bin2hex( random_bytes( 12 ) );
		$lines[]  = 'MIME-Version: 1.0';
		$lines[]  = 'Content-Type: multipart/mixed; boundary="' . $boundary . '"';
		$parts    = array();
		$bodies   = array_filter(
			array(
				'text/plain' => (string) ( $json['TextBody'] ?? '' ),
				'text/html'  => (string) ( $json['HtmlBody'] ?? '' ),
			),
			'strlen'
		);
		if ( $bodies ) {
			$inner   = $boundary . '-alt';
			$body    = array();
			foreach ( $bodies as $type => $content ) {
				$body[] = '--' . $inner . "\r\nContent-Type: " . $type . "; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
					// phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_encode -- mail's own encoding.
					. chunk_split( base64_encode( $content ) );
			}
			$parts[] = 'Content-Type: multipart/alternative; boundary="' . $inner . "\"\r\n\r\n" . implode( '', $body ) . '--' . $inner . "--\r\n";
		}
		foreach ( (array) ( $json['Attachments'] ?? array() ) as $file ) {
			if ( ! is_array( $file ) ) {
				continue;
			}
			$name    = str_replace( array( '"', "\r", "\n" ), '', (string) ( $file['Name'] ?? 'attachment' ) );
			$type    = preg_match( '#^[\w.+-]+/[\w.+-]+$#', (string) ( $file['ContentType'] ?? '' ) ) ? (string) $file['ContentType'] : 'application/octet-stream';
			$cid     = self::clean( (string) ( $file['ContentID'] ?? '' ) );
			$parts[] = 'Content-Type: ' . $type . "\r\n"
				. 'Content-Disposition: ' . ( '' !== $cid ? 'inline' : 'attachment' ) . '; filename="' . mb_encode_mimeheader( $name, 'UTF-8', 'B', '' ) . "\"\r\n"
				. ( '' !== $cid ? 'Content-ID: <' . trim( $cid, '<>' ) . ">\r\n" : '' )
				. "Content-Transfer-Encoding: base64\r\n\r\n" . chunk_split( preg_replace( '/\s+/', '', (string) ( $file['Content'] ?? '' ) ) ?? '' );
		}
		$raw = implode( "\r\n", $lines ) . "\r\n\r\n";
		foreach ( $parts as $part ) {
			$raw .= '--' . $boundary . "\r\n" . $part;
		}
		return $raw . '--' . $boundary . "--\r\n";
	}

	/**
	 * @param array<string, mixed> $full Postmark's {Email, Name}.
	 */
	private static function address( array $full, string $fallback ): string {
		$email = self::clean( (string) ( $full['Email'] ?? '' ) );
		if ( '' === $email ) {
			return self::clean( $fallback );
		}
		$name = self::clean( (string) ( $full['Name'] ?? '' ) );
		return '' !== $name ? mb_encode_mimeheader( $name, 'UTF-8', 'B', "\r\n" ) . ' <' . $email . '>' : $email;
	}

	/**
	 * @param array<int, mixed> $full Postmark's [{Email, Name}].
	 */
	private static function list( array $full, string $fallback ): string {
		if ( ! $full ) {
			return self::clean( $fallback );
		}
		return implode( ', ', array_map( static fn( $one ): string => self::address( is_array( $one ) ? $one : array(), '' ), $full ) );
	}

	/**
	 * A header value on one line: no injected headers.
	 */
	private static function clean( string $value ): string {
		return trim( (string) preg_replace( '/[\r\n]+\s*/', ' ', $value ) );
	}
}
