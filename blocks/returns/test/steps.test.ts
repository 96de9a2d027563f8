/**
 * Internal dependencies
 */
import {
	format,
	nextStep,
	photoError,
	requestBody,
	statusUrl,
	stepOf,
	toLines,
} from '../steps';
import type { Line, Messages } from '../steps';

const messages: Messages = {
	bought: 'Bought: %d',
	done: 'already returned or refunded: %d',
	tooManyFiles: 'Add at most 5 photos.',
	fileTooLarge: 'Each photo must be smaller than 10 MB.',
	failed: 'Something went wrong. Please try again.',
	line: '%1$d × %2$s — %3$s',
	replayed: 'We had already received this return request: its number is %s.',
};
const item = ( id: number, quantity: number, returnable: number ) => ( {
	order_item_id: id,
	product_id: 0,
	name: `Item ${ id }`,
	quantity,
	returned: quantity - returnable,
	refunded: 0,
	returnable,
	reason: returnable ? '' : 'Already returned.',
} );

const lines = ( ...changes: Array< Partial< Line > > ): Line[] =>
	toLines( [ item( 7, 2, 2 ), item( 8, 1, 0 ) ], 'r', messages ).map(
		( line, i ) => ( {
			...line,
			...changes[ i ],
		} )
	);

describe( 'return form steps', () => {
	it( 'fills placeholders in order and by position', () => {
		expect(
			format( 'You can return up to %1$d of %2$s.', 2, 'Shirt' )
		).toBe( 'You can return up to 2 of Shirt.' );
		expect( format( '%s and %d', 'a', 3 ) ).toBe( 'a and 3' );
	} );

	it( 'goes from each step to the next, and sends after the review', () => {
		expect( nextStep( 'order' ) ).toBe( 'items' );
		expect( nextStep( 'outcome' ) ).toBe( 'review' );
		expect( nextStep( 'review' ) ).toBe( 'submit' );
	} );

	it( 'binds lines as the server does and keeps what was chosen for the same order', () => {
		const [ first, second ] = lines();
		expect( first ).toMatchObject( {
			id: 7,
			qtyName: 'aftercare_items[7][quantity]',
			reasonName: 'aftercare_items[7][reason]',
			qtyId: 'r-qty-7',
			detail: 'Bought: 2',
			quantity: 0,
		} );
		expect( second?.detail ).toBe(
			'Bought: 1 · already returned or refunded: 1'
		);
		expect( second?.note ).toBe( 'Already returned.' );
		const again = toLines( [ item( 7, 2, 2 ) ], 'r', messages, [
			{ ...( first as Line ), quantity: 1, reason: 'size' },
		] );
		expect( again[ 0 ] ).toMatchObject( { quantity: 1, reason: 'size' } );
	} );

	it( 'keeps photos within the attachment limits before uploading them', () => {
		const limits = { maxFiles: 2, maxBytes: 100 };
		expect( photoError( [], limits, messages ) ).toBe( '' );
		expect( photoError( [ 1, 1, 1 ], limits, messages ) ).toBe(
			messages.tooManyFiles
		);
		expect( photoError( [ 101 ], limits, messages ) ).toBe(
			messages.fileTooLarge
		);
		expect( photoError( [ 100, 100 ], limits, messages ) ).toBe( '' );
	} );

	it( 'sends the chosen lines, the fields and the photos as the REST route names them', () => {
		const photo = new File( [ 'x' ], 'seam.png', { type: 'image/png' } );
		const body = requestBody(
			{ order_number: '1001', email: 'a@example.test' },
			lines( { quantity: 1, reason: 'damaged' } ),
			{ outcome: 'refund', comment: '  ' },
			{ idempotency_key: 'key-12345' },
			[ photo ]
		);
		expect( Array.from( body.keys() ) ).toEqual( [
			'order_number',
			'email',
			'items[0][order_item_id]',
			'items[0][quantity]',
			'items[0][reason]',
			'outcome',
			'idempotency_key',
			'attachments[]',
		] );
		expect( body.get( 'items[0][order_item_id]' ) ).toBe( '7' );
		expect( body.get( 'attachments[]' ) ).toBeInstanceOf( File );

		// The same request, checked up to a step: no key, no photos.
		const check = requestBody(
			{ order_id: '42' },
			lines( { quantity: 2, reason: 'size' } ),
			{ outcome: '', comment: 'Too small' },
			{ step: 'items' }
		);
		expect( Array.from( check.entries() ) ).toEqual( [
			[ 'order_id', '42' ],
			[ 'items[0][order_item_id]', '7' ],
			[ 'items[0][quantity]', '2' ],
			[ 'items[0][reason]', 'size' ],
			[ 'outcome', '' ],
			[ 'comment', 'Too small' ],
			[ 'step', 'items' ],
		] );
	} );

	it( 'sends a refused request back to the step of the field the answer names', () => {
		expect( stepOf( { data: { params: [ 'items' ] } } ) ).toBe( 'items' );
		expect( stepOf( { data: { params: { email: 'Enter…' } } } ) ).toBe(
			'order'
		);
		expect( stepOf( { data: { params: [ 'photos' ] } } ) ).toBe( 'review' );
		expect( stepOf( { code: 'aftercare_order_not_found' } ) ).toBe(
			'order'
		);
		expect( stepOf( null ) ).toBe( 'review' );
	} );

	it( 'opens the status page on this page, with a guest’s token', () => {
		const url = new URL(
			statusUrl( 'http://shop.test/?page_id=5#x', 12, 'tok_en' )
		);
		expect( url.searchParams.get( 'page_id' ) ).toBe( '5' );
		expect( url.searchParams.get( 'aftercare_return' ) ).toBe( '12' );
		expect( url.searchParams.get( 'aftercare_token' ) ).toBe( 'tok_en' );
		expect( url.searchParams.get( 'aftercare_done' ) ).toBe( 'created' );
		expect( url.hash ).toBe( '' );
		expect(
			new URL( statusUrl( '/returns/', 3, '' ) ).searchParams.has(
				'aftercare_token'
			)
		).toBe( false );
	} );
} );
