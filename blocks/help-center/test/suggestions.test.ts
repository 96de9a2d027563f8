/**
 * Internal dependencies
 */
import { VISITOR_COOKIE, sendAsVisitor, visitorId } from '../api';
import { attachSuggestions, renderSuggestions } from '../suggestions';

const article = ( id: number, title: string ) => ( {
	id,
	title,
	excerpt: '',
	url: `https://shop.test/help/${ id }/`,
	category: 'Returns',
} );

function box(): HTMLElement {
	document.body.innerHTML = `<form><input name="subject"><div class="aftercare-help-suggestions__box" data-rest="https://shop.test/wp-json/aftercare/v1/help/" data-source="contact" data-new-tab="(opens in a new tab)" hidden><p>Maybe:</p><ul></ul></div></form>`;
	return document.querySelector(
		'.aftercare-help-suggestions__box'
	) as HTMLElement;
}

const REST = 'https://shop.test/wp-json/aftercare/v1/help/';
const VISITOR = `${ 'a'.repeat( 32 ) }.${ 'f'.repeat( 32 ) }`;

const issued = ( visitor: string ) =>
	( {
		ok: true,
		status: 201,
		json: async () => ( { visitor } ),
	} ) as Response;

describe( 'help suggestions', () => {
	beforeEach( () => {
		document.cookie = `${ VISITOR_COOKIE }=; max-age=0; path=/`;
	} );

	afterEach( () => {
		jest.useRealTimers();
		jest.restoreAllMocks();
	} );

	it( 'renders titles as text, never as HTML, and hides an empty box', () => {
		const container = box();
		renderSuggestions(
			container,
			[ article( 1, '<img src=x onerror=alert(1)>' ) ],
			jest.fn()
		);
		const link = container.querySelector( 'a' ) as HTMLAnchorElement;
		expect( container.hidden ).toBe( false );
		expect( container.querySelector( 'img' ) ).toBeNull();
		expect( link.textContent ).toContain( '<img src=x onerror=alert(1)>' );
		expect( link.target ).toBe( '_blank' );
		renderSuggestions( container, [], jest.fn() );
		expect( container.hidden ).toBe( true );
	} );

	it( 'searches what the shopper types, shows the articles and logs what they saw and opened', async () => {
		jest.useFakeTimers();
		const container = box();
		const input = document.querySelector( 'input' ) as HTMLInputElement;
		const fetchMock = jest.fn<
			Promise< Response >,
			[ URL | string, RequestInit? ]
		>( async ( url ) => {
			if ( String( url ).endsWith( '/visitor' ) ) {
				return issued( VISITOR );
			}
			return String( url ).includes( '/search' )
				? ( {
						ok: true,
						json: async () => [
							article( 7, 'How do I return an item?' ),
						],
					} as Response )
				: ( { ok: true } as Response );
		} );
		global.fetch = fetchMock as unknown as typeof fetch;
		attachSuggestions( container, input );

		input.value = 're';
		input.dispatchEvent( new Event( 'input' ) );
		jest.advanceTimersByTime( 300 );
		expect( fetchMock ).not.toHaveBeenCalled();

		input.value = 'return my jacket';
		input.dispatchEvent( new Event( 'input' ) );
		await jest.advanceTimersByTimeAsync( 300 );
		const searchUrl = new URL( String( fetchMock.mock.calls[ 0 ]?.[ 0 ] ) );
		expect( searchUrl.pathname ).toBe(
			'/wp-json/aftercare/v1/help/search'
		);
		expect( searchUrl.searchParams.get( 'q' ) ).toBe( 'return my jacket' );
		expect( container.hidden ).toBe( false );
		expect( container.textContent ).toContain( 'How do I return an item?' );

		await jest.advanceTimersByTimeAsync( 1500 );
		const events = fetchMock.mock.calls
			.filter( ( [ url ] ) => String( url ).endsWith( '/events' ) )
			.map( ( [ , init ] ) => JSON.parse( String( init?.body ) ) );
		expect( events ).toEqual( [
			expect.objectContaining( {
				kind: 'suggest',
				source: 'contact',
				query: 'return my jacket',
				articles: [ 7 ],
				visitor: VISITOR,
			} ),
		] );

		( container.querySelector( 'a' ) as HTMLAnchorElement ).dispatchEvent(
			new MouseEvent( 'click', { cancelable: true } )
		);
		await jest.advanceTimersByTimeAsync( 0 );
		const last = fetchMock.mock.calls.at( -1 );
		expect( JSON.parse( String( last?.[ 1 ]?.body ) ) ).toEqual(
			expect.objectContaining( { kind: 'click', articles: [ 7 ] } )
		);
	} );

	it( 'asks the store once for a signed visitor id and keeps it in a first-party cookie', async () => {
		const fetchMock = jest.fn<
			Promise< Response >,
			[ URL | string, RequestInit? ]
		>( async () => issued( VISITOR ) );
		global.fetch = fetchMock as unknown as typeof fetch;
		const [ first, second ] = await Promise.all( [
			visitorId( REST ),
			visitorId( REST ),
		] );
		expect( first ).toBe( VISITOR );
		expect( second ).toBe( VISITOR );
		expect( fetchMock ).toHaveBeenCalledTimes( 1 );
		expect( String( fetchMock.mock.calls[ 0 ]?.[ 0 ] ) ).toBe(
			`${ REST }visitor`
		);
		expect( document.cookie ).toContain(
			`${ VISITOR_COOKIE }=${ VISITOR }`
		);
		expect( await visitorId( REST ) ).toBe( VISITOR );
		expect( fetchMock ).toHaveBeenCalledTimes( 1 );
	} );

	it( 'replaces a visitor id made in the browser and one the store refuses, once', async () => {
		document.cookie = `${ VISITOR_COOKIE }=0123456789abcdef-0123456789abcdef; path=/`;
		const renewed = `${ 'b'.repeat( 32 ) }.${ 'c'.repeat( 32 ) }`;
		const fetchMock = jest
			.fn()
			.mockResolvedValueOnce( issued( VISITOR ) )
			.mockResolvedValueOnce( issued( renewed ) );
		global.fetch = fetchMock as unknown as typeof fetch;
		const sent: string[] = [];
		const refused = {
			ok: false,
			status: 400,
			json: async () => ( { code: 'aftercare_invalid_visitor' } ),
		} as Response;
		const send = jest.fn( async ( visitor: string ) => {
			sent.push( visitor );
			return sent.length === 1 ? refused : ( { ok: true } as Response );
		} );
		expect( await sendAsVisitor( REST, send ) ).toBe( true );
		expect( sent ).toEqual( [ VISITOR, renewed ] );
		expect( document.cookie ).toContain(
			`${ VISITOR_COOKIE }=${ renewed }`
		);

		const always = jest.fn( async () => refused );
		fetchMock.mockResolvedValue( issued( VISITOR ) );
		expect( await sendAsVisitor( REST, always ) ).toBe( false );
		expect( always ).toHaveBeenCalledTimes( 2 );
	} );
} );
