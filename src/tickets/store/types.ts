/**
 * Internal dependencies
 */
import type {
	AftercareMessage,
	AftercareTicket,
	PresenceEntry,
	TicketContext,
	TicketCounts,
	TicketEvent,
	OrderActionOptions,
} from '../../api';
import type { ThunkArgs as StoreThunkArgs } from '../../store/thunk-args';
import type * as selectors from './selectors';

/**
 * One loaded queue page: the ids of its tickets (the tickets themselves live in
 * `tickets`, so a change shows in every page that lists it).
 */
export interface QueuePageState {
	ids: number[];
	total: number;
	nextCursor: string | null;
}

export interface TicketsState {
	tickets: Record< number, AftercareTicket >;
	/** Queue pages by query key (see queryKey()). */
	queries: Record< string, QueuePageState >;
	counts: TicketCounts | null;
	messages: Record< number, AftercareMessage[] >;
	events: Record< number, TicketEvent[] >;
	contexts: Record< number, TicketContext >;
	presence: Record< number, PresenceEntry[] >;
	/** The quoted history cut from mailed messages, as HTML, by message id. */
	quoted: Record< number, string >;
	/** Upload progress (0–1) of the message being sent, per ticket. */
	sending: Record< number, number >;
	/** What an agent may do to an order, by `ticketId:orderId`. */
	orderActions: Record< string, OrderActionOptions >;
	/** Why something could not load, by key (`query:…`, `ticket:1`, `messages:1`…). */
	errors: Record< string, string >;
}

export type TicketsAction =
	| {
			type: 'RECEIVE_QUEUE_PAGE';
			key: string;
			page: QueuePageState;
			tickets: AftercareTicket[];
	  }
	| { type: 'RECEIVE_TICKETS'; tickets: AftercareTicket[] }
	| { type: 'RECEIVE_COUNTS'; counts: TicketCounts }
	| {
			type: 'RECEIVE_MESSAGES';
			ticketId: number;
			messages: AftercareMessage[];
	  }
	| { type: 'ADD_MESSAGE'; message: AftercareMessage }
	| { type: 'RECEIVE_EVENTS'; ticketId: number; events: TicketEvent[] }
	| { type: 'RECEIVE_CONTEXT'; ticketId: number; context: TicketContext }
	| { type: 'RECEIVE_PRESENCE'; ticketId: number; others: PresenceEntry[] }
	| { type: 'RECEIVE_QUOTED'; messageId: number; html: string }
	| {
			type: 'RECEIVE_ORDER_ACTION_OPTIONS';
			key: string;
			options: OrderActionOptions;
	  }
	| { type: 'SET_SENDING'; ticketId: number; progress: number | null }
	| { type: 'RECEIVE_ERROR'; key: string; message: string | null };

export type ThunkArgs = StoreThunkArgs<
	TicketsState,
	TicketsAction,
	typeof selectors
>;
