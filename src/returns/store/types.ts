/**
 * Internal dependencies
 */
import type { AftercareReturn, ReturnCounts, ReturnEvent } from '../../api';
import type { ThunkArgs as StoreThunkArgs } from '../../store/thunk-args';
import type * as selectors from './selectors';

/**
 * One loaded queue page: the ids of its returns (the returns live in `returns`,
 * so a change shows in every page that lists it).
 */
export interface ReturnsPageState {
	ids: number[];
	total: number;
}

export interface ReturnsState {
	returns: Record< number, AftercareReturn >;
	/** Queue pages by query key (see queryKey()). */
	queries: Record< string, ReturnsPageState >;
	events: Record< number, ReturnEvent[] >;
	counts: ReturnCounts | null;
	/** Why something could not load, by key (`query:…`, `return:1`, `events:1`). */
	errors: Record< string, string >;
}

export type ReturnsAction =
	| {
			type: 'RECEIVE_RETURNS_PAGE';
			key: string;
			page: ReturnsPageState;
			returns: AftercareReturn[];
	  }
	| { type: 'RECEIVE_RETURNS'; returns: AftercareReturn[] }
	| { type: 'RECEIVE_RETURN_EVENTS'; id: number; events: ReturnEvent[] }
	| { type: 'RECEIVE_RETURN_COUNTS'; counts: ReturnCounts }
	| { type: 'RECEIVE_ERROR'; key: string; message: string | null };

export type ThunkArgs = StoreThunkArgs<
	ReturnsState,
	ReturnsAction,
	typeof selectors
>;
