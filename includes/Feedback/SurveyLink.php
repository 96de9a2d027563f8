<?php
/**
 * What a survey link says: which ticket or return, which answer, until when; and its signature,
 * checked against the object's customer by SurveyLinks::verify().
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Feedback;

final class SurveyLink {

	public function __construct(
		public readonly Survey $survey,
		public readonly int $object_id,
		public readonly int $score,
		public readonly int $expires,
		public readonly string $signature
	) {}

	/**
	 * The link's token as it travels in the address: `c1042.3.1767225600.<32 hex>` (c: CSAT, e: CES).
	 */
	public function token(): string {
		return ( Survey::Satisfaction === $this->survey ? 'c' : 'e' ) . $this->object_id . '.' . $this->score . '.' . $this->expires . '.' . $this->signature;
	}
}
