/**
 * Support → Settings in wp-admin: every section opens and passes axe, a change saves with a
 * notice and survives a reload, the server's reason for a refused value shows by the field,
 * unsaved changes are guarded, and the screen is closed to customers.
 */
import { test, expect, expectAccessible, loginAs } from '../fixtures';
import type { Page } from '@playwright/test';

const SCREEN = '/wp-admin/admin.php?page=aftercare-settings';

const SECTIONS: Array< [ string, string ] > = [
	[ 'General', 'Guests find an order with' ],
	[ 'Tickets & SLA', 'Largest file (MB)' ],
	[ 'Returns', 'Return window (days)' ],
	[ 'Help center', 'Address of help articles' ],
	[ 'Email', 'Support email address' ],
	[ 'Privacy', 'Keep search analytics for (months)' ],
];

const DEFAULTS = {
	delete_data_on_uninstall: false,
	trusted_proxies: [],
	return_window_days: 30,
	help_base: 'help',
	attachment_types: [
		'image/jpeg',
		'image/png',
		'image/gif',
		'image/webp',
		'application/pdf',
		'text/plain',
	],
};

async function save( page: Page ) {
	await page.getByRole( 'button', { name: 'Save', exact: true } ).click();
}

async function expectSaved( page: Page ) {
	await expect(
		page.locator( '.components-snackbar' ).getByText( 'Settings saved.' )
	).toBeVisible();
}

test.describe( 'Support settings', () => {
	test.beforeEach( async ( { requestUtils } ) => {
		await requestUtils.rest( {
			method: 'POST',
			path: '/aftercare/v1/settings',
			data: DEFAULTS,
		} );
	} );

	test.afterAll( async ( { requestUtils } ) => {
		await requestUtils.rest( {
			method: 'POST',
			path: '/aftercare/v1/settings',
			data: DEFAULTS,
		} );
	} );

	test( 'every section opens and is accessible', async ( { page } ) => {
		await page.goto( SCREEN );
		await expect(
			page.getByRole( 'heading', { level: 1, name: 'Support settings' } )
		).toBeVisible();

		for ( const [ section, field ] of SECTIONS ) {
			await page.getByRole( 'tab', { name: section } ).click();
			await expect(
				page.getByRole( 'tab', { name: section } )
			).toHaveAttribute( 'aria-selected', 'true' );
			await expect(
				page.getByLabel( field, { exact: true } )
			).toBeVisible();
			await expectAccessible( page, '#aftercare-admin-app' );
		}
		// The open section is in the address: a reload comes back to it.
		await expect( page ).toHaveURL( /section=privacy/ );
		await page.reload();
		await expect(
			page.getByRole( 'tab', { name: 'Privacy' } )
		).toHaveAttribute( 'aria-selected', 'true' );
	} );

	test( 'a change saves with a notice and survives a reload', async ( {
		page,
	} ) => {
		await page.goto( `${ SCREEN }&section=returns` );
		const window = page.getByLabel( 'Return window (days)' );
		await expect( window ).toHaveValue( '30' );
		await window.fill( '45' );
		await expect(
			page.getByText( 'You have unsaved changes.' )
		).toBeVisible();
		await save( page );
		await expectSaved( page );
		await expect(
			page.getByText( 'You have unsaved changes.' )
		).toBeHidden();

		await page.reload();
		await expect( page.getByLabel( 'Return window (days)' ) ).toHaveValue(
			'45'
		);
	} );

	test( 'the data removal switch saves', async ( { page } ) => {
		await page.goto( `${ SCREEN }&section=privacy` );
		const toggle = page.getByRole( 'checkbox', {
			name: 'Remove all data when Aftercare is deleted',
		} );
		await expect( toggle ).not.toBeChecked();
		await toggle.check();
		await save( page );
		await expectSaved( page );
		await page.reload();
		await expect(
			page.getByRole( 'checkbox', {
				name: 'Remove all data when Aftercare is deleted',
			} )
		).toBeChecked();
	} );

	test( 'attachment types are chosen from the safe list', async ( {
		page,
	} ) => {
		await page.goto( `${ SCREEN }&section=tickets` );
		const types = page.getByRole( 'group', {
			name: 'Files customers and agents may attach',
		} );
		await expect( types.getByRole( 'checkbox' ) ).toHaveCount( 6 );
		await types
			.getByRole( 'checkbox', { name: 'Plain text (.txt, .log, .csv)' } )
			.uncheck();
		await save( page );
		await expectSaved( page );
		await page.reload();
		await expect(
			page
				.getByRole( 'group', {
					name: 'Files customers and agents may attach',
				} )
				.getByRole( 'checkbox', {
					name: 'Plain text (.txt, .log, .csv)',
				} )
		).not.toBeChecked();
	} );

	test( 'a return reason is added, retired and saved', async ( {
		page,
		requestUtils,
	} ) => {
		await page.goto( `${ SCREEN }&section=returns` );
		const reasons = page.getByRole( 'group', { name: 'Return reasons' } );
		await reasons.getByRole( 'button', { name: 'Add a reason' } ).click();
		await reasons
			.getByRole( 'textbox', { name: 'Reason 6' } )
			.fill( 'Arrived too late' );
		await reasons
			.getByRole( 'listitem' )
			.filter( {
				has: page.getByRole( 'textbox', { name: 'Reason 5' } ),
			} )
			.getByRole( 'checkbox', { name: 'Offered to shoppers' } )
			.uncheck();
		await save( page );
		await expectSaved( page );

		const saved = await requestUtils.rest( {
			path: '/aftercare/v1/settings',
		} );
		expect( saved.return_reasons.at( -1 ) ).toEqual( {
			key: 'arrived_too_late',
			label: 'Arrived too late',
			photos: false,
			active: true,
		} );
		expect( saved.return_reasons[ 4 ] ).toEqual(
			expect.objectContaining( { key: 'changed_mind', active: false } )
		);
		await requestUtils.rest( {
			method: 'POST',
			path: '/aftercare/v1/settings',
			data: {
				return_reasons: saved.return_reasons
					.slice( 0, 5 )
					.map( ( reason: object ) => ( {
						...reason,
						active: true,
					} ) ),
			},
		} );
	} );

	test( 'the unsaved-changes guard asks before leaving', async ( {
		page,
	} ) => {
		await page.goto( `${ SCREEN }&section=help` );
		await page.getByLabel( 'Address of help articles' ).fill( 'support' );
		let asked = false;
		page.once( 'dialog', async ( dialog ) => {
			asked = dialog.type() === 'beforeunload';
			await dialog.dismiss();
		} );
		// Chromium only asks after a real user gesture on the page, which fill() was.
		await page.goto( '/wp-admin/index.php' ).catch( () => {} );
		expect( asked ).toBe( true );
		await expect( page ).toHaveURL( /section=help/ );
	} );

	test.describe( () => {
		// The refused saves are 400s the browser logs.
		test.use( { allowedConsoleErrors: [ /status of 400/ ] } );

		test( 'a bad value shows the server’s reason by the field, and nothing is saved', async ( {
			page,
			requestUtils,
		} ) => {
			await page.goto( `${ SCREEN }&section=help` );
			const base = page.getByLabel( 'Address of help articles' );
			await base.fill( 'Help Me!' );
			await save( page );

			await expect( base ).toHaveAttribute( 'aria-invalid', 'true' );
			await expect( base ).toHaveAccessibleDescription(
				/Address of help articles: use lowercase letters, digits and dashes/
			);
			await expect(
				page.getByRole( 'tab', { name: 'Help center (1 to fix)' } )
			).toBeVisible();
			await expect(
				page
					.locator( '.components-snackbar' )
					.getByText( /Nothing was saved/ )
			).toBeVisible();
			await expectAccessible( page, '#aftercare-admin-app' );
			expect(
				(
					await requestUtils.rest( {
						path: '/aftercare/v1/settings',
					} )
				).help_base
			).toBe( 'help' );

			await base.fill( 'support/help' );
			await expect( base ).not.toHaveAttribute( 'aria-invalid', 'true' );
			await save( page );
			await expectSaved( page );
			await requestUtils.rest( {
				method: 'POST',
				path: '/aftercare/v1/settings',
				data: { help_base: 'help' },
			} );
		} );

		test( 'trusted proxies are checked one by one and saved', async ( {
			page,
		} ) => {
			await page.goto( SCREEN );
			const proxies = page.getByRole( 'textbox', {
				name: 'Trusted proxies',
			} );
			await proxies.fill( '10.0.0.0/8\n10.0.0.0/33' );
			await save( page );
			await expect( proxies ).toHaveAccessibleDescription(
				/"10\.0\.0\.0\/33" is not an IP address or a range like 203\.0\.113\.0\/24 or 2001:db8::\/32\./
			);

			await proxies.fill( '10.0.0.0/8\n2001:db8::/32' );
			await save( page );
			await expectSaved( page );
			await page.reload();
			await expect(
				page.getByRole( 'textbox', { name: 'Trusted proxies' } )
			).toHaveValue( '10.0.0.0/8\n2001:db8::/32' );
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
			const response = await page.goto( SCREEN );
			expect( response?.status() ).toBe( 403 );
			await expect(
				page.getByText(
					'Sorry, you are not allowed to access this page.'
				)
			).toBeVisible();
		} );
	} );
} );
