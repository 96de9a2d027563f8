/**
 * Internal dependencies
 */
import { mergeById } from '../../store/merge-by-id';
import type { ReturnsAction, ReturnsState } from './types';

export const initialState: ReturnsState = {
	returns: {},
	queries: {},
	events: {},
	counts: null,
	errors: {},
};

export default function reducer(
	state: ReturnsState = initialState,
	action: ReturnsAction
): ReturnsState {
	switch ( action.type ) {
		case 'RECEIVE_RETURNS_PAGE':
			return {
				...state,
				returns: mergeById( state.returns, action.returns ),
				queries: { ...state.queries, [ action.key ]: action.page },
			};
		case 'RECEIVE_RETURNS':
			return {
				...state,
				returns: mergeById( state.returns, action.returns ),
			};
		case 'RECEIVE_RETURN_EVENTS':
			return {
				...state,
				events: { ...state.events, [ action.id ]: action.events },
			};
		case 'RECEIVE_RETURN_COUNTS':
			return { ...state, counts: action.counts };
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
