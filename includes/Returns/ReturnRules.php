<?php
/**
 * What a return request must satisfy, step by step as the return form asks for it: the order
 * (proved by the caller: the order lookup, or the customer's own order), the lines (each from the
 * order, returnable now, within what is left, with one of the store's reasons), the comment, the
 * outcome and the photos. ReturnService::create() applies them all; ReturnService::check() those
 * up to one step, for the returns block with and without JavaScript (POST /returns/check).
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Returns;

use Aftercare\Infrastructure\DomainError;
use Aftercare\Tickets\AttachmentStore;

final class ReturnRules {

	/** The return form's steps, in order: each one's rules hold once the shopper leaves it. */
	public const STEPS = array( 'order', 'items', 'details', 'outcome', 'review' );

	public const MAX_COMMENT = 5000;

	public function __construct( private Policy $policy ) {}

	/**
	 * Checks the steps after the order's, up to and including $step, in the form's order.
	 *
	 * @param array<string, mixed> $input Request: items, comment, outcome, photos (uploaded files).
	 * @return array{items: ReturnItem[], comment: string, outcome: string} The checked request (as far as checked).
	 * @throws DomainError 400 naming the first rule broken.
	 */
	public function check( string $step, OrderEligibility $eligibility, array $input, bool $agent ): array {
		$through = (int) array_search( $step, self::STEPS, true );
		$checked = array(
			'items'   => array(),
			'comment' => '',
			'outcome' => '',
		);
		if ( $through >= 1 ) {
			$checked['items'] = $this->items( $eligibility, (array) ( $input['items'] ?? array() ) );
		}
		if ( $through >= 2 ) {
			$checked['comment'] = $this->comment( (string) ( $input['comment'] ?? '' ) );
		}
		if ( $through >= 3 ) {
			$checked['outcome'] = $this->outcome( (string) ( $input['outcome'] ?? '' ), $agent );
		}
		if ( $through >= 4 ) {
			$this->photos( $checked['items'], array_values( (array) ( $input['photos'] ?? array() ) ), $agent );
		}
		return $checked;
	}

	/**
	 * The requested lines, checked against what the policy allows now.
	 *
	 * @param array<mixed> $requested Lines as sent.
	 * @return ReturnItem[]
	 */
	private function items( OrderEligibility $eligibility, array $requested ): array {
		if ( ! $requested || count( $requested ) > 100 ) {
			throw DomainError::invalid( 'no_items', __( 'Choose at least one item to return and how many.', 'aftercare' ), array( 'params' => array( 'items' ) ) );
		}
		$reasons = $this->policy->reasons();
		$items   = array();
		foreach ( $requested as $line ) {
			$line     = is_array( $line ) ? $line : array();
			$item_id  = (int) ( $line['order_item_id'] ?? 0 );
			$quantity = (int) ( $line['quantity'] ?? 0 );
			$reason   = (string) ( $line['reason'] ?? '' );
			$allowed  = $eligibility->item( $item_id );
			if ( ! $allowed || isset( $items[ $item_id ] ) ) {
				throw DomainError::invalid(
					'invalid_item',
					__( 'One of the chosen items is not part of this order.', 'aftercare' ),
					array( 'params' => array( 'items' ) )
				);
			}
			if ( $allowed->returnable < 1 ) {
				throw DomainError::invalid(
					'not_returnable',
					/* translators: 1: product name, 2: why it cannot be returned. */
					sprintf( __( '%1$s cannot be returned: %2$s', 'aftercare' ), $allowed->item->name, $allowed->reason ),
					array( 'params' => array( 'items' ) )
				);
			}
			if ( $quantity < 1 || $quantity > $allowed->returnable ) {
				throw DomainError::invalid(
					'invalid_quantity',
					sprintf(
						/* translators: 1: product name, 2: largest quantity. */
						_n( 'You can return up to %2$d of %1$s.', 'You can return up to %2$d of %1$s.', $allowed->returnable, 'aftercare' ),
						$allowed->item->name,
						$allowed->returnable
					),
					array( 'params' => array( 'items' ) )
				);
			}
			if ( ! isset( $reasons[ $reason ] ) ) {
				throw DomainError::invalid(
					'invalid_reason',
					/* translators: %s: product name. */
					sprintf( __( 'Please choose a reason for returning %s.', 'aftercare' ), $allowed->item->name ),
					array( 'params' => array( 'items' ) )
				);
			}
			$items[ $item_id ] = new ReturnItem( 0, 0, $item_id, $allowed->item->product_id, $allowed->item->name, $quantity, $reason, $reasons[ $reason ]['label'] );
		}
		return array_values( $items );
	}

	/**
	 * The comment as stored.
	 */
	private function comment( string $comment ): string {
		$comment = trim( sanitize_textarea_field( $comment ) );
		if ( mb_strlen( $comment ) > self::MAX_COMMENT ) {
			throw DomainError::invalid(
				'comment_too_long',
				/* translators: %d: maximum number of characters. */
				sprintf( __( 'Please keep the comment under %d characters.', 'aftercare' ), self::MAX_COMMENT ),
				array( 'params' => array( 'comment' ) )
			);
		}
		return $comment;
	}

	/**
	 * One of the outcomes the policy offers (agents filing by phone: any).
	 */
	private function outcome( string $outcome, bool $agent ): string {
		if ( ! in_array( $outcome, $agent ? Policy::OUTCOMES : $this->policy->outcomes(), true ) ) {
			throw DomainError::invalid( 'invalid_outcome', __( 'Please choose what you would like instead.', 'aftercare' ), array( 'params' => array( 'outcome' ) ) );
		}
		return $outcome;
	}

	/**
	 * Photos: required when a chosen reason asks for them (agents filing by phone may skip them),
	 * and only images. Size and count follow the ticket attachment rules, checked when stored.
	 *
	 * @param ReturnItem[]                     $items  Lines.
	 * @param array<int, array<string, mixed>> $photos Uploaded files.
	 */
	private function photos( array $items, array $photos, bool $agent ): void {
		$reasons = $this->policy->reasons();
		$needed  = array_filter( $items, static fn( ReturnItem $item ) => $reasons[ $item->reason ]['photos'] ?? false );
		if ( $needed && ! $photos && ! $agent ) {
			throw DomainError::invalid(
				'photos_required',
				__( 'Please add at least one photo for the reason you chose.', 'aftercare' ),
				array( 'params' => array( 'photos' ) )
			);
		}
		foreach ( $photos as $photo ) {
			$tmp = is_array( $photo ) && is_string( $photo['tmp_name'] ?? null ) ? $photo['tmp_name'] : '';
			if ( '' !== $tmp && is_file( $tmp ) && ! in_array( ( new \finfo( FILEINFO_MIME_TYPE ) )->file( $tmp ), AttachmentStore::INLINE_TYPES, true ) ) {
				throw DomainError::invalid( 'file_type', __( 'Photos must be JPEG, PNG, GIF or WebP images.', 'aftercare' ), array( 'params' => array( 'photos' ) ) );
			}
		}
	}
}
