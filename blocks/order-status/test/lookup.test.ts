/**
 * Internal dependencies
 */
import { errorMessage, lookupBody } from '../lookup';
import { editorData, sampleOrder } from '../sample';
import { getLabels } from '../labels';

describe( 'order lookup request', () => {
	it( 'sends an email when the store only accepts emails', () => {
		expect( lookupBody( ' 1001 ', ' SW1A 1AA ', false ) ).toEqual( {
			number: '1001',
			email: 'SW1A 1AA',
		} );
	} );

	it( 'sends a postcode when allowed and the key has no @', () => {
		expect( lookupBody( '#1001', 'sw1a 1aa', true ) ).toEqual( {
			number: '#1001',
			postcode: 'sw1a 1aa',
		} );
	} );

	it( 'sends an email whenever the key has an @', () => {
		expect( lookupBody( '1001', 'gwen@example.test', true ) ).toEqual( {
			number: '1001',
			email: 'gwen@example.test',
		} );
	} );
} );

describe( 'lookup error message', () => {
	it( "shows the server's message", () => {
		expect(
			errorMessage(
				{ code: 'aftercare_throttled', message: 'Too many attempts.' },
				'Network'
			)
		).toBe( 'Too many attempts.' );
	} );

	it.each( [ null, 'oops', {}, { message: '' }, { message: 42 } ] )(
		'falls back for an unreadable answer (%p)',
		( body ) => {
			expect( errorMessage( body, 'Network' ) ).toBe( 'Network' );
		}
	);
} );

describe( 'editor preview', () => {
	it( 'treats a missing store answer as unavailable', () => {
		expect( editorData( undefined ) ).toEqual( {
			available: false,
			allowsPostcode: false,
		} );
		expect(
			editorData( { available: true, allowsPostcode: 'yes' } )
		).toEqual( { available: true, allowsPostcode: false } );
	} );

	it( 'shows guests no total and customers their total', () => {
		expect( sampleOrder( '1042', false ) ).not.toHaveProperty( 'total' );
		expect( sampleOrder( '1042', true ).total ).toBe( '$54.00' );
		expect( sampleOrder( '1042', false ).title ).toBe( 'Order #1042' );
	} );

	it( 'uses the site builder texts, else the defaults', () => {
		expect(
			getLabels( { heading: '', submitLabel: 'Track' }, true )
		).toEqual( {
			heading: 'Where is my order?',
			submit: 'Track',
			number: 'Order number',
			key: 'Email or billing postcode',
		} );
		expect(
			getLabels( { heading: 'Hi', submitLabel: '' }, false ).key
		).toBe( 'Email address' );
	} );
} );
