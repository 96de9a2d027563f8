/**
 * WordPress dependencies
 */
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { AftercareReturn, ReturnEvent } from '../api';
import { money } from '../utils/money';
import { describeAnswer } from '../tickets/events';
import { labelOf } from '../tickets/labels';
import { EFFORTS, OUTCOMES, STATUSES } from './labels';

/**
 * One entry of a return's timeline in words, e.g. "Status: Requested → Approved".
 *
 * @param event  The event.
 * @param item   The return (for item names).
 * @param amount Formats an amount of money.
 * @return A sentence.
 */
export function describeReturnEvent(
	event: ReturnEvent,
	item: AftercareReturn,
	amount: ( value: number ) => string = ( value ) => money( value, '' )
): string {
	const data = event.data;
	switch ( event.type ) {
		case 'created':
			return sprintf(
				/* translators: %s: what the shopper asked for, e.g. "Refund". */
				__( 'Return requested (asked for: %s)', 'aftercare' ),
				labelOf( OUTCOMES(), String( data.outcome ?? '' ) )
			);
		case 'status':
			return sprintf(
				/* translators: 1: old status, 2: new status. */
				__( 'Status: %1$s → %2$s', 'aftercare' ),
				labelOf( STATUSES(), String( data.from ?? '' ) ),
				labelOf( STATUSES(), String( data.to ?? '' ) )
			);
		case 'restocked': {
			const lines = Object.entries(
				( data.items ?? {} ) as Record< string, number >
			).map( ( [ orderItemId, quantity ] ) =>
				sprintf(
					/* translators: 1: quantity, 2: product name. */
					__( '%1$d × %2$s', 'aftercare' ),
					quantity,
					item.items.find(
						( line ) => String( line.order_item_id ) === orderItemId
					)?.name ?? orderItemId
				)
			);
			return sprintf(
				/* translators: %s: the items, e.g. "2 × Linen shirt". */
				__( 'Back in stock: %s', 'aftercare' ),
				lines.join( ', ' )
			);
		}
		case 'refund': {
			const refunded = amount( Number( data.amount ?? 0 ) );
			const fee = amount( Number( data.fee ?? 0 ) );
			const reference = String( data.reference ?? '' );
			return data.manual
				? sprintf(
						/* translators: 1: amount, 2: restocking fee, 3: refund reference. */
						__(
							'Refunded %1$s by hand (restocking fee %2$s, reference %3$s)',
							'aftercare'
						),
						refunded,
						fee,
						reference
					)
				: sprintf(
						/* translators: 1: amount, 2: restocking fee, 3: refund reference. */
						__(
							'Refunded %1$s to the original payment (restocking fee %2$s, reference %3$s)',
							'aftercare'
						),
						refunded,
						fee,
						reference
					);
		}
		case 'credit': {
			const given = Number( data.amount ?? 0 );
			const value = Number( data.value ?? given );
			return given > value
				? sprintf(
						/* translators: 1: amount, 2: coupon code, 3: what the items were paid. */
						__(
							'Store credit of %1$s issued as coupon %2$s, more than the items were paid (%3$s)',
							'aftercare'
						),
						amount( given ),
						String( data.coupon ?? '' ),
						amount( value )
					)
				: sprintf(
						/* translators: 1: amount, 2: coupon code. */
						__(
							'Store credit of %1$s issued as coupon %2$s',
							'aftercare'
						),
						amount( given ),
						String( data.coupon ?? '' )
					);
		}
		case 'exchange':
			return sprintf(
				/* translators: %s: order number. */
				__( 'Exchange order #%s created', 'aftercare' ),
				String( data.order_number ?? data.order_id ?? '' )
			);
		case 'effort':
			return describeAnswer(
				__( 'Customer effort', 'aftercare' ),
				labelOf( EFFORTS(), String( data.to ?? '' ) ),
				data.comment
			);
		default:
			return event.type;
	}
}
