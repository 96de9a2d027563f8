/**
 * WordPress dependencies
 */
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { ContactAttributes, LabelAttribute } from './types';

/**
 * The default words of each label. render.php uses the same strings, so they
 * share translations.
 *
 * @return Default labels by attribute.
 */
export function getDefaultLabels(): Record< LabelAttribute, string > {
	return {
		nameLabel: __( 'Name', 'aftercare' ),
		emailLabel: __( 'Email', 'aftercare' ),
		orderLabel: __( 'Order number', 'aftercare' ),
		subjectLabel: __( 'Subject', 'aftercare' ),
		messageLabel: __( 'Message', 'aftercare' ),
		attachmentsLabel: __( 'Attachments', 'aftercare' ),
		submitLabel: __( 'Send message', 'aftercare' ),
	};
}

/**
 * The labels the form shows: the block's own, or the defaults.
 *
 * @param attributes Block attributes.
 * @return Labels by attribute.
 */
export function getLabels(
	attributes: ContactAttributes
): Record< LabelAttribute, string > {
	const defaults = getDefaultLabels();
	const labels = { ...defaults };
	for ( const key of Object.keys( defaults ) as LabelAttribute[] ) {
		labels[ key ] = attributes[ key ] || defaults[ key ];
	}
	return labels;
}
