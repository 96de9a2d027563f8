/**
 * Internal dependencies
 */
import type { AftercareReturn } from '../../api';
import type { ReturnsAction, ReturnsState } from './types';

export const initialState: ReturnsState = {
	returns: {},
	queries: {},
	events: {},
	counts: null,
	errors: {},
};

function withReturns(
	state: ReturnsState,
	returns: AftercareReturn[]
): ReturnsState[ 'returns' ] {
	const next = { ...state.returns };
	for ( const item of returns ) {
		// A list's copy has no quote (lists never carry one): keep the one a single read brought.
		next[ item.id ] = { ...state.returns[ item.id ], ...item };
	}
	return next;
}

export default function reducer(
	state: ReturnsState = initialState,
	action: ReturnsAction
): ReturnsState {
	switch ( action.type ) {
		case 'RECEIVE_RETURNS_PAGE':
			return {
				...state,
				returns: withReturns( state, action.returns ),
				queries: { ...state.queries, [ action.key ]: action.page },
			};
		case 'RECEIVE_RETURNS':
			return { ...state, returns: withReturns( state, action.returns ) };
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
