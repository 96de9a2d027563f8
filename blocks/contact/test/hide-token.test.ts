/**
 * Internal dependencies
 */
import { hideToken } from '../hide-token';
import type { TokenWindow } from '../hide-token';

function fakeWindow( href: string ) {
	const stored = new Map< string, string >();
	const win = {
		location: { href, replace: jest.fn() },
		history: {
			state: { kept: true },
			replaceState: jest.fn( ( _state, _title, url: string ) => {
				win.location.href = url;
			} ),
		},
		sessionStorage: {
			getItem: ( key: string ) => stored.get( key ) ?? null,
			setItem: ( key: string, value: string ) =>
				void stored.set( key, value ),
			removeItem: ( key: string ) => void stored.delete( key ),
		},
	};
	return { win: win as unknown as TokenWindow & typeof win, stored };
}

const TOKEN = 'abcdefghijklmnopqrstuvwxyz012345';
const PAGE = 'https://shop.test/contact/?aftercare_ticket=7';

describe( 'hideToken', () => {
	it( 'moves the token of an opened thread out of the address', () => {
		const { win, stored } = fakeWindow(
			`${ PAGE }&aftercare_token=${ TOKEN }&aftercare_done=created`
		);
		hideToken( 'aftercare_ticket', true, win );
		expect( win.history.replaceState ).toHaveBeenCalledWith(
			{ kept: true },
			'',
			`${ PAGE }&aftercare_done=created`
		);
		expect( stored.get( 'aftercare_ticket:7' ) ).toBe( TOKEN );
		expect( win.location.replace ).not.toHaveBeenCalled();
	} );

	it( 'sends a reload back with the kept token, once the page says the link is missing', () => {
		const { win, stored } = fakeWindow( PAGE );
		stored.set( 'aftercare_ticket:7', TOKEN );
		hideToken( 'aftercare_ticket', true, win );
		expect( win.location.replace ).not.toHaveBeenCalled();
		hideToken( 'aftercare_ticket', false, win );
		expect( win.location.replace ).toHaveBeenCalledWith(
			`${ PAGE }&aftercare_token=${ TOKEN }`
		);
	} );

	it( 'forgets a link that opened nothing, and leaves it in place', () => {
		const { win, stored } = fakeWindow(
			`${ PAGE }&aftercare_token=${ TOKEN }`
		);
		stored.set( 'aftercare_ticket:7', TOKEN );
		hideToken( 'aftercare_ticket', false, win );
		expect( stored.has( 'aftercare_ticket:7' ) ).toBe( false );
		expect( win.history.replaceState ).not.toHaveBeenCalled();
		expect( win.location.replace ).not.toHaveBeenCalled();
	} );

	it( 'keeps tokens of other objects apart and ignores other pages', () => {
		const { win, stored } = fakeWindow(
			'https://shop.test/returns/?aftercare_return=7'
		);
		stored.set( 'aftercare_ticket:7', TOKEN );
		hideToken( 'aftercare_return', false, win );
		expect( win.location.replace ).not.toHaveBeenCalled();
		const plain = fakeWindow( 'https://shop.test/contact/' );
		hideToken( 'aftercare_ticket', false, plain.win );
		expect( plain.win.location.replace ).not.toHaveBeenCalled();
	} );

	it( 'leaves the token in place when the tab cannot store it', () => {
		const { win } = fakeWindow( `${ PAGE }&aftercare_token=${ TOKEN }` );
		win.sessionStorage.setItem = () => {
			throw new Error( 'QuotaExceededError' );
		};
		hideToken( 'aftercare_ticket', true, win );
		expect( win.history.replaceState ).not.toHaveBeenCalled();
	} );
} );
