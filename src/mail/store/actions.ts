/**
 * WordPress dependencies
 */
import { __, sprintf } from '@wordpress/i18n';
import { store as noticesStore } from '@wordpress/notices';

/**
 * Internal dependencies
 */
import { getErrorMessage } from '../../api/errors';
import {
	dismissReceived as deleteReceived,
	retryReceived as postRetry,
	rotateSecret as postSecret,
	testMailbox as postMailboxTest,
} from '../api';
import type { MailSecret, MailboxTestInput, MailboxTestResult } from '../api';
import { labelOf } from '../../tickets/labels';
import { OUTCOMES } from '../labels';
import type { ThunkArgs } from './types';

/** A request's result, or the server's message when it failed. */
export type Outcome< T > =
	{ ok: true; value: T } | { ok: false; error: string };

async function attempt< T >(
	request: () => Promise< T >
): Promise< Outcome< T > > {
	try {
		return { ok: true, value: await request() };
	} catch ( error ) {
		return { ok: false, error: getErrorMessage( error ) };
	}
}

/**
 * What a change to the log makes stale: its pages and the count needing attention.
 *
 * @param dispatch Store dispatch.
 */
function invalidateLog( dispatch: ThunkArgs[ 'dispatch' ] ) {
	dispatch.invalidateResolutionForStoreSelector( 'getReceivedPage' );
	dispatch.invalidateResolution( 'getMailStatus', [] );
}

/**
 * Runs a kept message through the pipeline again and says how it went.
 *
 * @param id The log entry.
 * @return Thunk resolving to null when the retry ran, else the server's message.
 */
export const retryReceived =
	( id: number ) =>
	async ( { dispatch, registry }: ThunkArgs ): Promise< string | null > => {
		const result = await attempt( () => postRetry( id ) );
		invalidateLog( dispatch );
		if ( ! result.ok ) {
			return result.error;
		}
		dispatch( { type: 'RECEIVE_RECEIVED', items: [ result.value ] } );
		registry.dispatch( noticesStore ).createSuccessNotice(
			result.value.outcome === 'needs_attention'
				? __(
						'Tried again: the message still needs attention.',
						'aftercare'
					)
				: sprintf(
						/* translators: %s: what became of the mail, e.g. "Stored". */
						__( 'Tried again: %s.', 'aftercare' ),
						labelOf( OUTCOMES(), result.value.outcome )
					),
			{ type: 'snackbar', id: 'aftercare-mail-retried' }
		);
		return null;
	};

/**
 * Removes a kept message from the log.
 *
 * @param id The log entry.
 * @return Thunk resolving to null when dismissed, else the server's message.
 */
export const dismissReceived =
	( id: number ) =>
	async ( { dispatch, registry }: ThunkArgs ): Promise< string | null > => {
		const result = await attempt( () => deleteReceived( id ) );
		invalidateLog( dispatch );
		if ( ! result.ok ) {
			return result.error;
		}
		dispatch( { type: 'REMOVE_RECEIVED', id } );
		registry
			.dispatch( noticesStore )
			.createSuccessNotice( __( 'Message dismissed.', 'aftercare' ), {
				type: 'snackbar',
				id: 'aftercare-mail-dismissed',
			} );
		return null;
	};

/**
 * Replaces the webhook secret; the status (whether one is set) is read again.
 *
 * @return Thunk resolving to the new secret (shown only now) or the server's message.
 */
export const rotateSecret =
	() =>
	async ( { dispatch }: ThunkArgs ): Promise< Outcome< MailSecret > > => {
		const result = await attempt( postSecret );
		dispatch.invalidateResolution( 'getMailStatus', [] );
		return result;
	};

/**
 * Connects to the mailbox (the saved settings, or the unsaved values given).
 *
 * @param values Unsaved mailbox settings.
 * @return Thunk resolving to what the server said, or why it failed.
 */
export const testMailbox =
	( values: MailboxTestInput ) =>
	async (): Promise< Outcome< MailboxTestResult > > =>
		attempt( () => postMailboxTest( values ) );
