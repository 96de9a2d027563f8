<?php
/**
 * Thrown by MimeParser when a message cannot be read at all; $reason says why (its code is what
 * the log of received mail stores).
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Mail;

final class UnparseableMessage extends \RuntimeException {

	/** Why, in words. */
	public readonly string $reason;

	/** Why, as the log stores it. */
	public readonly Reason $why;

	/**
	 * @param string               $code Reason code (see Reason::describe()).
	 * @param array<string, mixed> $args Its arguments.
	 */
	public function __construct( string $code, array $args = array() ) {
		$this->why    = new Reason( $code, $args );
		$this->reason = $this->why->describe();
		parent::__construct( 'Unparseable message: ' . $this->reason );
	}
}
