/**
 * Internal dependencies
 */
import { mergeById } from '../../store/merge-by-id';
import type { MailAction, MailState } from './types';

export const initialState: MailState = {
	received: {},
	queries: {},
	status: null,
	errors: {},
};

export default function reducer(
	state: MailState = initialState,
	action: MailAction
): MailState {
	switch ( action.type ) {
		case 'RECEIVE_RECEIVED_PAGE':
			return {
				...state,
				received: mergeById( state.received, action.items ),
				queries: { ...state.queries, [ action.key ]: action.page },
			};
		case 'RECEIVE_RECEIVED':
			return {
				...state,
				received: mergeById( state.received, action.items ),
			};
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
