/**
 * Sending the contact form to the REST API and reading the answer. Pure functions (the fetch is
 * passed in), so they are tested without a browser.
 */

/** What the person sees after sending. */
export type Outcome =
	| { ok: true; number: number; link: string; replayed: boolean }
	| { ok: false; message: string; field: string | null };

/** The parts of the answer of POST /aftercare/v1/tickets that the form reads. */
interface TicketAnswer {
	number?: unknown;
	access_url?: unknown;
	replayed?: unknown;
	message?: unknown;
	data?: { params?: unknown };
}

/** Form fields that only the page's own (no-JavaScript) POST handler reads. */
const PAGE_ONLY_FIELDS = [
	'aftercare_contact',
	'_aftercare_nonce',
	'_wp_http_referer',
];

/** Inputs whose form name differs from the REST parameter (`name` is a WordPress query var). */
const REST_NAMES: Record< string, string > = { aftercare_name: 'name' };

/**
 * The REST parameter an input stands for.
 *
 * @param formName The input's name, e.g. `aftercare_name` or `attachments[]`.
 * @return The parameter, e.g. `name` or `attachments`.
 */
export function restName( formName: string ): string {
	const name = formName.replace( /\[\]$/, '' );
	return REST_NAMES[ name ] ?? name;
}

/**
 * The request body: the form's fields as the REST route names them, without the page's own.
 * Empty optional fields and an empty file input are left out; files keep `attachments[]`.
 *
 * @param data The form's data.
 * @return The body to send.
 */
export function toRequestBody( data: FormData ): FormData {
	const body = new FormData();
	data.forEach( ( value, name ) => {
		if ( PAGE_ONLY_FIELDS.includes( name ) ) {
			return;
		}
		if ( typeof value === 'string' ) {
			if (
				value.trim() !== '' &&
				! ( name === 'order_id' && value === '0' )
			) {
				body.append( restName( name ), value );
			}
		} else if ( value.size > 0 || value.name !== '' ) {
			body.append( name, value );
		}
	} );
	return body;
}

/**
 * What an answer means for the person.
 *
 * @param status   HTTP status.
 * @param answer   The decoded JSON body (anything; it is checked).
 * @param fallback The message for failures without a usable one.
 * @return The ticket number, guest link and whether it was sent before, or the message and the field it concerns.
 */
export function readAnswer(
	status: number,
	answer: unknown,
	fallback: string
): Outcome {
	const body = (
		answer && typeof answer === 'object' ? answer : {}
	) as TicketAnswer;
	if ( status >= 200 && status < 300 && typeof body.number === 'number' ) {
		return {
			ok: true,
			number: body.number,
			link: typeof body.access_url === 'string' ? body.access_url : '',
			// Sent before (same key): a guest's link then comes only by email.
			replayed: body.replayed === true,
		};
	}
	const params = body.data?.params;
	const field =
		Array.isArray( params ) && typeof params[ 0 ] === 'string'
			? params[ 0 ]
			: null;
	const message =
		status < 500 && typeof body.message === 'string' && body.message
			? body.message
			: fallback;
	return { ok: false, message, field };
}

/**
 * A fresh idempotency key: one per page view (a cached page's server key may be shared).
 *
 * @return A random key.
 */
export function newIdempotencyKey(): string {
	if ( typeof crypto.randomUUID === 'function' ) {
		return crypto.randomUUID();
	}
	// randomUUID needs a secure context (https or localhost); getRandomValues does not.
	const bytes = new Uint8Array( 16 );
	crypto.getRandomValues( bytes );
	return Array.from( bytes, ( byte ) =>
		byte.toString( 16 ).padStart( 2, '0' )
	).join( '' );
}

/**
 * Posts the form to the REST API.
 *
 * @param url     REST URL of the tickets collection.
 * @param nonce   REST nonce of a signed-in customer ('' for guests).
 * @param body    The request body.
 * @param fetcher fetch, or a stand-in in tests.
 * @return The status and the decoded answer (null when it was not JSON).
 */
export async function send(
	url: string,
	nonce: string,
	body: FormData,
	fetcher: typeof fetch = fetch
): Promise< { status: number; answer: unknown } > {
	const response = await fetcher( url, {
		method: 'POST',
		body,
		credentials: 'same-origin',
		headers: nonce ? { 'X-WP-Nonce': nonce } : {},
	} );
	let answer: unknown = null;
	try {
		answer = await response.json();
	} catch {
		answer = null;
	}
	return { status: response.status, answer };
}
