/**
 * WordPress dependencies
 */
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { AftercareTicket, TicketEvent } from '../api';
import { agentName } from '../admin-data';
import { money } from '../utils/money';
import { formatDateTime } from '../utils/time';
import { PRIORITIES, RATINGS, STATUSES, labelOf } from './labels';

function text( value: unknown ): string {
	if ( Array.isArray( value ) ) {
		return value.length ? value.join( ', ' ) : __( 'none', 'aftercare' );
	}
	return value === null || value === undefined || value === ''
		? __( 'none', 'aftercare' )
		: String( value );
}

/**
 * One timeline entry in words, e.g. "Status: Open → Solved".
 *
 * @param event The event.
 * @return A sentence.
 */
export function describeEvent( event: TicketEvent ): string {
	const change = describeChange( event );
	const reason = escalationReason( event.data.reason );
	return reason
		? sprintf(
				/* translators: 1: what changed, e.g. "Priority: Normal → High", 2: why, e.g. "first reply overdue". */
				__( '%1$s (SLA escalation: %2$s)', 'aftercare' ),
				change,
				reason
			)
		: change;
}

/**
 * Why the system changed a ticket, from the reason code its event stores.
 *
 * @param reason The stored code, e.g. `sla_breach_first_response`.
 * @return Words, or '' for no (or an unknown) reason.
 */
function escalationReason( reason: unknown ): string {
	switch ( reason ) {
		case 'sla_breach_first_response':
			return __( 'first reply overdue', 'aftercare' );
		case 'sla_breach_resolution':
			return __( 'resolution overdue', 'aftercare' );
		default:
			return '';
	}
}

function describeChange( event: TicketEvent ): string {
	const { from, to } = event.data;
	switch ( event.type ) {
		case 'created':
			return __( 'Ticket opened', 'aftercare' );
		case 'status':
			return sprintf(
				/* translators: 1: old status, 2: new status. */
				__( 'Status: %1$s → %2$s', 'aftercare' ),
				labelOf( STATUSES(), text( from ) ),
				labelOf( STATUSES(), text( to ) )
			);
		case 'priority':
			return sprintf(
				/* translators: 1: old priority, 2: new priority. */
				__( 'Priority: %1$s → %2$s', 'aftercare' ),
				labelOf( PRIORITIES(), text( from ) ),
				labelOf( PRIORITIES(), text( to ) )
			);
		case 'assignee':
			return to
				? sprintf(
						/* translators: %s: agent name. */
						__( 'Assigned to %s', 'aftercare' ),
						agentName( Number( to ) ) ?? text( to )
					)
				: __( 'Unassigned', 'aftercare' );
		case 'tags':
			return sprintf(
				/* translators: %s: comma-separated tags. */
				__( 'Tags: %s', 'aftercare' ),
				text( to )
			);
		case 'cc':
			return Array.isArray( to ) && to.length
				? sprintf(
						/* translators: %s: comma-separated email addresses. */
						__( 'Copied in: %s', 'aftercare' ),
						text( to )
					)
				: __( 'No one copied in', 'aftercare' );
		case 'sla': {
			const sla = to as AftercareTicket[ 'sla' ] | null;
			if ( ! sla || sla.state === 'met' || ! sla.due ) {
				return __( 'SLA: no target pending', 'aftercare' );
			}
			if ( sla.state === 'paused' ) {
				return __(
					'SLA paused while awaiting the customer',
					'aftercare'
				);
			}
			if ( event.data.alert === 'warning' ) {
				return sprintf(
					/* translators: 1: "first reply" or "resolution", 2: date and time. */
					__(
						'SLA at risk: %1$s due %2$s (agents alerted)',
						'aftercare'
					),
					sla.target === 'first_response'
						? __( 'first reply', 'aftercare' )
						: __( 'resolution', 'aftercare' ),
					formatDateTime( sla.due )
				);
			}
			if ( sla.state === 'breached' ) {
				return sprintf(
					/* translators: 1: "first reply" or "resolution", 2: date and time. */
					__( 'SLA breached: %1$s was due %2$s', 'aftercare' ),
					sla.target === 'first_response'
						? __( 'first reply', 'aftercare' )
						: __( 'resolution', 'aftercare' ),
					formatDateTime( sla.due )
				);
			}
			return sprintf(
				/* translators: 1: "First reply" or "Resolution", 2: date and time. */
				__( 'SLA: %1$s due %2$s', 'aftercare' ),
				sla.target === 'first_response'
					? __( 'first reply', 'aftercare' )
					: __( 'resolution', 'aftercare' ),
				formatDateTime( sla.due )
			);
		}
		case 'rule':
			return describeRule( {
				from: text( from ),
				to: text( to ),
				reason: text( event.data.reason ),
				sla_percent: Number( event.data.sla_percent ?? 100 ),
				first_response_minutes: Number(
					event.data.first_response_minutes ?? 0
				),
			} );
		case 'order_action':
			return describeOrderAction( event.data );
		case 'rating':
			return describeAnswer(
				__( 'Customer rated', 'aftercare' ),
				labelOf( RATINGS(), text( to ) ),
				event.data.comment
			);
		default:
			return event.type;
	}
}

/** A priority rule as it fired on a ticket: priorities, SLA changes and reason. */
export interface FiredRule {
	from: string;
	to: string;
	reason: string;
	sla_percent: number;
	first_response_minutes: number;
}

/**
 * What a fired rule did, with its reason.
 *
 * @param rule The rule as fired.
 * @return A sentence.
 */
export function describeRule( rule: FiredRule ): string {
	if ( rule.to !== rule.from ) {
		return sprintf(
			/* translators: 1: priority, e.g. High; 2: why, e.g. "order value over $500.00". */
			__( 'Priority raised to %1$s: %2$s', 'aftercare' ),
			labelOf( PRIORITIES(), rule.to ),
			rule.reason
		);
	}
	if ( rule.sla_percent < 100 || rule.first_response_minutes > 0 ) {
		return sprintf(
			/* translators: %s: why, e.g. "order value over $500.00". */
			__( 'SLA targets tightened: %s', 'aftercare' ),
			rule.reason
		);
	}
	return sprintf(
		/* translators: 1: priority, e.g. Urgent; 2: why, e.g. "order value over $500.00". */
		__( 'Rule matched, priority already %1$s: %2$s', 'aftercare' ),
		labelOf( PRIORITIES(), rule.from ),
		rule.reason
	);
}

/**
 * An order action taken from a reply, e.g. "Refunded $20.00 on order #1001 (1 × Linen shirt)".
 *
 * @param data The event's data, as OrderActions records it.
 * @return A sentence.
 */
function describeOrderAction( data: Record< string, unknown > ): string {
	const order = String( data.order_number ?? '' );
	const amount = Number( data.amount ?? 0 );
	const currency = String( data.currency ?? '' );
	switch ( data.action ) {
		case 'refund': {
			const items = String( data.items ?? '' );
			return data.manual
				? sprintf(
						/* translators: 1: amount, 2: order number, 3: the items. */
						__(
							'Refunded %1$s on order #%2$s (%3$s), to be paid back by hand',
							'aftercare'
						),
						money( amount, currency ),
						order,
						items
					)
				: sprintf(
						/* translators: 1: amount, 2: order number, 3: the items. */
						__(
							'Refunded %1$s on order #%2$s (%3$s)',
							'aftercare'
						),
						money( amount, currency ),
						order,
						items
					);
		}
		case 'coupon':
			return sprintf(
				/* translators: 1: coupon code, 2: "$10.00" or "15%", 3: order number. */
				__(
					'Coupon %1$s for %2$s off given (order #%3$s)',
					'aftercare'
				),
				String( data.coupon ?? '' ),
				data.coupon_type === 'percent'
					? `${ amount }%`
					: money( amount, currency ),
				order
			);
		case 'resend':
			return data.mail === 'tracking'
				? sprintf(
						/* translators: %s: order number. */
						__(
							'Tracking email of order #%s sent again',
							'aftercare'
						),
						order
					)
				: sprintf(
						/* translators: %s: order number. */
						__( 'Email of order #%s sent again', 'aftercare' ),
						order
					);
		case 'return':
			return sprintf(
				/* translators: 1: return number, 2: order number. */
				__( 'Return %1$s started for order #%2$s', 'aftercare' ),
				String( data.return_number ?? '' ),
				order
			);
		default:
			return __( 'Order action', 'aftercare' );
	}
}

/**
 * A customer's answer in a timeline: "Customer rated: Good — It took a week."
 *
 * @param what    What the customer did, e.g. "Customer rated".
 * @param answer  The answer in words.
 * @param comment Their comment, if any.
 * @return A sentence.
 */
export function describeAnswer(
	what: string,
	answer: string,
	comment: unknown
): string {
	return typeof comment === 'string' && comment !== ''
		? sprintf(
				/* translators: 1: "Customer rated", 2: the answer, e.g. "Good", 3: the customer's comment. */
				__( '%1$s: %2$s — %3$s', 'aftercare' ),
				what,
				answer,
				comment
			)
		: sprintf(
				/* translators: 1: "Customer rated", 2: the answer, e.g. "Good". */
				__( '%1$s: %2$s', 'aftercare' ),
				what,
				answer
			);
}
