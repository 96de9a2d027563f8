<?php
/**
 * The container in which a storefront form shows help articles matching what the shopper types
 * (blocks/help-center/suggestions.ts fills it). A block prints it beside its field and, in its
 * view module, registers `callbacks.initHelpSuggestions` in its own store to attach the helper
 * (see blocks/contact/help-suggestions.ts).
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\HelpCenter;

final class SuggestionBox {

	/**
	 * @param string $source Where the suggestions are shown, one of SearchLog::SOURCES (contact, returns).
	 */
	public static function markup( string $source ): string {
		return sprintf(
			'<div class="aftercare-help-suggestions" aria-live="polite"><div class="aftercare-help-suggestions__box" data-rest="%1$s" data-source="%2$s" data-new-tab="%3$s" data-wp-init="callbacks.initHelpSuggestions" hidden><p class="aftercare-help-suggestions__heading">%4$s</p><ul class="aftercare-help-suggestions__list"></ul></div></div>', // phpcs:ignore Generic.Files.LineLength.TooLong -- one HTML string.
			esc_url( rest_url( 'aftercare/v1/help/' ) ),
			esc_attr( in_array( $source, SearchLog::SOURCES, true ) ? $source : 'contact' ),
			esc_attr__( '(opens in a new tab)', 'aftercare' ),
			esc_html__( 'These articles may answer your question:', 'aftercare' )
		);
	}
}
