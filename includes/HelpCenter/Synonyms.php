<?php
/**
 * Store-editable synonyms ("refund, money back, reimbursement"), applied when a query is parsed,
 * so changing them needs no reindex.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\HelpCenter;

use Aftercare\Settings\Settings;

final class Synonyms {

	public function __construct( private Settings $settings, private Tokenizer $tokenizer ) {}

	/** Groups a new store starts with. */
	public const DEFAULTS = array(
		'refund, money back, reimbursement',
		'shipping, delivery, postage',
		'return, send back',
		'cancel, stop order',
		'track, tracking number, parcel status',
		'size, fit, measurements',
		'coupon, discount code, promo code, voucher',
		'password, log in, sign in, login',
	);

	/**
	 * Each group as a list of phrases, each phrase as its stemmed terms.
	 *
	 * @return array<int, array<int, string[]>>
	 */
	public function groups(): array {
		$groups = array();
		foreach ( (array) $this->settings->get( 'help_synonyms' ) as $line ) {
			$phrases = array();
			foreach ( explode( ',', (string) $line ) as $phrase ) {
				$terms = $this->tokenizer->terms( $phrase );
				if ( $terms ) {
					$phrases[] = $terms;
				}
			}
			if ( count( $phrases ) > 1 ) {
				$groups[] = $phrases;
			}
		}
		return $groups;
	}
}
