<?php
/**
 * What QuoteTrimmer made of a body: the part the sender wrote now, and the whole body as sent
 * (for "show quoted text"). $html says which kind both are. When nothing was trimmed, $visible
 * is $original.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Mail;

final class Trimmed {

	public function __construct(
		public readonly string $visible,
		public readonly string $original,
		public readonly bool $html,
	) {}

	public function trimmed(): bool {
		return $this->visible !== $this->original;
	}

	/**
	 * The visible part as plain text.
	 */
	public function text(): string {
		return $this->html ? Html::to_text( $this->visible ) : $this->visible;
	}
}
