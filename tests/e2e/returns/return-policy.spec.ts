/**
 * A store owner shortens the return window in Support → Settings → Returns, sees on the
 * simulator what that does to a real past order before saving (axe on the section with its
 * results), saves, and the returns block then refuses that order's items with the new reason.
 */
import { test, expect, expectAccessible } from '../fixtures';
import { DAY, makeOrder, makePortal } from './seed';

const SCREEN = '/wp-admin/admin.php?page=aftercare-settings&section=returns';
const BLOCK = '.wp-block-aftercare-returns';
const NEW_REASON = 'Completed 20 days ago; returns are accepted for 14 days.';

let portal = '';

test.beforeAll( async ( { requestUtils } ) => {
	portal = await makePortal( requestUtils );
} );

test.beforeEach( async ( { requestUtils } ) => {
	await requestUtils.rest( {
		method: 'POST',
		path: '/aftercare/v1/settings',
		data: { return_window_days: 30 },
	} );
	await requestUtils.rest( {
		method: 'DELETE',
		path: '/aftercare-test/v1/rate-limits',
	} );
} );

test.afterAll( async ( { requestUtils } ) => {
	await requestUtils.rest( {
		method: 'POST',
		path: '/aftercare/v1/settings',
		data: { return_window_days: 30, return_portal_page: 0 },
	} );
	await requestUtils.deleteAllPages();
} );

test( 'a shorter window, simulated before it is saved, then refused in the returns block', async ( {
	page,
	browser,
	requestUtils,
} ) => {
	const now = Math.floor( Date.now() / 1000 );
	const order = await makeOrder( requestUtils, {
		created: now - 22 * DAY,
		paid: now - 22 * DAY,
		completed: now - 20 * DAY - 3600,
		email: 'wendy@example.test',
		items: [ { name: 'Wool sweater', quantity: 1, total: 80 } ],
		total: 80,
	} );

	await page.goto( SCREEN );
	await page.getByLabel( 'Return window (days)' ).fill( '14' );
	const simulator = page.getByRole( 'region', {
		name: 'Try this policy on past orders',
	} );
	await simulator.getByLabel( 'Orders placed in' ).selectOption( '30' );
	await simulator.getByRole( 'button', { name: 'Simulate' } ).click();
	await expect( simulator.getByRole( 'status' ) ).toHaveText(
		/^Checked [\d,]+ orders?\.$/
	);

	// The order is returnable under the saved policy, not under the edited one.
	const row = simulator.getByRole( 'row', {
		name: new RegExp( `#${ order.number },` ),
	} );
	await expect( row ).toHaveCount( 1 );
	await expect( row.getByRole( 'cell' ).nth( 0 ) ).toHaveText(
		'Wool sweater'
	);
	await expect( row.getByRole( 'cell' ).nth( 2 ) ).toHaveText(
		'Returnable (1)'
	);
	await expect( row.getByRole( 'cell' ).nth( 3 ) ).toHaveText( NEW_REASON );
	const summary = simulator.getByRole( 'table', { name: /Returnable now/ } );
	const count = async ( policy: string ) =>
		Number(
			(
				( await summary
					.getByRole( 'row', { name: new RegExp( `^${ policy }` ) } )
					.getByRole( 'cell' )
					.first()
					.textContent() ) ?? ''
			)
				.split( ' of ' )
				.shift()
				?.replace( /\D/g, '' )
		);
	expect( await count( 'Edited policy' ) ).toBeLessThan(
		await count( 'Saved policy' )
	);
	await expectAccessible( page, '.aftercare-policy-simulator' );

	// Nothing is saved until the owner saves.
	const saved = ( await requestUtils.rest( {
		path: '/aftercare/v1/settings',
	} ) ) as { return_window_days: number };
	expect( saved.return_window_days ).toBe( 30 );
	await page.getByRole( 'button', { name: 'Save', exact: true } ).click();
	await expect(
		page.locator( '.components-snackbar' ).getByText( 'Settings saved.' )
	).toBeVisible();

	// The shopper, as a guest, now gets the new reason.
	const context = await browser.newContext( {
		storageState: { cookies: [], origins: [] },
	} );
	const shopper = await context.newPage();
	await shopper.goto( portal );
	const block = shopper.locator( BLOCK );
	await block.getByLabel( 'Order number' ).fill( order.number );
	await block.getByLabel( 'Email address' ).fill( 'wendy@example.test' );
	await block.getByRole( 'button', { name: 'Continue' } ).click();
	const line = block.getByRole( 'group', { name: 'Wool sweater' } );
	await expect( line ).toContainText( NEW_REASON );
	await expect( line.getByLabel( 'Quantity to return' ) ).toBeHidden();
	await expectAccessible( shopper, BLOCK );
	await context.close();
} );
