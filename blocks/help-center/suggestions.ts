/**
 * Article suggestions beside another block's text field (the contact form's subject, the return
 * form's reason): while the shopper types, up to three matching help articles appear in a
 * container the block renders (HelpCenter\SuggestionBox::markup() prints it). Plain DOM, so any
 * block's view module can use it:
 *
 *     import { attachSuggestions } from './suggestions';
 *     attachSuggestions( container, subjectInput );
 */

/**
 * Internal dependencies
 */
import { logHelpEvent, searchArticles } from './api';
import type { HelpArticle, HelpSource } from './api';
import { SETTLE_DELAY, debouncer } from './combobox';

/** Suggestions start at this many characters. */
const MIN_LENGTH = 3;

const TYPING_DELAY = 300;

/**
 * Renders the articles into the container (text only: nothing is parsed as HTML).
 *
 * @param container The suggestion box.
 * @param articles  Articles to show; none hides the box.
 * @param onOpen    Called when the shopper opens one.
 */
export function renderSuggestions(
	container: HTMLElement,
	articles: HelpArticle[],
	onOpen: ( article: HelpArticle ) => void
): void {
	const list = container.querySelector( 'ul' );
	if ( ! list ) {
		return;
	}
	list.replaceChildren(
		...articles.map( ( article ) => {
			const item = document.createElement( 'li' );
			const link = document.createElement( 'a' );
			link.href = article.url;
			link.target = '_blank';
			link.rel = 'noopener';
			link.textContent = article.title;
			const hint = document.createElement( 'span' );
			hint.className = 'screen-reader-text';
			hint.textContent = ` ${ container.dataset.newTab ?? '' }`;
			link.append( hint );
			link.addEventListener( 'click', () => onOpen( article ) );
			item.append( link );
			return item;
		} )
	);
	container.hidden = articles.length === 0;
}

/**
 * Watches a field and keeps the container's suggestions current.
 *
 * @param container The box HelpCenter\SuggestionBox printed (data-rest, data-source).
 * @param field     The field the shopper types into.
 * @return Stops watching.
 */
export function attachSuggestions(
	container: HTMLElement,
	field: HTMLInputElement | HTMLTextAreaElement
): () => void {
	const rest = container.dataset.rest ?? '';
	const source = ( container.dataset.source ?? 'contact' ) as HelpSource;
	const typing = debouncer( TYPING_DELAY );
	const settling = debouncer( SETTLE_DELAY );
	let latest = '';
	let shown = '';

	const onOpen = ( article: HelpArticle ) =>
		logHelpEvent( rest, {
			kind: 'click',
			source,
			query: latest,
			articles: [ article.id ],
		} );

	const update = async () => {
		const query = field.value.trim();
		latest = query;
		if ( query.length < MIN_LENGTH ) {
			renderSuggestions( container, [], onOpen );
			return;
		}
		const articles = await searchArticles( rest, query, { limit: 3 } );
		if ( query !== latest ) {
			return;
		}
		renderSuggestions( container, articles, onOpen );
		const ids = articles.map( ( article ) => article.id );
		// What the shopper saw once they stopped typing counts as suggested.
		settling.schedule( () => {
			const key = ids.join( ',' );
			if ( ids.length && query === latest && key !== shown ) {
				shown = key;
				logHelpEvent( rest, {
					kind: 'suggest',
					source,
					query,
					articles: ids,
				} );
			}
		} );
	};
	const onInput = () => typing.schedule( () => void update() );
	field.addEventListener( 'input', onInput );
	return () => {
		typing.cancel();
		settling.cancel();
		field.removeEventListener( 'input', onInput );
	};
}
