/**
 * The `aftercare/saved-replies` data store: canned answers, their management and
 * rendering one for a ticket.
 */

/**
 * WordPress dependencies
 */
import { __ } from '@wordpress/i18n';
import { store as noticesStore } from '@wordpress/notices';

/**
 * Internal dependencies
 */
import {
	deleteSavedReply as removeSavedReply,
	fetchSavedReplies,
	getErrorMessage,
	renderSavedReply as fetchRendered,
	saveSavedReply as putSavedReply,
} from '../../../api';
import type { AftercareSavedReply } from '../../../api';
import { registerStore } from '../../../store/register-store';
import type { ThunkArgs as StoreThunkArgs } from '../../../store/thunk-args';

export const STORE_NAME = 'aftercare/saved-replies';

export interface SavedRepliesState {
	/** All saved replies, by title; null until loaded. */
	items: AftercareSavedReply[] | null;
	loadError: string | null;
	isSaving: boolean;
}

export type SavedRepliesAction =
	| { type: 'RECEIVE_SAVED_REPLIES'; items: AftercareSavedReply[] }
	| { type: 'RECEIVE_SAVED_REPLIES_ERROR'; message: string }
	| { type: 'SET_SAVING'; isSaving: boolean };

export const initialState: SavedRepliesState = {
	items: null,
	loadError: null,
	isSaving: false,
};

const byTitle = ( a: AftercareSavedReply, b: AftercareSavedReply ) =>
	a.title.localeCompare( b.title );

export function reducer(
	state: SavedRepliesState = initialState,
	action: SavedRepliesAction
): SavedRepliesState {
	switch ( action.type ) {
		case 'RECEIVE_SAVED_REPLIES':
			return {
				...state,
				items: [ ...action.items ].sort( byTitle ),
				loadError: null,
			};
		case 'RECEIVE_SAVED_REPLIES_ERROR':
			return { ...state, loadError: action.message };
		case 'SET_SAVING':
			return { ...state, isSaving: action.isSaving };
		default:
			return state;
	}
}

export const selectors = {
	getSavedReplies: ( state: SavedRepliesState ) => state.items,
	getSavedRepliesError: ( state: SavedRepliesState ) => state.loadError,
	isSavingSavedReply: ( state: SavedRepliesState ) => state.isSaving,
};

type ThunkArgs = StoreThunkArgs<
	SavedRepliesState,
	SavedRepliesAction,
	typeof selectors
>;

export const resolvers = {
	getSavedReplies:
		() =>
		async ( { dispatch }: ThunkArgs ): Promise< void > => {
			try {
				dispatch( {
					type: 'RECEIVE_SAVED_REPLIES',
					items: await fetchSavedReplies(),
				} );
			} catch ( error ) {
				dispatch( {
					type: 'RECEIVE_SAVED_REPLIES_ERROR',
					message: getErrorMessage( error ),
				} );
			}
		},
};

function failed( registry: ThunkArgs[ 'registry' ], error: unknown ) {
	registry
		.dispatch( noticesStore )
		.createErrorNotice( getErrorMessage( error ), {
			type: 'snackbar',
			explicitDismiss: true,
			id: 'aftercare-saved-reply-failed',
		} );
}

export const actions = {
	/**
	 * Creates a saved reply, or updates it when it has an id.
	 *
	 * @param reply Title and body (and id to update).
	 * @return Thunk resolving to the saved reply, or null when it failed.
	 */
	saveSavedReply:
		(
			reply: Pick< AftercareSavedReply, 'title' | 'body' > & {
				id?: number;
			}
		) =>
		async ( {
			select,
			dispatch,
			registry,
		}: ThunkArgs ): Promise< AftercareSavedReply | null > => {
			dispatch( { type: 'SET_SAVING', isSaving: true } );
			try {
				const saved = await putSavedReply( reply );
				const others = ( select.getSavedReplies() ?? [] ).filter(
					( item ) => item.id !== saved.id
				);
				dispatch( {
					type: 'RECEIVE_SAVED_REPLIES',
					items: [ ...others, saved ],
				} );
				registry
					.dispatch( noticesStore )
					.createSuccessNotice(
						__( 'Saved reply saved.', 'aftercare' ),
						{
							type: 'snackbar',
							id: 'aftercare-saved-reply-saved',
						}
					);
				return saved;
			} catch ( error ) {
				failed( registry, error );
				return null;
			} finally {
				dispatch( { type: 'SET_SAVING', isSaving: false } );
			}
		},

	/**
	 * Deletes a saved reply at once, putting it back if the server refuses.
	 *
	 * @param id The saved reply.
	 * @return Thunk resolving to true when deleted.
	 */
	deleteSavedReply:
		( id: number ) =>
		async ( {
			select,
			dispatch,
			registry,
		}: ThunkArgs ): Promise< boolean > => {
			const before = select.getSavedReplies() ?? [];
			dispatch( {
				type: 'RECEIVE_SAVED_REPLIES',
				items: before.filter( ( item ) => item.id !== id ),
			} );
			try {
				await removeSavedReply( id );
				registry
					.dispatch( noticesStore )
					.createSuccessNotice(
						__( 'Saved reply deleted.', 'aftercare' ),
						{
							type: 'snackbar',
							id: 'aftercare-saved-reply-deleted',
						}
					);
				return true;
			} catch ( error ) {
				dispatch( { type: 'RECEIVE_SAVED_REPLIES', items: before } );
				failed( registry, error );
				return false;
			}
		},

	/**
	 * A saved reply with its variables filled in for a ticket.
	 *
	 * @param id       The saved reply.
	 * @param ticketId The ticket.
	 * @return Thunk resolving to the HTML, or null when it failed.
	 */
	renderSavedReply:
		( id: number, ticketId: number ) =>
		async ( { registry }: ThunkArgs ): Promise< string | null > => {
			try {
				return await fetchRendered( id, ticketId );
			} catch ( error ) {
				failed( registry, error );
				return null;
			}
		},
};

export const store = registerStore( STORE_NAME, {
	reducer,
	actions,
	selectors,
	resolvers,
} );
