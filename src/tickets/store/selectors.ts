/**
 * WordPress dependencies
 */
import { createSelector } from '@wordpress/data';

/**
 * Internal dependencies
 */
import type {
	AftercareMessage,
	AftercareTicket,
	OrderActionOptions,
	PresenceEntry,
	QueueQuery,
	TicketContext,
	TicketCounts,
	TicketEvent,
	TicketPage,
} from '../../api';
import { queryKey } from './query-key';
import type { TicketsState } from './types';

/**
 * One page of the queue; resolves from the REST API.
 *
 * @param state Store state.
 * @param query Filters, sort and cursor.
 * @return The page, or null until loaded.
 */
export const getQueuePage = createSelector(
	(
		state: TicketsState,
		query: QueueQuery
	): TicketPage< AftercareTicket > | null => {
		const page = state.queries[ queryKey( query ) ];
		if ( ! page ) {
			return null;
		}
		return {
			items: page.ids
				.map( ( id ) => state.tickets[ id ] )
				.filter( ( ticket ): ticket is AftercareTicket => !! ticket ),
			total: page.total,
			nextCursor: page.nextCursor,
		};
	},
	( state: TicketsState, query: QueueQuery ) => [
		state.queries[ queryKey( query ) ],
		state.tickets,
	]
);

/**
 * Why a queue page could not load.
 *
 * @param state Store state.
 * @param query The queue query.
 * @return A message, or null.
 */
export function getQueueError(
	state: TicketsState,
	query: QueueQuery
): string | null {
	return state.errors[ `query:${ queryKey( query ) }` ] ?? null;
}

/**
 * Ticket counts per built-in view; resolves from the REST API.
 *
 * @param state Store state.
 * @return The counts, or null until loaded.
 */
export function getTicketCounts( state: TicketsState ): TicketCounts | null {
	return state.counts;
}

/**
 * One ticket; resolves from the REST API unless a queue page brought it.
 *
 * @param state Store state.
 * @param id    Ticket id.
 * @return The ticket, or null until loaded.
 */
export function getTicket(
	state: TicketsState,
	id: number
): AftercareTicket | null {
	return state.tickets[ id ] ?? null;
}

/**
 * Why something could not load or save.
 *
 * @param state Store state.
 * @param key   `ticket:ID`, `messages:ID`, `events:ID`, `context:ID`, `quoted:ID`, `counts`.
 * @return A message, or null.
 */
export function getError( state: TicketsState, key: string ): string | null {
	return state.errors[ key ] ?? null;
}

/**
 * The quoted history cut from a mailed message; resolves from the REST API.
 *
 * @param state     Store state.
 * @param _ticketId The ticket (the resolver's route needs it).
 * @param messageId The message.
 * @return The quoted part as HTML, or null until loaded.
 */
export function getQuotedText(
	state: TicketsState,
	_ticketId: number,
	messageId: number
): string | null {
	return state.quoted[ messageId ] ?? null;
}

/**
 * A ticket's thread, oldest first; resolves from the REST API.
 *
 * @param state    Store state.
 * @param ticketId Ticket id.
 * @return The messages, or null until loaded.
 */
export function getMessages(
	state: TicketsState,
	ticketId: number
): AftercareMessage[] | null {
	return state.messages[ ticketId ] ?? null;
}

/**
 * A ticket's timeline; resolves from the REST API.
 *
 * @param state    Store state.
 * @param ticketId Ticket id.
 * @return The events, or null until loaded.
 */
export function getEvents(
	state: TicketsState,
	ticketId: number
): TicketEvent[] | null {
	return state.events[ ticketId ] ?? null;
}

/**
 * The customer's orders and other tickets; resolves from the REST API.
 *
 * @param state    Store state.
 * @param ticketId Ticket id.
 * @return The context, or null until loaded.
 */
export function getTicketContext(
	state: TicketsState,
	ticketId: number
): TicketContext | null {
	return state.contexts[ ticketId ] ?? null;
}

const NOBODY: PresenceEntry[] = [];

/**
 * The other agents viewing or replying to a ticket, as the last heartbeat said.
 *
 * @param state    Store state.
 * @param ticketId Ticket id.
 * @return The other agents.
 */
export function getPresence(
	state: TicketsState,
	ticketId: number
): PresenceEntry[] {
	return state.presence[ ticketId ] ?? NOBODY;
}

/**
 * Progress of the message being sent.
 *
 * @param state    Store state.
 * @param ticketId Ticket id.
 * @return Uploaded fraction (0–1) while sending, or null when idle.
 */
export function getSendProgress(
	state: TicketsState,
	ticketId: number
): number | null {
	return state.sending[ ticketId ] ?? null;
}

/**
 * What the agent may do to one of the ticket customer's orders; resolves from
 * the REST API (error key `order-actions:TICKET:ORDER`).
 *
 * @param state    Store state.
 * @param ticketId Ticket id.
 * @param orderId  Order id.
 * @return The options, or null until loaded.
 */
export function getOrderActionOptions(
	state: TicketsState,
	ticketId: number,
	orderId: number
): OrderActionOptions | null {
	return state.orderActions[ `${ ticketId }:${ orderId }` ] ?? null;
}
