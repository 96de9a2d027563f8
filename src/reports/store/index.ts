/**
 * The `aftercare/reports` data store: the summary, breakdowns and trend of a period (each
 * loaded once per query) and the progress of a rollup rebuild.
 */

/**
 * Internal dependencies
 */
import { getErrorMessage } from '../../api/errors';
import { load } from '../../store/load';
import type { ReceiveErrorAction } from '../../store/load';
import { registerStore } from '../../store/register-store';
import type { ThunkArgs as StoreThunkArgs } from '../../store/thunk-args';
import { queryKey } from '../../tickets/store/query-key';
import {
	fetchBreakdown,
	fetchRebuild,
	fetchSummary,
	fetchTrend,
	startRebuild as postRebuild,
} from '../api';
import type { ReportQuery } from '../api';
import type {
	Breakdown,
	Group,
	RebuildProgress,
	Summary,
	Trend,
} from '../types';

export const STORE_NAME = 'aftercare/reports';

export interface ReportsState {
	/** Answers by request key (see requestKey()). */
	summaries: Record< string, Summary >;
	breakdowns: Record< string, Breakdown >;
	trends: Record< string, Trend >;
	rebuild: RebuildProgress | null;
	/** Why a request failed, by the same keys. */
	errors: Record< string, string >;
}

export type ReportsAction =
	| { type: 'RECEIVE_SUMMARY'; key: string; summary: Summary }
	| { type: 'RECEIVE_BREAKDOWN'; key: string; breakdown: Breakdown }
	| { type: 'RECEIVE_TREND'; key: string; trend: Trend }
	| { type: 'RECEIVE_REBUILD'; progress: RebuildProgress }
	| ReceiveErrorAction;

/**
 * The key a request's answer and error are kept under.
 *
 * @param what  Which answer.
 * @param query The period.
 * @param group The breakdown's group.
 * @return The key.
 */
export function requestKey(
	what: 'summary' | 'breakdown' | 'trend',
	query: ReportQuery,
	group?: Group
): string {
	return `${ what }:${ queryKey( {
		...query,
		compare: what === 'trend' ? undefined : query.compare,
		group,
	} ) }`;
}

const initialState: ReportsState = {
	summaries: {},
	breakdowns: {},
	trends: {},
	rebuild: null,
	errors: {},
};

export function reducer(
	state: ReportsState = initialState,
	action: ReportsAction
): ReportsState {
	switch ( action.type ) {
		case 'RECEIVE_SUMMARY':
			return {
				...state,
				summaries: {
					...state.summaries,
					[ action.key ]: action.summary,
				},
			};
		case 'RECEIVE_BREAKDOWN':
			return {
				...state,
				breakdowns: {
					...state.breakdowns,
					[ action.key ]: action.breakdown,
				},
			};
		case 'RECEIVE_TREND':
			return {
				...state,
				trends: { ...state.trends, [ action.key ]: action.trend },
			};
		case 'RECEIVE_REBUILD':
			return { ...state, rebuild: action.progress };
		case 'RECEIVE_ERROR': {
			const { [ action.key ]: _dropped, ...errors } = state.errors;
			return {
				...state,
				errors:
					action.message === null
						? errors
						: { ...errors, [ action.key ]: action.message },
			};
		}
		default:
			return state;
	}
}

export const selectors = {
	getSummary: ( state: ReportsState, query: ReportQuery ): Summary | null =>
		state.summaries[ requestKey( 'summary', query ) ] ?? null,
	getBreakdown: (
		state: ReportsState,
		query: ReportQuery,
		group: Group
	): Breakdown | null =>
		state.breakdowns[ requestKey( 'breakdown', query, group ) ] ?? null,
	getTrend: ( state: ReportsState, query: ReportQuery ): Trend | null =>
		state.trends[ requestKey( 'trend', query ) ] ?? null,
	getRebuild: ( state: ReportsState ): RebuildProgress | null =>
		state.rebuild,
	/**
	 * Why a request failed.
	 *
	 * @param state The state.
	 * @param key   The request's key (requestKey(), or `rebuild`).
	 * @return The message, or null.
	 */
	getError: ( state: ReportsState, key: string ): string | null =>
		state.errors[ key ] ?? null,
};

type ThunkArgs = StoreThunkArgs<
	ReportsState,
	ReportsAction,
	typeof selectors
>;

export const resolvers = {
	getSummary:
		( query: ReportQuery ) =>
		async ( { dispatch }: ThunkArgs ): Promise< void > => {
			const key = requestKey( 'summary', query );
			await load( dispatch, key, async () => {
				dispatch( {
					type: 'RECEIVE_SUMMARY',
					key,
					summary: await fetchSummary( query ),
				} );
			} );
		},
	getBreakdown:
		( query: ReportQuery, group: Group ) =>
		async ( { dispatch }: ThunkArgs ): Promise< void > => {
			const key = requestKey( 'breakdown', query, group );
			await load( dispatch, key, async () => {
				dispatch( {
					type: 'RECEIVE_BREAKDOWN',
					key,
					breakdown: await fetchBreakdown( query, group ),
				} );
			} );
		},
	getTrend:
		( query: ReportQuery ) =>
		async ( { dispatch }: ThunkArgs ): Promise< void > => {
			const key = requestKey( 'trend', query );
			await load( dispatch, key, async () => {
				dispatch( {
					type: 'RECEIVE_TREND',
					key,
					trend: await fetchTrend( query ),
				} );
			} );
		},
	getRebuild:
		() =>
		async ( { dispatch }: ThunkArgs ): Promise< void > => {
			await load( dispatch, 'rebuild', async () => {
				dispatch( {
					type: 'RECEIVE_REBUILD',
					progress: await fetchRebuild(),
				} );
			} );
		},
};

/**
 * Figures a finished rebuild made stale: read again when next shown.
 *
 * @param dispatch Store dispatch.
 */
function invalidateReports( dispatch: ThunkArgs[ 'dispatch' ] ) {
	for ( const selector of [ 'getSummary', 'getBreakdown', 'getTrend' ] ) {
		dispatch.invalidateResolutionForStoreSelector( selector );
	}
}

export const actions = {
	/**
	 * Starts rebuilding the rollup of a range of days.
	 *
	 * @param from First day.
	 * @param to   Last day.
	 * @return Thunk resolving to null when it started, else the server's message.
	 */
	startRebuild:
		( from: string, to: string ) =>
		async ( { dispatch }: ThunkArgs ): Promise< string | null > => {
			try {
				dispatch( {
					type: 'RECEIVE_REBUILD',
					progress: await postRebuild( from, to ),
				} );
				return null;
			} catch ( error ) {
				return getErrorMessage( error );
			}
		},
	/**
	 * Reads the rebuild's progress again; when it has just finished, the figures are reloaded.
	 *
	 * @return Thunk.
	 */
	refreshRebuild:
		() =>
		async ( { dispatch, select }: ThunkArgs ): Promise< void > => {
			const before = select.getRebuild()?.state;
			await load( dispatch, 'rebuild', async () => {
				const progress = await fetchRebuild();
				dispatch( { type: 'RECEIVE_REBUILD', progress } );
				if ( before === 'running' && progress.state !== 'running' ) {
					invalidateReports( dispatch );
				}
			} );
		},
};

export const store = registerStore( STORE_NAME, {
	reducer,
	actions,
	selectors,
	resolvers,
} );
