/**
 * Keeps a guest's access token out of the address bar. A signed link
 * (`?aftercare_ticket=<id>&aftercare_token=<token>`, or `aftercare_return`)
 * opens the page; once it has, the token moves to this tab's sessionStorage and
 * the address loses it, so it stays out of history, bookmarks, shared
 * addresses and screenshots. The page keeps working: its reply form already
 * carries the token, and a reload (whose address has none) is sent back with
 * the kept token. A link that opened nothing is forgotten.
 */

export const TOKEN_ARG = 'aftercare_token';

/** The parts of `window` this needs (tests pass their own). */
export interface TokenWindow {
	location: Pick< Location, 'href' | 'replace' >;
	history: Pick< History, 'state' | 'replaceState' >;
	sessionStorage: Pick< Storage, 'getItem' | 'setItem' | 'removeItem' >;
}

/**
 * @param idArg  The query argument naming the object: `aftercare_ticket` or `aftercare_return`.
 * @param opened Whether the page shows the object (false: the "link invalid" message).
 * @param win    The window.
 */
export function hideToken(
	idArg: string,
	opened: boolean,
	win: TokenWindow = window
): void {
	const url = new URL( win.location.href );
	const id = url.searchParams.get( idArg );
	if ( ! id ) {
		return;
	}
	const key = `${ idArg }:${ id }`;
	const token = url.searchParams.get( TOKEN_ARG );
	try {
		if ( token ) {
			if ( ! opened ) {
				win.sessionStorage.removeItem( key );
				return;
			}
			win.sessionStorage.setItem( key, token );
			url.searchParams.delete( TOKEN_ARG );
			win.history.replaceState( win.history.state, '', url.toString() );
			return;
		}
		const kept = win.sessionStorage.getItem( key );
		if ( kept && ! opened ) {
			url.searchParams.set( TOKEN_ARG, kept );
			win.location.replace( url.toString() );
		}
	} catch {
		// No storage (disabled, or a private mode that refuses it): the token stays where it is.
	}
}
