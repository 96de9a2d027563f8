/**
 * The parts of a lookup the view script and the editor share, kept free of the
 * DOM and of WordPress so they are unit-tested on their own.
 */

/** The body of a guest's POST to aftercare/v1/order-status. */
export interface LookupBody {
	number: string;
	email?: string;
	postcode?: string;
}

/**
 * The request for what the shopper typed. The second field is an email when it
 * has an @ or when the store only accepts emails, else a billing postcode (as
 * render.php decides for the form posted without JavaScript).
 *
 * @param number         Order number as typed.
 * @param key            Email address or postcode as typed.
 * @param allowsPostcode Whether the store accepts the billing postcode.
 */
export function lookupBody(
	number: string,
	key: string,
	allowsPostcode: boolean
): LookupBody {
	const value = key.trim();
	return value.includes( '@' ) || ! allowsPostcode
		? { number: number.trim(), email: value }
		: { number: number.trim(), postcode: value };
}

/**
 * The message to show for a failed lookup: the server's own (translated, and the
 * same for every kind of miss), else the fallback.
 *
 * @param body     Parsed response body, if any.
 * @param fallback Message for a network failure or an unreadable answer.
 */
export function errorMessage( body: unknown, fallback: string ): string {
	if (
		body &&
		typeof body === 'object' &&
		'message' in body &&
		typeof body.message === 'string' &&
		body.message !== ''
	) {
		return body.message;
	}
	return fallback;
}
