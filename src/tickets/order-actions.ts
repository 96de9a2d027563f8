/**
 * The order actions an agent takes from a ticket reply (refund, coupon, resend
 * an order mail, start a return): the form's state, the text prefilled for the
 * customer, and the request with the sentences the confirm step shows. The
 * server checks everything again (limits, what is refundable) and decides.
 */

/**
 * WordPress dependencies
 */
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type {
	OrderActionInput,
	OrderActionOptions,
	ReturnOutcome,
} from '../api';
import { OUTCOMES } from '../returns/labels';
import { money } from '../utils/money';
import { labelOf } from './labels';
import { textToHtml } from '../utils/html';

export type OrderActionKind = OrderActionInput[ 'action' ];

export interface OrderActionForm {
	action: OrderActionKind;
	/** Refund or return: units chosen, by order item id ('' for none). */
	quantities: Record< number, string >;
	/** Refund: an amount instead of the units' price, by order item id ('' for the price). */
	amounts: Record< number, string >;
	restock: boolean;
	couponType: 'fixed_cart' | 'percent';
	couponAmount: string;
	mail: 'status' | 'tracking';
	/** Return: reason key by order item id. */
	reasons: Record< number, string >;
	outcome: ReturnOutcome;
	/** The reply to the customer, as plain text. */
	message: string;
	/** Whether the agent changed the prefilled reply (then switching action keeps it). */
	messageEdited: boolean;
}

/**
 * The actions, in the order the form offers them.
 *
 * @return Options for a select.
 */
export const ORDER_ACTIONS = (): Array< {
	value: OrderActionKind;
	label: string;
} > => [
	{ value: 'refund', label: __( 'Refund items', 'aftercare' ) },
	{ value: 'coupon', label: __( 'Give a coupon', 'aftercare' ) },
	{ value: 'resend', label: __( 'Resend an order email', 'aftercare' ) },
	{ value: 'return', label: __( 'Start a return', 'aftercare' ) },
];

/**
 * The reply prefilled for an action; the server adds a paragraph saying what
 * was done (amount, items, coupon code…), so this only sets the tone.
 *
 * @param action The action.
 * @return Plain text the agent can edit.
 */
export function defaultMessage( action: OrderActionKind ): string {
	switch ( action ) {
		case 'refund':
			return __(
				'I am sorry about the trouble with your order. I have refunded you as described below.',
				'aftercare'
			);
		case 'coupon':
			return __(
				'I am sorry about the trouble with your order. To make up for it, here is a coupon for your next order.',
				'aftercare'
			);
		case 'resend':
			return __(
				'As you asked, I have sent you the email about your order again.',
				'aftercare'
			);
		case 'return':
			return __(
				'I have started the return for you; the details are below.',
				'aftercare'
			);
	}
}

export function initialForm(
	action: OrderActionKind = 'refund'
): OrderActionForm {
	return {
		action,
		quantities: {},
		amounts: {},
		restock: false,
		couponType: 'fixed_cart',
		couponAmount: '',
		mail: 'status',
		reasons: {},
		outcome: 'refund',
		message: defaultMessage( action ),
		messageEdited: false,
	};
}

/**
 * Switches the action, and the prefilled reply with it unless the agent wrote their own.
 *
 * @param form   The form.
 * @param action The new action.
 * @return The form.
 */
export function chooseAction(
	form: OrderActionForm,
	action: OrderActionKind
): OrderActionForm {
	return {
		...form,
		action,
		message: form.messageEdited ? form.message : defaultMessage( action ),
	};
}

/**
 * A percentage for people.
 *
 * @param value The number.
 * @return E.g. "15%".
 */
export const percent = ( value: number ) =>
	/* translators: %s: a number. */
	sprintf( __( '%s%%', 'aftercare' ), String( value ) );

const round = ( value: number ) => Math.round( value * 100 ) / 100;

const count = ( value: string | undefined ) =>
	value === undefined || value.trim() === '' ? 0 : Number( value );

/**
 * What the refund form adds up to, line by line, as the server computes it:
 * the amount typed, else the units' share of what is left to refund on the line.
 *
 * @param form    The form.
 * @param options The order's options.
 * @return The chosen lines with their amounts, and the total.
 */
export function refundTotal(
	form: OrderActionForm,
	options: OrderActionOptions
) {
	const lines = options.lines.flatMap( ( line ) => {
		const quantity = count( form.quantities[ line.order_item_id ] );
		const typed = form.amounts[ line.order_item_id ]?.trim() ?? '';
		if ( quantity === 0 && typed === '' ) {
			return [];
		}
		const amount =
			typed !== ''
				? round( Number( typed ) )
				: round(
						line.refundable_quantity > 0
							? ( line.refundable_amount * quantity ) /
									line.refundable_quantity
							: 0
					);
		return [ { line, quantity, amount } ];
	} );
	return {
		lines,
		total: round( lines.reduce( ( sum, { amount } ) => sum + amount, 0 ) ),
	};
}

/** The request, and what the confirm step says will happen. */
export interface OrderActionRequest {
	input: OrderActionInput;
	/** Sentences, each its own paragraph. */
	summary: string[];
	/** Money leaves the store (a refund): the confirm button says so. */
	movesMoney: boolean;
}

/**
 * The request an action's form sends, with what will happen in words, or why
 * the form is not ready (checked before the confirm step).
 *
 * @param form        The form.
 * @param options     The order's options.
 * @param couponEmail The address a coupon is limited to (the order's billing email).
 * @param replyTo     Who gets the reply.
 * @return The request, or an error.
 */
export function buildRequest(
	form: OrderActionForm,
	options: OrderActionOptions,
	couponEmail: string,
	replyTo: string
): OrderActionRequest | { error: string } {
	const base = {
		order_id: options.order_id,
		action: form.action,
		message: textToHtml( form.message ),
	};
	const { currency, order_number: number } = options;
	const told = () =>
		sprintf(
			/* translators: %s: email address. */
			__(
				'Your reply goes to %s, followed by a paragraph saying what was done.',
				'aftercare'
			),
			replyTo
		);
	const lineWords = ( quantity: number, name: string ) =>
		/* translators: 1: quantity, 2: product name. */
		sprintf( __( '%1$d × %2$s', 'aftercare' ), quantity, name );

	if ( form.action === 'refund' ) {
		const { lines, total } = refundTotal( form, options );
		for ( const { line, quantity, amount } of lines ) {
			if (
				! Number.isInteger( quantity ) ||
				quantity < 0 ||
				quantity > line.refundable_quantity
			) {
				return {
					error: sprintf(
						/* translators: 1: product name, 2: largest quantity. */
						__(
							'At most %2$d of %1$s can still be refunded.',
							'aftercare'
						),
						line.name,
						line.refundable_quantity
					),
				};
			}
			if (
				! Number.isFinite( amount ) ||
				amount <= 0 ||
				amount > line.refundable_amount + 0.005
			) {
				return {
					error: sprintf(
						/* translators: 1: product name, 2: amount. */
						__(
							'At most %2$s can still be refunded for %1$s.',
							'aftercare'
						),
						line.name,
						money( line.refundable_amount, currency )
					),
				};
			}
		}
		if ( ! lines.length ) {
			return {
				error: __(
					'Choose at least one item to refund, with a quantity or an amount.',
					'aftercare'
				),
			};
		}
		return {
			input: {
				...base,
				lines: lines.map( ( { line, quantity } ) => ( {
					order_item_id: line.order_item_id,
					quantity,
					...( form.amounts[ line.order_item_id ]?.trim()
						? {
								amount: Number(
									form.amounts[ line.order_item_id ]
								),
							}
						: {} ),
				} ) ),
				restock: form.restock,
			},
			summary: [
				sprintf(
					/* translators: 1: amount, 2: order number, 3: the items. */
					__( 'Refund %1$s for order #%2$s: %3$s.', 'aftercare' ),
					money( total, currency ),
					number,
					lines
						.map( ( { line, quantity, amount } ) =>
							quantity > 0
								? `${ lineWords( quantity, line.name ) } (${ money( amount, currency ) })`
								: `${ line.name } (${ money( amount, currency ) })`
						)
						.join( ', ' )
				),
				options.automatic_refunds
					? __(
							'The money goes back through the payment method. It cannot be undone.',
							'aftercare'
						)
					: __(
							'The payment method cannot refund automatically: the order records the refund and the store pays the customer back by hand. It cannot be undone.',
							'aftercare'
						),
				...( form.restock
					? [
							__(
								'The refunded units go back in stock.',
								'aftercare'
							),
						]
					: [] ),
				told(),
			],
			movesMoney: true,
		};
	}

	if ( form.action === 'coupon' ) {
		const amount = Number( form.couponAmount );
		const isPercent = form.couponType === 'percent';
		if (
			form.couponAmount.trim() === '' ||
			! Number.isFinite( amount ) ||
			amount <= 0 ||
			( isPercent && amount > 100 )
		) {
			return {
				error: isPercent
					? __(
							'Enter a percentage above 0 and at most 100.',
							'aftercare'
						)
					: __( 'Enter an amount above 0.', 'aftercare' ),
			};
		}
		return {
			input: { ...base, coupon_type: form.couponType, amount },
			summary: [
				sprintf(
					/* translators: 1: "10.00 €" or "15%", 2: email address. */
					__(
						'Create a single-use coupon for %1$s off, limited to %2$s.',
						'aftercare'
					),
					isPercent ? percent( amount ) : money( amount, currency ),
					couponEmail
				),
				told(),
			],
			movesMoney: false,
		};
	}

	if ( form.action === 'resend' ) {
		if ( form.mail === 'tracking' && ! options.has_tracking ) {
			return {
				error: __(
					'This order has no tracking number yet, so there is no tracking email to send.',
					'aftercare'
				),
			};
		}
		return {
			input: { ...base, mail: form.mail },
			summary: [
				form.mail === 'tracking'
					? sprintf(
							/* translators: %s: order number. */
							__(
								'Send the tracking email of order #%s to the customer again.',
								'aftercare'
							),
							number
						)
					: sprintf(
							/* translators: %s: order number. */
							__(
								'Send the status email of order #%s to the customer again.',
								'aftercare'
							),
							number
						),
				told(),
			],
			movesMoney: false,
		};
	}

	const items = options.lines.flatMap( ( line ) => {
		const quantity = count( form.quantities[ line.order_item_id ] );
		return quantity > 0 ? [ { line, quantity } ] : [];
	} );
	if ( ! items.length ) {
		return {
			error: __( 'Choose at least one item to return.', 'aftercare' ),
		};
	}
	const bad = items.find(
		( { line, quantity } ) =>
			! Number.isInteger( quantity ) || quantity > line.quantity
	);
	if ( bad ) {
		return {
			error: sprintf(
				/* translators: 1: product name, 2: quantity ordered. */
				__( 'At most %2$d of %1$s can be returned.', 'aftercare' ),
				bad.line.name,
				bad.line.quantity
			),
		};
	}
	if ( items.some( ( { line } ) => ! form.reasons[ line.order_item_id ] ) ) {
		return {
			error: __( 'Choose a reason for each item.', 'aftercare' ),
		};
	}
	return {
		input: {
			...base,
			items: items.map( ( { line, quantity } ) => ( {
				order_item_id: line.order_item_id,
				quantity,
				reason: form.reasons[ line.order_item_id ] as string,
			} ) ),
			outcome: form.outcome,
		},
		summary: [
			sprintf(
				/* translators: 1: order number, 2: the items, 3: what the customer gets, e.g. "Refund". */
				__(
					'Start a return for order #%1$s on the customer’s behalf: %2$s. Outcome asked: %3$s.',
					'aftercare'
				),
				number,
				items
					.map( ( { line, quantity } ) =>
						lineWords( quantity, line.name )
					)
					.join( ', ' ),
				labelOf( OUTCOMES(), form.outcome )
			),
			told(),
		],
		movesMoney: false,
	};
}
