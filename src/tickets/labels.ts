/**
 * Words for the ticket fields' values, shared by the queue, the ticket screen and
 * the new-ticket form.
 */

/**
 * WordPress dependencies
 */
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { AftercareTicket, QueueView } from '../api';

export interface Option< T extends string = string > {
	value: T;
	label: string;
}

export const STATUSES = (): Option< AftercareTicket[ 'status' ] >[] => [
	{ value: 'new', label: __( 'New', 'aftercare' ) },
	{ value: 'open', label: __( 'Open', 'aftercare' ) },
	{ value: 'pending', label: __( 'Awaiting customer', 'aftercare' ) },
	{ value: 'on_hold', label: __( 'On hold', 'aftercare' ) },
	{ value: 'solved', label: __( 'Solved', 'aftercare' ) },
	{ value: 'closed', label: __( 'Closed', 'aftercare' ) },
];

export const PRIORITIES = (): Option< AftercareTicket[ 'priority' ] >[] => [
	{ value: 'low', label: __( 'Low', 'aftercare' ) },
	{ value: 'normal', label: __( 'Normal', 'aftercare' ) },
	{ value: 'high', label: __( 'High', 'aftercare' ) },
	{ value: 'urgent', label: __( 'Urgent', 'aftercare' ) },
];

export const CHANNELS = (): Option< AftercareTicket[ 'channel' ] >[] => [
	{ value: 'web', label: __( 'Web form', 'aftercare' ) },
	{ value: 'email', label: __( 'Email', 'aftercare' ) },
	{ value: 'phone', label: __( 'Phone', 'aftercare' ) },
	{ value: 'admin', label: __( 'Created by an agent', 'aftercare' ) },
];

/** The customer's "How did we do?" answer, by its stored score. */
export const RATINGS = (): Option[] => [
	{ value: '3', label: __( 'Good', 'aftercare' ) },
	{ value: '2', label: __( 'Okay', 'aftercare' ) },
	{ value: '1', label: __( 'Bad', 'aftercare' ) },
];

export const QUEUE_VIEWS = (): Option< QueueView >[] => [
	{ value: 'mine', label: __( 'Mine', 'aftercare' ) },
	{ value: 'unassigned', label: __( 'Unassigned', 'aftercare' ) },
	{ value: 'awaiting', label: __( 'Awaiting our reply', 'aftercare' ) },
	{ value: 'at_risk', label: __( 'At risk', 'aftercare' ) },
	{ value: 'open', label: __( 'All open', 'aftercare' ) },
	{ value: 'solved', label: __( 'Solved', 'aftercare' ) },
];

/**
 * The label of a value.
 *
 * @param options The options.
 * @param value   The value.
 * @return Its label, or the value itself when unknown.
 */
export function labelOf( options: Option[], value: string ): string {
	return options.find( ( option ) => option.value === value )?.label ?? value;
}
