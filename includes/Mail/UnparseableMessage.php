<?php
/**
 * A raw message the parser could not read. The reason is for the "needs attention" list, in
 * plain English for the agent; the raw message itself is the caller's to keep.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Mail;

final class UnparseableMessage extends \RuntimeException {

	public function __construct( public readonly string $reason ) {
		parent::__construct( 'Unparseable message: ' . $reason );
	}
}
