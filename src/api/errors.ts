/**
 * WordPress dependencies
 */
import { __ } from '@wordpress/i18n';

/**
 * The error body of a failed REST request, as `apiFetch` rejects with it.
 */
export interface ApiError {
	code: string;
	message: string;
	data?: { status?: number; [ key: string ]: unknown } | null;
}

/**
 * Whether a value is a REST error body.
 *
 * @param error Anything a request rejected with.
 * @return True for `{ code, message }` objects.
 */
export function isApiError( error: unknown ): error is ApiError {
	return (
		typeof error === 'object' &&
		error !== null &&
		typeof ( error as ApiError ).code === 'string' &&
		typeof ( error as ApiError ).message === 'string'
	);
}

/**
 * A message to show a person for a failed request.
 *
 * @param error Anything a request rejected with.
 * @return The server's message, or a generic one.
 */
export function getErrorMessage( error: unknown ): string {
	if ( isApiError( error ) && error.message ) {
		// WordPress names only the invalid fields up top; what is wrong with each is in `params`.
		const params = error.data?.params;
		if (
			error.code === 'rest_invalid_param' &&
			params &&
			typeof params === 'object' &&
			! Array.isArray( params )
		) {
			const reasons = Object.values( params ).filter(
				( reason ): reason is string => typeof reason === 'string'
			);
			if ( reasons.length ) {
				return reasons.join( ' ' );
			}
		}
		return error.message;
	}
	return __( 'Something went wrong. Please try again.', 'aftercare' );
}
