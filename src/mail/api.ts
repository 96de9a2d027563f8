/**
 * Client for the mail routes agents and supervisors use: the log of received
 * mail (read, retry, dismiss), the state of the ways mail comes in, rotating
 * the webhook secret and testing the mailbox. Only the mail store calls these.
 */
import apiFetch from '@wordpress/api-fetch';
import { addQueryArgs } from '@wordpress/url';

/**
 * Internal dependencies
 */
import { NAMESPACE, SETTINGS_PATH } from '../api/client';
import type {
	AftercareMailReceived,
	AftercareMailReceivedQuery,
	AftercareMailStatus,
	AftercareMailboxTest,
	AftercareSettingsEmailTestCreate,
} from '../api/types';

export const MAIL_PATH = `${ NAMESPACE }/mail`;

export type ReceivedMail = AftercareMailReceived;
export type MailOutcome = ReceivedMail[ 'outcome' ];
export type ReceivedQuery = AftercareMailReceivedQuery;
export type MailStatus = AftercareMailStatus;
export type MailboxTestResult = AftercareMailboxTest;
export type MailboxTestInput = AftercareSettingsEmailTestCreate;

export interface ReceivedPage {
	items: ReceivedMail[];
	total: number;
}

/**
 * One page of the log, newest first.
 *
 * @param query Outcome and page.
 * @return The entries and the total (X-WP-Total).
 */
export async function fetchReceivedMail(
	query: ReceivedQuery
): Promise< ReceivedPage > {
	const response = await apiFetch< Response, false >( {
		path: addQueryArgs( `${ MAIL_PATH }/received`, { ...query } ),
		parse: false,
	} );
	const items = ( await response.json() ) as ReceivedMail[];
	return {
		items,
		total: Number( response.headers.get( 'X-WP-Total' ) ?? items.length ),
	};
}

/**
 * One entry with its raw message.
 *
 * @param id The entry.
 * @return The entry.
 */
export function fetchReceived( id: number ): Promise< ReceivedMail > {
	return apiFetch< ReceivedMail >( {
		path: `${ MAIL_PATH }/received/${ id }`,
	} );
}

/**
 * Runs a kept message through the pipeline again.
 *
 * @param id The entry.
 * @return The entry afterwards.
 */
export function retryReceived( id: number ): Promise< ReceivedMail > {
	return apiFetch< ReceivedMail >( {
		path: `${ MAIL_PATH }/received/${ id }/retry`,
		method: 'POST',
	} );
}

/**
 * Removes a kept message from the log.
 *
 * @param id The entry.
 */
export async function dismissReceived( id: number ): Promise< void > {
	await apiFetch( {
		path: `${ MAIL_PATH }/received/${ id }`,
		method: 'DELETE',
	} );
}

export function fetchMailStatus(): Promise< MailStatus > {
	return apiFetch< MailStatus >( { path: `${ MAIL_PATH }/status` } );
}

/**
 * The webhook secret, read only when a person asks to see it.
 *
 * @return The secret.
 */
export async function fetchSecret(): Promise< string > {
	const settings = await apiFetch< { inbound_secret: string } >( {
		path: addQueryArgs( SETTINGS_PATH, {
			context: 'edit',
			_fields: 'inbound_secret',
		} ),
	} );
	return settings.inbound_secret;
}

/**
 * Replaces the webhook secret with a new one.
 *
 * @return The new secret.
 */
export async function rotateSecret(): Promise< string > {
	const result = await apiFetch< { secret: string } >( {
		path: `${ MAIL_PATH }/secret`,
		method: 'POST',
	} );
	return result.secret;
}

/**
 * Connects to the mailbox with the saved settings, or with the values given.
 *
 * @param values Unsaved mailbox settings to try instead.
 * @return What the server said.
 */
export function testMailbox(
	values: MailboxTestInput
): Promise< MailboxTestResult > {
	return apiFetch< MailboxTestResult >( {
		path: `${ NAMESPACE }/settings/email/test`,
		method: 'POST',
		data: values,
	} );
}
