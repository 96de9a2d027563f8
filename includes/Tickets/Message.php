<?php
/**
 * One entry in a ticket's thread: a public reply or an internal note.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tickets;

final class Message {

	public function __construct(
		public readonly int $id,
		public readonly int $ticket_id,
		public readonly string $type,
		public readonly int $author_id,
		public readonly string $author_role,
		public readonly string $author_name,
		public readonly string $body,
		public readonly int $created_at
	) {}

	public static function from_row( object $row ): self {
		return new self(
			(int) $row->id,
			(int) $row->ticket_id,
			(string) $row->type,
			(int) $row->author_id,
			(string) $row->author_role,
			(string) $row->author_name,
			(string) $row->body,
			(int) $row->created_at
		);
	}

	public function is_note(): bool {
		return 'note' === $this->type;
	}
}
