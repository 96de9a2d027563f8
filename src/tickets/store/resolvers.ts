/**
 * Internal dependencies
 */
import {
	fetchEvents,
	fetchMessages,
	fetchOrderActionOptions,
	fetchQuotedText,
	fetchTicket,
	fetchTicketContext,
	fetchTicketCounts,
	fetchTickets,
} from '../../api';
import type { QueueQuery } from '../../api';
import { queryKey } from './query-key';
import { load } from '../../store/load';
import type { ThunkArgs } from './types';

export const getQueuePage =
	( query: QueueQuery ) =>
	async ( { dispatch }: ThunkArgs ): Promise< void > => {
		const key = queryKey( query );
		await load( dispatch, `query:${ key }`, async () => {
			const page = await fetchTickets( query );
			dispatch( {
				type: 'RECEIVE_QUEUE_PAGE',
				key,
				tickets: page.items,
				page: {
					ids: page.items.map( ( ticket ) => ticket.id ),
					total: page.total,
					nextCursor: page.nextCursor,
				},
			} );
		} );
	};

/**
 * Queue errors are stored by the page resolver.
 *
 * @param query The queue query.
 * @return Thunk.
 */
export const getQueueError =
	( query: QueueQuery ) =>
	async ( { resolveSelect }: ThunkArgs ): Promise< void > => {
		await resolveSelect.getQueuePage( query );
	};

export const getTicketCounts =
	() =>
	async ( { dispatch }: ThunkArgs ): Promise< void > => {
		await load( dispatch, 'counts', async () => {
			dispatch( {
				type: 'RECEIVE_COUNTS',
				counts: await fetchTicketCounts(),
			} );
		} );
	};

export const getTicket =
	( id: number ) =>
	async ( { dispatch }: ThunkArgs ): Promise< void > => {
		// Always asked for, even when a queue page brought it: the screen shows the
		// cached copy at once and the fresh one a moment later.
		await load( dispatch, `ticket:${ id }`, async () => {
			dispatch( {
				type: 'RECEIVE_TICKETS',
				tickets: [ await fetchTicket( id ) ],
			} );
		} );
	};

export const getMessages =
	( ticketId: number ) =>
	async ( { dispatch }: ThunkArgs ): Promise< void > => {
		await load( dispatch, `messages:${ ticketId }`, async () => {
			const messages = await fetchMessages( ticketId );
			dispatch( { type: 'RECEIVE_MESSAGES', ticketId, messages } );
		} );
	};

export const getEvents =
	( ticketId: number ) =>
	async ( { dispatch }: ThunkArgs ): Promise< void > => {
		await load( dispatch, `events:${ ticketId }`, async () => {
			const events = await fetchEvents( ticketId );
			dispatch( { type: 'RECEIVE_EVENTS', ticketId, events } );
		} );
	};

export const getQuotedText =
	( ticketId: number, messageId: number ) =>
	async ( { dispatch }: ThunkArgs ): Promise< void > => {
		await load( dispatch, `quoted:${ messageId }`, async () => {
			const html = await fetchQuotedText( ticketId, messageId );
			dispatch( { type: 'RECEIVE_QUOTED', messageId, html } );
		} );
	};

export const getTicketContext =
	( ticketId: number ) =>
	async ( { dispatch }: ThunkArgs ): Promise< void > => {
		await load( dispatch, `context:${ ticketId }`, async () => {
			const context = await fetchTicketContext( ticketId );
			dispatch( { type: 'RECEIVE_CONTEXT', ticketId, context } );
		} );
	};

export const getOrderActionOptions =
	( ticketId: number, orderId: number ) =>
	async ( { dispatch }: ThunkArgs ): Promise< void > => {
		const key = `${ ticketId }:${ orderId }`;
		await load( dispatch, `order-actions:${ key }`, async () => {
			const options = await fetchOrderActionOptions( ticketId, orderId );
			dispatch( { type: 'RECEIVE_ORDER_ACTION_OPTIONS', key, options } );
		} );
	};
