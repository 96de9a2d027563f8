<?php
/**
 * What an inbound message is, for deciding whether the desk may answer it.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Mail;

enum MailKind: string {
	/** A person wrote it: thread it and let the desk answer. */
	case Normal = 'normal';
	/** An autoresponder or a list sent it: record it, never answer (no ping-pong). */
	case AutoReply = 'auto_reply';
	/** A delivery failure report: record it, never answer. */
	case Bounce = 'bounce';
}
