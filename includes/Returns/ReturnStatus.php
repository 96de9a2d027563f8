<?php
/**
 * Where a return stands, and the moves the state machine allows from each status.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Returns;

enum ReturnStatus: string {

	case Requested     = 'requested';
	case Approved      = 'approved';
	case Rejected      = 'rejected';
	case AwaitingItems = 'awaiting_items';
	case Received      = 'received';
	case Refunded      = 'refunded';
	case Credited      = 'credited';
	case Exchanged     = 'exchanged';
	case Closed        = 'closed';

	/**
	 * @return self[] Statuses this one may move to. An approved return may be settled without
	 *                the items coming back (damaged goods not worth the postage).
	 */
	public function next(): array {
		return match ( $this ) {
			self::Requested     => array( self::Approved, self::Rejected, self::Closed ),
			self::Approved      => array( self::AwaitingItems, self::Received, self::Refunded, self::Credited, self::Exchanged, self::Rejected, self::Closed ),
			self::AwaitingItems => array( self::Received, self::Rejected, self::Closed ),
			self::Received      => array( self::Refunded, self::Credited, self::Exchanged, self::Rejected, self::Closed ),
			self::Refunded, self::Credited, self::Exchanged, self::Rejected => array( self::Closed ),
			self::Closed        => array(),
		};
	}

	public function can_move_to( self $to ): bool {
		return in_array( $to, $this->next(), true );
	}

	public function is_settled(): bool {
		return in_array( $this, array( self::Refunded, self::Credited, self::Exchanged ), true );
	}

	public function label(): string {
		return match ( $this ) {
			self::Requested     => __( 'Requested', 'aftercare' ),
			self::Approved      => __( 'Approved', 'aftercare' ),
			self::Rejected      => __( 'Rejected', 'aftercare' ),
			self::AwaitingItems => __( 'Awaiting items', 'aftercare' ),
			self::Received      => __( 'Received', 'aftercare' ),
			self::Refunded      => __( 'Refunded', 'aftercare' ),
			self::Credited      => __( 'Store credit issued', 'aftercare' ),
			self::Exchanged     => __( 'Exchanged', 'aftercare' ),
			self::Closed        => __( 'Closed', 'aftercare' ),
		};
	}
}
