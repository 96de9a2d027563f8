/**
 * The contact block: found in the inserter, placed by a site builder, rendered on the storefront,
 * accessible, and its assets load only where it is used.
 */
import { test, expect, expectAccessible } from './fixtures';

test.describe( 'Contact block', () => {
	test( 'a site builder inserts it and shoppers see the form', async ( {
		admin,
		editor,
		page,
		requestUtils,
	} ) => {
		await admin.createNewPost( { postType: 'page', title: 'Contact us' } );
		await page
			.getByRole( 'button', { name: 'Block Inserter', exact: false } )
			.first()
			.click();
		await page
			.getByRole( 'searchbox', { name: 'Search' } )
			.fill( 'Contact support' );
		await page.getByRole( 'option', { name: 'Contact support' } ).click();

		const block = editor.canvas.getByRole( 'document', {
			name: 'Block: Contact support',
		} );
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
		page,
		requestUtils,
	} ) => {
		const plain = await requestUtils.createPage( {
			title: 'Plain page',
			status: 'publish',
			content: '<!-- wp:paragraph --><p>Hello</p><!-- /wp:paragraph -->',
		} );
		await page.goto( `/?page_id=${ plain.id }` );
		const html = await page.content();
		expect( html ).not.toContain( 'aftercare' );
		await requestUtils.deleteAllPages();
	} );
} );
