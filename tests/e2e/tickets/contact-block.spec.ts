/**
 * The contact block: found in the inserter, placed by a site builder, rendered on the storefront,
 * accessible, and its assets load only where it is used.
 */
import {
	test,
	expect,
	expectAccessible,
	insertFromInserter,
} from '../fixtures';

test.describe( 'Contact block', () => {
	test( 'a site builder inserts it and shoppers see the form', async ( {
		admin,
		editor,
		page,
		requestUtils,
	} ) => {
		await admin.createNewPost( { postType: 'page', title: 'Contact us' } );
		const block = await insertFromInserter(
			page,
			editor,
			'Contact support'
		);
		await expect( block ).toBeVisible();
		await expect( block.getByLabel( 'Subject' ) ).toBeVisible();

		const postId = await editor.publishPost();
		await page.goto( `/?page_id=${ postId }` );

		const form = page.locator( '.wp-block-aftercare-contact form' );
		await expect( form ).toBeVisible();
		await expect( form.getByLabel( 'Subject' ) ).toBeVisible();
		await expect( form.getByLabel( 'Message' ) ).toBeVisible();
		await expectAccessible( page, '.wp-block-aftercare-contact' );
		await expect(
			page.locator(
				'script[type="module"][src*="aftercare"], link[href*="aftercare"]'
			)
		).not.toHaveCount( 0 );

		await requestUtils.deleteAllPages();
	} );

	test( 'a page without the block loads nothing of Aftercare', async ( {
		requestUtils,
	} ) => {
		const plain = await requestUtils.createPage( {
			title: 'Plain page',
			status: 'publish',
			content: '<!-- wp:paragraph --><p>Hello</p><!-- /wp:paragraph -->',
		} );
		// As a shopper sees it: signed out (an admin's toolbar links to our screens).
		const response = await fetch(
			`${ process.env.WP_BASE_URL }/?page_id=${ plain.id }`
		);
		expect( response.status ).toBe( 200 );
		const html = await response.text();
		expect( html ).toContain( 'Hello' );
		expect( html ).not.toContain( 'plugins/aftercare' );
		expect( html ).not.toMatch( /aftercare[-_/]/ );
		await requestUtils.deleteAllPages();
	} );
} );
