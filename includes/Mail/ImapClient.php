<?php
/**
 * A small IMAP4rev1 client (RFC 3501) over a plain socket, for reading the support mailbox on
 * hosts without the imap extension: TLS from the start or by STARTTLS, LOGIN, SELECT, and the
 * UID commands the poller needs. Certificates are verified unless the mailbox explicitly allows
 * a self-signed one. Every failure is an ImapError with the server's words, never the password.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Mail;

final class ImapClient {

	/** @var resource|null */
	private $stream = null;
	private int $tag = 0;
	private string $greeting = '';
	/** @var string[] */
	private array $capabilities = array();

	/**
	 * @param float $timeout Seconds to wait for the connection and for each answer.
	 */
	public function __construct( private Mailbox $mailbox, private float $timeout = 20.0 ) {}

	public function __destruct() {
		$this->close();
	}

	/**
	 * Connects, encrypts (at once or by STARTTLS) and reads the server's greeting.
	 */
	public function connect(): void {
		$host    = $this->mailbox->host;
		$context = stream_context_create( array( 'ssl' => $this->tls_options() ) );
		$errno   = 0;
		$errstr  = '';
		$stream  = $this->quietly(
			fn() => stream_socket_client( 'tcp://' . $host . ':' . $this->mailbox->port, $errno, $errstr, $this->timeout, STREAM_CLIENT_CONNECT, $context ),
			$warning
		);
		if ( ! is_resource( $stream ) ) {
			throw new ImapError(
				ImapError::CONNECT,
				/* translators: 1: host name, 2: port, 3: the system's reason */
				sprintf( __( 'Could not reach %1$s on port %2$d: %3$s', 'aftercare' ), $host, $this->mailbox->port, $errstr ?: self::plain( $warning ) )
			);
		}
		stream_set_timeout( $stream, (int) ceil( $this->timeout ) );
		$this->stream = $stream;
		if ( Mailbox::SSL === $this->mailbox->security ) {
			$this->start_tls();
		}
		$greeting = $this->read_response()[0];
		if ( ! preg_match( '/^\* (OK|PREAUTH)\b ?(.*)$/i', $greeting, $match ) ) {
			throw new ImapError(
				ImapError::SERVER,
				/* translators: %s: the first line the server sent */
				sprintf( __( 'The server did not greet like an IMAP server: %s', 'aftercare' ), $greeting )
			);
		}
		$this->greeting     = $match[2];
		$this->capabilities = $this->read_capabilities( $greeting );
		if ( Mailbox::STARTTLS === $this->mailbox->security ) {
			if ( ! in_array( 'STARTTLS', $this->capabilities, true ) ) {
				throw new ImapError( ImapError::TLS, __( 'The server does not offer STARTTLS on this port; try SSL/TLS (usually port 993).', 'aftercare' ) );
			}
			$this->command( 'STARTTLS' );
			$this->start_tls();
			// What the server said before encryption may have been tampered with (RFC 3501 6.2.1).
			$this->capabilities = array();
		}
		if ( ! $this->capabilities ) {
			$this->capabilities = $this->read_capabilities( implode( "\n", array_column( $this->command( 'CAPABILITY' ), 0 ) ) );
		}
	}

	/** The server's greeting, without the `* OK`. */
	public function greeting(): string {
		return $this->greeting;
	}

	/**
	 * @return string[] What the server announced it can do, upper case.
	 */
	public function capabilities(): array {
		return $this->capabilities;
	}

	public function login(): void {
		if ( in_array( 'LOGINDISABLED', $this->capabilities, true ) ) {
			throw new ImapError( ImapError::AUTH, __( 'The server does not accept a password on this connection (LOGINDISABLED).', 'aftercare' ) );
		}
		$this->command( 'LOGIN ' . $this->quote( $this->mailbox->user ) . ' ' . $this->quote( $this->mailbox->password ) );
	}

	/**
	 * Opens a folder for reading and flagging.
	 *
	 * @return array{exists: int, uidvalidity: int, uidnext: int}
	 */
	public function select( string $folder ): array {
		$status = array(
			'exists'      => 0,
			'uidvalidity' => 0,
			'uidnext'     => 0,
		);
		foreach ( $this->command( 'SELECT ' . $this->quote( $folder ) ) as list( $line ) ) {
			if ( preg_match( '/^\* (\d+) EXISTS/i', $line, $match ) ) {
				$status['exists'] = (int) $match[1];
			} elseif ( preg_match( '/^\* OK \[(UIDVALIDITY|UIDNEXT) (\d+)\]/i', $line, $match ) ) {
				$status[ strtolower( $match[1] ) ] = (int) $match[2];
			}
		}
		return $status;
	}

	/**
	 * @return int[] UIDs from $uid on, ascending.
	 */
	public function uids_from( int $uid ): array {
		$uids = array();
		foreach ( $this->command( 'UID SEARCH UID ' . max( 1, $uid ) . ':*' ) as list( $line ) ) {
			if ( preg_match( '/^\* SEARCH\b(.*)$/i', $line, $match ) ) {
				$uids = array_merge( $uids, array_map( 'intval', preg_split( '/\s+/', trim( $match[1] ), -1, PREG_SPLIT_NO_EMPTY ) ) );
			}
		}
		// `n:*` also matches the highest UID when it is below n.
		$uids = array_values( array_unique( array_filter( $uids, static fn( int $found ): bool => $found >= $uid ) ) );
		sort( $uids );
		return $uids;
	}

	/**
	 * The whole message, without setting \Seen.
	 *
	 * @return string|null Null when it is gone (expunged meanwhile).
	 */
	public function fetch( int $uid ): ?string {
		foreach ( $this->command( 'UID FETCH ' . $uid . ' BODY.PEEK[]' ) as list( $line, $literals ) ) {
			if ( $literals && preg_match( '/^\* \d+ FETCH .*\bUID ' . $uid . '\b/is', $line ) ) {
				return $literals[0];
			}
		}
		return null;
	}

	public function mark_seen( int $uid ): void {
		$this->command( 'UID STORE ' . $uid . ' +FLAGS.SILENT (\\Seen)' );
	}

	/**
	 * Says goodbye and closes; failures on the way out do not matter.
	 */
	public function logout(): void {
		if ( $this->stream ) {
			try {
				$this->command( 'LOGOUT' );
			} catch ( ImapError ) {
				// Gone already, or refusing: closing is all that is left.
				$this->close();
			}
		}
		$this->close();
	}

	private function close(): void {
		if ( $this->stream ) {
			fclose( $this->stream );
			$this->stream = null;
		}
	}

	/**
	 * @return array<string, mixed> Stream context `ssl` options.
	 */
	private function tls_options(): array {
		if ( $this->mailbox->allow_self_signed ) {
			return array(
				'verify_peer'       => false,
				'verify_peer_name'  => false,
				'allow_self_signed' => true,
			);
		}
		return array(
			'verify_peer'      => true,
			'verify_peer_name' => true,
			'peer_name'        => $this->mailbox->host,
		);
	}

	private function start_tls(): void {
		$method = STREAM_CRYPTO_METHOD_TLSv1_2_CLIENT | STREAM_CRYPTO_METHOD_TLSv1_3_CLIENT;
		if ( true !== $this->quietly( fn() => stream_socket_enable_crypto( $this->stream, true, $method ), $warning ) ) {
			$reason = self::plain( $warning );
			if ( str_contains( $reason, 'certificate verify failed' ) || str_contains( $reason, 'did not match expected CN' ) ) {
				$reason = __( 'its certificate is not trusted (self-signed, expired, or for another name).', 'aftercare' ) . ' ' . $reason;
			} elseif ( str_contains( $reason, 'wrong version number' ) ) {
				$reason = __( 'the server does not speak TLS on this port (STARTTLS, or another port?).', 'aftercare' ) . ' ' . $reason;
			}
			// Half-encrypted, the connection can carry nothing more (not even LOGOUT).
			$this->close();
			throw new ImapError(
				ImapError::TLS,
				/* translators: 1: host name, 2: why */
				sprintf(
					__( 'The secure connection to %1$s failed: %2$s', 'aftercare' ),
					$this->mailbox->host,
					$reason ?: __( 'the server does not speak TLS on this port.', 'aftercare' )
				)
			);
		}
	}

	/**
	 * Sends a command and reads up to its tagged answer.
	 *
	 * @return array<int, array{0: string, 1: string[]}> The untagged responses: their text and literals.
	 */
	private function command( string $command ): array {
		$tag = 'A' . str_pad( (string) ++$this->tag, 4, '0', STR_PAD_LEFT );
		// Named by its verb only: the arguments of LOGIN hold the password.
		$verb = preg_match( '/^(UID )?\S+/', $command, $match ) ? $match[0] : $command;
		$this->write( $tag . ' ' . $command . "\r\n" );
		$untagged = array();
		for ( ;; ) {
			$response = $this->read_response();
			$line     = $response[0];
			if ( str_starts_with( $line, $tag . ' ' ) ) {
				list( , $status, $text ) = array_pad( explode( ' ', $line, 3 ), 3, '' );
				if ( 'OK' === strtoupper( $status ) ) {
					return $untagged;
				}
				if ( 'LOGIN' === $verb ) {
					/* translators: %s: the server's answer */
					throw new ImapError( ImapError::AUTH, sprintf( __( 'The server refused the user name or password: %s', 'aftercare' ), $text ) );
				}
				/* translators: 1: IMAP command, 2: the server's answer */
				throw new ImapError( ImapError::SERVER, sprintf( __( 'The server refused %1$s: %2$s', 'aftercare' ), $verb, $text ) );
			}
			if ( 'LOGOUT' !== $verb && preg_match( '/^\* BYE\b ?(.*)$/i', $line, $bye ) ) {
				/* translators: %s: the server's last words */
				throw new ImapError( ImapError::SERVER, sprintf( __( 'The server ended the session: %s', 'aftercare' ), $bye[1] ) );
			}
			if ( ! str_starts_with( $line, '*' ) ) {
				/* translators: %s: what the server sent */
				throw new ImapError( ImapError::SERVER, sprintf( __( 'Unexpected answer from the server: %s', 'aftercare' ), $line ) );
			}
			$untagged[] = $response;
		}
	}

	/**
	 * One response: its lines joined, with each `{n}` literal's n bytes read aside.
	 *
	 * @return array{0: string, 1: string[]}
	 */
	private function read_response(): array {
		$text     = '';
		$literals = array();
		for ( ;; ) {
			$line  = $this->read_line();
			$text .= $line;
			if ( ! preg_match( '/\{(\d+)\+?\}$/', $line, $match ) ) {
				return array( $text, $literals );
			}
			$literals[] = $this->read_bytes( (int) $match[1] );
		}
	}

	private function read_line(): string {
		$line = $this->stream ? fgets( $this->stream ) : false;
		if ( false === $line ) {
			$this->fail_reading();
		}
		return rtrim( $line, "\r\n" );
	}

	private function read_bytes( int $length ): string {
		$data = '';
		while ( strlen( $data ) < $length ) {
			$chunk = fread( $this->stream, min( 65536, $length - strlen( $data ) ) );
			if ( false === $chunk || '' === $chunk ) {
				$this->fail_reading();
			}
			$data .= $chunk;
		}
		return $data;
	}

	private function fail_reading(): never {
		$timed_out = $this->stream && stream_get_meta_data( $this->stream )['timed_out'];
		$this->close();
		throw new ImapError(
			ImapError::CONNECT,
			$timed_out
				/* translators: %d: seconds */
				? sprintf( __( 'The server did not answer within %d seconds.', 'aftercare' ), (int) ceil( $this->timeout ) )
				: __( 'The server closed the connection.', 'aftercare' )
		);
	}

	private function write( string $data ): void {
		while ( '' !== $data ) {
			$written = $this->stream ? fwrite( $this->stream, $data ) : false;
			if ( ! $written ) {
				$this->fail_reading();
			}
			$data = substr( $data, $written );
		}
	}

	/**
	 * An IMAP quoted string. Line breaks cannot be quoted (they would end the command).
	 */
	private function quote( #[\SensitiveParameter] string $value ): string {
		if ( strpbrk( $value, "\r\n\0" ) !== false ) {
			throw new ImapError( ImapError::SERVER, __( 'The mailbox settings contain a line break.', 'aftercare' ) );
		}
		return '"' . addcslashes( $value, '"\\' ) . '"';
	}

	/**
	 * @return string[] The capabilities in a `CAPABILITY` response or `[CAPABILITY …]` code.
	 */
	private function read_capabilities( string $text ): array {
		if ( ! preg_match( '/(?:^\* |\[)CAPABILITY ([^\]\n]*)/im', $text, $match ) ) {
			return array();
		}
		return array_map( 'strtoupper', preg_split( '/\s+/', trim( $match[1] ), -1, PREG_SPLIT_NO_EMPTY ) );
	}

	/**
	 * A PHP warning without the function name in front.
	 */
	private static function plain( string $warning ): string {
		return trim( (string) preg_replace( '/^[a-z_]+\(\): /', '', $warning ) );
	}

	/**
	 * Runs $call and keeps the warning PHP raises on failure as text instead of output.
	 *
	 * @template T
	 * @param callable(): T $call    What to run.
	 * @param string        $warning Set to the last warning, or ''.
	 * @return T
	 */
	private function quietly( callable $call, ?string &$warning ): mixed {
		$warning = '';
		set_error_handler(
			static function ( int $errno, string $message ) use ( &$warning ): bool {
				$warning = $message;
				return true;
			}
		);
		try {
			return $call();
		} finally {
			restore_error_handler();
		}
	}
}
