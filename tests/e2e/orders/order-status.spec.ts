/**
 * The order-status block on the storefront, against the orders the test environment seeds
 * (tests/fixtures/mu-plugins/test-order-source.php): a guest's lookup (found, wrong email,
 * throttled), a signed-in customer's own orders, the same without JavaScript, and axe. Saves
 * the README screenshots to docs/screenshots/.
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

const BLOCK = '.wp-block-aftercare-order-status';
const guest = { cookies: [], origins: [] };

let pageUrl = '';

test.beforeAll( async ( { requestUtils } ) => {
	const page = await requestUtils.createPage( {
		title: 'Order status',
		status: 'publish',
		content:
			'<!-- wp:paragraph --><p>Check where your parcel is.</p><!-- /wp:paragraph -->\n<!-- wp:aftercare/order-status /-->',
	} );
	pageUrl = `/?page_id=${ page.id }`;
} );

test.beforeEach( async ( { requestUtils } ) => {
	await requestUtils.rest( {
		method: 'DELETE',
		path: '/aftercare-test/v1/rate-limits',
	} );
} );

test.afterAll( async ( { requestUtils } ) => {
	await requestUtils.deleteAllPages();
} );

async function lookUp( page: Page, number: string, email: string ) {
	const block = page.locator( BLOCK );
	await block.getByLabel( 'Order number' ).fill( number );
	await block.getByLabel( 'Email address' ).fill( email );
	await block.getByRole( 'button', { name: 'Find my order' } ).click();
}

test.describe( 'Order status block, as a guest', () => {
	test.use( {
		storageState: guest,
		// A failed lookup is a 404 (or 429) answer, which the browser logs.
		allowedConsoleErrors: [ /status of 4(04|29).*order-status/ ],
	} );

	test( 'finds an order by number and email, with minimal disclosure', async ( {
		page,
	} ) => {
		await page.goto( pageUrl );
		await lookUp( page, '1001', 'Guest@Example.test' );

		const result = page.locator( `${ BLOCK }__result` );
		const title = result.getByRole( 'heading', { name: 'Order #1001' } );
		await expect( title ).toBeVisible();
		await expect( title ).toBeFocused();
		await expect( result ).toContainText( 'Completed' );
		await expect( result ).toContainText( 'Linen shirt' );
		await expect(
			result.getByRole( 'link', { name: '9400111899223344556677' } )
		).toHaveAttribute( 'href', /tools\.usps\.com.*9400111899223344556677/ );
		await expect( result ).toContainText( 'Order status checked' );
		// The total (54) as an amount, not a time of day such as "6:54 pm" in the timeline.
		for ( const secret of [
			'Gwen',
			'555',
			'Main Street',
			/(?<![:\d])54(?!\d)/,
		] ) {
			await expect( result ).not.toContainText( secret );
		}
		await expectAccessible( page, BLOCK );
		await title.evaluate( ( element ) =>
			( element as HTMLElement ).blur()
		);
		await page.locator( BLOCK ).screenshot( {
			path: screenshot( 'order-status-guest.png' ),
		} );
	} );

	test( 'the result tells the order’s support story without internal notes or agents’ names', async ( {
		page,
		requestUtils,
	} ) => {
		const email = `story${ Date.now() }@example.test`;
		const order = ( await requestUtils.rest( {
			method: 'POST',
			path: '/aftercare-test/v1/orders',
			data: {
				status: 'processing',
				email,
				name: 'Sam Story',
				total: 20,
				paid: Math.floor( Date.now() / 1000 ) - 3600,
				items: [ { name: 'Wool socks', quantity: 2, total: 20 } ],
			},
		} ) ) as { id: number; number: string };
		const ticket = ( await requestUtils.rest( {
			method: 'POST',
			path: '/aftercare/v1/tickets',
			data: {
				channel: 'phone',
				customer_email: email,
				customer_name: 'Sam Story',
				subject: 'Socks not here yet',
				message: 'Called about the socks.',
				order_id: order.id,
			},
		} ) ) as { id: number; number: number };
		for ( const [ type, body ] of [
			[ 'note', 'Internal: the courier lost a van.' ],
			[ 'reply', 'They are on their way.' ],
		] ) {
			await requestUtils.rest( {
				method: 'POST',
				path: `/aftercare/v1/tickets/${ ticket.id }/messages`,
				data: { type, body },
			} );
		}

		await page.goto( pageUrl );
		await lookUp( page, order.number, email );
		const history = page.locator(
			`${ BLOCK }__result ${ BLOCK }__timeline`
		);
		await expect( history ).toContainText( 'Payment received' );
		await expect( history ).toContainText(
			`Request #${ ticket.number } opened`
		);
		await expect( history ).toContainText( 'The support team replied' );
		for ( const hidden of [
			'Internal',
			'courier lost a van',
			'Socks not here yet',
			'admin',
		] ) {
			await expect( history ).not.toContainText( hidden );
		}
		await expectAccessible( page, BLOCK );
	} );

	test( 'a wrong email says only that nothing matched', async ( {
		page,
	} ) => {
		await page.goto( pageUrl );
		await lookUp( page, '1001', 'someone@example.test' );

		const error = page.locator( BLOCK ).getByRole( 'alert' );
		await expect( error ).toHaveText(
			/We could not find an order with those details/
		);
		await expect( error ).toBeFocused();
		await expect( page.locator( `${ BLOCK }__result` ) ).toBeHidden();
		await expectAccessible( page, BLOCK );
	} );

	test( 'five failures lock the lookup out', async ( { page } ) => {
		await page.goto( pageUrl );
		for ( let i = 0; i < 5; i++ ) {
			const answer = page.waitForResponse( /order-status/ );
			await lookUp( page, '1001', `guess${ i }@example.test` );
			expect( ( await answer ).status() ).toBe( 404 );
		}
		const answer = page.waitForResponse( /order-status/ );
		await lookUp( page, '1001', 'guest@example.test' );
		const response = await answer;

		expect( response.status() ).toBe( 429 );
		expect( Number( response.headers()[ 'retry-after' ] ) ).toBeGreaterThan(
			0
		);
		expect( response.headers()[ 'cache-control' ] ).toContain( 'no-store' );
		await expect( page.locator( BLOCK ).getByRole( 'alert' ) ).toHaveText(
			/Too many attempts/
		);
	} );
} );

test.describe( 'Order status block without JavaScript', () => {
	test.use( {
		storageState: guest,
		javaScriptEnabled: false,
		// The throttled page itself answers 429, which the browser logs.
		allowedConsoleErrors: [ /status of 429.*order-status/ ],
	} );

	test( 'the form posts and the server renders the result', async ( {
		page,
	} ) => {
		await page.goto( pageUrl );
		await lookUp( page, '#1001', 'guest@example.test' );

		await page.waitForLoadState();
		const result = page.locator( `${ BLOCK }__result` );
		await expect(
			result.getByRole( 'heading', { name: 'Order #1001' } )
		).toBeVisible();
		await expect( result ).toContainText( 'Linen shirt' );
		await expect(
			page.locator( BLOCK ).getByLabel( 'Order number' )
		).toHaveValue( '#1001' );
		// axe needs JavaScript: the same markup is checked in the tests above.
	} );

	test( 'the sixth failure is answered 429 with Retry-After', async ( {
		page,
	} ) => {
		await page.goto( pageUrl );
		for ( let i = 0; i < 5; i++ ) {
			const answer = page.waitForResponse(
				( response ) => response.request().method() === 'POST'
			);
			await lookUp( page, '1001', `guess${ i }@example.test` );
			expect( ( await answer ).status() ).toBe( 200 );
		}
		const answer = page.waitForResponse(
			( response ) => response.request().method() === 'POST'
		);
		await lookUp( page, '1001', 'guest@example.test' );
		const response = await answer;

		expect( response.status() ).toBe( 429 );
		expect( Number( response.headers()[ 'retry-after' ] ) ).toBeGreaterThan(
			0
		);
		expect( response.headers()[ 'cache-control' ] ).toContain( 'no-store' );
		await expect( page.locator( BLOCK ).getByRole( 'alert' ) ).toHaveText(
			/Too many attempts/
		);
	} );

	test( 'a wrong email is answered on the page too', async ( { page } ) => {
		await page.goto( pageUrl );
		await lookUp( page, '1001', 'nobody@example.test' );

		await expect( page.locator( BLOCK ).getByRole( 'alert' ) ).toHaveText(
			/We could not find an order with those details/
		);
		await expect( page.locator( `${ BLOCK }__result` ) ).toBeHidden();
	} );
} );

test.describe( 'Order status block, signed in', () => {
	test( 'a customer sees their own recent orders without typing', async ( {
		page,
	} ) => {
		await loginAs( page, 'customer1' );
		await page.goto( pageUrl );

		const mine = page.locator( `${ BLOCK }__mine` );
		await expect(
			mine.getByRole( 'heading', { name: 'Your recent orders' } )
		).toBeVisible();
		await expect(
			mine.getByRole( 'heading', { name: 'Order #1002' } )
		).toBeVisible();
		await expect(
			mine.getByRole( 'heading', { name: 'Order #1003' } )
		).toBeVisible();
		await expect( mine ).toContainText( 'Awaiting pickup' );
		await expect( mine ).toContainText( 'Wool sweater' );
		await expect(
			mine.getByRole( 'link', { name: '1Z999AA10123456784' } )
		).toHaveAttribute( 'href', /ups\.com/ );
		// customer2's order, and the guest's, are not listed.
		await expect( mine ).not.toContainText( 'Socks' );
		await expect( mine ).not.toContainText( 'Order #1001' );
		await expectAccessible( page, BLOCK );
		await page.locator( BLOCK ).screenshot( {
			path: screenshot( 'order-status-customer.png' ),
		} );
	} );
} );

test.describe( 'Order status block in the editor', () => {
	test( 'a site builder inserts it and sees a preview with sample data', async ( {
		admin,
		editor,
		page,
	} ) => {
		await admin.createNewPost( { postType: 'page', title: 'Track it' } );
		const block = await insertFromInserter( page, editor, 'Order status' );
		await expect(
			block.getByRole( 'heading', { name: 'Where is my order?' } )
		).toBeVisible();
		await expect(
			block.getByRole( 'heading', { name: 'Order #1042' } )
		).toBeVisible();
		await expect( block ).toContainText( 'Linen shirt' );
		// This site has an order source, so no "needs WooCommerce" notice.
		await expect( block ).not.toContainText( 'needs WooCommerce' );

		await page.getByLabel( 'Heading' ).fill( 'Track your parcel' );
		await expect(
			block.getByRole( 'heading', { name: 'Track your parcel' } )
		).toBeVisible();
		await page.getByLabel( 'Preview as' ).selectOption( 'customer' );
		await expect(
			block.getByRole( 'heading', { name: 'Your recent orders' } )
		).toBeVisible();
	} );
} );
