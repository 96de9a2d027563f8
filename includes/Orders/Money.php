<?php
/**
 * Amounts as plain text, for mail, notes, timelines and messages.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Orders;

final class Money {

	/**
	 * WooCommerce's format when it is active (its symbol and separators), else "USD 10.00".
	 *
	 * @param string $currency ISO code; empty is the store's currency.
	 */
	public static function text( float $amount, string $currency = '' ): string {
		if ( function_exists( 'wc_price' ) ) {
			return html_entity_decode( wp_strip_all_tags( (string) wc_price( $amount, array( 'currency' => $currency ) ) ), ENT_QUOTES, 'UTF-8' );
		}
		return trim( $currency . ' ' . number_format_i18n( $amount, 2 ) );
	}
}
