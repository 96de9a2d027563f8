<?php
/**
 * What became of a received mail.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Mail;

enum Outcome: string {
	/** Written into a ticket (a reply, or a new ticket). */
	case Stored = 'stored';
	/** Received before (same Message-ID or same bytes): nothing written again. */
	case Duplicate = 'duplicate';
	/** Recorded only: an auto-reply, a bounce, our own mail, or over a flood limit. */
	case Ignored = 'ignored';
	/** Recorded with its raw text for an agent: it could not be read or written. */
	case NeedsAttention = 'needs_attention';
}
