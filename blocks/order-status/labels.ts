/**
 * WordPress dependencies
 */
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { OrderStatusAttributes } from './types';

/**
 * The block's texts: the site builder's, else the defaults render.php uses.
 *
 * @param attributes     Block attributes.
 * @param allowsPostcode Whether guests may type their postcode instead of their email.
 */
export function getLabels(
	attributes: Pick< OrderStatusAttributes, 'heading' | 'submitLabel' >,
	allowsPostcode: boolean
) {
	return {
		heading: attributes.heading || __( 'Where is my order?', 'aftercare' ),
		submit: attributes.submitLabel || __( 'Find my order', 'aftercare' ),
		number: __( 'Order number', 'aftercare' ),
		key: allowsPostcode
			? __( 'Email or billing postcode', 'aftercare' )
			: __( 'Email address', 'aftercare' ),
	};
}
