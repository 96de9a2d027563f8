/**
 * Client for the mail routes supervisors use: the log of received mail (read,
 * retry, dismiss), the state of the ways mail comes in, rotating the webhook
 * secret and testing the mailbox. Only the mail store calls these.
 */
import apiFetch from '@wordpress/api-fetch';
import { addQueryArgs } from '@wordpress/url';

/**
 * Internal dependencies
 */
import { NAMESPACE } from '../api/client';
import type {
	AftercareMailReceivedQuery,
	AftercareMailSecret,
	AftercareMailStatus,
	AftercareMailboxTest,
	AftercareReceivedMail,
	AftercareSettingsEmailTestCreate,
} from '../api/types';

export const MAIL_PATH = `${ NAMESPACE }/mail`;

/** A log entry; only one entry read on its own carries the raw message. */
export type ReceivedMail = Omit<
	AftercareReceivedMail,
	'raw' | 'raw_truncated'
> &
	Partial< Pick< AftercareReceivedMail, 'raw' | 'raw_truncated' > >;
export type MailOutcome = ReceivedMail[ 'outcome' ];
export type ReceivedQuery = AftercareMailReceivedQuery;
export type MailStatus = AftercareMailStatus;
export type MailSecret = AftercareMailSecret;
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
 * Replaces the webhook secret with a new one, which only this answer shows.
 *
 * @return The new secret and the Postmark address with it.
 */
export function rotateSecret(): Promise< MailSecret > {
	return apiFetch< MailSecret >( {
		path: `${ MAIL_PATH }/secret`,
		method: 'POST',
	} );
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
