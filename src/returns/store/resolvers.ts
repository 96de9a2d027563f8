/**
 * Internal dependencies
 */
import {
	fetchReturn,
	fetchReturnCounts,
	fetchReturnEvents,
	fetchReturns,
} from '../../api';
import type { ReturnQuery } from '../../api';
import { queryKey } from '../../tickets/store/query-key';
import { load } from '../../store/load';
import type { ThunkArgs } from './types';

export const getReturnsPage =
	( query: ReturnQuery ) =>
	async ( { dispatch }: ThunkArgs ): Promise< void > => {
		const key = queryKey( query );
		await load( dispatch, `query:${ key }`, async () => {
			const page = await fetchReturns( query );
			dispatch( {
				type: 'RECEIVE_RETURNS_PAGE',
				key,
				returns: page.items,
				page: {
					ids: page.items.map( ( item ) => item.id ),
					total: page.total,
				},
			} );
		} );
	};

/**
 * Page errors are stored by the page resolver.
 *
 * @param query The query.
 * @return Thunk.
 */
export const getReturnsError =
	( query: ReturnQuery ) =>
	async ( { resolveSelect }: ThunkArgs ): Promise< void > => {
		await resolveSelect.getReturnsPage( query );
	};

export const getReturn =
	( id: number ) =>
	async ( { dispatch }: ThunkArgs ): Promise< void > => {
		// Always asked for, even when a queue page brought it: the screen shows the
		// cached copy at once and the fresh one a moment later.
		await load( dispatch, `return:${ id }`, async () => {
			dispatch( {
				type: 'RECEIVE_RETURNS',
				returns: [ await fetchReturn( id ) ],
			} );
		} );
	};

export const getReturnEvents =
	( id: number ) =>
	async ( { dispatch }: ThunkArgs ): Promise< void > => {
		await load( dispatch, `events:${ id }`, async () => {
			const events = await fetchReturnEvents( id );
			dispatch( { type: 'RECEIVE_RETURN_EVENTS', id, events } );
		} );
	};

export const getReturnCounts =
	() =>
	async ( { dispatch }: ThunkArgs ): Promise< void > => {
		await load( dispatch, 'counts', async () => {
			dispatch( {
				type: 'RECEIVE_RETURN_COUNTS',
				counts: await fetchReturnCounts(),
			} );
		} );
	};
