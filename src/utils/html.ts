/**
 * The composer is plain text; messages are HTML (the server sanitizes them with a
 * strict allowlist). These turn one into the other.
 */

const ESCAPES: Record< string, string > = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
};

function escape( text: string ): string {
	return text.replace( /[&<>"]/g, ( char ) => ESCAPES[ char ] ?? char );
}

/**
 * Text as HTML paragraphs: blank lines separate paragraphs, single line breaks
 * stay, and web addresses become links.
 *
 * @param text What the agent typed.
 * @return HTML.
 */
export function textToHtml( text: string ): string {
	return text
		.trim()
		.split( /\n\s*\n/ )
		.map(
			( paragraph ) =>
				'<p>' +
				escape( paragraph.trim() )
					.replace(
						/\bhttps?:\/\/[^\s<>"]+[^\s<>".,;:!?)]/g,
						( url ) => `<a href="${ url }">${ url }</a>`
					)
					.replace( /\n/g, '<br>' ) +
				'</p>'
		)
		.join( '' );
}

/**
 * HTML as text the composer can hold: block elements become line breaks, and a
 * link keeps its address ("text (address)") so it becomes a link again on sending.
 *
 * @param html HTML, e.g. a rendered saved reply.
 * @return Plain text.
 */
export function htmlToText( html: string ): string {
	const doc = new DOMParser().parseFromString( html, 'text/html' );
	doc.querySelectorAll( 'a[href]' ).forEach( ( link ) => {
		const href = link.getAttribute( 'href' ) ?? '';
		const text = link.textContent ?? '';
		link.replaceWith(
			text === href || ! text ? href : `${ text } (${ href })`
		);
	} );
	doc.querySelectorAll( 'br' ).forEach( ( br ) => br.replaceWith( '\n' ) );
	doc.querySelectorAll( 'li' ).forEach( ( li ) => li.prepend( '- ' ) );
	doc.querySelectorAll(
		'p, div, li, h1, h2, h3, h4, ul, ol, blockquote'
	).forEach( ( block ) => block.append( '\n\n' ) );
	return ( doc.body.textContent ?? '' ).replace( /\n{3,}/g, '\n\n' ).trim();
}
