/**
 * The whole life of a return across both sides: a guest asks for one with a photo through the
 * returns block → an agent approves it on the return screen (with a message) → marks the items
 * received → refunds them; after each step the guest's status page (through the signed link)
 * shows the new status, the agent's message and, once approved, how to send the items back.
 */
import type { Page } from '@playwright/test';
import { test, expect, expectAccessible, loginAs } from '../fixtures';
import { PNG, makeOrder, makePortal } from './seed';

const BLOCK = '.wp-block-aftercare-returns';
const guest = { cookies: [], origins: [] };

let pageUrl = '';

test.beforeAll( async ( { requestUtils } ) => {
	pageUrl = await makePortal( requestUtils );
	await requestUtils.rest( {
		method: 'POST',
		path: '/aftercare/v1/settings',
		data: {
			return_shipping_instructions:
				'Post the items to Returns, 1 Warehouse Road, Springfield.',
		},
	} );
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
		data: { return_portal_page: 0, return_shipping_instructions: '' },
	} );
	await requestUtils.deleteAllPages();
} );

/**
 * Runs one action on the agent's return screen: its button, then the dialog's Confirm.
 *
 * @param agent   The agent's page, on the return screen.
 * @param action  The action's button.
 * @param message A message to the customer ('' for none).
 */
async function act( agent: Page, action: string, message = '' ) {
	await agent
		.getByRole( 'group', { name: 'Return actions' } )
		.getByRole( 'button', { name: action, exact: true } )
		.click();
	const dialog = agent.getByRole( 'dialog' );
	if ( message !== '' ) {
		await dialog.getByLabel( 'Message to the customer' ).fill( message );
	}
	await dialog.getByRole( 'button', { name: 'Confirm' } ).click();
	await expect( dialog ).toBeHidden();
}

test.use( { storageState: guest } );

test( 'a guest’s return goes from request to refund and the guest sees each status', async ( {
	page,
	browser,
	requestUtils,
} ) => {
	// The guest asks for a return of a damaged shirt, with a photo.
	const order = await makeOrder( requestUtils );
	const block = page.locator( BLOCK );
	const visible = block.locator( 'section:not([hidden])' );
	await page.goto( pageUrl );
	await block.getByLabel( 'Order number' ).fill( order.number );
	await block.getByLabel( 'Email address' ).fill( 'rita@example.test' );
	await visible.getByRole( 'button', { name: 'Continue' } ).click();
	const shirt = block.getByRole( 'group', { name: 'Linen shirt' } );
	await shirt.getByLabel( 'Quantity to return' ).fill( '2' );
	await shirt.getByLabel( 'Reason' ).selectOption( 'damaged' );
	await visible.getByRole( 'button', { name: 'Continue' } ).click();
	await block
		.getByLabel( /Anything else we should know/ )
		.fill( 'Both shirts have a torn seam.' );
	await visible.getByRole( 'button', { name: 'Continue' } ).click();
	await block.getByLabel( 'A refund to my original payment' ).check();
	await visible.getByRole( 'button', { name: 'Continue' } ).click();
	await block.getByLabel( /Photos/ ).setInputFiles( {
		name: 'torn-seam.png',
		mimeType: 'image/png',
		buffer: PNG,
	} );
	await visible
		.getByRole( 'button', { name: 'Send return request' } )
		.click();
	await page.waitForURL( /aftercare_return=\d+/ );
	// The signed link, as the page shows it (the address bar drops the token once loaded).
	const statusUrl = (
		( await block
			.locator( '.aftercare-thread__link' )
			.getAttribute( 'href' ) ) as string
	 ).replace( /&aftercare_done=created/, '' );
	await expect( page ).not.toHaveURL( /aftercare_token/ );
	const returnId = new URL( statusUrl ).searchParams.get(
		'aftercare_return'
	);
	const status = block.locator( '.aftercare-return' );
	const badge = status.locator( '.aftercare-return__badge' );
	await expect( badge ).toHaveText( 'Requested' );
	const number = (
		await status
			.getByRole( 'heading', { name: /Return R-\d+/ } )
			.innerText()
	).replace( 'Return ', '' );

	// The agent works the return on its screen.
	const context = await browser.newContext( { storageState: guest } );
	const agent = await context.newPage();
	await loginAs( agent, 'agent' );
	await agent.goto(
		`/wp-admin/admin.php?page=aftercare-returns&return=${ returnId }`
	);
	await expect(
		agent.getByRole( 'heading', { name: `Return ${ number }` } )
	).toBeVisible();
	await expect(
		agent.getByRole( 'link', {
			name: 'Open torn-seam.png full size (new tab)',
		} )
	).toBeVisible();
	const agentBadge = agent.locator( '.aftercare-return-status' ).first();

	await act( agent, 'Approve', 'Approved — please send both shirts back.' );
	await expect( agentBadge ).toHaveText( 'Approved' );
	await page.goto( statusUrl );
	await expect( badge ).toHaveText( 'Approved' );
	await expect( status ).toContainText(
		'Approved — please send both shirts back.'
	);
	await expect( status ).toContainText(
		'Post the items to Returns, 1 Warehouse Road, Springfield.'
	);
	await expectAccessible( page, BLOCK );

	await act( agent, 'Mark received' );
	await expect( agentBadge ).toHaveText( 'Received' );
	await page.goto( statusUrl );
	await expect( badge ).toHaveText( 'Received' );
	await expect( status ).not.toContainText( '1 Warehouse Road' );

	await act( agent, 'Refund' );
	await expect( agentBadge ).toHaveText( 'Refunded' );
	await page.goto( statusUrl );
	await expect( badge ).toHaveText( 'Refunded' );
	const timeline = status.locator( '.aftercare-return__timeline' );
	for ( const event of [
		'Return requested',
		'Approved',
		'Received',
		'Refunded',
		'Refund of 40.00 sent',
	] ) {
		await expect( timeline ).toContainText( event );
	}
	await expect( status ).toContainText( 'Refunded: 40.00' );
	await expectAccessible( page, BLOCK );
	await context.close();
} );
