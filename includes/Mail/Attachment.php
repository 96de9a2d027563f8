<?php
/**
 * A file that came with a message: an attachment, or an inline image the HTML part shows through
 * `cid:` (then $inline is true and $content_id names it, without angle brackets).
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Mail;

final class Attachment {

	public function __construct(
		public readonly string $filename,
		public readonly string $content_type,
		public readonly string $bytes,
		public readonly bool $inline = false,
		public readonly string $content_id = '',
	) {}

	public function size(): int {
		return strlen( $this->bytes );
	}
}
