/**
 * The returns block on the storefront, against orders each test makes in the test order source:
 * a guest through every step with a photo (axe on each step, one return for a double click), a
 * wrong email, a signed-in customer's partial return of an order preselected from the
 * order-status link, and the whole request and a reply without JavaScript. Saves the README
 * screenshots of the portal's steps to docs/screenshots/.
 */
import type { Page } from '@playwright/test';
import {
	test,
	expect,
	expectAccessible,
	insertFromInserter,
	loginAs,
	screenshot,
} from '../fixtures';
import { PNG, makeOrder, makePortal } from './seed';

const BLOCK = '.wp-block-aftercare-returns';
const guest = { cookies: [], origins: [] };

let pageUrl = '';

test.beforeAll( async ( { requestUtils } ) => {
	pageUrl = await makePortal( requestUtils );
} );

test.beforeEach( async ( { requestUtils } ) => {
	await requestUtils.rest( {
		method: 'DELETE',
		path: '/aftercare-test/v1/rate-limits',
	} );
} );

test.afterAll( async ( { requestUtils } ) => {
	await requestUtils.rest( {
		method: 'POST',
		path: '/aftercare/v1/settings',
		data: { return_portal_page: 0 },
	} );
	await requestUtils.deleteAllPages();
} );

const block = ( page: Page ) => page.locator( BLOCK );

/**
 * The heading of a step, which has focus once the step shows.
 *
 * @param page  Page.
 * @param title The step's title.
 */
const stepHeading = ( page: Page, title: RegExp ) =>
	block( page ).getByRole( 'heading', { name: title } );

async function findOrder( page: Page, number: string, email: string ) {
	await block( page ).getByLabel( 'Order number' ).fill( number );
	await block( page ).getByLabel( 'Email address' ).fill( email );
	await block( page ).getByRole( 'button', { name: 'Continue' } ).click();
}

/**
 * The visible step's button.
 *
 * @param page Page.
 * @param name Its name.
 */
const button = ( page: Page, name: string ) =>
	block( page )
		.locator( 'section:not([hidden])' )
		.getByRole( 'button', { name, exact: true } );

/**
 * The fields of one order line.
 *
 * @param page Page.
 * @param name Product name.
 */
const line = ( page: Page, name: string ) =>
	block( page ).getByRole( 'group', { name } );

test.describe( 'Returns block, as a guest', () => {
	test.use( {
		storageState: guest,
		// A failed lookup is a 404 answer, a step the server's rules refuse a 400, which the browser logs.
		allowedConsoleErrors: [ /status of (404.*eligibility|400.*returns)/ ],
	} );

	test( 'returns an item with a photo through every step, once', async ( {
		page,
		requestUtils,
	} ) => {
		const order = await makeOrder( requestUtils );
		await page.goto( pageUrl );
		await expectAccessible( page, BLOCK );
		await block( page ).getByLabel( 'Order number' ).fill( order.number );
		await block( page )
			.getByLabel( 'Email address' )
			.fill( 'Rita@Example.test' );
		await page.locator( BLOCK ).screenshot( {
			path: screenshot( 'returns-order.png' ),
		} );
		await block( page ).getByRole( 'button', { name: 'Continue' } ).click();

		// Items: what can go back, and why the rest cannot.
		await expect( stepHeading( page, /Items to return/ ) ).toBeFocused();
		await expect( line( page, 'Gift card' ) ).toContainText(
			'This product cannot be returned.'
		);
		await expect(
			line( page, 'Gift card' ).getByLabel( 'Quantity to return' )
		).toBeHidden();
		await expect(
			line( page, 'Linen shirt' ).getByLabel( 'Quantity to return' )
		).toHaveAttribute( 'max', '2' );
		await button( page, 'Continue' ).click();
		await expect( block( page ).getByRole( 'alert' ) ).toHaveText(
			'Choose at least one item to return and how many.'
		);
		await line( page, 'Linen shirt' )
			.getByLabel( 'Quantity to return' )
			.fill( '1' );
		await line( page, 'Linen shirt' )
			.getByLabel( 'Reason' )
			.selectOption( 'damaged' );
		await expectAccessible( page, BLOCK );
		await block( page )
			.getByRole( 'heading', { name: /Items to return/ } )
			.evaluate( ( element ) => ( element as HTMLElement ).blur() );
		await page.locator( BLOCK ).screenshot( {
			path: screenshot( 'returns-items.png' ),
		} );
		await button( page, 'Continue' ).click();

		// Details, then the outcome.
		await expect( stepHeading( page, /Tell us more/ ) ).toBeFocused();
		await block( page )
			.getByLabel( /Anything else we should know/ )
			.fill( 'The seam came apart on the first wash.' );
		await expectAccessible( page, BLOCK );
		await button( page, 'Continue' ).click();
		await expect(
			stepHeading( page, /What would you like/ )
		).toBeFocused();
		await button( page, 'Continue' ).click();
		await expect( block( page ).getByRole( 'alert' ) ).toHaveText(
			'Please choose what you would like instead.'
		);
		await block( page ).getByLabel( 'Store credit' ).check();
		await expectAccessible( page, BLOCK );
		await button( page, 'Continue' ).click();

		// Review: the summary, and the photo the reason needs.
		await expect( stepHeading( page, /Review and send/ ) ).toBeFocused();
		const review = block( page ).locator( 'section:not([hidden])' );
		await expect( review ).toContainText(
			'1 × Linen shirt — Arrived damaged or faulty'
		);
		await expect( review ).toContainText( 'The seam came apart' );
		await expect( review ).toContainText( 'Store credit' );
		await expect( review ).toContainText(
			'(needed for the reason you chose)'
		);
		await button( page, 'Send return request' ).click();
		await expect( block( page ).getByRole( 'alert' ) ).toHaveText(
			'Please add at least one photo for the reason you chose.'
		);
		await block( page )
			.getByLabel( /Photos/ )
			.setInputFiles( {
				name: 'seam.png',
				mimeType: 'image/png',
				buffer: PNG,
			} );
		await expectAccessible( page, BLOCK );
		await stepHeading( page, /Review and send/ ).evaluate( ( element ) =>
			( element as HTMLElement ).blur()
		);
		await page.locator( BLOCK ).screenshot( {
			path: screenshot( 'returns-review.png' ),
		} );
		// A double click sends once.
		await button( page, 'Send return request' ).dblclick();

		// The status page, through the signed link; the token leaves the address bar once loaded.
		await page.waitForURL( /aftercare_return=\d+/ );
		const status = page.locator( `${ BLOCK } .aftercare-return` );
		await expect( page ).not.toHaveURL( /aftercare_token/ );
		await expect(
			status.getByRole( 'heading', { name: /Return R-\d+/ } )
		).toBeVisible();
		await expect( status ).toContainText(
			'Thank you! We received your return request.'
		);
		await expect( status.locator( '.aftercare-return__badge' ) ).toHaveText(
			'Requested'
		);
		await expect( status ).toContainText(
			'1 × Linen shirt — Arrived damaged or faulty'
		);
		await expect( status ).toContainText( 'Return requested' );
		await expect(
			status.getByRole( 'link', { name: 'seam.png' } )
		).toBeVisible();
		await expectAccessible( page, BLOCK );
		await page.locator( BLOCK ).screenshot( {
			path: screenshot( 'returns-status.png' ),
		} );

		const returns = ( await requestUtils.rest( {
			path: '/aftercare/v1/returns',
			params: { order_id: order.id },
		} ) ) as unknown[];
		expect( returns ).toHaveLength( 1 );
	} );

	test( 'a wrong email says only that nothing matched', async ( {
		page,
		requestUtils,
	} ) => {
		const order = await makeOrder( requestUtils );
		await page.goto( pageUrl );
		await findOrder( page, order.number, 'someone@example.test' );

		await expect( block( page ).getByRole( 'alert' ) ).toHaveText(
			/We could not find an order with those details/
		);
		await expect( stepHeading( page, /Find your order/ ) ).toBeFocused();
		await expect( stepHeading( page, /Items to return/ ) ).toBeHidden();
		await expect( block( page ) ).not.toContainText( 'Linen shirt' );
		await expectAccessible( page, BLOCK );
	} );

	test( 'a link that is wrong shows one message and no return', async ( {
		page,
	} ) => {
		await page.goto(
			`${ pageUrl }&aftercare_return=1&aftercare_token=nope`
		);
		await expect( block( page ).getByRole( 'alert' ) ).toHaveText(
			/This link is invalid or has expired/
		);
		await expect( block( page ) ).not.toContainText( 'Return R-' );
	} );
} );

test.describe( 'Returns block, signed in', () => {
	test( 'a customer returns part of an order chosen from the order-status link', async ( {
		page,
		requestUtils,
	} ) => {
		const order = await makeOrder( requestUtils, {
			customer: 'customer1',
			items: [ { name: 'Wool scarf', quantity: 3, total: 60 } ],
		} );
		await loginAs( page, 'customer1' );
		await page.goto( `${ pageUrl }&aftercare_order=${ order.number }` );

		// The order is already chosen: the form opens at its items.
		await expect( stepHeading( page, /Items to return/ ) ).toBeVisible();
		await expect( block( page ) ).toContainText(
			`Order #${ order.number }`
		);
		const scarf = line( page, 'Wool scarf' );
		await expect(
			scarf.getByLabel( 'Quantity to return' )
		).toHaveAttribute( 'max', '3' );
		await scarf.getByLabel( 'Quantity to return' ).fill( '1' );
		await scarf.getByLabel( 'Reason' ).selectOption( 'size' );
		// Each step is checked by the server before the next shows.
		await button( page, 'Continue' ).click();
		await expect( stepHeading( page, /Tell us more/ ) ).toBeFocused();
		await button( page, 'Continue' ).click();
		await block( page ).getByLabel( 'Store credit' ).check();
		await button( page, 'Continue' ).click();
		await expect( block( page ) ).toContainText( '(optional)' );
		await button( page, 'Send return request' ).click();

		await page.waitForURL( /aftercare_return=\d+/ );
		expect( page.url() ).not.toContain( 'aftercare_token' );
		await expect( page.locator( BLOCK ) ).toContainText(
			'1 × Wool scarf — Does not fit'
		);

		// Two are left to return; the one already asked for is counted.
		await page.goto( `${ pageUrl }&aftercare_order=${ order.number }` );
		await expect( scarf ).toContainText(
			'already returned or refunded: 1'
		);
		await expect(
			scarf.getByLabel( 'Quantity to return' )
		).toHaveAttribute( 'max', '2' );
		await expectAccessible( page, BLOCK );
	} );

	test( 'another customer cannot open that order or its return', async ( {
		page,
		requestUtils,
	} ) => {
		const order = await makeOrder( requestUtils, {
			customer: 'customer1',
		} );
		const created = ( await requestUtils.rest( {
			method: 'POST',
			path: '/aftercare/v1/returns',
			data: {
				order_id: order.id,
				outcome: 'refund',
				items: [
					{
						order_item_id: order.items[ 1 ],
						quantity: 1,
						reason: 'size',
					},
				],
			},
		} ) ) as { id: number };
		await loginAs( page, 'customer2' );
		await page.goto( `${ pageUrl }&aftercare_order=${ order.number }` );
		await expect( stepHeading( page, /Choose an order/ ) ).toBeVisible();
		await expect( block( page ) ).not.toContainText( 'Linen shirt' );
		await page.goto( `${ pageUrl }&aftercare_return=${ created.id }` );
		await expect( block( page ).getByRole( 'alert' ) ).toHaveText(
			/This link is invalid or has expired/
		);
	} );
} );

test.describe( 'Returns block without JavaScript', () => {
	test.use( {
		storageState: guest,
		javaScriptEnabled: false,
		// A refused step is answered 400 with the form again, which the browser logs.
		allowedConsoleErrors: [ /status of 400/ ],
	} );

	test( 'each step posts to the page, the photo too, then the status page takes replies', async ( {
		page,
		requestUtils,
	} ) => {
		const order = await makeOrder( requestUtils );
		await page.goto( pageUrl );
		await findOrder( page, order.number, 'rita@example.test' );

		await expect( stepHeading( page, /Items to return/ ) ).toBeVisible();
		await expect( stepHeading( page, /Find your order/ ) ).toBeHidden();
		await button( page, 'Continue' ).click();
		await expect( block( page ).getByRole( 'alert' ) ).toHaveText(
			'Choose at least one item to return and how many.'
		);
		await line( page, 'Canvas tote' )
			.getByLabel( 'Quantity to return' )
			.fill( '1' );
		await line( page, 'Canvas tote' )
			.getByLabel( 'Reason' )
			.selectOption( 'wrong_item' );
		await button( page, 'Continue' ).click();
		await expect( stepHeading( page, /Tell us more/ ) ).toBeVisible();
		await block( page )
			.getByLabel( /Anything else we should know/ )
			.fill( 'Blue instead of green.' );
		await button( page, 'Continue' ).click();
		await block( page )
			.getByLabel( 'A refund to my original payment' )
			.check();
		await button( page, 'Continue' ).click();
		await expect( stepHeading( page, /Review and send/ ) ).toBeVisible();
		await expect( block( page ) ).toContainText(
			'1 × Canvas tote — Wrong item sent'
		);

		// Going back keeps what was chosen.
		await button( page, 'Back' ).click();
		await expect(
			block( page ).getByLabel( 'A refund to my original payment' )
		).toBeChecked();
		await button( page, 'Continue' ).click();

		// The reason needs a photo: the server says so, then takes it.
		await button( page, 'Send return request' ).click();
		await expect( block( page ).getByRole( 'alert' ) ).toHaveText(
			'Please add at least one photo for the reason you chose.'
		);
		await block( page )
			.getByLabel( /Photos/ )
			.setInputFiles( {
				name: 'colour.png',
				mimeType: 'image/png',
				buffer: PNG,
			} );
		await button( page, 'Send return request' ).click();

		await page.waitForURL( /aftercare_done=created/ );
		const status = page.locator( `${ BLOCK } .aftercare-return` );
		await expect( status ).toContainText(
			'1 × Canvas tote — Wrong item sent'
		);
		await expect(
			status.getByRole( 'link', { name: 'colour.png' } )
		).toBeVisible();

		await status.getByLabel( 'Your message' ).fill( 'Can I drop it off?' );
		await status.getByRole( 'button', { name: 'Send message' } ).click();
		await page.waitForURL( /aftercare_done=replied/ );
		await expect( status ).toContainText( 'Your message was sent.' );
		await expect( status ).toContainText( 'Can I drop it off?' );
	} );
} );

test.describe( 'Returns block in the editor', () => {
	test( 'a site builder inserts it, previews each step with sample data and sets its texts', async ( {
		admin,
		editor,
		page,
	} ) => {
		await admin.createNewPost( {
			postType: 'page',
			title: 'Send it back',
		} );
		const preview = await insertFromInserter(
			page,
			editor,
			'Return request'
		);
		await expect(
			preview.getByRole( 'heading', { name: 'Return items' } )
		).toBeVisible();
		await expect( preview ).toContainText( 'Items to return' );
		await expect( preview ).toContainText( 'Linen shirt' );
		await expect( preview ).toContainText(
			'This product cannot be returned.'
		);
		// This site has an order source, so no "need WooCommerce" notice.
		await expect( preview ).not.toContainText( 'need WooCommerce' );

		await page.getByLabel( 'Heading' ).fill( 'Send it back' );
		await expect(
			preview.getByRole( 'heading', { name: 'Send it back' } )
		).toBeVisible();
		await page.getByLabel( 'Step shown' ).selectOption( 'outcome' );
		await expect( preview.getByLabel( 'Store credit' ) ).toBeVisible();
		await page.getByLabel( 'Step shown' ).selectOption( 'details' );
		await expect( preview ).toContainText(
			'These articles may answer your question:'
		);
		await page
			.getByLabel(
				'Suggest help articles while the shopper writes a comment'
			)
			.click();
		await expect( preview ).not.toContainText(
			'These articles may answer your question:'
		);
		await page.getByLabel( 'Step shown' ).selectOption( 'review' );
		await expect(
			preview.getByRole( 'button', { name: 'Send return request' } )
		).toBeVisible();
	} );
} );
