/**
 * The Support screen in wp-admin: mounts, saves, is accessible, and is closed to customers.
 */
import { test, expect, expectAccessible, loginAs } from '../fixtures';

test.describe( 'Support screen', () => {
	test( 'a supervisor saves a setting that survives a reload', async ( {
		page,
		requestUtils,
	} ) => {
		await requestUtils.rest( {
			method: 'POST',
			path: '/aftercare/v1/settings',
			data: { delete_data_on_uninstall: false },
		} );
		await page.goto( '/wp-admin/admin.php?page=aftercare-settings' );

		await expect(
			page.getByRole( 'heading', { level: 1, name: 'Support settings' } )
		).toBeVisible();
		await expectAccessible( page, '#aftercare-admin-app' );

		const toggle = page.getByRole( 'checkbox', {
			name: 'Remove all data when Aftercare is deleted',
		} );
		await expect( toggle ).not.toBeChecked();
		await toggle.check();
		await page.getByRole( 'button', { name: 'Save' } ).click();
		await expect(
			page
				.locator( '.components-snackbar' )
				.getByText( 'Settings saved.' )
		).toBeVisible();

		await page.reload();
		await expect(
			page.getByRole( 'checkbox', {
				name: 'Remove all data when Aftercare is deleted',
			} )
		).toBeChecked();
		await requestUtils.rest( {
			method: 'POST',
			path: '/aftercare/v1/settings',
			data: { delete_data_on_uninstall: false },
		} );
	} );

	test.describe( () => {
		// The refused save is a 400 the browser logs.
		test.use( { allowedConsoleErrors: [ /status of 400/ ] } );

		test( 'trusted proxies are checked one by one and saved', async ( {
			page,
			requestUtils,
		} ) => {
			await requestUtils.rest( {
				method: 'POST',
				path: '/aftercare/v1/settings',
				data: { trusted_proxies: [] },
			} );
			await page.goto( '/wp-admin/admin.php?page=aftercare-settings' );

			const proxies = page.getByRole( 'textbox', {
				name: 'Trusted proxies',
			} );
			await proxies.fill( '10.0.0.0/8\n10.0.0.0/33' );
			await page.getByRole( 'button', { name: 'Save' } ).click();
			await expect(
				page
					.locator( '.components-snackbar' )
					.getByText(
						'"10.0.0.0/33" is not an IP address or a range like 203.0.113.0/24 or 2001:db8::/32.'
					)
			).toBeVisible();

			await proxies.fill( '10.0.0.0/8\n2001:db8::/32' );
			await page.getByRole( 'button', { name: 'Save' } ).click();
			await expect(
				page
					.locator( '.components-snackbar' )
					.getByText( 'Settings saved.' )
			).toBeVisible();
			await page.reload();
			await expect(
				page.getByRole( 'textbox', { name: 'Trusted proxies' } )
			).toHaveValue( '10.0.0.0/8\n2001:db8::/32' );
			await requestUtils.rest( {
				method: 'POST',
				path: '/aftercare/v1/settings',
				data: { trusted_proxies: [] },
			} );
		} );
	} );

	test( 'the app loads no script on other admin screens', async ( {
		page,
	} ) => {
		await page.goto( '/wp-admin/index.php' );
		await expect(
			page.locator( 'script[src*="aftercare/build/admin"]' )
		).toHaveCount( 0 );
	} );

	test.describe( () => {
		test.use( { allowedConsoleErrors: [ /status of 403/ ] } );

		test( 'a customer cannot open it', async ( { page } ) => {
			await loginAs( page, 'customer1' );
			const response = await page.goto(
				'/wp-admin/admin.php?page=aftercare-settings'
			);
			expect( response?.status() ).toBe( 403 );
			await expect(
				page.getByText(
					'Sorry, you are not allowed to access this page.'
				)
			).toBeVisible();
		} );
	} );
} );
