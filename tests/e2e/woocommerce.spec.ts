/**
 * Aftercare beside a real WooCommerce (HPOS on): the `e2e:woocommerce` layer's site, where
 * makeOrder() makes WooCommerce orders paid through a test gateway that refunds
 * (tests/fixtures/mu-plugins/test-woocommerce.php). The order screen's Support box and tracking
 * meta box, the storefront lookup of that tracking, a customer's return from My Account to a
 * refund through the gateway, My Account → Support, and WooCommerce's email settings; axe on each.
 */
import type { Page } from '@playwright/test';
import { test, expect, expectAccessible, loginAs } from './fixtures';
import { DAY, PNG, makeOrder, makePortal } from './returns/seed';

const guest = { cookies: [], origins: [] };
const ACCOUNT = '.woocommerce-MyAccount-content';

/**
 * WooCommerce's edit screen of an order (HPOS).
 *
 * @param page    A page signed in as the admin or an agent.
 * @param orderId The order.
 */
function openOrder( page: Page, orderId: number ) {
	return page.goto(
		`/wp-admin/admin.php?page=wc-orders&action=edit&id=${ orderId }`
	);
}

test.describe( 'Beside WooCommerce', { tag: '@woocommerce' }, () => {
	// WordPress 7.1 animates wp-admin page changes; Chromium then throws "Transition was aborted"
	// when WooCommerce's order screen reloads after saving. Without motion there is no transition.
	test.use( { contextOptions: { reducedMotion: 'reduce' } } );
	// Each test walks several WooCommerce admin and storefront screens, each slow to load.
	test.slow();
	let statusUrl = '';
	// Only the pages made here go afterwards: WooCommerce's own (My account…) stay.
	const pages: string[] = [];

	test.beforeAll( async ( { requestUtils } ) => {
		const page = await requestUtils.createPage( {
			title: 'Order status',
			status: 'publish',
			content: '<!-- wp:aftercare/order-status /-->',
		} );
		statusUrl = `/?page_id=${ page.id }`;
		pages.push( statusUrl );
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
		for ( const url of pages ) {
			await requestUtils.rest( {
				method: 'DELETE',
				path: `/wp/v2/pages/${ url.replace( /\D+/, '' ) }`,
				params: { force: true },
			} );
		}
	} );

	test( 'the order screen has the Support box and the tracking box, and a guest sees that tracking', async ( {
		page,
		browser,
		requestUtils,
	} ) => {
		const now = Math.floor( Date.now() / 1000 );
		const order = await makeOrder( requestUtils, {
			status: 'processing',
			completed: undefined,
			email: 'gwen@example.test',
			items: [ { name: 'Wool sweater', quantity: 1, total: 89.5 } ],
			total: 89.5,
			// What WooCommerce Shipment Tracking stores; Aftercare reads it beside its own.
			meta: {
				_wc_shipment_tracking_items: [
					{
						tracking_provider: 'usps',
						tracking_number: '9400111899223344556677',
						date_shipped: now - DAY,
					},
				],
			},
		} );

		await openOrder( page, order.id );
		const support = page.locator( '#aftercare-new-ticket' );
		await expect(
			support.getByRole( 'link', { name: 'New ticket' } )
		).toHaveAttribute(
			'href',
			new RegExp( `page=aftercare&new=1&order_id=${ order.id }$` )
		);
		const tracking = page.locator( '#aftercare-tracking' );
		await tracking.getByLabel( 'Carrier' ).selectOption( { label: 'UPS' } );
		await tracking
			.getByLabel( 'Tracking number' )
			.fill( '1Z999AA10123456784' );
		await page
			.getByRole( 'button', { name: 'Update', exact: true } )
			.click();
		await expect( page.getByText( 'Order updated.' ) ).toBeVisible();
		// The saved number is shown, with an empty row for the next one.
		await expect(
			tracking.getByLabel( 'Tracking number' ).first()
		).toHaveValue( '1Z999AA10123456784' );
		await expect( tracking.getByLabel( 'Tracking number' ) ).toHaveCount(
			2
		);
		await expectAccessible( page, '#aftercare-new-ticket' );
		await expectAccessible( page, '#aftercare-tracking' );

		// The shopper looks the order up and finds both parcels.
		const context = await browser.newContext( { storageState: guest } );
		const shopper = await context.newPage();
		await shopper.goto( statusUrl );
		const block = shopper.locator( '.wp-block-aftercare-order-status' );
		await block.getByLabel( 'Order number' ).fill( order.number );
		await block.getByLabel( 'Email address' ).fill( 'gwen@example.test' );
		await block.getByRole( 'button', { name: 'Find my order' } ).click();
		const result = shopper.locator(
			'.wp-block-aftercare-order-status__result'
		);
		await expect(
			result.getByRole( 'heading', { name: `Order #${ order.number }` } )
		).toBeVisible();
		await expect( result ).toContainText( 'Processing' );
		await expect(
			result.getByRole( 'link', { name: '1Z999AA10123456784' } )
		).toHaveAttribute( 'href', /ups\.com.*1Z999AA10123456784/ );
		await expect(
			result.getByRole( 'link', { name: '9400111899223344556677' } )
		).toHaveAttribute( 'href', /usps\.com.*9400111899223344556677/ );
		await expectAccessible( shopper, '.wp-block-aftercare-order-status' );
		await context.close();

		// The lookup is listed on the order screen.
		await openOrder( page, order.id );
		await expect( tracking ).toContainText(
			'Looked up from the storefront'
		);
	} );

	test( 'a customer’s return goes from My Account to a refund through the payment gateway', async ( {
		page,
		browser,
		requestUtils,
	} ) => {
		pages.push( await makePortal( requestUtils ) );
		const order = await makeOrder( requestUtils, {
			customer: 'customer1',
			items: [
				{ name: 'Linen shirt', quantity: 2, total: 40 },
				{ name: 'Canvas tote', quantity: 1, total: 14 },
			],
			total: 54,
		} );

		await loginAs( page, 'customer1' );
		await page.goto( '/my-account/returns/' );
		await expect( page.locator( ACCOUNT ) ).toContainText(
			'You have not requested any returns.'
		);
		await expectAccessible( page, ACCOUNT );
		await page.getByRole( 'link', { name: 'Request a return' } ).click();
		const block = page.locator( '.wp-block-aftercare-returns' );
		// Continue, then wait for the next of the five steps.
		const next = async ( step: number ) => {
			await block
				.locator( 'section:not([hidden])' )
				.getByRole( 'button', { name: 'Continue' } )
				.click();
			await expect(
				block.getByRole( 'heading', {
					name: new RegExp( `Step ${ step } of 5` ),
				} )
			).toBeVisible();
		};
		await block
			.getByLabel( 'Order', { exact: true } )
			.selectOption( String( order.id ) );
		await next( 2 );
		const shirt = block.getByRole( 'group', { name: 'Linen shirt' } );
		await shirt.getByLabel( 'Quantity to return' ).fill( '2' );
		await shirt.getByLabel( 'Reason' ).selectOption( 'damaged' );
		await next( 3 );
		await next( 4 );
		await block.getByLabel( 'A refund to my original payment' ).check();
		await next( 5 );
		await block.getByLabel( /Photos/ ).setInputFiles( {
			name: 'torn-seam.png',
			mimeType: 'image/png',
			buffer: PNG,
		} );
		await block
			.getByRole( 'button', { name: 'Send return request' } )
			.click();
		await page.waitForURL( /aftercare_return=\d+/ );
		const returnId = new URL( page.url() ).searchParams.get(
			'aftercare_return'
		);

		// An agent approves, receives and refunds it on the return screen.
		const context = await browser.newContext( { storageState: guest } );
		const agent = await context.newPage();
		await loginAs( agent, 'agent' );
		await agent.goto(
			`/wp-admin/admin.php?page=aftercare-returns&return=${ returnId }`
		);
		const badge = agent.locator( '.aftercare-return-status' ).first();
		for ( const [ action, status ] of < Array< [ string, string ] > >[
			[ 'Approve', 'Approved' ],
			[ 'Mark received', 'Received' ],
			[ 'Refund', 'Refunded' ],
		] ) {
			await agent
				.getByRole( 'group', { name: 'Return actions' } )
				.getByRole( 'button', { name: action, exact: true } )
				.click();
			await agent
				.getByRole( 'dialog' )
				.getByRole( 'button', { name: 'Confirm' } )
				.click();
			await expect( badge ).toHaveText( status );
		}
		await context.close();

		// The gateway refunded the shirts; WooCommerce recorded the refund on the order.
		await loginAs( page, 'admin' );
		await openOrder( page, order.id );
		const notes = page.locator( 'ul.order_notes' );
		await expect( notes ).toContainText( 'Test gateway refunded 40.00' );
		await expect( notes ).toContainText(
			'40.00 refunded to the original payment'
		);
		await expect(
			page
				.locator( '.wc-order-totals' )
				.filter( { hasText: 'Net Payment:' } )
		).toContainText( '-$40.00' );

		// The customer follows it under My Account → Returns.
		await loginAs( page, 'customer1' );
		await page.goto( '/my-account/returns/' );
		const row = page
			.locator( ACCOUNT )
			.getByRole( 'row' )
			.filter( { hasText: `#${ order.number }` } );
		await expect( row ).toContainText( 'Refunded' );
		await expectAccessible( page, ACCOUNT );
		await row.getByRole( 'link' ).first().click();
		await expect( page.locator( ACCOUNT ) ).toContainText(
			'Refund of $40.00 sent'
		);
		await expectAccessible( page, ACCOUNT );
	} );

	test( 'My Account → Support lists the customer’s tickets and opens a thread', async ( {
		page,
		requestUtils,
	} ) => {
		const users = ( await requestUtils.rest( {
			path: '/wp/v2/users',
			params: { search: 'customer1', context: 'edit' },
		} ) ) as Array< { id: number } >;
		// An agent opens it on the customer's behalf, as from the order screen.
		const ticket = ( await requestUtils.rest( {
			method: 'POST',
			path: '/aftercare/v1/tickets',
			data: {
				channel: 'phone',
				customer_id: users[ 0 ]?.id,
				subject: 'Asked from My Account',
				message: 'Does this come in blue?',
			},
		} ) ) as { id: number; number: number };
		await loginAs( page, 'customer1' );
		await page.goto( '/my-account/support/' );
		await expect( page.getByText( 'Asked from My Account' ) ).toBeVisible();
		await expectAccessible( page, ACCOUNT );
		await page.getByRole( 'link', { name: `#${ ticket.number }` } ).click();
		await expect(
			page.getByText( 'Does this come in blue?' )
		).toBeVisible();
		await page.getByLabel( 'Your reply' ).fill( 'Blue would be perfect.' );
		await page.getByRole( 'button', { name: 'Send reply' } ).click();
		await expect( page.locator( ACCOUNT ) ).toContainText(
			'Your reply was sent.'
		);
		await expect( page.locator( ACCOUNT ) ).toContainText(
			'Blue would be perfect.'
		);
		await expectAccessible( page, ACCOUNT );
	} );

	test( 'WooCommerce’s email settings list Aftercare’s emails', async ( {
		page,
	} ) => {
		await page.goto( '/wp-admin/admin.php?page=wc-settings&tab=email' );
		const table = page.locator( 'table.wc_emails' );
		for ( const title of [
			'Support request received',
			'Support reply',
			'New support ticket',
			'Return refunded',
			'New return request',
		] ) {
			await expect(
				table.getByRole( 'link', { name: title, exact: true } )
			).toBeVisible();
		}
		// WooCommerce's own help tips (aria-label on a span) are not Aftercare's to fix.
		await expectAccessible(
			page,
			'table.wc_emails',
			'.woocommerce-help-tip'
		);
		await table
			.getByRole( 'link', { name: 'Return refunded', exact: true } )
			.click();
		await expect(
			page.getByRole( 'heading', { name: /Return refunded/ } )
		).toBeVisible();
		await expect(
			page.getByLabel( 'Subject', { exact: true } )
		).toBeVisible();
		await expectAccessible(
			page,
			'#mainform .form-table',
			'.woocommerce-help-tip'
		);
	} );
} );
