/**
 * Internal dependencies
 */
import type { ReceivedMail } from '../api';
import type { MailAction, MailState } from './types';

export const initialState: MailState = {
	received: {},
	queries: {},
	status: null,
	errors: {},
};

function withReceived(
	state: MailState,
	items: ReceivedMail[]
): MailState[ 'received' ] {
	const next = { ...state.received };
	for ( const item of items ) {
		// A list's copy has no raw message: keep the one a single read brought.
		next[ item.id ] = { ...state.received[ item.id ], ...item };
	}
	return next;
}

export default function reducer(
	state: MailState = initialState,
	action: MailAction
): MailState {
	switch ( action.type ) {
		case 'RECEIVE_RECEIVED_PAGE':
			return {
				...state,
				received: withReceived( state, action.items ),
				queries: { ...state.queries, [ action.key ]: action.page },
			};
		case 'RECEIVE_RECEIVED':
			return { ...state, received: withReceived( state, action.items ) };
		case 'REMOVE_RECEIVED': {
			const { [ action.id ]: _, ...received } = state.received;
			return { ...state, received };
		}
		case 'RECEIVE_STATUS':
			return { ...state, status: action.status };
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
