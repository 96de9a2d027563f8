/**
 * The admin page's query arguments as app state: in-app links push history
 * entries, so back, forward and reload restore what the person saw.
 */

/**
 * WordPress dependencies
 */
import { useEffect, useState } from '@wordpress/element';
import type { MouseEvent } from 'react';

const NAVIGATE_EVENT = 'aftercare-navigate';

export type QueryArgs = Record< string, string >;

/**
 * The current query arguments, without `page`.
 *
 * @return Arguments by name.
 */
export function readQueryArgs(): QueryArgs {
	const args = Object.fromEntries(
		new URLSearchParams( window.location.search )
	);
	delete args.page;
	return args;
}

/**
 * The URL of this admin page with other query arguments.
 *
 * @param args Arguments; empty values are left out.
 * @return A relative URL.
 */
export function pageUrl( args: Record< string, string | undefined > ): string {
	const params = new URLSearchParams();
	params.set(
		'page',
		new URLSearchParams( window.location.search ).get( 'page' ) ?? ''
	);
	for ( const [ key, value ] of Object.entries( args ) ) {
		if ( value !== undefined && value !== '' ) {
			params.set( key, value );
		}
	}
	return `${ window.location.pathname }?${ params.toString() }`;
}

/**
 * Moves to another state of this page without reloading it.
 *
 * @param args            The new query arguments.
 * @param options         Options.
 * @param options.replace Replace the history entry instead of adding one.
 */
export function navigate(
	args: Record< string, string | undefined >,
	{ replace = false }: { replace?: boolean } = {}
): void {
	const url = pageUrl( args );
	if ( url === `${ window.location.pathname }${ window.location.search }` ) {
		return;
	}
	window.history[ replace ? 'replaceState' : 'pushState' ]( null, '', url );
	window.dispatchEvent( new Event( NAVIGATE_EVENT ) );
}

/**
 * A click handler for in-app links: plain left clicks navigate in place, while
 * modified clicks (new tab, new window) keep the browser's behaviour.
 *
 * @param args The link's query arguments.
 * @return The handler.
 */
export function linkHandler( args: Record< string, string | undefined > ) {
	return ( event: MouseEvent< HTMLElement > ) => {
		if (
			event.button !== 0 ||
			event.metaKey ||
			event.ctrlKey ||
			event.shiftKey ||
			event.altKey
		) {
			return;
		}
		event.preventDefault();
		navigate( args );
	};
}

/**
 * The query arguments, updated on in-app navigation and on back/forward.
 *
 * @return Arguments by name.
 */
export function useQueryArgs(): QueryArgs {
	const [ args, setArgs ] = useState( readQueryArgs );
	useEffect( () => {
		const update = () => setArgs( readQueryArgs() );
		window.addEventListener( 'popstate', update );
		window.addEventListener( NAVIGATE_EVENT, update );
		return () => {
			window.removeEventListener( 'popstate', update );
			window.removeEventListener( NAVIGATE_EVENT, update );
		};
	}, [] );
	return args;
}
