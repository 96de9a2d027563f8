<?php
/**
 * A canned answer.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tickets;

final class SavedReply {

	public function __construct(
		public readonly int $id,
		public readonly string $title,
		public readonly string $body,
		public readonly int $updated_at
	) {}
}
