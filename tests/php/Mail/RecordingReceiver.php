<?php
/**
 * A Receiver that keeps what it is given, and can be told to refuse (a failed write) once it
 * holds a number of messages.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Mail;

use Aftercare\Mail\Receiver;

final class RecordingReceiver implements Receiver {

	/** @var array<int, array{raw: string, source: string}> */
	public array $received = array();

	/** Refuses every message once it holds this many (null: takes all). */
	public ?int $limit = null;

	/** How often receive() was called. */
	public int $offered = 0;

	public function take( string $raw, string $source ): bool {
		++$this->offered;
		if ( null !== $this->limit && count( $this->received ) >= $this->limit ) {
			return false;
		}
		$this->received[] = array(
			'raw'    => $raw,
			'source' => $source,
		);
		return true;
	}

	/**
	 * @return string[] The Subject of each message received, in order.
	 */
	public function subjects(): array {
		return array_map(
			static fn( array $message ): string => preg_match( '/^Subject: (.*)$/mi', $message['raw'], $match ) ? trim( $match[1] ) : '',
			$this->received
		);
	}
}
