<?php
/**
 * A failure talking to an IMAP server, in words a person understands, with what kind it was so
 * a caller can answer accordingly. Never carries the password.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Mail;

final class ImapError extends \RuntimeException {

	/** The server could not be reached (name, port, firewall) or did not answer in time. */
	public const CONNECT = 'connect';
	/** The encrypted connection failed: certificate, or no TLS where it was expected. */
	public const TLS = 'tls';
	/** The server refused the user name and password. */
	public const AUTH = 'auth';
	/** The server refused a command (e.g. no such folder) or broke the protocol. */
	public const SERVER = 'server';

	public function __construct( public readonly string $kind, string $message ) {
		parent::__construct( $message );
	}
}
