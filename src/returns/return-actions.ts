/**
 * What an agent can do with a return in its current status (the statuses the
 * server says it may move to, `next_statuses`), and the request each action's
 * form sends.
 */

/**
 * WordPress dependencies
 */
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type {
	AftercareReturn,
	ReturnActionInput,
	ReturnMove,
	ReturnStatus,
} from '../api';
import { money } from '../utils/money';

export type ReturnActionId =
	| 'approve'
	| 'reject'
	| 'await'
	| 'receive'
	| 'refund'
	| 'credit'
	| 'exchange'
	| 'close';

export interface ReturnAction {
	id: ReturnActionId;
	/** The status the action leads to. */
	to: ReturnStatus;
	/** The button's name (and the dialog's title). */
	label: string;
	/** What confirming does, in a sentence. */
	description: string;
	/** The main way forward (a primary button) rather than a side exit. */
	primary: boolean;
}

/**
 * Every action, in the order the screen shows them.
 *
 * @return The actions.
 */
export const ACTIONS = (): ReturnAction[] => [
	{
		id: 'approve',
		to: 'approved',
		label: __( 'Approve', 'aftercare' ),
		description: __(
			'The customer is told the return is approved, with the return-shipping instructions.',
			'aftercare'
		),
		primary: true,
	},
	{
		id: 'receive',
		to: 'received',
		label: __( 'Mark received', 'aftercare' ),
		description: __(
			'Record how many of each item arrived, and put them back in stock if they can be sold again.',
			'aftercare'
		),
		primary: true,
	},
	{
		id: 'refund',
		to: 'refunded',
		label: __( 'Refund', 'aftercare' ),
		description: __(
			'Refund the items to the original payment (through the payment gateway when it can refund, otherwise recorded as a manual refund), less the restocking fee.',
			'aftercare'
		),
		primary: true,
	},
	{
		id: 'credit',
		to: 'credited',
		label: __( 'Give store credit', 'aftercare' ),
		description: __(
			'Issue a single-use coupon that only the customer’s email address can use.',
			'aftercare'
		),
		primary: true,
	},
	{
		id: 'exchange',
		to: 'exchanged',
		label: __( 'Create exchange order', 'aftercare' ),
		description: __(
			'Create a new order, free of charge, with the same items, linked to the original order.',
			'aftercare'
		),
		primary: true,
	},
	{
		id: 'await',
		to: 'awaiting_items',
		label: __( 'Await the items', 'aftercare' ),
		description: __(
			'Mark the return as waiting for the customer to send the items back.',
			'aftercare'
		),
		primary: false,
	},
	{
		id: 'reject',
		to: 'rejected',
		label: __( 'Reject', 'aftercare' ),
		description: __(
			'The customer is told the return is rejected. Say why in the message.',
			'aftercare'
		),
		primary: false,
	},
	{
		id: 'close',
		to: 'closed',
		label: __( 'Close return', 'aftercare' ),
		description: __(
			'Close the return: nothing more is expected. The customer can no longer write on it.',
			'aftercare'
		),
		primary: false,
	},
];

/**
 * The actions that lead to the statuses a return may move to.
 *
 * @param next The return's `next_statuses`.
 * @return The actions, in display order.
 */
export function availableActions( next: ReturnStatus[] ): ReturnAction[] {
	return ACTIONS().filter( ( action ) => next.includes( action.to ) );
}

/**
 * What an action's form holds. Quantities are per order item id; numbers are
 * as typed (empty: the server's default).
 */
export interface ActionForm {
	message: string;
	quantities: Record< string, number >;
	restock: boolean;
	fee: string;
	amount: string;
}

/**
 * The form's first state for a return: every requested item arrived.
 *
 * @param item The return.
 * @return The form.
 */
export function initialForm( item: AftercareReturn ): ActionForm {
	return {
		message: '',
		quantities: Object.fromEntries(
			item.items.map( ( line ) => [
				String( line.order_item_id ),
				line.quantity,
			] )
		),
		restock: false,
		fee: '',
		amount: '',
	};
}

export type ActionRequest =
	| { kind: 'move'; status: ReturnMove; message: string }
	| { kind: 'act'; input: ReturnActionInput };

/**
 * A number as typed, or undefined when empty (the server then uses its default).
 *
 * @param value The field's text.
 * @return The number, NaN when not a number.
 */
function typed( value: string ): number | undefined {
	return value.trim() === ''
		? undefined
		: Number( value.replace( ',', '.' ) );
}

/**
 * Checks a form and turns it into the request the action sends.
 *
 * @param id   The action.
 * @param form The form.
 * @param item The return.
 * @return The request, or a message saying what to fix.
 */
export function buildRequest(
	id: ReturnActionId,
	form: ActionForm,
	item: AftercareReturn
): ActionRequest | { error: string } {
	const message = form.message.trim();
	const extra = message ? { message } : {};
	switch ( id ) {
		case 'approve':
		case 'reject':
		case 'await':
		case 'close': {
			const status = ACTIONS().find( ( a ) => a.id === id )
				?.to as ReturnMove;
			return { kind: 'move', status, message };
		}
		case 'receive': {
			const items: Record< string, number > = {};
			for ( const line of item.items ) {
				const quantity =
					form.quantities[ String( line.order_item_id ) ] ?? 0;
				if (
					! Number.isInteger( quantity ) ||
					quantity < 0 ||
					quantity > line.quantity
				) {
					return {
						error: __(
							'Each quantity received must be a whole number from 0 to the quantity in the return.',
							'aftercare'
						),
					};
				}
				items[ String( line.order_item_id ) ] = quantity;
			}
			if ( ! Object.values( items ).some( ( q ) => q > 0 ) ) {
				return {
					error: __(
						'Record at least one item as received.',
						'aftercare'
					),
				};
			}
			return {
				kind: 'act',
				input: {
					action: 'receive',
					items,
					restock: form.restock,
					...extra,
				},
			};
		}
		case 'refund': {
			const fee = typed( form.fee );
			if ( fee !== undefined && ( Number.isNaN( fee ) || fee < 0 ) ) {
				return {
					error: __(
						'The restocking fee must be a number, 0 or more.',
						'aftercare'
					),
				};
			}
			return {
				kind: 'act',
				input: {
					action: 'refund',
					restock: form.restock,
					...( fee === undefined ? {} : { fee } ),
					...extra,
				},
			};
		}
		case 'credit': {
			const amount = typed( form.amount );
			if (
				amount !== undefined &&
				( Number.isNaN( amount ) || amount <= 0 )
			) {
				return {
					error: __(
						'The store credit must be an amount more than 0.',
						'aftercare'
					),
				};
			}
			const ceiling = item.quote?.max_credit;
			if (
				amount !== undefined &&
				typeof ceiling === 'number' &&
				amount > ceiling
			) {
				return {
					error: sprintf(
						/* translators: %s: what the items were paid. */
						__(
							'Store credit cannot be more than what the items were paid (%s). A store manager can give more.',
							'aftercare'
						),
						money( ceiling, item.quote?.currency ?? '' )
					),
				};
			}
			return {
				kind: 'act',
				input: {
					action: 'credit',
					...( amount === undefined ? {} : { amount } ),
					...extra,
				},
			};
		}
		case 'exchange':
			return { kind: 'act', input: { action: 'exchange', ...extra } };
	}
}
