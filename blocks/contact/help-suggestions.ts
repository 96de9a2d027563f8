/**
 * Help articles matching the subject, shown while the shopper types it (the help center's
 * suggestion helper, attached to the box render.php prints under the subject field).
 */

/**
 * WordPress dependencies
 */
import { getElement, store } from '@wordpress/interactivity';

/**
 * Internal dependencies
 */
import { attachSuggestions } from '../help-center/suggestions';

store( 'aftercare/contact', {
	callbacks: {
		initHelpSuggestions(): ( () => void ) | undefined {
			const box = getElement().ref as HTMLElement | null;
			const subject = box
				?.closest( 'form' )
				?.querySelector< HTMLInputElement >( 'input[name="subject"]' );
			return box && subject
				? attachSuggestions( box, subject )
				: undefined;
		},
	},
} );
