/**
 * Sample orders for the editor preview: what shoppers will see, without
 * reading any real order in the editor.
 */

/**
 * WordPress dependencies
 */
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { OrderStatus } from './types';

/** What the editor knows about the store (from OrderStatusBlock::editor_data()). */
export interface EditorData {
	available: boolean;
	allowsPostcode: boolean;
}

/**
 * The store's answer, or "unavailable" when the script runs without it.
 *
 * @param source Where the server put it (window.aftercareOrderStatus).
 */
export function editorData( source: unknown ): EditorData {
	const data = ( source ?? {} ) as Partial< EditorData >;
	return {
		available: data.available === true,
		allowsPostcode: data.allowsPostcode === true,
	};
}

const DAY = 86_400_000;

const event = (
	type: string,
	daysAgo: number,
	label: string,
	detail = '',
	source = 'order'
): OrderStatus[ 'timeline' ][ number ] => {
	const time = new Date( Date.now() - daysAgo * DAY );
	return {
		type,
		source,
		time: time.toISOString(),
		date: time.toLocaleString(),
		label,
		detail,
		url: '',
		actor: '',
	};
};

/**
 * A sample order as the REST route returns it.
 *
 * @param number   Order number.
 * @param customer Whether the viewer is the signed-in customer (who also sees the total).
 */
export function sampleOrder( number: string, customer: boolean ): OrderStatus {
	const placed = new Date( Date.now() - 3 * DAY ).toLocaleDateString();
	return {
		number,
		/* translators: %s: order number. */
		title: sprintf( __( 'Order #%s', 'aftercare' ), number ),
		status: 'processing',
		status_label: __( 'Processing', 'aftercare' ),
		status_text: __( 'Your order is on its way.', 'aftercare' ),
		created: new Date( Date.now() - 3 * DAY ).toISOString(),
		date: placed,
		/* translators: %s: date the order was placed. */
		placed: sprintf( __( 'Placed on %s', 'aftercare' ), placed ),
		items: [
			{ name: __( 'Linen shirt', 'aftercare' ), quantity: 2 },
			{ name: __( 'Canvas tote', 'aftercare' ), quantity: 1 },
		],
		tracking: [
			{
				carrier: 'UPS',
				number: '1Z999AA10123456784',
				url: 'https://www.ups.com/track?tracknum=1Z999AA10123456784',
			},
		],
		timeline: [
			event( 'placed', 3, __( 'Order placed', 'aftercare' ) ),
			event( 'paid', 3, __( 'Payment received', 'aftercare' ) ),
			event(
				'shipped',
				1,
				__( 'Shipped', 'aftercare' ),
				'UPS 1Z999AA10123456784'
			),
			event(
				'ticket_replied',
				0.5,
				__( 'The support team replied', 'aftercare' ),
				/* translators: %d: ticket number. */
				sprintf( __( 'Request #%d', 'aftercare' ), 12 ),
				'ticket'
			),
		],
		timeline_url: '',
		return_url: '#',
		help_url: '#',
		...( customer ? { total: '$54.00' } : {} ),
	};
}
