/**
 * The Support screen in wp-admin: mounts, saves, is accessible, and is closed to customers.
 */
import { test, expect, expectAccessible, loginAs } from './fixtures';

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
