/**
 * Client for the agents' return routes: the queue, one return, its status moves,
 * the actions that change the order too, and its timeline. Only the returns
 * store calls these functions.
 */
import apiFetch from '@wordpress/api-fetch';
import { addQueryArgs } from '@wordpress/url';

/**
 * Internal dependencies
 */
import { NAMESPACE } from '../api/client';
import type {
	AftercareEvent,
	AftercareReturn,
	AftercareReturnCounts,
	AftercareReturnsAct,
	AftercareReturnsQuery,
	AftercareReturnsUpdate,
} from '../api/types';

export const RETURNS_PATH = `${ NAMESPACE }/returns`;

export type ReturnStatus = AftercareReturn[ 'status' ];
export type ReturnOutcome = AftercareReturn[ 'outcome' ];
export type ReturnEvent = AftercareEvent;
export type ReturnCounts = AftercareReturnCounts;

/**
 * Filters, search, sort and page of a returns queue request; every key is optional.
 */
export type ReturnQuery = AftercareReturnsQuery;

export interface ReturnPage {
	items: AftercareReturn[];
	total: number;
}

/** The statuses an agent sets directly (PATCH); the others come with an action. */
export type ReturnMove = NonNullable< AftercareReturnsUpdate[ 'status' ] >;

/**
 * What the actions route takes: receive (quantities per order item id, restock),
 * refund (restock, fee), credit (amount) or exchange; each with an optional
 * message to the shopper. The route checks for the action itself (after the
 * permission check), so the schema leaves it optional; a request always names it.
 */
export type ReturnActionInput = AftercareReturnsAct &
	Required< Pick< AftercareReturnsAct, 'action' > >;

/**
 * One page of the queue.
 *
 * @param query Filters, sort and page.
 * @return The returns and the total (X-WP-Total).
 */
export async function fetchReturns(
	query: ReturnQuery
): Promise< ReturnPage > {
	const args: Record< string, unknown > = { context: 'edit' };
	for ( const [ key, value ] of Object.entries( query ) ) {
		if (
			value !== undefined &&
			value !== '' &&
			! ( Array.isArray( value ) && ! value.length )
		) {
			args[ key ] = value;
		}
	}
	const response = await apiFetch< Response, false >( {
		path: addQueryArgs( RETURNS_PATH, args ),
		parse: false,
	} );
	const items = ( await response.json() ) as AftercareReturn[];
	return {
		items,
		total: Number( response.headers.get( 'X-WP-Total' ) ?? items.length ),
	};
}

export function fetchReturn( id: number ): Promise< AftercareReturn > {
	return apiFetch< AftercareReturn >( {
		path: addQueryArgs( `${ RETURNS_PATH }/${ id }`, { context: 'edit' } ),
	} );
}

/**
 * Approves, rejects, awaits the items or closes a return.
 *
 * @param id      The return.
 * @param status  The new status.
 * @param message A message to the shopper (optional).
 * @return The return after the change.
 */
export function moveReturn(
	id: number,
	status: ReturnMove,
	message: string
): Promise< AftercareReturn > {
	return apiFetch< AftercareReturn >( {
		path: addQueryArgs( `${ RETURNS_PATH }/${ id }`, { context: 'edit' } ),
		method: 'PATCH',
		data: message ? { status, message } : { status },
	} );
}

/**
 * Marks the items received, refunds, gives store credit or creates an exchange order.
 *
 * @param id    The return.
 * @param input The action and its fields.
 * @return The return after the action.
 */
export function actOnReturn(
	id: number,
	input: ReturnActionInput
): Promise< AftercareReturn > {
	return apiFetch< AftercareReturn >( {
		path: `${ RETURNS_PATH }/${ id }/actions`,
		method: 'POST',
		data: input,
	} );
}

export function fetchReturnEvents( id: number ): Promise< ReturnEvent[] > {
	return apiFetch< ReturnEvent[] >( {
		path: `${ RETURNS_PATH }/${ id }/events`,
	} );
}

export function fetchReturnCounts(): Promise< ReturnCounts > {
	return apiFetch< ReturnCounts >( { path: `${ RETURNS_PATH }/counts` } );
}
