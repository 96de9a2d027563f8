/**
 * Internal dependencies
 */
import type { TicketsAction, TicketsState } from './types';

export const initialState: TicketsState = {
	tickets: {},
	queries: {},
	counts: null,
	messages: {},
	events: {},
	contexts: {},
	presence: {},
	quoted: {},
	sending: {},
	orderActions: {},
	errors: {},
};

function withTickets(
	state: TicketsState,
	tickets: TicketsState[ 'tickets' ][ number ][]
): TicketsState[ 'tickets' ] {
	const next = { ...state.tickets };
	for ( const ticket of tickets ) {
		next[ ticket.id ] = ticket;
	}
	return next;
}

export default function reducer(
	state: TicketsState = initialState,
	action: TicketsAction
): TicketsState {
	switch ( action.type ) {
		case 'RECEIVE_QUEUE_PAGE': {
			const { [ `query:${ action.key }` ]: _, ...errors } = state.errors;
			return {
				...state,
				tickets: withTickets( state, action.tickets ),
				queries: { ...state.queries, [ action.key ]: action.page },
				errors,
			};
		}
		case 'RECEIVE_TICKETS':
			return { ...state, tickets: withTickets( state, action.tickets ) };
		case 'RECEIVE_COUNTS':
			return { ...state, counts: action.counts };
		case 'RECEIVE_MESSAGES':
			return {
				...state,
				messages: {
					...state.messages,
					[ action.ticketId ]: action.messages,
				},
			};
		case 'ADD_MESSAGE': {
			const thread = state.messages[ action.message.ticket_id ] ?? [];
			if ( thread.some( ( m ) => m.id === action.message.id ) ) {
				return state;
			}
			return {
				...state,
				messages: {
					...state.messages,
					[ action.message.ticket_id ]: [ ...thread, action.message ],
				},
			};
		}
		case 'RECEIVE_EVENTS':
			return {
				...state,
				events: { ...state.events, [ action.ticketId ]: action.events },
			};
		case 'RECEIVE_CONTEXT':
			return {
				...state,
				contexts: {
					...state.contexts,
					[ action.ticketId ]: action.context,
				},
			};
		case 'RECEIVE_PRESENCE':
			return {
				...state,
				presence: {
					...state.presence,
					[ action.ticketId ]: action.others,
				},
			};
		case 'RECEIVE_QUOTED':
			return {
				...state,
				quoted: { ...state.quoted, [ action.messageId ]: action.html },
			};
		case 'RECEIVE_ORDER_ACTION_OPTIONS':
			return {
				...state,
				orderActions: {
					...state.orderActions,
					[ action.key ]: action.options,
				},
			};
		case 'SET_SENDING': {
			const { [ action.ticketId ]: _, ...sending } = state.sending;
			if ( action.progress !== null ) {
				sending[ action.ticketId ] = action.progress;
			}
			return { ...state, sending };
		}
		case 'RECEIVE_ERROR': {
			const { [ action.key ]: _, ...errors } = state.errors;
			if ( action.message !== null ) {
				errors[ action.key ] = action.message;
			}
			return { ...state, errors };
		}
		default:
			return state;
	}
}
