<?php
/**
 * Why a received mail ended as it did: a code and its arguments, stored as such and put into
 * words only when shown, so the log reads in the agent's language (not the one of the request
 * that received the mail). A row's reasons are stored as a JSON list; a row written before codes
 * existed holds plain English, shown as it is.
 *
 *     Reason::describe_all( $row->reason ); // "A reply to closed ticket #12: opened a new ticket."
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Mail;

final class Reason {

	/** The code of a row written before codes existed. */
	public const LEGACY = 'other';

	/**
	 * @param string                $code What happened, e.g. `not_customer`.
	 * @param array<string, mixed>  $args What the words need, e.g. the ticket number.
	 */
	public function __construct( public readonly string $code, public readonly array $args = array() ) {}

	/**
	 * The reason in the current user's language.
	 */
	public function describe(): string {
		$arg = fn( string $name ): string => (string) ( $this->args[ $name ] ?? '' );
		$int = fn( string $name ): int => (int) ( $this->args[ $name ] ?? 0 );
		switch ( $this->code ) {
			case 'empty':
				return __( 'The message is empty.', 'aftercare' );
			case 'too_large':
				/* translators: %d: megabytes. */
				return sprintf( __( 'The message is larger than %d MB.', 'aftercare' ), $int( 'mb' ) );
			case 'no_headers':
				return __( 'The message does not start with headers.', 'aftercare' );
			case 'header_too_large':
				/* translators: %d: kilobytes. */
				return sprintf( __( 'A header block is larger than %d KB.', 'aftercare' ), $int( 'kb' ) );
			case 'too_many_parts':
				/* translators: %d: number of MIME parts. */
				return sprintf( __( 'The message has more than %d MIME parts.', 'aftercare' ), $int( 'max' ) );
			case 'too_deep':
				/* translators: %d: nesting levels. */
				return sprintf( __( 'The MIME parts are nested deeper than %d levels.', 'aftercare' ), $int( 'max' ) );
			case 'no_boundary':
				/* translators: %s: a MIME type, e.g. multipart/mixed. */
				return sprintf( __( 'A %s part has no boundary.', 'aftercare' ), $arg( 'type' ) );
			case 'boundary_missing':
				/* translators: 1: the boundary string, 2: a MIME type. */
				return sprintf( __( 'The boundary "%1$s" of a %2$s part never appears.', 'aftercare' ), $arg( 'boundary' ), $arg( 'type' ) );
			case 'bad_base64':
				return __( 'A base64 part is damaged or cut short.', 'aftercare' );
			case 'no_sender':
				return __( 'No sender address.', 'aftercare' );
			case 'own_address':
				return __( 'From our own support address.', 'aftercare' );
			case 'auto_reply':
				/* translators: %s: the header that gave it away, e.g. "Auto-Submitted: auto-replied". */
				return sprintf( __( 'Auto-reply: %s', 'aftercare' ), $arg( 'evidence' ) );
			case 'bounce':
				/* translators: %s: the header that gave it away, e.g. "From: mailer-daemon@example.com". */
				return sprintf( __( 'Bounce: %s', 'aftercare' ), $arg( 'evidence' ) );
			case 'flood':
				return __( 'Over the hourly limit of received mail.', 'aftercare' );
			case 'not_customer':
				/* translators: %d: ticket number. */
				return sprintf( __( 'A reply to ticket #%d from someone other than its customer: opened a new ticket.', 'aftercare' ), $int( 'number' ) );
			case 'closed_ticket':
				/* translators: %d: ticket number. */
				return sprintf( __( 'A reply to closed ticket #%d: opened a new ticket.', 'aftercare' ), $int( 'number' ) );
			case 'attachments_refused':
				$files = array_map(
					/* translators: 1: file name, 2: why it was refused. */
					static fn( array $file ): string => sprintf( __( '%1$s (%2$s)', 'aftercare' ), (string) $file['name'], self::refusal( (string) $file['why'] ) ),
					(array) ( $this->args['files'] ?? array() )
				);
				/* translators: %s: the refused files, separated by semicolons. */
				return sprintf( __( 'Attachments refused: %s', 'aftercare' ), implode( '; ', $files ) );
			case 'not_written':
				/* translators: %s: what went wrong. */
				return sprintf( __( 'Not written: %s', 'aftercare' ), $arg( 'detail' ) );
			case 'duplicate':
				return __( 'Received before.', 'aftercare' );
			default:
				return $arg( 'text' );
		}
	}

	/**
	 * @return array{code: string, args: array<string, mixed>}
	 */
	public function to_array(): array {
		return array(
			'code' => $this->code,
			'args' => $this->args,
		);
	}

	/**
	 * @param Reason[] $reasons Reasons of one mail.
	 * @return string What the log stores ('' for none).
	 */
	public static function encode( array $reasons ): string {
		return $reasons ? (string) wp_json_encode( array_map( static fn( self $reason ): array => $reason->to_array(), $reasons ) ) : '';
	}

	/**
	 * @param string $stored What the log holds.
	 * @return Reason[]
	 */
	public static function decode( string $stored ): array {
		if ( '' === $stored ) {
			return array();
		}
		$list = str_starts_with( $stored, '[' ) ? json_decode( $stored, true ) : null;
		if ( ! is_array( $list ) ) {
			return array( new self( self::LEGACY, array( 'text' => $stored ) ) );
		}
		return array_map(
			static fn( array $item ): self => new self( (string) ( $item['code'] ?? self::LEGACY ), (array) ( $item['args'] ?? array() ) ),
			array_values( array_filter( $list, 'is_array' ) )
		);
	}

	/**
	 * @param Reason[] $reasons Reasons of one mail.
	 */
	public static function describe_all( array $reasons ): string {
		return implode( ' ', array_map( static fn( self $reason ): string => $reason->describe(), $reasons ) );
	}

	/**
	 * A refused attachment's why, from the attachment store's error code.
	 */
	private static function refusal( string $code ): string {
		return match ( $code ) {
			'file_type'        => __( 'type not allowed', 'aftercare' ),
			'file_too_large'   => __( 'too large', 'aftercare' ),
			'too_many_files'   => __( 'too many files', 'aftercare' ),
			'message_too_large' => __( 'over the size limit for one message', 'aftercare' ),
			'attachment_quota' => __( 'over the ticket\'s attachment quota', 'aftercare' ),
			'throttled'        => __( 'over the daily upload limit', 'aftercare' ),
			default            => __( 'refused by the attachment rules', 'aftercare' ),
		};
	}
}
