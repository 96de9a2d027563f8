/**
 * Priority from the order: the store adds a rule in Support → Settings (the editor passes axe),
 * and a ticket about a matching order opens with the raised priority and says which rule fired.
 */
import { test, expect, expectAccessible } from '../fixtures';
import { runToken, seedTicket, userId } from './seed';

const SETTINGS = '/wp-admin/admin.php?page=aftercare-settings&section=tickets';

test.describe( 'Priority from the order', () => {
	// The refused save is a 400 the browser logs.
	test.use( { allowedConsoleErrors: [ /status of 400/ ] } );

	test.beforeAll( async ( { requestUtils } ) => {
		await requestUtils.rest( {
			method: 'POST',
			path: '/aftercare/v1/settings',
			data: { priority_rules: [] },
		} );
	} );

	test.afterAll( async ( { requestUtils } ) => {
		await requestUtils.rest( {
			method: 'POST',
			path: '/aftercare/v1/settings',
			data: { priority_rules: [] },
		} );
	} );

	test( 'the store adds a rule in the settings', async ( {
		page,
		requestUtils,
	} ) => {
		await page.goto( SETTINGS );
		const rules = page.getByRole( 'group', {
			name: 'Priority from the order',
		} );
		await rules.getByRole( 'button', { name: 'Add a rule' } ).click();
		const rule = rules.getByRole( 'listitem' ).last();
		await expect(
			rule.getByRole( 'combobox', { name: 'Rule 1: when' } )
		).toHaveValue( 'order_total' );

		// A rule that changes nothing is refused with the server's reason.
		await rule
			.getByRole( 'combobox', { name: 'Priority' } )
			.selectOption( 'keep' );
		await page.getByRole( 'button', { name: 'Save', exact: true } ).click();
		await expect( rules ).toContainText(
			'rule 1 (Order value over) changes nothing'
		);

		await rule.getByRole( 'spinbutton', { name: 'Amount' } ).fill( '5000' );
		await rule
			.getByRole( 'combobox', { name: 'Priority' } )
			.selectOption( 'high' );
		await rule
			.getByRole( 'spinbutton', { name: 'SLA targets, % of usual' } )
			.fill( '50' );
		await expectAccessible( page, '#aftercare-admin-app' );
		await page.getByRole( 'button', { name: 'Save', exact: true } ).click();
		await expect(
			page
				.locator( '.components-snackbar' )
				.getByText( 'Settings saved.' )
		).toBeVisible();

		const saved = ( await requestUtils.rest( {
			path: '/aftercare/v1/settings',
		} ) ) as { priority_rules: Array< Record< string, unknown > > };
		expect( saved.priority_rules ).toEqual( [
			expect.objectContaining( {
				when: 'order_total',
				amount: 5000,
				priority: 'high',
				sla_percent: 50,
			} ),
		] );
	} );

	test( 'a ticket on a matching order shows the raised priority and why', async ( {
		page,
		requestUtils,
	} ) => {
		// The rule the first test saves, set here too so this test stands alone.
		await requestUtils.rest( {
			method: 'POST',
			path: '/aftercare/v1/settings',
			data: {
				priority_rules: [
					{
						key: 'order_total',
						when: 'order_total',
						amount: 5000,
						priority: 'high',
						sla_percent: 50,
					},
				],
			},
		} );
		const token = runToken( 'pr' );
		const now = Math.floor( Date.now() / 1000 );
		const order = ( await requestUtils.rest( {
			method: 'POST',
			path: '/aftercare-test/v1/orders',
			data: {
				customer: 'customer2',
				status: 'processing',
				created: now - 86400,
				paid: now - 86400,
				total: 6200,
				items: [
					{ name: `${ token } Sofa`, quantity: 1, total: 6200 },
				],
			},
		} ) ) as { id: number };
		const ticket = await seedTicket( requestUtils, {
			subject: `${ token } Sofa delivery`,
			customer_id: await userId( requestUtils, 'customer2' ),
			order_id: order.id,
		} );

		await page.goto(
			`/wp-admin/admin.php?page=aftercare&ticket=${ ticket.id }`
		);
		await expect( page.locator( '.aftercare-thread' ) ).toBeVisible();
		await expect(
			page.getByRole( 'combobox', { name: 'Priority', exact: true } )
		).toHaveValue( 'high' );
		const why = page.locator( '.aftercare-ticket__rules' );
		await expect( why ).toContainText(
			/Priority raised to High: order value over .*5,?000/
		);
		await page
			.getByRole( 'button', { name: 'Timeline', exact: true } )
			.click();
		await expect(
			page.locator( '.aftercare-timeline', {
				hasText: /Priority raised to High: order value over/,
			} )
		).toBeVisible();
		await expectAccessible( page, '#aftercare-admin-app' );
	} );
} );
