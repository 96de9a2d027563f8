/**
 * WordPress dependencies
 */
import { __, sprintf } from '@wordpress/i18n';
import { store as noticesStore } from '@wordpress/notices';

/**
 * Internal dependencies
 */
import {
	actOnReturn as postAction,
	getErrorMessage,
	moveReturn as patchReturn,
} from '../../api';
import type { AftercareReturn, ReturnActionInput, ReturnMove } from '../../api';
import { store as ticketsStore } from '../../tickets/store';
import type { ReturnsAction, ThunkArgs } from './types';

export function receiveReturns( returns: AftercareReturn[] ): ReturnsAction {
	return { type: 'RECEIVE_RETURNS', returns };
}

/**
 * Sends one change of a return and stores the result; what it makes stale (the
 * queue, the timeline, the thread a message went to) is asked for again.
 *
 * @param id      The return.
 * @param request The request.
 * @return Thunk resolving to null when done, else the server's message.
 */
const change =
	( id: number, request: () => Promise< AftercareReturn > ) =>
	async ( { dispatch, registry }: ThunkArgs ): Promise< string | null > => {
		try {
			const saved = await request();
			dispatch( receiveReturns( [ saved ] ) );
			registry.dispatch( noticesStore ).createSuccessNotice(
				sprintf(
					/* translators: 1: return number, 2: its new status. */
					__( 'Return %1$s: %2$s.', 'aftercare' ),
					saved.number,
					saved.status_label
				),
				{ type: 'snackbar', id: 'aftercare-return-updated' }
			);
			if ( saved.ticket_id ) {
				const tickets = registry.dispatch(
					ticketsStore
				) as unknown as {
					invalidateResolution: (
						selector: string,
						args: unknown[]
					) => void;
				};
				tickets.invalidateResolution( 'getMessages', [
					saved.ticket_id,
				] );
			}
			return null;
		} catch ( error ) {
			// Refused (often because someone else moved it): show the return as it now is.
			dispatch.invalidateResolution( 'getReturn', [ id ] );
			return getErrorMessage( error );
		} finally {
			dispatch.invalidateResolutionForStoreSelector( 'getReturnsPage' );
			dispatch.invalidateResolution( 'getReturnCounts', [] );
			dispatch.invalidateResolution( 'getReturnEvents', [ id ] );
		}
	};

/**
 * Approves, rejects, awaits the items or closes a return.
 *
 * @param id      The return.
 * @param status  The new status.
 * @param message A message to the shopper (may be empty).
 * @return Thunk resolving to null when saved, else the server's message.
 */
export const moveReturn = ( id: number, status: ReturnMove, message: string ) =>
	change( id, () => patchReturn( id, status, message ) );

/**
 * Marks the items received, refunds, gives store credit or creates an exchange.
 *
 * @param id    The return.
 * @param input The action and its fields.
 * @return Thunk resolving to null when done, else the server's message.
 */
export const actOnReturn = ( id: number, input: ReturnActionInput ) =>
	change( id, () => postAction( id, input ) );
