/**
 * WordPress dependencies
 */
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { ContactAttributes } from './types';

/**
 * The labels the form shows: the block's own, or the defaults.
 * render.php uses the same default strings, so they share translations.
 *
 * @param attributes Block attributes.
 * @return Labels by field.
 */
export function getLabels( attributes: ContactAttributes ) {
	return {
		name: __( 'Name', 'aftercare' ),
		email: __( 'Email', 'aftercare' ),
		order: __( 'Order number', 'aftercare' ),
		optional: __( '(optional)', 'aftercare' ),
		subject: attributes.subjectLabel || __( 'Subject', 'aftercare' ),
		message: attributes.messageLabel || __( 'Message', 'aftercare' ),
		submit: attributes.submitLabel || __( 'Send message', 'aftercare' ),
	};
}

export function getDefaultLabels() {
	return getLabels( {
		showOrderField: true,
		subjectLabel: '',
		messageLabel: '',
		submitLabel: '',
	} );
}
