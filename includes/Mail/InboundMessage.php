<?php
/**
 * One parsed email, everything in UTF-8: the threading ids (without angle brackets), the
 * addresses, the text and HTML bodies as sent (quoted history still in; QuoteTrimmer splits it
 * off), the files, and every header for the classifier. MimeParser::parse() makes one.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Mail;

final class InboundMessage {

	/**
	 * @param array<string, list<string>> $headers      Decoded values by lowercased name, in order.
	 * @param list<string>                $in_reply_to  Ids from In-Reply-To.
	 * @param list<string>                $references   Ids from References, oldest first.
	 * @param list<Address>               $to           To.
	 * @param list<Address>               $cc           Cc.
	 * @param list<Address>               $reply_to     Reply-To.
	 * @param list<Attachment>            $attachments  Attachments and inline images.
	 * @param string                      $content_type The top part's type, e.g. "multipart/report".
	 * @param array<string, string>       $type_params  Its parameters, e.g. report-type.
	 */
	public function __construct(
		public readonly array $headers,
		public readonly string $message_id,
		public readonly array $in_reply_to,
		public readonly array $references,
		public readonly ?Address $from,
		public readonly array $to,
		public readonly array $cc,
		public readonly array $reply_to,
		public readonly ?\DateTimeImmutable $date,
		public readonly string $subject,
		public readonly string $text,
		public readonly string $html,
		public readonly array $attachments,
		public readonly string $content_type,
		public readonly array $type_params,
	) {}

	/**
	 * The first value of a header ('' when absent); the name is case-insensitive.
	 */
	public function header( string $name ): string {
		return $this->headers[ strtolower( $name ) ][0] ?? '';
	}
}
