/**
 * Settings → Email, its tools: rotating the webhook secret (after a confirmation) shows a new
 * Postmark address once, which changes with each rotation and is the only one the webhook still
 * takes; Test connection reports why a mailbox cannot be reached; axe on the section throughout.
 */
import { test, expect, expectAccessible } from '../fixtures';
import type { Page } from '@playwright/test';

const SCREEN = '/wp-admin/admin.php?page=aftercare-settings&section=email';
const NEW_URL = 'Postmark webhook with the new secret';

/**
 * Rotates the secret through the screen and reads the new Postmark address it shows.
 *
 * @param page The settings screen.
 * @return The address, with its secret.
 */
async function rotate( page: Page ): Promise< string > {
	await page.getByRole( 'button', { name: 'Rotate secret' } ).click();
	const dialog = page.getByRole( 'dialog', {
		name: 'Rotate the webhook secret?',
	} );
	await expect( dialog ).toBeVisible();
	await expectAccessible( page, '[role="dialog"]' );
	await dialog.getByRole( 'button', { name: 'Rotate secret' } ).click();
	await expect( dialog ).toBeHidden();

	const row = page
		.locator( '.aftercare-mail__row' )
		.filter( { has: page.getByText( NEW_URL, { exact: true } ) } );
	const value = row.locator( 'code' );
	// Masked until asked for.
	await expect( value ).toContainText( 'key=••••' );
	const show = page.getByRole( 'button', { name: 'Show secret' } );
	await expect( show ).toHaveAttribute( 'aria-pressed', 'false' );
	await show.click();
	await expect( show ).toHaveAttribute( 'aria-pressed', 'true' );
	await expect( value ).toHaveText(
		/inbound\/postmark.*key=[A-Za-z0-9]{20,}$/
	);
	return ( await value.textContent() ) ?? '';
}

test.describe( 'Email tools', () => {
	test.afterAll( async ( { requestUtils } ) => {
		await requestUtils.rest( {
			method: 'POST',
			path: '/aftercare/v1/settings',
			data: {
				mailbox_host: '',
				mailbox_user: '',
				mailbox_password: '',
			},
		} );
	} );

	test( 'rotating the secret shows a new webhook address each time, and only the newest is taken', async ( {
		page,
		playwright,
		baseURL,
	} ) => {
		await page.goto( SCREEN );
		await expect(
			page.getByRole( 'heading', { name: 'How mail comes in' } )
		).toBeVisible();
		await expect( page.getByText( NEW_URL ) ).toHaveCount( 0 );
		await expectAccessible( page, '#aftercare-admin-app' );

		const first = await rotate( page );
		const second = await rotate( page );
		expect( second ).not.toBe( first );
		await expectAccessible( page, '#aftercare-admin-app' );

		// As Postmark would post (no cookies): the old address is refused, the new one is not.
		const postmark = await playwright.request.newContext( { baseURL } );
		const post = async ( url: string ) =>
			(
				await postmark.post( url, {
					headers: { 'Content-Type': 'application/json' },
					data: '{}',
				} )
			).status();
		expect( await post( first ) ).toBe( 401 );
		expect( await post( second ) ).not.toBe( 401 );
		await postmark.dispose();

		// The secret is not sent back: after a reload only the mask is left.
		await page.reload();
		await expect( page.getByText( NEW_URL ) ).toHaveCount( 0 );
		await expect( page.getByText( second ) ).toHaveCount( 0 );
	} );

	test.describe( () => {
		// The refused test is a 400 the browser logs.
		test.use( { allowedConsoleErrors: [ /status of 400/ ] } );

		test( 'the connection test says why the mailbox in the form cannot be reached', async ( {
			page,
		} ) => {
			await page.goto( SCREEN );
			// The notice in the panel; screen readers' live region says it again.
			const panel = page.getByRole( 'tabpanel', { name: 'Email' } );
			const testButton = page.getByRole( 'button', {
				name: 'Test connection',
			} );
			await testButton.click();
			await expect(
				panel.getByText(
					'The connection failed: Enter the server, user name and password of the mailbox first.'
				)
			).toBeVisible();

			// Unsaved values are what is tested: a port where nothing listens.
			await page
				.getByLabel( 'Mailbox server (IMAP)' )
				.fill( '127.0.0.1' );
			await page.getByLabel( 'Mailbox port' ).fill( '9' );
			await page.getByLabel( 'Mailbox user name' ).fill( 'support' );
			await page.getByLabel( 'Mailbox password' ).fill( 'secret' );
			await testButton.click();
			await expect(
				panel.getByText( /^The connection failed: / )
			).toBeVisible();
			await expect(
				panel.getByText(
					'The connection failed: Enter the server, user name and password of the mailbox first.'
				)
			).toHaveCount( 0 );
			await expectAccessible( page, '#aftercare-admin-app' );
		} );
	} );
} );
