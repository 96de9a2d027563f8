<?php
/**
 * Classifier's answer: the kind and why, e.g. (AutoReply, "Auto-Submitted: auto-replied").
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Mail;

final class Classification {

	public function __construct(
		public readonly MailKind $kind,
		public readonly string $reason,
	) {}
}
