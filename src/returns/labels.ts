/**
 * Words for a return's statuses, outcomes and the store's reasons, shared by the
 * queue and the return screen.
 */

/**
 * WordPress dependencies
 */
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { ReturnOutcome, ReturnStatus } from '../api';
import { getAdminData } from '../admin-data';
import type { Option } from '../tickets/labels';

/** The labels of ReturnStatus::label() in PHP, in the order a return moves. */
export const STATUSES = (): Option< ReturnStatus >[] => [
	{ value: 'requested', label: __( 'Requested', 'aftercare' ) },
	{ value: 'approved', label: __( 'Approved', 'aftercare' ) },
	{ value: 'rejected', label: __( 'Rejected', 'aftercare' ) },
	{ value: 'awaiting_items', label: __( 'Awaiting items', 'aftercare' ) },
	{ value: 'received', label: __( 'Received', 'aftercare' ) },
	{ value: 'refunded', label: __( 'Refunded', 'aftercare' ) },
	{ value: 'credited', label: __( 'Store credit issued', 'aftercare' ) },
	{ value: 'exchanged', label: __( 'Exchanged', 'aftercare' ) },
	{ value: 'closed', label: __( 'Closed', 'aftercare' ) },
];

/** The customer's "How easy was it to return your item?" answer, by its score (1–5). */
export const EFFORTS = (): Option[] => [
	{ value: '1', label: __( '1 – Very difficult', 'aftercare' ) },
	{ value: '2', label: __( '2 – Difficult', 'aftercare' ) },
	{ value: '3', label: __( '3 – Neither easy nor difficult', 'aftercare' ) },
	{ value: '4', label: __( '4 – Easy', 'aftercare' ) },
	{ value: '5', label: __( '5 – Very easy', 'aftercare' ) },
];

export const OUTCOMES = (): Option< ReturnOutcome >[] => [
	{ value: 'refund', label: __( 'Refund', 'aftercare' ) },
	{ value: 'store_credit', label: __( 'Store credit', 'aftercare' ) },
	{ value: 'exchange', label: __( 'Exchange', 'aftercare' ) },
];

/**
 * The store's return reasons (Support settings), as PHP printed them.
 *
 * @return Options by reason key.
 */
export const REASONS = (): Option[] =>
	getAdminData().returnReasons.map( ( reason ) => ( {
		value: reason.key,
		label: reason.label,
	} ) );
