/**
 * Internal dependencies
 */
import { isEmail, validateField, validateForm } from '../validation';
import type { FieldState } from '../validation';

const field = ( overrides: Partial< FieldState > ): FieldState => ( {
	name: 'subject',
	value: '',
	required: true,
	type: 'text',
	...overrides,
} );

describe( 'contact form validation', () => {
	it.each( [
		'name@example.com',
		'first.last+tag@sub.example.co.uk',
		"o'brien@example.ie",
	] )( 'accepts the email address %s', ( value ) => {
		expect( isEmail( value ) ).toBe( true );
	} );

	it.each( [
		'name',
		'name@',
		'@example.com',
		'name@example',
		'name@exa mple.com',
		'name@@example.com',
		'name@-example.com',
	] )( 'rejects the email address %s', ( value ) => {
		expect( isEmail( value ) ).toBe( false );
	} );

	it( 'requires a value in required fields, ignoring surrounding spaces', () => {
		expect( validateField( field( { value: '' } ) ) ).toBe( 'required' );
		expect( validateField( field( { value: '   ' } ) ) ).toBe( 'required' );
		expect( validateField( field( { value: 'Broken zip' } ) ) ).toBeNull();
	} );

	it( 'lets optional fields stay empty', () => {
		expect(
			validateField( field( { name: 'order', required: false } ) )
		).toBeNull();
	} );

	it( 'checks the format of email fields', () => {
		const email = ( value: string ) =>
			validateField( field( { name: 'email', type: 'email', value } ) );
		expect( email( '' ) ).toBe( 'required' );
		expect( email( 'not-an-address' ) ).toBe( 'email' );
		expect( email( ' name@example.com ' ) ).toBeNull();
		expect(
			validateField(
				field( { type: 'email', required: false, value: 'nope' } )
			)
		).toBe( 'email' );
	} );

	it( 'reports every field and the first invalid one in form order', () => {
		const result = validateForm( [
			field( { name: 'name', value: 'Ada' } ),
			field( { name: 'email', type: 'email', value: 'ada@' } ),
			field( { name: 'order', required: false } ),
			field( { name: 'subject' } ),
			field( { name: 'message', value: 'Hello' } ),
		] );
		expect( result ).toEqual( {
			errors: {
				name: null,
				email: 'email',
				order: null,
				subject: 'required',
				message: null,
			},
			firstInvalid: 'email',
		} );
	} );

	it( 'finds nothing to fix in a complete form', () => {
		expect(
			validateForm( [
				field( { name: 'subject', value: 'Where is my parcel?' } ),
				field( { name: 'message', value: 'It is late.' } ),
			] ).firstInvalid
		).toBeNull();
	} );
} );
