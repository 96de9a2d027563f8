<?php
/**
 * A file attached to a message. The file lives outside anything the web server serves directly;
 * it is delivered only through the permission-checked `attachments/{id}` route (links: AttachmentLinks).
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tickets;

final class Attachment {

	public function __construct(
		public readonly int $id,
		public readonly int $ticket_id,
		public readonly int $message_id,
		public readonly string $file,
		public readonly string $name,
		public readonly string $mime,
		public readonly int $size,
		public readonly int $created_at
	) {}

	public static function from_row( object $row ): self {
		return new self(
			(int) $row->id,
			(int) $row->ticket_id,
			(int) $row->message_id,
			(string) $row->file,
			(string) $row->name,
			(string) $row->mime,
			(int) $row->size,
			(int) $row->created_at
		);
	}

}
