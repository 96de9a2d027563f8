/**
 * Client for the ticket, message, saved-reply and presence routes. Only the data
 * stores call these functions.
 */
import apiFetch from '@wordpress/api-fetch';
import { addQueryArgs } from '@wordpress/url';

/**
 * Internal dependencies
 */
import { NAMESPACE, restSettings } from '../api/client';
import type {
	AftercareMessage,
	AftercareSavedReply,
	AftercareTicket,
	AftercareTicketPresence,
} from '../api/types';
import type {
	NewTicketInput,
	OrderActionInput,
	OrderActionOptions,
	OrderActionResult,
	PresenceEntry,
	PresenceState,
	QueueQuery,
	TicketChanges,
	TicketContext,
	TicketCounts,
	TicketEvent,
	TicketPage,
} from './api-types';

export const TICKETS_PATH = `${ NAMESPACE }/tickets`;
export const SAVED_REPLIES_PATH = `${ NAMESPACE }/saved-replies`;

/**
 * The REST query arguments of a queue query (lists as arrays, booleans as 1/0).
 *
 * @param query The queue query.
 * @return Arguments for addQueryArgs.
 */
export function queueQueryArgs(
	query: QueueQuery
): Record< string, string | number | string[] > {
	const args: Record< string, string | number | string[] > = {
		context: 'edit',
	};
	for ( const [ key, value ] of Object.entries( query ) ) {
		if ( value === undefined || value === '' ) {
			continue;
		}
		if ( Array.isArray( value ) ) {
			if ( value.length ) {
				args[ key ] = value;
			}
		} else if ( typeof value === 'boolean' ) {
			args[ key ] = value ? 1 : 0;
		} else {
			args[ key ] = value;
		}
	}
	return args;
}

/**
 * One page of the queue.
 *
 * @param query Filters, sort, page size and cursor.
 * @return The tickets, the total and the cursor of the next page.
 */
export async function fetchTickets(
	query: QueueQuery
): Promise< TicketPage< AftercareTicket > > {
	const response = await apiFetch< Response, false >( {
		path: addQueryArgs( TICKETS_PATH, queueQueryArgs( query ) ),
		parse: false,
	} );
	const items = ( await response.json() ) as AftercareTicket[];
	return {
		items,
		total: Number( response.headers.get( 'X-WP-Total' ) ?? items.length ),
		nextCursor: response.headers.get( 'X-Aftercare-Next-Cursor' ) || null,
	};
}

export function fetchTicketCounts(): Promise< TicketCounts > {
	return apiFetch< TicketCounts >( { path: `${ TICKETS_PATH }/counts` } );
}

export function fetchTicket( id: number ): Promise< AftercareTicket > {
	return apiFetch< AftercareTicket >( {
		path: addQueryArgs( `${ TICKETS_PATH }/${ id }`, { context: 'edit' } ),
	} );
}

export function updateTicket(
	id: number,
	changes: TicketChanges
): Promise< AftercareTicket > {
	return apiFetch< AftercareTicket >( {
		path: addQueryArgs( `${ TICKETS_PATH }/${ id }`, { context: 'edit' } ),
		method: 'PATCH',
		data: changes,
	} );
}

/**
 * Applies the same changes to many tickets in one request.
 *
 * @param ids     Ticket ids.
 * @param changes The changes.
 * @return The tickets after the change.
 */
export async function batchUpdateTickets(
	ids: number[],
	changes: TicketChanges
): Promise< AftercareTicket[] > {
	return apiFetch< AftercareTicket[] >( {
		path: `${ TICKETS_PATH }/batch`,
		method: 'POST',
		data: { ids, changes },
	} );
}

export function createTicket(
	input: NewTicketInput
): Promise< AftercareTicket > {
	return apiFetch< AftercareTicket >( {
		path: addQueryArgs( TICKETS_PATH, { context: 'edit' } ),
		method: 'POST',
		data: input,
	} );
}

export function fetchMessages(
	ticketId: number
): Promise< AftercareMessage[] > {
	return apiFetch< AftercareMessage[] >( {
		path: addQueryArgs( `${ TICKETS_PATH }/${ ticketId }/messages`, {
			context: 'edit',
		} ),
	} );
}

/**
 * The quoted history and signature cut from a mailed message.
 *
 * @param ticketId  The ticket.
 * @param messageId The message.
 * @return The quoted part as sanitized HTML.
 */
export async function fetchQuotedText(
	ticketId: number,
	messageId: number
): Promise< string > {
	const result = await apiFetch< { html: string } >( {
		path: `${ TICKETS_PATH }/${ ticketId }/messages/${ messageId }/quoted`,
	} );
	return result.html;
}

export function fetchEvents( ticketId: number ): Promise< TicketEvent[] > {
	return apiFetch< TicketEvent[] >( {
		path: `${ TICKETS_PATH }/${ ticketId }/events`,
	} );
}

export function fetchTicketContext(
	ticketId: number
): Promise< TicketContext > {
	return apiFetch< TicketContext >( {
		path: `${ TICKETS_PATH }/${ ticketId }/context`,
	} );
}

export function fetchOrderActionOptions(
	ticketId: number,
	orderId: number
): Promise< OrderActionOptions > {
	return apiFetch< OrderActionOptions >( {
		path: `${ TICKETS_PATH }/${ ticketId }/order-actions/${ orderId }`,
	} );
}

/**
 * Refunds, gives a coupon, resends an order mail or starts a return, with the
 * reply that tells the customer.
 *
 * @param ticketId The ticket.
 * @param input    The order, the action and its fields, the reply (HTML).
 * @return What was done.
 */
export function postOrderAction(
	ticketId: number,
	input: OrderActionInput
): Promise< OrderActionResult > {
	return apiFetch< OrderActionResult >( {
		path: `${ TICKETS_PATH }/${ ticketId }/order-actions`,
		method: 'POST',
		data: input,
	} );
}

/**
 * Says that the current agent is viewing or replying to a ticket.
 *
 * @param ticketId The ticket.
 * @param state    What the agent is doing; empty when leaving the ticket.
 * @return The other agents on the ticket.
 */
export async function sendPresence(
	ticketId: number,
	state: PresenceState | ''
): Promise< PresenceEntry[] > {
	const result = await apiFetch< AftercareTicketPresence >( {
		path: `${ TICKETS_PATH }/${ ticketId }/presence`,
		method: 'POST',
		data: { state },
	} );
	return result.others;
}

export interface NewMessage {
	type: 'reply' | 'note';
	body: string;
	files: File[];
}

/**
 * Posts a reply or note, with its attachments in the same multipart request.
 *
 * @param ticketId   The ticket.
 * @param message    Type, HTML body and files.
 * @param onProgress Called with the uploaded fraction (0–1) while files upload.
 * @return The stored message.
 */
export function postMessage(
	ticketId: number,
	message: NewMessage,
	onProgress: ( fraction: number ) => void = () => {}
): Promise< AftercareMessage > {
	if ( ! message.files.length ) {
		return apiFetch< AftercareMessage >( {
			path: addQueryArgs( `${ TICKETS_PATH }/${ ticketId }/messages`, {
				context: 'edit',
			} ),
			method: 'POST',
			data: { type: message.type, body: message.body },
		} );
	}
	const { root, nonce } = restSettings();
	const form = new FormData();
	form.append( 'type', message.type );
	form.append( 'body', message.body );
	message.files.forEach( ( file ) => form.append( 'attachments[]', file ) );
	// A root with `?rest_route=` (plain permalinks) takes the route as a query argument.
	const route = `aftercare/v1/tickets/${ ticketId }/messages`;
	const url = root.includes( '?' )
		? addQueryArgs( root, { rest_route: `/${ route }`, context: 'edit' } )
		: addQueryArgs( root + route, { context: 'edit' } );

	return new Promise( ( resolve, reject ) => {
		const xhr = new XMLHttpRequest();
		xhr.open( 'POST', url );
		xhr.setRequestHeader( 'X-WP-Nonce', nonce );
		xhr.setRequestHeader( 'Accept', 'application/json' );
		xhr.upload.addEventListener( 'progress', ( event ) => {
			if ( event.lengthComputable ) {
				onProgress( event.loaded / event.total );
			}
		} );
		xhr.addEventListener( 'load', () => {
			let body: unknown = null;
			try {
				body = JSON.parse( xhr.responseText );
			} catch {
				// Not JSON: reported as the generic error below.
			}
			if ( xhr.status >= 200 && xhr.status < 300 ) {
				resolve( body as AftercareMessage );
			} else {
				reject( body ?? { code: 'http_error', message: '' } );
			}
		} );
		xhr.addEventListener( 'error', () =>
			reject( { code: 'fetch_error', message: '' } )
		);
		xhr.send( form );
	} );
}

export function fetchSavedReplies(): Promise< AftercareSavedReply[] > {
	return apiFetch< AftercareSavedReply[] >( {
		path: addQueryArgs( SAVED_REPLIES_PATH, {
			context: 'edit',
			per_page: 100,
		} ),
	} );
}

export function saveSavedReply(
	reply: Pick< AftercareSavedReply, 'title' | 'body' > & { id?: number }
): Promise< AftercareSavedReply > {
	const { id, ...data } = reply;
	return apiFetch< AftercareSavedReply >( {
		path: addQueryArgs(
			id ? `${ SAVED_REPLIES_PATH }/${ id }` : SAVED_REPLIES_PATH,
			{ context: 'edit' }
		),
		method: id ? 'PUT' : 'POST',
		data,
	} );
}

export async function deleteSavedReply( id: number ): Promise< void > {
	await apiFetch( {
		path: `${ SAVED_REPLIES_PATH }/${ id }`,
		method: 'DELETE',
	} );
}

/**
 * A saved reply with its variables filled in for a ticket.
 *
 * @param id       The saved reply.
 * @param ticketId The ticket it answers.
 * @return The rendered HTML.
 */
export async function renderSavedReply(
	id: number,
	ticketId: number
): Promise< string > {
	const result = await apiFetch< { body: string } >( {
		path: `${ SAVED_REPLIES_PATH }/${ id }/render`,
		method: 'POST',
		data: { ticket_id: ticketId },
	} );
	return result.body;
}
