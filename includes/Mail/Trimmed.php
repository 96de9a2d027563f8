<?php
/**
 * What QuoteTrimmer made of a body: the part the sender wrote now, what was cut off below it
 * (quoted history and signature, for "show quoted text"), and the whole body as sent. $html says
 * which kind all three are. When nothing was trimmed, $visible is $original and $quoted is ''.
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
		public readonly string $quoted = '',
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
