<?php
/**
 * The private Dovecot the test runner starts for the `imap` group (scripts/lib/dovecot.mjs):
 * mailbox settings pointing at it, and mail delivery by IMAP APPEND into a folder of the test's
 * own. Deliberately independent of ImapClient, so the tests do not check the client with itself.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Mail;

use Aftercare\Mail\Mailbox;

final class ImapServer {

	/** @var resource */
	private $stream;
	private int $tag = 0;

	public function __construct() {
		$this->stream = stream_socket_client(
			'ssl://' . self::env( 'HOST' ) . ':' . self::env( 'PORT' ),
			$errno,
			$errstr,
			10,
			STREAM_CLIENT_CONNECT,
			stream_context_create(
				array(
					'ssl' => array(
						'verify_peer'      => false,
						'verify_peer_name' => false,
					),
				)
			)
		);
		stream_set_timeout( $this->stream, 10 );
		fgets( $this->stream );
		$this->command( 'LOGIN "' . self::env( 'USER' ) . '" "' . self::env( 'PASSWORD' ) . '"' );
	}

	public function __destruct() {
		$this->command( 'LOGOUT' );
		fclose( $this->stream );
	}

	/**
	 * Whether the runner started a server (npm test's phpunit:wp-7.1 layer does).
	 */
	public static function available(): bool {
		return (bool) getenv( 'AFTERCARE_IMAP_HOST' );
	}

	public static function env( string $name ): string {
		return (string) getenv( 'AFTERCARE_IMAP_' . $name );
	}

	/**
	 * Settings values for the server, self-signed certificate allowed, on implicit TLS.
	 *
	 * @param array<string, mixed> $overrides Values to change.
	 * @return array<string, mixed>
	 */
	public static function settings( string $folder, array $overrides = array() ): array {
		return $overrides + array(
			'mailbox_host'              => self::env( 'HOST' ),
			'mailbox_port'              => (int) self::env( 'PORT' ),
			'mailbox_security'          => Mailbox::SSL,
			'mailbox_user'              => self::env( 'USER' ),
			'mailbox_password'          => self::env( 'PASSWORD' ),
			'mailbox_folder'            => $folder,
			'mailbox_allow_self_signed' => true,
		);
	}

	/**
	 * Creates a folder of its own for one test.
	 */
	public function folder(): string {
		$folder = 'Test' . wp_generate_password( 10, false );
		$this->command( 'CREATE ' . $folder );
		return $folder;
	}

	/**
	 * Deletes and recreates a folder: it gets a new UIDVALIDITY, its UIDs start again at 1.
	 */
	public function recreate( string $folder ): void {
		$this->command( 'DELETE ' . $folder );
		$this->command( 'CREATE ' . $folder );
	}

	public function deliver( string $folder, string $raw ): void {
		// LITERAL+ (Dovecot announces it): the message follows at once.
		$this->command( 'APPEND ' . $folder . ' {' . strlen( $raw ) . "+}\r\n" . $raw );
	}

	/**
	 * @return array<int, string[]> UID => flags of every message in the folder (but the
	 *                              session-only \Recent).
	 */
	public function flags( string $folder ): array {
		$this->command( 'EXAMINE ' . $folder );
		$flags = array();
		foreach ( $this->command( 'UID FETCH 1:* FLAGS' ) as $line ) {
			if ( preg_match( '/UID (\d+)/', $line, $uid ) && preg_match( '/FLAGS \(([^)]*)\)/', $line, $found ) ) {
				$flags[ (int) $uid[1] ] = array_values( array_diff( array_filter( explode( ' ', $found[1] ) ), array( '\\Recent' ) ) );
			}
		}
		return $flags;
	}

	/**
	 * @return string[] The untagged lines.
	 */
	private function command( string $command ): array {
		$tag = 'T' . ++$this->tag;
		fwrite( $this->stream, $tag . ' ' . $command . "\r\n" );
		$lines = array();
		for ( ;; ) {
			$line = (string) fgets( $this->stream );
			if ( str_starts_with( $line, $tag . ' ' ) ) {
				if ( ! str_starts_with( $line, $tag . ' OK' ) ) {
					throw new \RuntimeException( 'IMAP test server: ' . $line );
				}
				return $lines;
			}
			if ( '' === $line ) {
				throw new \RuntimeException( 'IMAP test server closed the connection' );
			}
			$lines[] = $line;
		}
	}
}
