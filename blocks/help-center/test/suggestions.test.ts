/**
 * Internal dependencies
 */
import { VISITOR_COOKIE, visitorId } from '../api';
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

describe( 'help suggestions', () => {
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
		>( async ( url ) =>
			String( url ).includes( '/search' )
				? ( {
						ok: true,
						json: async () => [
							article( 7, 'How do I return an item?' ),
						],
					} as Response )
				: ( { ok: true } as Response )
		);
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
			} ),
		] );

		( container.querySelector( 'a' ) as HTMLAnchorElement ).dispatchEvent(
			new MouseEvent( 'click', { cancelable: true } )
		);
		const last = fetchMock.mock.calls.at( -1 );
		expect( JSON.parse( String( last?.[ 1 ]?.body ) ) ).toEqual(
			expect.objectContaining( { kind: 'click', articles: [ 7 ] } )
		);
	} );

	it( 'keeps one anonymous visitor id in a first-party cookie', () => {
		document.cookie = `${ VISITOR_COOKIE }=; max-age=0; path=/`;
		const first = visitorId();
		expect( first ).toMatch( /^[A-Za-z0-9-]{16,64}$/ );
		expect( document.cookie ).toContain( `${ VISITOR_COOKIE }=${ first }` );
		expect( visitorId() ).toBe( first );
	} );
} );
