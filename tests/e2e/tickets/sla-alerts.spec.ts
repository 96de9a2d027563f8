/**
 * SLA alerts in wp-admin: the queue's "At risk" view lists a ticket inside the warning window
 * (and not one with time to spare), the Support menu's bubble and the admin bar count it, and
 * the queue passes axe in that view.
 */
import { test, expect, expectAccessible } from '../fixtures';
import { runToken, seedTickets } from './seed';

const QUEUE = '/wp-admin/admin.php?page=aftercare';

test.describe( 'SLA alerts', () => {
	let token: string;
	let window: number;

	test.beforeAll( async ( { requestUtils } ) => {
		token = runToken( 'sl' );
		const settings = ( await requestUtils.rest( {
			path: '/aftercare/v1/settings',
			params: { context: 'edit' },
		} ) ) as { sla_warning_minutes: number };
		window = settings.sla_warning_minutes;
		// Two hours: an urgent ticket (first reply due in 30 minutes) is at risk from the start.
		await requestUtils.rest( {
			method: 'POST',
			path: '/aftercare/v1/settings',
			data: { sla_warning_minutes: 120 },
		} );
		await seedTickets( requestUtils, [
			{ subject: `${ token } Parcel never came`, priority: 'urgent' },
			{ subject: `${ token } Gift wrapping question`, priority: 'low' },
		] );
	} );

	test.afterAll( async ( { requestUtils } ) => {
		await requestUtils.rest( {
			method: 'POST',
			path: '/aftercare/v1/settings',
			data: { sla_warning_minutes: window },
		} );
	} );

	test( 'the at-risk view, the menu bubble and the admin bar show the ticket at risk', async ( {
		page,
	} ) => {
		await page.goto( `${ QUEUE }&view=at_risk&s=${ token }` );
		const views = page.getByRole( 'navigation', { name: 'Ticket views' } );
		await expect(
			views.getByRole( 'link', { name: /At risk\s*\d+/ } )
		).toHaveAttribute( 'aria-current', 'page' );
		const subjects = page.locator( '.aftercare-queue__subject' );
		await expect( subjects ).toHaveCount( 1 );
		await expect( subjects.first() ).toContainText(
			`${ token } Parcel never came`
		);
		await expect( page.locator( '.aftercare-sla' ).first() ).toHaveText(
			/Due soon/
		);

		// The menu's bubble: a number, and words for screen readers.
		const entry = page.locator(
			'#adminmenu a[href$="page=aftercare"]:has(.awaiting-mod)'
		);
		await expect( entry.locator( '.pending-count' ) ).toHaveText(
			/^[1-9]\d*$/
		);
		await expect( entry.locator( '.screen-reader-text' ) ).toHaveText(
			/tickets? at risk or overdue/
		);
		// The admin bar links to the same view.
		const node = page.locator( '#wp-admin-bar-aftercare-at-risk a' );
		await expect( node ).toHaveAttribute(
			'href',
			/page=aftercare&view=at_risk/
		);
		await expect( node ).toContainText( /tickets? at risk or overdue/ );

		await expectAccessible( page, '#aftercare-admin-app' );

		// Following the admin bar's link opens the view (without the search).
		await node.click();
		await expect( page ).toHaveURL( /view=at_risk/ );
		await expect(
			views.getByRole( 'link', { name: /At risk\s*\d+/ } )
		).toHaveAttribute( 'aria-current', 'page' );
		await expect( page.locator( '.dataviews-view-table' ) ).toBeVisible();
	} );
} );
