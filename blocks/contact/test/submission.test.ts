/**
 * Internal dependencies
 */
import {
	newIdempotencyKey,
	readAnswer,
	restName,
	send,
	toRequestBody,
} from '../submission';
import { validateField, validateForm } from '../validation';

const FALLBACK = 'Something went wrong. Please try again.';

describe( 'contact form request body', () => {
	it( 'sends the REST fields and leaves out the page-only ones and empty optional ones', () => {
		const form = new FormData();
		form.append( 'aftercare_contact', '1' );
		form.append( '_aftercare_nonce', 'abc' );
		form.append( 'idempotency_key', 'key-1' );
		form.append( 'aftercare_name', 'Gwen' );
		form.append( 'email', 'gwen@example.test' );
		form.append( 'order_number', '   ' );
		form.append( 'order_id', '0' );
		form.append( 'subject', 'Lost parcel' );
		form.append( 'message', 'Nothing came.' );
		form.append(
			'attachments[]',
			new File( [], '', { type: 'application/octet-stream' } )
		);

		const body = toRequestBody( form );
		expect( Array.from( body.keys() ) ).toEqual( [
			'idempotency_key',
			'name',
			'email',
			'subject',
			'message',
		] );
	} );

	it( 'keeps chosen files and a chosen order', () => {
		const form = new FormData();
		form.append( 'order_id', '42' );
		form.append(
			'attachments[]',
			new File( [ 'hello' ], 'receipt.txt', { type: 'text/plain' } )
		);
		const body = toRequestBody( form );
		expect( body.get( 'order_id' ) ).toBe( '42' );
		expect( ( body.get( 'attachments[]' ) as File ).name ).toBe(
			'receipt.txt'
		);
	} );
} );

describe( 'field names', () => {
	it( 'maps inputs to REST parameters', () => {
		expect( restName( 'aftercare_name' ) ).toBe( 'name' );
		expect( restName( 'attachments[]' ) ).toBe( 'attachments' );
		expect( restName( 'subject' ) ).toBe( 'subject' );
	} );
} );

describe( 'reading the answer', () => {
	it( 'gives the ticket number and the guest link of a created ticket', () => {
		expect(
			readAnswer(
				201,
				{
					id: 7,
					number: 1042,
					access_url: 'https://shop.test/contact/?aftercare_ticket=7',
				},
				FALLBACK
			)
		).toEqual( {
			ok: true,
			number: 1042,
			link: 'https://shop.test/contact/?aftercare_ticket=7',
			replayed: false,
		} );
		expect( readAnswer( 201, { number: 1043 }, FALLBACK ) ).toEqual( {
			ok: true,
			number: 1043,
			link: '',
			replayed: false,
		} );
	} );

	it( 'says when the same submission was received before (no link then)', () => {
		expect(
			readAnswer( 200, { id: 7, number: 1042, replayed: true }, FALLBACK )
		).toEqual( { ok: true, number: 1042, link: '', replayed: true } );
	} );

	it( 'points a refusal at its field', () => {
		expect(
			readAnswer(
				400,
				{
					code: 'aftercare_order_not_found',
					message:
						'We could not find that order for your email address.',
					data: { status: 400, params: [ 'order_number' ] },
				},
				FALLBACK
			)
		).toEqual( {
			ok: false,
			message: 'We could not find that order for your email address.',
			field: 'order_number',
		} );
	} );

	it( 'shows a throttle message without a field', () => {
		expect(
			readAnswer(
				429,
				{ message: 'Too many messages. Please try again later.' },
				FALLBACK
			)
		).toEqual( {
			ok: false,
			message: 'Too many messages. Please try again later.',
			field: null,
		} );
	} );

	it.each( [
		[ 500, { message: 'Fatal error in /var/www/wp-content/x.php' } ],
		[ 502, null ],
		[ 200, 'not json' ],
		[ 201, { id: 1 } ],
		[ 0, null ],
	] )(
		'falls back to a neutral message for status %i and body %p',
		( status, body ) => {
			expect( readAnswer( status, body, FALLBACK ) ).toEqual( {
				ok: false,
				message: FALLBACK,
				field: null,
			} );
		}
	);
} );

describe( 'sending', () => {
	it( 'posts the body with the nonce of a signed-in customer', async () => {
		const fetcher = jest.fn().mockResolvedValue( {
			status: 201,
			json: () => Promise.resolve( { number: 1042 } ),
		} );
		const body = new FormData();
		const result = await send(
			'/wp-json/aftercare/v1/tickets',
			'n0nce',
			body,
			fetcher
		);
		expect( fetcher ).toHaveBeenCalledWith(
			'/wp-json/aftercare/v1/tickets',
			{
				method: 'POST',
				body,
				credentials: 'same-origin',
				headers: { 'X-WP-Nonce': 'n0nce' },
			}
		);
		expect( result ).toEqual( { status: 201, answer: { number: 1042 } } );
	} );

	it( 'sends no nonce for guests and survives an answer that is not JSON', async () => {
		const fetcher = jest.fn().mockResolvedValue( {
			status: 502,
			json: () => Promise.reject( new SyntaxError( 'Unexpected <' ) ),
		} );
		const result = await send( '/t', '', new FormData(), fetcher );
		expect( fetcher.mock.calls[ 0 ][ 1 ].headers ).toEqual( {} );
		expect( result ).toEqual( { status: 502, answer: null } );
	} );
} );

describe( 'idempotency keys', () => {
	it( 'differ on every page view', () => {
		const keys = new Set(
			Array.from( { length: 20 }, () => newIdempotencyKey() )
		);
		expect( keys.size ).toBe( 20 );
		for ( const key of keys ) {
			expect( key ).toMatch( /^[0-9a-f-]{32,36}$/ );
		}
	} );
} );

describe( 'attachment checks', () => {
	const limits = { maxFiles: 2, maxBytes: 1000 };
	const files = ( ...sizes: number[] ) => ( {
		name: 'attachments',
		value: '',
		required: false,
		type: 'file',
		fileSizes: sizes,
	} );

	it( 'accepts no files, or few small ones', () => {
		expect( validateField( files(), limits ) ).toBeNull();
		expect( validateField( files( 10, 1000 ), limits ) ).toBeNull();
	} );

	it( 'refuses too many files and files over the limit', () => {
		expect( validateField( files( 1, 1, 1 ), limits ) ).toBe(
			'tooManyFiles'
		);
		expect( validateField( files( 1001 ), limits ) ).toBe( 'fileTooLarge' );
	} );

	it( 'reports a file problem in form order', () => {
		const result = validateForm(
			[
				{
					name: 'subject',
					value: 'Hi',
					required: true,
					type: 'text',
				},
				files( 5000 ),
			],
			limits
		);
		expect( result.firstInvalid ).toBe( 'attachments' );
	} );
} );
