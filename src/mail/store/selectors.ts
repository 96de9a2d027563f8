/**
 * WordPress dependencies
 */
import { createSelector } from '@wordpress/data';

/**
 * Internal dependencies
 */
import { queryKey } from '../../tickets/store/query-key';
import type {
	MailStatus,
	ReceivedMail,
	ReceivedPage,
	ReceivedQuery,
} from '../api';
import type { MailState } from './types';

/**
 * One page of the log of received mail; resolves from the REST API.
 *
 * @param state Store state.
 * @param query Outcome and page.
 * @return The page, or null until loaded.
 */
export const getReceivedPage = createSelector(
	( state: MailState, query: ReceivedQuery ): ReceivedPage | null => {
		const page = state.queries[ queryKey( query ) ];
		if ( ! page ) {
			return null;
		}
		return {
			items: page.ids
				.map( ( id ) => state.received[ id ] )
				.filter( ( item ): item is ReceivedMail => !! item ),
			total: page.total,
		};
	},
	( state: MailState, query: ReceivedQuery ) => [
		state.queries[ queryKey( query ) ],
		state.received,
	]
);

/**
 * Why a page of the log could not load.
 *
 * @param state Store state.
 * @param query The query.
 * @return A message, or null.
 */
export function getReceivedError(
	state: MailState,
	query: ReceivedQuery
): string | null {
	return state.errors[ `query:${ queryKey( query ) }` ] ?? null;
}

/**
 * One entry with its raw message; resolves from the REST API.
 *
 * @param state Store state.
 * @param id    Entry id.
 * @return The entry, or null until loaded (or once dismissed).
 */
export function getReceived(
	state: MailState,
	id: number
): ReceivedMail | null {
	return state.received[ id ] ?? null;
}

/**
 * The support address, webhooks, mailbox and the count needing attention;
 * resolves from the REST API.
 *
 * @param state Store state.
 * @return The status, or null until loaded.
 */
export function getMailStatus( state: MailState ): MailStatus | null {
	return state.status;
}

/**
 * Why something could not load.
 *
 * @param state Store state.
 * @param key   `received:ID` or `status`.
 * @return A message, or null.
 */
export function getError( state: MailState, key: string ): string | null {
	return state.errors[ key ] ?? null;
}
