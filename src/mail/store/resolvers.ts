/**
 * Internal dependencies
 */
import { load } from '../../store/load';
import { queryKey } from '../../tickets/store/query-key';
import { fetchMailStatus, fetchReceived, fetchReceivedMail } from '../api';
import type { ReceivedQuery } from '../api';
import type { ThunkArgs } from './types';

export const getReceivedPage =
	( query: ReceivedQuery ) =>
	async ( { dispatch }: ThunkArgs ): Promise< void > => {
		const key = queryKey( query );
		await load( dispatch, `query:${ key }`, async () => {
			const page = await fetchReceivedMail( query );
			dispatch( {
				type: 'RECEIVE_RECEIVED_PAGE',
				key,
				items: page.items,
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
export const getReceivedError =
	( query: ReceivedQuery ) =>
	async ( { resolveSelect }: ThunkArgs ): Promise< void > => {
		await resolveSelect.getReceivedPage( query );
	};

export const getReceived =
	( id: number ) =>
	async ( { dispatch }: ThunkArgs ): Promise< void > => {
		// Always asked for: list entries carry no raw message.
		await load( dispatch, `received:${ id }`, async () => {
			dispatch( {
				type: 'RECEIVE_RECEIVED',
				items: [ await fetchReceived( id ) ],
			} );
		} );
	};

export const getMailStatus =
	() =>
	async ( { dispatch }: ThunkArgs ): Promise< void > => {
		await load( dispatch, 'status', async () => {
			dispatch( {
				type: 'RECEIVE_STATUS',
				status: await fetchMailStatus(),
			} );
		} );
	};
