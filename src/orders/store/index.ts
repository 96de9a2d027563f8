/**
 * The `aftercare/orders` data store: orders as agents see them, their
 * timelines (loaded a page at a time, appended) and which lines can be
 * returned, each kept by order id.
 */

/**
 * Internal dependencies
 */
import { fetchOrder, fetchOrderTimeline, fetchReturnEligibility } from '../api';
import type { OrderTimelineEvent } from '../api';
import type { AftercareOrder, AftercareReturnEligibility } from '../../api';
import { load } from '../../store/load';
import type { ReceiveErrorAction } from '../../store/load';
import { registerStore } from '../../store/register-store';

export const STORE_NAME = 'aftercare/orders';

export interface OrderTimeline {
	events: OrderTimelineEvent[];
	total: number;
	/** Pages loaded so far. */
	pages: number;
}

export interface OrdersState {
	orders: Record< number, AftercareOrder >;
	eligibility: Record< number, AftercareReturnEligibility >;
	timelines: Record< number, OrderTimeline >;
	/** Errors by `order:ID`, `eligibility:ID`, `timeline:ID`. */
	errors: Record< string, string >;
}

export type OrdersAction =
	| { type: 'RECEIVE_ORDER'; order: AftercareOrder }
	| {
			type: 'RECEIVE_ELIGIBILITY';
			orderId: number;
			eligibility: AftercareReturnEligibility;
	  }
	| {
			type: 'RECEIVE_TIMELINE_PAGE';
			orderId: number;
			page: number;
			events: OrderTimelineEvent[];
			total: number;
	  }
	| ReceiveErrorAction;

const initialState: OrdersState = {
	orders: {},
	eligibility: {},
	timelines: {},
	errors: {},
};

export function reducer(
	state: OrdersState = initialState,
	action: OrdersAction
): OrdersState {
	switch ( action.type ) {
		case 'RECEIVE_ORDER':
			return {
				...state,
				orders: { ...state.orders, [ action.order.id ]: action.order },
			};
		case 'RECEIVE_ELIGIBILITY':
			return {
				...state,
				eligibility: {
					...state.eligibility,
					[ action.orderId ]: action.eligibility,
				},
			};
		case 'RECEIVE_TIMELINE_PAGE': {
			// Page 1 starts the timeline over (a reload); later pages append.
			const before =
				action.page > 1 ? state.timelines[ action.orderId ] : undefined;
			return {
				...state,
				timelines: {
					...state.timelines,
					[ action.orderId ]: {
						events: [
							...( before?.events ?? [] ),
							...action.events,
						],
						total: action.total,
						pages: action.page,
					},
				},
			};
		}
		case 'RECEIVE_ERROR': {
			const { [ action.key ]: _dropped, ...errors } = state.errors;
			return {
				...state,
				errors: action.message
					? { ...errors, [ action.key ]: action.message }
					: errors,
			};
		}
		default:
			return state;
	}
}

type Dispatch = ( action: OrdersAction ) => void;

interface Thunk {
	dispatch: Dispatch;
	select: { getOrderTimeline: ( orderId: number ) => OrderTimeline | null };
}

function loadTimelinePage(
	dispatch: Dispatch,
	orderId: number,
	page: number
): Promise< void > {
	return load( dispatch, `timeline:${ orderId }`, async () => {
		const { events, total } = await fetchOrderTimeline( orderId, page );
		dispatch( {
			type: 'RECEIVE_TIMELINE_PAGE',
			orderId,
			page,
			events,
			total,
		} );
	} );
}

export const actions = {
	/**
	 * Loads the next page of an order's timeline, if there is one.
	 *
	 * @param orderId The order.
	 * @return Thunk.
	 */
	loadMoreTimeline:
		( orderId: number ) =>
		async ( { dispatch, select }: Thunk ): Promise< void > => {
			const timeline = select.getOrderTimeline( orderId );
			if ( timeline && timeline.events.length < timeline.total ) {
				await loadTimelinePage( dispatch, orderId, timeline.pages + 1 );
			}
		},
};

export const selectors = {
	getOrder: ( state: OrdersState, orderId: number ): AftercareOrder | null =>
		state.orders[ orderId ] ?? null,
	getReturnEligibility: (
		state: OrdersState,
		orderId: number
	): AftercareReturnEligibility | null =>
		state.eligibility[ orderId ] ?? null,
	getOrderTimeline: (
		state: OrdersState,
		orderId: number
	): OrderTimeline | null => state.timelines[ orderId ] ?? null,
	getError: ( state: OrdersState, key: string ): string | null =>
		state.errors[ key ] ?? null,
};

export const resolvers = {
	getOrder:
		( orderId: number ) =>
		async ( { dispatch }: { dispatch: Dispatch } ): Promise< void > => {
			await load( dispatch, `order:${ orderId }`, async () => {
				dispatch( {
					type: 'RECEIVE_ORDER',
					order: await fetchOrder( orderId ),
				} );
			} );
		},
	getReturnEligibility:
		( orderId: number ) =>
		async ( { dispatch }: { dispatch: Dispatch } ): Promise< void > => {
			await load( dispatch, `eligibility:${ orderId }`, async () => {
				dispatch( {
					type: 'RECEIVE_ELIGIBILITY',
					orderId,
					eligibility: await fetchReturnEligibility( orderId ),
				} );
			} );
		},
	getOrderTimeline:
		( orderId: number ) =>
		async ( { dispatch }: { dispatch: Dispatch } ): Promise< void > => {
			await loadTimelinePage( dispatch, orderId, 1 );
		},
};

export const store = registerStore( STORE_NAME, {
	reducer,
	actions,
	selectors,
	resolvers,
} );
