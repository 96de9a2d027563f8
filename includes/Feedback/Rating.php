<?php
/**
 * One customer's answer about one ticket (CSAT) or return (CES). Times are Unix seconds (UTC).
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Feedback;

final class Rating {

	public function __construct(
		public readonly Survey $survey,
		public readonly int $object_id,
		public readonly int $score,
		public readonly string $comment,
		public readonly int $created_at,
		public readonly int $updated_at
	) {}

	public function label(): string {
		return $this->survey->label( $this->score );
	}

	public function is_bad(): bool {
		return Survey::Satisfaction === $this->survey && Survey::BAD === $this->score;
	}

	public static function from_row( object $row ): self {
		return new self(
			Survey::for_object_type( (string) $row->object_type ) ?? Survey::Satisfaction,
			(int) $row->object_id,
			(int) $row->score,
			(string) $row->comment,
			(int) $row->created_at,
			(int) $row->updated_at
		);
	}
}
