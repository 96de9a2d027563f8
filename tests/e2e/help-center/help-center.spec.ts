/**
 * The help center on the storefront and in wp-admin: live search with the keyboard (ARIA
 * combobox), the results page without JavaScript, "Was this helpful?" with a comment,
 * suggestions under the contact form's subject, and the analytics screen with its "Write this
 * article" action; axe on each. Saves the README screenshots to docs/screenshots/.
 */
import type { Browser } from '@playwright/test';
import { test, expect, expectAccessible, screenshot } from '../fixtures';

const BLOCK = '.wp-block-aftercare-help-center';
const guest = { cookies: [], origins: [] };

const ARTICLES: Array< [ string, string, string ] > = [
	[
		'returns',
		'How do I return an item?',
		'<!-- wp:paragraph --><p>You can return unworn items with their tags within 30 days of delivery.</p><!-- /wp:paragraph --><!-- wp:heading --><h2 class="wp-block-heading">Packing your return</h2><!-- /wp:heading --><!-- wp:paragraph --><p>Attach the prepaid label and drop the parcel at any post office.</p><!-- /wp:paragraph -->',
	],
	[
		'returns',
		'When will I get my refund?',
		'<!-- wp:paragraph --><p>We refund your money within 5 business days after your return reaches our warehouse.</p><!-- /wp:paragraph -->',
	],
	[
		'shipping',
		'How long does delivery take?',
		'<!-- wp:paragraph --><p>Standard delivery arrives in 3–5 business days.</p><!-- /wp:paragraph -->',
	],
	[
		'shipping',
		'How do I track my parcel?',
		'<!-- wp:paragraph --><p>We email you a tracking number as soon as your order ships.</p><!-- /wp:paragraph -->',
	],
	[
		'account',
		'I forgot my password',
		'<!-- wp:paragraph --><p>Choose “Lost your password?” on the sign-in page.</p><!-- /wp:paragraph -->',
	],
];

let helpUrl = '';
let contactUrl = '';
const articleUrls: Record< string, string > = {};
const articleIds: Record< string, number > = {};

async function guestPage( browser: Browser, javaScriptEnabled = true ) {
	const context = await browser.newContext( {
		storageState: guest,
		javaScriptEnabled,
		baseURL: process.env.WP_BASE_URL,
	} );
	return { context, page: await context.newPage() };
}

test.beforeAll( async ( { requestUtils } ) => {
	const categories: Record< string, number > = {};
	for ( const [ slug, name ] of [
		[ 'returns', 'Returns & refunds' ],
		[ 'shipping', 'Shipping & delivery' ],
		[ 'account', 'Your account' ],
	] as const ) {
		// A rerun (after a failed test) finds the categories of the first run.
		const [ existing ] = ( await requestUtils.rest( {
			path: '/wp/v2/aftercare-article-categories',
			params: { slug },
		} ) ) as Array< { id: number } >;
		const term =
			existing ??
			( ( await requestUtils.rest( {
				method: 'POST',
				path: '/wp/v2/aftercare-article-categories',
				data: { name, slug, description: `All about ${ slug }.` },
			} ) ) as { id: number } );
		categories[ slug ] = term.id;
	}
	for ( const [ category, title, content ] of ARTICLES ) {
		const article = ( await requestUtils.rest( {
			method: 'POST',
			path: '/wp/v2/aftercare-articles',
			data: {
				title,
				content,
				status: 'publish',
				'aftercare-article-categories': [ categories[ category ] ],
			},
		} ) ) as { id: number; link: string };
		articleUrls[ title ] = article.link;
		articleIds[ title ] = article.id;
	}
	const help = await requestUtils.createPage( {
		title: 'Help center',
		status: 'publish',
		content:
			'<!-- wp:paragraph --><p>Answers to the questions shoppers ask us most.</p><!-- /wp:paragraph -->\n<!-- wp:aftercare/help-center /-->',
	} );
	const contact = await requestUtils.createPage( {
		title: 'Contact us',
		status: 'publish',
		content: '<!-- wp:aftercare/contact /-->',
	} );
	helpUrl = `/?page_id=${ help.id }`;
	contactUrl = `/?page_id=${ contact.id }`;
	await requestUtils.rest( {
		method: 'POST',
		path: '/aftercare/v1/settings',
		data: { help_page: help.id, contact_page: contact.id },
	} );
} );

test.beforeEach( async ( { requestUtils } ) => {
	await requestUtils.rest( {
		method: 'DELETE',
		path: '/aftercare-test/v1/rate-limits',
	} );
} );

test.afterAll( async ( { requestUtils } ) => {
	await requestUtils.deleteAllPages();
	await requestUtils.deleteAllPosts( 'aftercare-articles' );
	for ( const term of ( await requestUtils.rest( {
		path: '/wp/v2/aftercare-article-categories',
	} ) ) as Array< { id: number } > ) {
		await requestUtils.rest( {
			method: 'DELETE',
			path: `/wp/v2/aftercare-article-categories/${ term.id }`,
			params: { force: true },
		} );
	}
} );

test.describe( 'Help center', () => {
	test( 'live results with the keyboard, as an ARIA combobox', async ( {
		browser,
	} ) => {
		const { context, page } = await guestPage( browser );
		await page.goto( helpUrl );
		const block = page.locator( BLOCK );
		await expect(
			block.getByRole( 'heading', { name: 'Browse by topic' } )
		).toBeVisible();
		await expect(
			block.getByRole( 'link', { name: 'Contact us' } )
		).toBeVisible();

		const box = block.getByRole( 'combobox', { name: 'How can we help?' } );
		await box.focus();
		await page.keyboard.type( 'retrun' );
		const listbox = block.getByRole( 'listbox', {
			name: 'Matching articles',
		} );
		await expect( listbox ).toBeVisible();
		await expect( box ).toHaveAttribute( 'aria-expanded', 'true' );
		await expect( listbox.getByRole( 'option' ).first() ).toContainText(
			'How do I return an item?'
		);
		await expect( block.getByRole( 'status' ) ).toContainText( 'found' );

		await page.keyboard.press( 'ArrowDown' );
		const first = listbox.getByRole( 'option' ).first();
		await expect( first ).toHaveAttribute( 'aria-selected', 'true' );
		await expect( box ).toHaveAttribute(
			'aria-activedescendant',
			( await first.getAttribute( 'id' ) ) as string
		);
		await page.keyboard.press( 'ArrowUp' );
		await expect( listbox.getByRole( 'option' ).last() ).toHaveAttribute(
			'aria-selected',
			'true'
		);
		await page.keyboard.press( 'ArrowDown' );
		await expectAccessible( page, BLOCK );
		await page.screenshot( {
			path: screenshot( 'help-center.png' ),
		} );

		await page.keyboard.press( 'Escape' );
		await expect( listbox ).toBeHidden();
		await expect( box ).toHaveAttribute( 'aria-expanded', 'false' );
		await page.keyboard.press( 'ArrowDown' );
		await expect( listbox ).toBeVisible();
		await page.keyboard.press( 'Enter' );
		await page.waitForURL(
			articleUrls[ 'How do I return an item?' ] as string
		);
		await expect(
			page.getByRole( 'heading', {
				level: 1,
				name: 'How do I return an item?',
			} )
		).toBeVisible();
		await context.close();
	} );

	test( 'without JavaScript the form opens a normal results page', async ( {
		browser,
	} ) => {
		const { context, page } = await guestPage( browser, false );
		await page.goto( helpUrl );
		const block = page.locator( BLOCK );
		await block.getByRole( 'combobox' ).fill( 'refund money' );
		await block.getByRole( 'button', { name: 'Search' } ).click();
		await expect( page ).toHaveURL( /[?&]q=refund/ );
		await expect(
			block.getByRole( 'heading', {
				name: /articles? for “refund money”/,
			} )
		).toBeVisible();
		await expect(
			block.getByRole( 'link', { name: 'When will I get my refund?' } )
		).toBeVisible();

		await block.getByRole( 'combobox' ).fill( 'xylophone' );
		await block.getByRole( 'button', { name: 'Search' } ).click();
		await expect( block ).toContainText( 'No article matches those words' );
		await context.close();
	} );

	test( '“Was this helpful?” with a comment under every article', async ( {
		browser,
		requestUtils,
	} ) => {
		const { context, page } = await guestPage( browser );
		await page.goto( articleUrls[ 'How do I return an item?' ] as string );
		const feedback = page.locator( '.wp-block-aftercare-article-feedback' );
		await expect(
			feedback.getByRole( 'heading', {
				name: 'Was this article helpful?',
			} )
		).toBeVisible();
		await feedback.getByRole( 'button', { name: 'No' } ).click();
		await expect(
			feedback.getByRole( 'button', { name: 'No' } )
		).toHaveAttribute( 'aria-pressed', 'true' );
		await expect( feedback.getByRole( 'status' ) ).toHaveText(
			'Thanks for your feedback!'
		);
		await feedback
			.getByLabel( 'What was missing or unclear? (optional)' )
			.fill( 'Which post offices take the parcel?' );
		await expectAccessible( page, '.wp-block-aftercare-article-feedback' );
		await page.screenshot( {
			path: screenshot( 'help-article-feedback.png' ),
			fullPage: true,
		} );
		await feedback.getByRole( 'button', { name: 'Send feedback' } ).click();
		await expect( feedback.getByRole( 'status' ) ).toHaveText(
			'Thanks, we read every comment.'
		);
		await context.close();

		const report = ( await requestUtils.rest( {
			path: '/aftercare/v1/help/reports',
			params: { days: 7 },
		} ) ) as {
			articles: Array< {
				title: string;
				unhelpful: number;
				comments: Array< { comment: string } >;
			} >;
		};
		const article = report.articles.find(
			( a ) => a.title === 'How do I return an item?'
		);
		expect( article?.unhelpful ).toBe( 1 );
		expect( article?.comments[ 0 ]?.comment ).toBe(
			'Which post offices take the parcel?'
		);
	} );

	test( 'the contact form suggests articles while the shopper types a subject', async ( {
		browser,
	} ) => {
		const { context, page } = await guestPage( browser );
		await page.goto( contactUrl );
		const form = page.locator( '.wp-block-aftercare-contact form' );
		await form
			.getByLabel( 'Subject' )
			.fill( 'Where is my parcel tracking' );
		const suggestions = form.locator( '.aftercare-help-suggestions__box' );
		await expect( suggestions ).toBeVisible();
		await expect(
			suggestions.getByRole( 'link', {
				name: /How do I track my parcel\?/,
			} )
		).toBeVisible();
		await expectAccessible( page, '.wp-block-aftercare-contact' );
		await form.getByLabel( 'Subject' ).fill( 'xy' );
		await expect( suggestions ).toBeHidden();
		await context.close();
	} );

	test( 'the analytics screen shows searches, votes and what to write next', async ( {
		page,
		request,
		editor,
	} ) => {
		const { visitor } = ( await (
			await request.post( '/wp-json/aftercare/v1/help/visitor' )
		).json() ) as { visitor: string };
		const events = [
			{ kind: 'search', query: 'return an item' },
			{ kind: 'search', query: 'klarna payments' },
			{ kind: 'search', query: 'klarna payments' },
			{ kind: 'search', query: 'gift wrapping' },
		];
		const returnId = articleIds[ 'How do I return an item?' ] as number;
		expect(
			(
				await request.post(
					`/wp-json/aftercare/v1/help/articles/${ returnId }/feedback`,
					{ data: { helpful: true, visitor } }
				)
			).ok()
		).toBe( true );
		for ( const event of [
			...events,
			{ kind: 'click', query: 'return an item', articles: [ returnId ] },
		] ) {
			const response = await request.post(
				'/wp-json/aftercare/v1/help/events',
				{
					data: { ...event, visitor },
				}
			);
			expect( response.status() ).toBe( 202 );
		}

		await page.goto( '/wp-admin/admin.php?page=aftercare-help-center' );
		await expect(
			page.getByRole( 'heading', {
				level: 1,
				name: 'Help center analytics',
			} )
		).toBeVisible();
		await expect(
			page.getByRole( 'img', { name: 'Searches per day' } )
		).toBeVisible();
		const zero = page
			.getByRole( 'table', { name: 'Searches that found nothing' } )
			.getByRole( 'row', { name: /klarna payments/ } );
		await expect( zero ).toContainText( '2' );
		await expect(
			page
				.getByRole( 'table', { name: 'Articles' } )
				.getByRole( 'row', { name: /How do I return an item\?/ } )
		).toBeVisible();
		await expectAccessible( page, '#aftercare-admin-app' );
		await page.screenshot( {
			path: screenshot( 'help-analytics.png' ),
			fullPage: true,
		} );

		const write = zero.getByRole( 'link', {
			name: 'Write an article for “klarna payments”',
		} );
		const href = ( await write.getAttribute( 'href' ) ) as string;
		expect( href ).toContain( 'post_type=aftercare_article' );
		await page.goto( `/wp-admin/${ href }` );
		await expect(
			editor.canvas.getByRole( 'textbox', { name: 'Add title' } )
		).toHaveText( 'Klarna payments' );
	} );
} );
