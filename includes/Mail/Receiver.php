<?php
/**
 * What takes a raw message in, whichever way it came (webhook, mailbox polling).
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Mail;

interface Receiver {

	/**
	 * @param string $raw    The RFC 5322 message as received.
	 * @param string $source How it came, e.g. `imap`.
	 * @return bool True once the message is durably handled (stored, or kept for an agent to look
	 *              at); only then may the sender forget it (mark it seen, answer 2xx).
	 */
	public function take( string $raw, string $source ): bool;
}
