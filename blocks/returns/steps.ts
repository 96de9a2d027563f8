/**
 * The return form's steps, free of the DOM and of WordPress so they are unit-tested on their
 * own: the lines of an order as the form binds them, the request body (for POST /returns and
 * for POST /returns/check, which owns the rules of each step: Returns\ReturnRules), the photos'
 * count and size checked before they are uploaded, and where a refused request sends the
 * shopper back to.
 */

/**
 * Internal dependencies
 */
import type { AftercareReturnEligibility } from '../../src/api/types';

export const STEPS = [ 'order', 'items', 'details', 'outcome', 'review' ];

/** One order line as the form binds it (render.php builds the same on the server). */
export interface Line {
	id: number;
	name: string;
	bought: number;
	done: number;
	returnable: number;
	note: string;
	quantity: number;
	reason: string;
	qtyName: string;
	reasonName: string;
	qtyId: string;
	reasonId: string;
	detailId: string;
	detail: string;
}

export interface Reason {
	label: string;
	photos: boolean;
}

/** Translated texts (render.php), with printf-style placeholders. */
export interface Messages {
	bought: string;
	done: string;
	tooManyFiles: string;
	fileTooLarge: string;
	failed: string;
	/** A chosen line: quantity, product name, reason. */
	line: string;
	/** The same request sent again: the return's number; its link went by email. */
	replayed: string;
}

/**
 * Fills printf-style placeholders (`%s`, `%d`, `%1$d`, `%2$s`) in order.
 *
 * @param text   The text.
 * @param values The values.
 */
export function format(
	text: string,
	...values: Array< string | number >
): string {
	let next = 0;
	return text.replace( /%(?:(\d+)\$)?[sd]/g, ( _, position?: string ) =>
		String( values[ position ? Number( position ) - 1 : next++ ] ?? '' )
	);
}

/**
 * The step after this one (`submit` after the last).
 *
 * @param step Current step.
 */
export function nextStep( step: string ): string {
	return STEPS[ STEPS.indexOf( step ) + 1 ] ?? 'submit';
}

/**
 * The order's lines from the eligibility answer, keeping what was chosen for lines already shown.
 *
 * @param items    Lines of the eligibility answer.
 * @param uid      The block's id prefix.
 * @param messages Texts.
 * @param previous Lines shown before (the same order looked up again).
 */
export function toLines(
	items: AftercareReturnEligibility[ 'items' ],
	uid: string,
	messages: Messages,
	previous: Line[] = []
): Line[] {
	return items.map( ( item ) => {
		const id = item.order_item_id;
		const done = item.returned + item.refunded;
		const before = previous.find( ( line ) => line.id === id );
		return {
			id,
			name: item.name,
			bought: item.quantity,
			done,
			returnable: item.returnable,
			note: item.reason,
			quantity: before?.quantity ?? 0,
			reason: before?.reason ?? '',
			qtyName: `aftercare_items[${ id }][quantity]`,
			reasonName: `aftercare_items[${ id }][reason]`,
			qtyId: `${ uid }-qty-${ id }`,
			reasonId: `${ uid }-reason-${ id }`,
			detailId: `${ uid }-detail-${ id }`,
			detail:
				format( messages.bought, item.quantity ) +
				( done > 0 ? ` · ${ format( messages.done, done ) }` : '' ),
		};
	} );
}

/**
 * Why the photos cannot be sent ('' when they can): too many, or one too large, so a shopper
 * learns it before uploading them. Whether the chosen reasons need photos is the server's rule.
 *
 * @param sizes           Byte sizes of the chosen files.
 * @param limits          Largest count and size.
 * @param limits.maxFiles Largest number of photos.
 * @param limits.maxBytes Largest photo, in bytes.
 * @param messages        Texts.
 */
export function photoError(
	sizes: number[],
	limits: { maxFiles: number; maxBytes: number },
	messages: Messages
): string {
	if ( sizes.length > limits.maxFiles ) {
		return messages.tooManyFiles;
	}
	return sizes.some( ( size ) => size > limits.maxBytes )
		? messages.fileTooLarge
		: '';
}

/**
 * The request as a multipart body: POST /aftercare/v1/returns takes it with the idempotency key
 * and the photos, POST /aftercare/v1/returns/check with the step to check.
 *
 * @param order          Guests: order number and email; customers: the order id.
 * @param lines          The order's lines (those with a quantity are sent).
 * @param fields         Outcome and comment.
 * @param fields.outcome The outcome.
 * @param fields.comment The comment.
 * @param extra          The idempotency key, or the step.
 * @param photos         The chosen files.
 */
export function requestBody(
	order: Record< string, string >,
	lines: Line[],
	fields: { outcome: string; comment: string },
	extra: Record< string, string >,
	photos: File[] = []
): FormData {
	const body = new FormData();
	Object.entries( order ).forEach( ( [ name, value ] ) =>
		body.append( name, value )
	);
	lines
		.filter( ( line ) => line.quantity > 0 )
		.forEach( ( line, i ) => {
			body.append( `items[${ i }][order_item_id]`, String( line.id ) );
			body.append( `items[${ i }][quantity]`, String( line.quantity ) );
			body.append( `items[${ i }][reason]`, line.reason );
		} );
	body.append( 'outcome', fields.outcome );
	if ( fields.comment.trim() !== '' ) {
		body.append( 'comment', fields.comment );
	}
	Object.entries( extra ).forEach( ( [ name, value ] ) =>
		body.append( name, value )
	);
	photos.forEach( ( photo ) => body.append( 'attachments[]', photo ) );
	return body;
}

const FIELD_STEPS: Record< string, string > = {
	order_number: 'order',
	email: 'order',
	number: 'order',
	order_id: 'order',
	items: 'items',
	comment: 'details',
	outcome: 'outcome',
};

/**
 * The step a refused request goes back to: the one holding the field the answer names.
 *
 * @param answer The decoded error body.
 */
export function stepOf( answer: unknown ): string {
	const body = ( answer && typeof answer === 'object' ? answer : {} ) as {
		code?: unknown;
		data?: { params?: unknown };
	};
	const params = body.data?.params;
	const fields = Array.isArray( params )
		? params.map( String )
		: Object.keys( params && typeof params === 'object' ? params : {} );
	const step = fields.map( ( name ) => FIELD_STEPS[ name ] ).find( Boolean );
	if ( step ) {
		return step;
	}
	return body.code === 'aftercare_order_not_found' ? 'order' : 'review';
}

/**
 * The return's status page: this page with the return's id (and a guest's token).
 *
 * @param page  This page's address.
 * @param id    Return id.
 * @param token A guest's access token ('' for customers).
 */
export function statusUrl( page: string, id: number, token: string ): string {
	const url = new URL( page, window.location.href );
	url.hash = '';
	url.searchParams.set( 'aftercare_return', String( id ) );
	if ( token !== '' ) {
		url.searchParams.set( 'aftercare_token', token );
	}
	url.searchParams.set( 'aftercare_done', 'created' );
	return url.toString();
}
