/**
 * WordPress dependencies
 */
import { __, _n, sprintf } from '@wordpress/i18n';
import { store as noticesStore } from '@wordpress/notices';

/**
 * Internal dependencies
 */
import {
	batchUpdateTickets,
	createTicket as postTicket,
	getErrorMessage,
	postMessage,
	postOrderAction,
	sendPresence,
	updateTicket as patchTicket,
} from '../../api';
import type {
	AftercareMessage,
	AftercareTicket,
	NewMessage,
	NewTicketInput,
	OrderActionInput,
	PresenceState,
	TicketChanges,
} from '../../api';
import { store as ordersStore } from '../../orders/store';
import { applyChanges } from './apply-changes';
import type { ThunkArgs, TicketsAction } from './types';

export function receiveTickets( tickets: AftercareTicket[] ): TicketsAction {
	return { type: 'RECEIVE_TICKETS', tickets };
}

/**
 * Lists, counts and timelines that a ticket change can make stale.
 *
 * @param dispatch Store dispatch.
 * @param ids      The changed tickets.
 */
function invalidateAfterChange(
	dispatch: ThunkArgs[ 'dispatch' ],
	ids: number[]
) {
	dispatch.invalidateResolutionForStoreSelector( 'getQueuePage' );
	dispatch.invalidateResolutionForStoreSelector( 'getTicketCounts' );
	ids.forEach( ( id ) =>
		dispatch.invalidateResolution( 'getEvents', [ id ] )
	);
}

/**
 * Saves changes to tickets, showing them at once and undoing them if the server
 * refuses.
 *
 * @param ids     Ticket ids (one goes through PATCH, several through the batch route).
 * @param changes Status, priority, assignee or tags.
 * @return Thunk resolving to true when saved.
 */
export const updateTickets =
	( ids: number[], changes: TicketChanges ) =>
	async ( { select, dispatch, registry }: ThunkArgs ): Promise< boolean > => {
		const before = ids
			.map( ( id ) => select.getTicket( id ) )
			.filter( ( ticket ): ticket is AftercareTicket => !! ticket );
		dispatch(
			receiveTickets( before.map( ( t ) => applyChanges( t, changes ) ) )
		);
		const notices = registry.dispatch( noticesStore );
		try {
			const saved =
				ids.length === 1
					? [ await patchTicket( ids[ 0 ] as number, changes ) ]
					: await batchUpdateTickets( ids, changes );
			dispatch( receiveTickets( saved ) );
			if ( ids.length > 1 ) {
				notices.createSuccessNotice(
					sprintf(
						/* translators: %d: number of tickets. */
						_n(
							'%d ticket updated.',
							'%d tickets updated.',
							ids.length,
							'aftercare'
						),
						ids.length
					),
					{ type: 'snackbar', id: 'aftercare-tickets-updated' }
				);
			}
			return true;
		} catch ( error ) {
			dispatch( receiveTickets( before ) );
			notices.createErrorNotice(
				sprintf(
					/* translators: %s: the server's error message. */
					__( 'The change was not saved: %s', 'aftercare' ),
					getErrorMessage( error )
				),
				{
					type: 'snackbar',
					explicitDismiss: true,
					id: 'aftercare-tickets-update-failed',
				}
			);
			return false;
		} finally {
			invalidateAfterChange( dispatch, ids );
		}
	};

/**
 * Posts a reply or an internal note, with attachments.
 *
 * @param ticketId The ticket.
 * @param message  Type, HTML body and files.
 * @return Thunk resolving to the stored message, or null when it failed.
 */
export const sendMessage =
	( ticketId: number, message: NewMessage ) =>
	async ( {
		dispatch,
		registry,
	}: ThunkArgs ): Promise< AftercareMessage | null > => {
		const notices = registry.dispatch( noticesStore );
		dispatch( { type: 'SET_SENDING', ticketId, progress: 0 } );
		try {
			const saved = await postMessage( ticketId, message, ( progress ) =>
				dispatch( { type: 'SET_SENDING', ticketId, progress } )
			);
			dispatch( { type: 'ADD_MESSAGE', message: saved } );
			notices.createSuccessNotice(
				message.type === 'note'
					? __( 'Note added.', 'aftercare' )
					: __( 'Reply sent.', 'aftercare' ),
				{ type: 'snackbar', id: 'aftercare-message-sent' }
			);
			// A reply changes the status, the SLA and who is awaited.
			dispatch.invalidateResolution( 'getTicket', [ ticketId ] );
			invalidateAfterChange( dispatch, [ ticketId ] );
			return saved;
		} catch ( error ) {
			notices.createErrorNotice( getErrorMessage( error ), {
				type: 'snackbar',
				explicitDismiss: true,
				id: 'aftercare-message-failed',
			} );
			return null;
		} finally {
			dispatch( { type: 'SET_SENDING', ticketId, progress: null } );
		}
	};

/**
 * Refunds, gives a coupon, resends an order mail or starts a return from a
 * reply. Done or refused as a whole on the server, so on success everything it
 * touched is read again: the thread (the reply), the ticket and its timeline,
 * the customer panel, the order, its timeline and what is left to refund.
 *
 * @param ticketId The ticket.
 * @param input    The order, the action and its fields, the reply.
 * @return Thunk resolving to null when done, else the server's message.
 */
export const performOrderAction =
	( ticketId: number, input: OrderActionInput ) =>
	async ( { dispatch, registry }: ThunkArgs ): Promise< string | null > => {
		try {
			await postOrderAction( ticketId, input );
		} catch ( error ) {
			return getErrorMessage( error );
		}
		registry
			.dispatch( noticesStore )
			.createSuccessNotice(
				__( 'Done, and the customer was told.', 'aftercare' ),
				{
					type: 'snackbar',
					id: 'aftercare-order-action-done',
				}
			);
		[ 'getMessages', 'getTicket', 'getTicketContext' ].forEach(
			( selector ) =>
				dispatch.invalidateResolution( selector, [ ticketId ] )
		);
		dispatch.invalidateResolution( 'getOrderActionOptions', [
			ticketId,
			input.order_id,
		] );
		invalidateAfterChange( dispatch, [ ticketId ] );
		const orders = registry.dispatch( ordersStore ) as unknown as {
			invalidateResolution: ( selector: string, args: unknown[] ) => void;
		};
		[ 'getOrder', 'getOrderTimeline', 'getReturnEligibility' ].forEach(
			( selector ) =>
				orders.invalidateResolution( selector, [ input.order_id ] )
		);
		return null;
	};

/**
 * Opens a ticket on a customer's behalf.
 *
 * @param input The ticket.
 * @return Thunk resolving to the new ticket, or null when it failed.
 */
export const createTicket =
	( input: NewTicketInput ) =>
	async ( {
		dispatch,
		registry,
	}: ThunkArgs ): Promise< AftercareTicket | null > => {
		const notices = registry.dispatch( noticesStore );
		try {
			const ticket = await postTicket( input );
			dispatch( receiveTickets( [ ticket ] ) );
			invalidateAfterChange( dispatch, [] );
			notices.createSuccessNotice(
				sprintf(
					/* translators: %d: ticket number. */
					__( 'Ticket #%d created.', 'aftercare' ),
					ticket.number
				),
				{ type: 'snackbar', id: 'aftercare-ticket-created' }
			);
			return ticket;
		} catch ( error ) {
			notices.createErrorNotice( getErrorMessage( error ), {
				type: 'snackbar',
				explicitDismiss: true,
				id: 'aftercare-ticket-create-failed',
			} );
			return null;
		}
	};

/**
 * Tells the server the current agent is on the ticket and learns who else is.
 * A failed heartbeat is silent: the warning is a courtesy, not a lock.
 *
 * @param ticketId The ticket.
 * @param state    Viewing or replying; empty when leaving.
 * @return Thunk.
 */
export const heartbeat =
	( ticketId: number, state: PresenceState | '' ) =>
	async ( { dispatch }: ThunkArgs ): Promise< void > => {
		try {
			const others = await sendPresence( ticketId, state );
			dispatch( { type: 'RECEIVE_PRESENCE', ticketId, others } );
		} catch {
			dispatch( { type: 'RECEIVE_PRESENCE', ticketId, others: [] } );
		}
	};
