/**
 * WordPress dependencies
 */
import { createSelector } from '@wordpress/data';

/**
 * Internal dependencies
 */
import type {
	AftercareReturn,
	ReturnCounts,
	ReturnEvent,
	ReturnPage,
	ReturnQuery,
} from '../../api';
import { queryKey } from '../../tickets/store/query-key';
import type { ReturnsState } from './types';

/**
 * One page of returns; resolves from the REST API.
 *
 * @param state Store state.
 * @param query Filters, sort and page.
 * @return The page, or null until loaded.
 */
export const getReturnsPage = createSelector(
	( state: ReturnsState, query: ReturnQuery ): ReturnPage | null => {
		const page = state.queries[ queryKey( query ) ];
		if ( ! page ) {
			return null;
		}
		return {
			items: page.ids
				.map( ( id ) => state.returns[ id ] )
				.filter( ( item ): item is AftercareReturn => !! item ),
			total: page.total,
		};
	},
	( state: ReturnsState, query: ReturnQuery ) => [
		state.queries[ queryKey( query ) ],
		state.returns,
	]
);

/**
 * Why a page of returns could not load.
 *
 * @param state Store state.
 * @param query The query.
 * @return A message, or null.
 */
export function getReturnsError(
	state: ReturnsState,
	query: ReturnQuery
): string | null {
	return state.errors[ `query:${ queryKey( query ) }` ] ?? null;
}

/**
 * One return; resolves from the REST API.
 *
 * @param state Store state.
 * @param id    Return id.
 * @return The return, or null until loaded.
 */
export function getReturn(
	state: ReturnsState,
	id: number
): AftercareReturn | null {
	return state.returns[ id ] ?? null;
}

/**
 * A return's timeline, oldest first; resolves from the REST API.
 *
 * @param state Store state.
 * @param id    Return id.
 * @return The events, or null until loaded.
 */
export function getReturnEvents(
	state: ReturnsState,
	id: number
): ReturnEvent[] | null {
	return state.events[ id ] ?? null;
}

/**
 * How many returns each status holds; resolves from the REST API.
 *
 * @param state Store state.
 * @return The counts, or null until loaded.
 */
export function getReturnCounts( state: ReturnsState ): ReturnCounts | null {
	return state.counts;
}

/**
 * Why something could not load.
 *
 * @param state Store state.
 * @param key   `return:ID` or `events:ID`.
 * @return A message, or null.
 */
export function getError( state: ReturnsState, key: string ): string | null {
	return state.errors[ key ] ?? null;
}
