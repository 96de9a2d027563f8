/**
 * Internal dependencies
 */
import { htmlToText, textToHtml } from '../html';

describe( 'textToHtml', () => {
	it( 'makes paragraphs, line breaks and links, and escapes markup', () => {
		expect(
			textToHtml(
				'Hi <b>Gwen</b> & co,\nsee https://example.test/t?a=1&b=2.\n\nThanks'
			)
		).toBe(
			'<p>Hi &lt;b&gt;Gwen&lt;/b&gt; &amp; co,<br>see <a href="https://example.test/t?a=1&amp;b=2">https://example.test/t?a=1&amp;b=2</a>.</p><p>Thanks</p>'
		);
	} );
} );

describe( 'htmlToText', () => {
	it( 'keeps paragraphs, lists and link addresses', () => {
		expect(
			htmlToText(
				'<p>Hello Gwen,</p><p>Track it <a href="https://track.test/1">here</a>.</p><ul><li>One</li><li>Two</li></ul>'
			)
		).toBe(
			'Hello Gwen,\n\nTrack it here (https://track.test/1).\n\n- One\n\n- Two'
		);
	} );

	it( 'round-trips what textToHtml makes', () => {
		const text = 'Line one\nline two\n\nSee https://example.test/x';
		expect( htmlToText( textToHtml( text ) ) ).toBe( text );
	} );
} );
