/**
 * The help center's public REST calls and the anonymous visitor id, shared by every storefront
 * script that searches articles (the help-center block, and suggestions in the contact and
 * returns blocks). No cookie nonce is sent: these routes are public and rate-limited, so they
 * keep working on cached pages.
 */

/** A search result, as `GET aftercare/v1/help/search` returns it. */
export interface HelpArticle {
	id: number;
	title: string;
	excerpt: string;
	url: string;
	category: string;
}

export type HelpEventKind = 'search' | 'click' | 'suggest';

export type HelpSource = 'help-center' | 'contact' | 'returns' | 'page';

export const VISITOR_COOKIE = 'aftercare_visitor';

/** A random id and the store's signature of it. */
const VISITOR_PATTERN = /^[0-9a-f]{32}\.[0-9a-f]{32}$/;

let issuing: Promise< string > | null = null;

/**
 * The browser's anonymous visitor id. The store issues and signs it (`POST help/visitor`), once,
 * and the browser keeps it for a year in a first-party cookie, so a ticket opened later can be
 * matched to the searches before it (only an HMAC of it is stored on the server). Never part
 * of a page, so cached pages are never shared ids.
 *
 * @param rest  Base of the help routes.
 * @param renew Ask for a new id (the kept one was refused).
 * @return The visitor id, or '' when the store could not issue one.
 */
export function visitorId( rest: string, renew = false ): Promise< string > {
	const kept =
		document.cookie
			.split( ';' )
			.map( ( part ) => part.trim() )
			.find( ( part ) => part.startsWith( `${ VISITOR_COOKIE }=` ) )
			?.slice( VISITOR_COOKIE.length + 1 ) ?? '';
	if ( ! renew && VISITOR_PATTERN.test( kept ) ) {
		return Promise.resolve( kept );
	}
	issuing ??= fetch( new URL( 'visitor', rest ), {
		method: 'POST',
		credentials: 'omit',
		headers: { Accept: 'application/json' },
	} )
		.then( async ( response ) => {
			const body = response.ok
				? ( ( await response.json() ) as { visitor?: unknown } )
				: {};
			const id = typeof body.visitor === 'string' ? body.visitor : '';
			if ( VISITOR_PATTERN.test( id ) ) {
				const secure =
					window.location.protocol === 'https:' ? '; Secure' : '';
				document.cookie = `${ VISITOR_COOKIE }=${ id }; path=/; max-age=31536000; SameSite=Lax${ secure }`;
				return id;
			}
			return '';
		} )
		.catch( () => '' )
		.finally( () => {
			issuing = null;
		} );
	return issuing;
}

/**
 * Sends a request that carries the visitor id; when the store refuses the kept id (a forged
 * one, or the site's keys changed), once more with a new one.
 *
 * @param rest Base of the help routes.
 * @param send Sends the request with the given visitor id.
 * @return Whether the store took it.
 */
export async function sendAsVisitor(
	rest: string,
	send: ( visitor: string ) => Promise< Response >
): Promise< boolean > {
	for ( const renew of [ false, true ] ) {
		const visitor = await visitorId( rest, renew );
		if ( visitor === '' ) {
			return false;
		}
		const response = await send( visitor );
		if ( response.ok ) {
			return true;
		}
		const body = ( await response.json().catch( () => null ) ) as {
			code?: unknown;
		} | null;
		if ( body?.code !== 'aftercare_invalid_visitor' ) {
			return false;
		}
	}
	return false;
}

/**
 * Searches the help center.
 *
 * @param rest           Base of the help routes, e.g. https://shop.example/wp-json/aftercare/v1/help/.
 * @param query          What the shopper typed.
 * @param options        Search options.
 * @param options.limit  At most this many articles.
 * @param options.prefix Whether the last word is still being typed.
 * @param options.signal Aborts a search a newer one replaces.
 * @return Articles, best first; an empty list when the search fails.
 */
export async function searchArticles(
	rest: string,
	query: string,
	{
		limit = 8,
		prefix = true,
		signal,
	}: { limit?: number; prefix?: boolean; signal?: AbortSignal } = {}
): Promise< HelpArticle[] > {
	const url = new URL( 'search', rest );
	url.searchParams.set( 'q', query );
	url.searchParams.set( 'limit', String( limit ) );
	url.searchParams.set( 'prefix', prefix ? '1' : '0' );
	try {
		const response = await fetch( url, {
			signal,
			credentials: 'omit',
			headers: { Accept: 'application/json' },
		} );
		return response.ok
			? ( ( await response.json() ) as HelpArticle[] )
			: [];
	} catch {
		return [];
	}
}

/**
 * Tells the analytics what the shopper did. Fire and forget; survives leaving the page.
 *
 * @param rest           Base of the help routes.
 * @param event          The event.
 * @param event.kind     search (settled on a query), click (opened an article) or suggest (was shown articles).
 * @param event.source   Where it happened.
 * @param event.query    The query.
 * @param event.articles The clicked or shown articles.
 */
export function logHelpEvent(
	rest: string,
	event: {
		kind: HelpEventKind;
		source: HelpSource;
		query: string;
		articles?: number[];
	}
): void {
	void sendAsVisitor( rest, ( visitor ) =>
		fetch( new URL( 'events', rest ), {
			method: 'POST',
			keepalive: true,
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify( {
				...event,
				query: event.query.slice( 0, 190 ),
				articles: event.articles ?? [],
				visitor,
			} ),
		} )
	).catch( () => undefined );
}
