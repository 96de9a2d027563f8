/**
 * Internal dependencies
 */
import { getErrorMessage } from '../api';

/** The action a store keeps a request's error (or its clearing) under. */
export interface ReceiveErrorAction {
	type: 'RECEIVE_ERROR';
	key: string;
	message: string | null;
}

/**
 * Runs a request and stores its result, or the error under `key`.
 *
 * @param dispatch Store dispatch.
 * @param key      Error key.
 * @param request  The request and what to do with its result.
 */
export async function load(
	dispatch: ( action: ReceiveErrorAction ) => void,
	key: string,
	request: () => Promise< void >
): Promise< void > {
	try {
		await request();
		dispatch( { type: 'RECEIVE_ERROR', key, message: null } );
	} catch ( error ) {
		dispatch( {
			type: 'RECEIVE_ERROR',
			key,
			message: getErrorMessage( error ),
		} );
	}
}
