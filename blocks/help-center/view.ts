/**
 * Storefront behaviour of the help-center block: the search box becomes an ARIA combobox with
 * live results (arrows, Enter, Escape), searches the shopper settles on and the articles they
 * open are logged for the analytics. Without this script the form still works: it loads the
 * results page.
 */

/**
 * WordPress dependencies
 */
import { getContext, getElement, store } from '@wordpress/interactivity';

/**
 * Internal dependencies
 */
import { logHelpEvent, searchArticles } from './api';
import type { HelpArticle } from './api';
import {
	SETTLE_DELAY,
	TYPING_DELAY,
	debouncer,
	isSearchable,
	keyCommand,
	statusText,
} from './combobox';

interface HelpCenterContext {
	rest: string;
	listboxId: string;
	query: string;
	results: HelpArticle[];
	active: number;
	open: boolean;
	status: string;
	/** Set on each option by data-wp-each. */
	result?: HelpArticle;
	/** Set on each server-rendered result. */
	articleId?: number;
}

/** Set by render.php through wp_interactivity_state(), translated. */
interface ServerState {
	state: { messages: { none: string; one: string; many: string } };
}

const typing = debouncer( TYPING_DELAY );
const settling = debouncer( SETTLE_DELAY );
let pending: AbortController | undefined;

/**
 * Logs the query the shopper stopped at (once per query).
 *
 * @param context The block's context.
 */
function settle( context: HelpCenterContext ): void {
	const query = context.query.trim();
	settling.schedule( () => {
		if ( isSearchable( query ) && query === context.query.trim() ) {
			logHelpEvent( context.rest, {
				kind: 'search',
				source: 'help-center',
				query,
			} );
		}
	} );
}

/**
 * Opens an article the shopper chose, logging the click first.
 *
 * @param context The block's context.
 * @param article The article.
 */
function open( context: HelpCenterContext, article: HelpArticle ): void {
	settling.cancel();
	logHelpEvent( context.rest, {
		kind: 'click',
		source: 'help-center',
		query: context.query,
		articles: [ article.id ],
	} );
	window.location.assign( article.url );
}

const storeDefinition = {
	state: {
		get optionId(): string {
			const { listboxId, result } = getContext< HelpCenterContext >();
			return `${ listboxId }-${ result?.id ?? 0 }`;
		},
		get isActive(): boolean {
			const context = getContext< HelpCenterContext >();
			return (
				context.active >= 0 &&
				context.results[ context.active ]?.id === context.result?.id
			);
		},
		get activeDescendant(): string | null {
			const context = getContext< HelpCenterContext >();
			const active = context.open
				? context.results[ context.active ]
				: undefined;
			return active ? `${ context.listboxId }-${ active.id }` : null;
		},
	},
	actions: {
		/**
		 * Searches as the shopper types, keeping only the newest answer.
		 *
		 * @param event The box's input event.
		 */
		*type(
			event: InputEvent
		): Generator< Promise< unknown >, void, unknown > {
			const context = getContext< HelpCenterContext >();
			const query = ( event.target as HTMLInputElement ).value;
			context.query = query;
			pending?.abort();
			if ( ! isSearchable( query ) ) {
				typing.cancel();
				context.results = [];
				context.open = false;
				context.active = -1;
				context.status = '';
				return;
			}
			yield new Promise( ( resolve ) =>
				typing.schedule( () => resolve( undefined ) )
			);
			if ( context.query !== query ) {
				return;
			}
			pending = new AbortController();
			const results = ( yield searchArticles( context.rest, query, {
				signal: pending.signal,
			} ) ) as HelpArticle[];
			if ( context.query !== query ) {
				return;
			}
			context.results = results;
			context.active = -1;
			context.open = results.length > 0;
			context.status = statusText(
				results.length,
				query,
				state.messages
			);
			settle( context );
		},
		/**
		 * Arrow keys, Enter and Escape, as the combobox pattern has them.
		 *
		 * @param event The box's keydown event.
		 */
		key( event: KeyboardEvent ): void {
			const context = getContext< HelpCenterContext >();
			const command = keyCommand( event.key, {
				open: context.open,
				active: context.active,
				count: context.results.length,
			} );
			switch ( command.type ) {
				case 'move':
					event.preventDefault();
					context.open = true;
					context.active = command.index;
					break;
				case 'choose': {
					event.preventDefault();
					const article = context.results[ command.index ];
					if ( article ) {
						open( context, article );
					}
					break;
				}
				case 'close':
					event.preventDefault();
					context.open = false;
					context.active = -1;
					break;
				case 'clear':
					if ( context.query !== '' ) {
						event.preventDefault();
						( event.target as HTMLInputElement ).value = '';
						context.query = '';
						context.results = [];
						context.status = '';
					}
					break;
			}
		},
		/** Focus comes back to a box that still has results. */
		reopen(): void {
			const context = getContext< HelpCenterContext >();
			context.open = context.results.length > 0;
		},
		close(): void {
			const context = getContext< HelpCenterContext >();
			context.open = false;
			context.active = -1;
		},
		/**
		 * A press on an option must not blur the box before the click lands.
		 *
		 * @param event The option's mousedown event.
		 */
		keepFocus( event: MouseEvent ): void {
			event.preventDefault();
		},
		choose(): void {
			const context = getContext< HelpCenterContext >();
			if ( context.result ) {
				open( context, context.result );
			}
		},
		/** The results page logs the submitted search itself. */
		submit(): void {
			settling.cancel();
		},
		/** A click on the results page (no-JS markup, same block). */
		logResultClick(): void {
			const context = getContext< HelpCenterContext >();
			const link = getElement().ref as HTMLAnchorElement | null;
			if ( context.articleId && link ) {
				logHelpEvent( context.rest, {
					kind: 'click',
					source: 'page',
					query: context.query,
					articles: [ context.articleId ],
				} );
			}
		},
	},
};

const { state } = store< ServerState & typeof storeDefinition >(
	'aftercare/help-center',
	storeDefinition
);
