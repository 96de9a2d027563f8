/**
 * Order actions from a ticket reply (the Order action dialog beside a ticket): an agent refunds
 * one line through the form and its confirm step, the thread, order panel and order timeline
 * refresh, and the shopper sees the refund on the order-status block; an agent over their
 * refund limit (Support settings, 50 by default) gets the server's 403 as a readable notice
 * and nothing happens. Axe on both steps of the dialog. Test adapter orders (refunds go through
 * its "gateway" when the order says so). Without WooCommerce the server writes amounts as
 * "USD 10.00" (the reply, the notice, the order timeline); the screen formats its own as "$10.00".
 */
import type { Page } from '@playwright/test';
import type { RequestUtils } from '@wordpress/e2e-test-utils-playwright';
import { test, expect, expectAccessible, loginAs } from '../fixtures';
import { runToken, seedTicket, userId } from './seed';

const DESK = '/wp-admin/admin.php?page=aftercare';
const BLOCK = '.wp-block-aftercare-order-status';

let statusPage = '';

test.beforeAll( async ( { requestUtils } ) => {
	const page = await requestUtils.createPage( {
		title: 'Where is my order',
		status: 'publish',
		content: '<!-- wp:aftercare/order-status /-->',
	} );
	statusPage = `/?page_id=${ page.id }`;
} );

test.afterAll( async ( { requestUtils } ) => {
	await requestUtils.deleteAllPages();
} );

/**
 * customer1's order of a shirt (80) and two pairs of socks (20), paid through a gateway that
 * refunds, and a ticket about it.
 *
 * @param requestUtils The admin's REST client.
 * @param token        This test's token.
 */
async function seedOrderTicket( requestUtils: RequestUtils, token: string ) {
	const now = Math.floor( Date.now() / 1000 );
	const order = ( await requestUtils.rest( {
		method: 'POST',
		path: '/aftercare-test/v1/orders',
		data: {
			customer: 'customer1',
			status: 'completed',
			created: now - 3 * 86400,
			paid: now - 3 * 86400,
			completed: now - 86400,
			total: 100,
			currency: 'USD',
			meta: { _testenv_gateway_refunds: '1' },
			items: [
				{ name: `${ token } Linen shirt`, quantity: 1, total: 80 },
				{ name: `${ token } Wool socks`, quantity: 2, total: 20 },
			],
		},
	} ) ) as { id: number; number: string };
	const ticket = await seedTicket( requestUtils, {
		subject: `${ token } Holes in the socks`,
		customer_id: await userId( requestUtils, 'customer1' ),
		order_id: order.id,
	} );
	return { order, ticket };
}

async function openDialog( page: Page, ticketId: number ) {
	await page.goto( `${ DESK }&ticket=${ ticketId }` );
	const panel = page.locator( '.aftercare-context' );
	await panel.getByRole( 'button', { name: 'Order action…' } ).click();
	const dialog = page.getByRole( 'dialog', {
		name: /^Order action: order #/,
	} );
	await expect( dialog.getByLabel( 'Action' ) ).toHaveValue( 'refund' );
	return { panel, dialog };
}

test.describe( 'Order actions from a ticket', () => {
	test( 'an agent refunds one line through the confirm step; the shopper sees the refund', async ( {
		page,
		requestUtils,
	} ) => {
		const token = runToken( 'oa' );
		const { order, ticket } = await seedOrderTicket( requestUtils, token );
		await loginAs( page, 'agent' );

		const { panel, dialog } = await openDialog( page, ticket.id );
		await expect( dialog ).toContainText(
			'Left to refund on this order: $100.00. Your limit per refund: $50.00.'
		);
		await expect(
			dialog.getByLabel( 'Reply to the customer' )
		).toHaveValue( /I have refunded you as described below/ );
		await dialog
			.getByLabel( `Quantity to refund: ${ token } Wool socks` )
			.fill( '1' );
		await expect( dialog ).toContainText( 'Refund: $10.00' );
		await expectAccessible( page, '[role="dialog"]' );

		await dialog.getByRole( 'button', { name: 'Review' } ).click();
		const heading = dialog.getByRole( 'heading', {
			name: 'Confirm: this is what will happen',
		} );
		await expect( heading ).toBeFocused();
		await expect( dialog ).toContainText(
			`Refund $10.00 for order #${ order.number }: 1 × ${ token } Wool socks ($10.00).`
		);
		await expect( dialog ).toContainText( 'It cannot be undone.' );
		await expect( dialog ).toContainText( 'customer1@' );
		await expectAccessible( page, '[role="dialog"]' );

		const answer = page.waitForResponse(
			( response ) =>
				response.url().includes( 'order-actions' ) &&
				response.request().method() === 'POST'
		);
		await dialog.getByRole( 'button', { name: 'Confirm refund' } ).click();
		expect( ( await answer ).status() ).toBe( 201 );
		await expect( dialog ).toBeHidden();
		// The focus goes back to the button that opened the dialog.
		await expect(
			panel.getByRole( 'button', { name: 'Order action…' } )
		).toBeFocused();

		// The reply in the thread, the order panel and the order's timeline, all refreshed.
		await expect( page.locator( '.aftercare-thread' ) ).toContainText(
			`We have refunded USD 10.00 for order #${ order.number } (1 × ${ token } Wool socks) to your original payment method.`
		);
		await expect(
			panel.getByRole( 'listitem' ).filter( {
				hasText: `${ token } Wool socks`,
			} )
		).toContainText( '1 refunded' );
		await expect(
			panel.locator( '.aftercare-order-timeline' )
		).toContainText( 'Refunded' );

		// The shopper, signed in, sees it on the order-status block.
		await loginAs( page, 'customer1' );
		await page.goto( statusPage );
		const mine = page.locator( `${ BLOCK }__order` ).filter( {
			has: page.getByRole( 'heading', {
				name: `Order #${ order.number }`,
			} ),
		} );
		const refunded = mine
			.locator( `${ BLOCK }__timeline li` )
			.filter( { hasText: 'Refunded' } );
		await expect( refunded ).toContainText( 'USD 10.00' );
		await expectAccessible( page, BLOCK );
	} );

	test.describe( 'over the limit', () => {
		test.use( {
			// The refused refund is a 403 answer, which the browser logs.
			allowedConsoleErrors: [ /status of 403/ ],
		} );

		test( 'an agent above their refund limit is refused with a readable message, and nothing is done', async ( {
			page,
			requestUtils,
		} ) => {
			const token = runToken( 'ol' );
			const { order, ticket } = await seedOrderTicket(
				requestUtils,
				token
			);
			await loginAs( page, 'agent' );

			const { dialog } = await openDialog( page, ticket.id );
			await dialog
				.getByLabel( `Quantity to refund: ${ token } Linen shirt` )
				.fill( '1' );
			await expect( dialog ).toContainText(
				'This is above your refund limit'
			);
			await dialog.getByRole( 'button', { name: 'Review' } ).click();
			const answer = page.waitForResponse(
				( response ) =>
					response.url().includes( 'order-actions' ) &&
					response.request().method() === 'POST'
			);
			await dialog
				.getByRole( 'button', { name: 'Confirm refund' } )
				.click();
			expect( ( await answer ).status() ).toBe( 403 );

			// Back on the form, the server's words in a notice; the dialog stays open.
			await expect(
				dialog.locator(
					'.components-notice.is-error .components-notice__content'
				)
			).toHaveText(
				'You can refund at most USD 50.00 at once. Ask a store manager to refund more.'
			);
			await expect(
				dialog.getByLabel(
					`Quantity to refund: ${ token } Linen shirt`
				)
			).toHaveValue( '1' );
			await expectAccessible( page, '[role="dialog"]' );
			await dialog.getByRole( 'button', { name: 'Cancel' } ).click();
			await expect( dialog ).toBeHidden();

			// Nothing half-done: no reply, no refund.
			await expect(
				page.locator( '.aftercare-thread' )
			).not.toContainText( 'We have refunded' );
			const stored = ( await requestUtils.rest( {
				path: `/aftercare/v1/orders/${ order.id }`,
			} ) ) as { total_refunded: number; refunds: unknown[] };
			expect( stored.total_refunded ).toBe( 0 );
			expect( stored.refunds ).toEqual( [] );
		} );
	} );
} );
