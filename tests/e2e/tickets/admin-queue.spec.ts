/**
 * The ticket queue in wp-admin: views with counts, filters, search, sort, bulk changes,
 * keyset pages and the state in the URL (back, forward, reload); accessible; closed to customers.
 */
import type { Page } from '@playwright/test';
import { test, expect, expectAccessible, loginAs } from '../fixtures';
import { runToken, seedTickets, userId } from './seed';
import type { SeededTicket } from './seed';

const QUEUE = '/wp-admin/admin.php?page=aftercare';

/**
 * The subjects the queue table shows, top to bottom.
 *
 * @param page The page.
 * @return Subjects (without the ticket number).
 */
async function shownSubjects( page: Page ): Promise< string[] > {
	const cells = page.locator( '.aftercare-queue__subject' );
	await expect( page.locator( '.dataviews-view-table' ) ).toBeVisible();
	return ( await cells.allTextContents() ).map( ( text ) =>
		text.replace( /^#\d+\s*/, '' ).trim()
	);
}

test.describe( 'Ticket queue', () => {
	let token: string;
	let tickets: SeededTicket[];

	test.beforeAll( async ( { requestUtils } ) => {
		token = runToken( 'qu' );
		const admin = await userId( requestUtils, 'admin' );
		tickets = await seedTickets( requestUtils, [
			{
				subject: `${ token } Crushed parcel`,
				priority: 'urgent',
				assignee_id: admin,
				tags: [ 'damage' ],
			},
			{
				subject: `${ token } Wrong size`,
				priority: 'high',
				tags: [ 'refund' ],
			},
			{
				subject: `${ token } Where is my order`,
				priority: 'normal',
				status: 'pending',
				channel: 'email',
			},
			{
				subject: `${ token } Thanks, all good`,
				priority: 'low',
				status: 'solved',
			},
		] );
	} );

	test( 'views, counts, filters, search and sort live in the URL', async ( {
		page,
	} ) => {
		await page.goto( `${ QUEUE }&s=${ token }` );
		await expect(
			page.getByRole( 'heading', { level: 1, name: 'Support' } )
		).toBeVisible();
		// Default view: all open tickets, due first.
		await expect
			.poll( () => shownSubjects( page ) )
			.toEqual( [
				`${ token } Crushed parcel`,
				`${ token } Wrong size`,
				`${ token } Where is my order`,
			] );
		const views = page.getByRole( 'navigation', { name: 'Ticket views' } );
		await expect(
			views.getByRole( 'link', { name: /All open\s*\d+/ } )
		).toHaveAttribute( 'aria-current', 'page' );
		// Breached or due-soon states are words, not only colours.
		await expect( page.locator( '.aftercare-sla' ).first() ).toHaveText(
			/due|Overdue|Paused/i
		);
		await expectAccessible( page, '#aftercare-admin-app' );

		// Solved view.
		await views.getByRole( 'link', { name: /Solved/ } ).click();
		await expect( page ).toHaveURL( /view=solved/ );
		await expect
			.poll( () => shownSubjects( page ) )
			.toEqual( [ `${ token } Thanks, all good` ] );

		// Back restores the open view, forward the solved one again.
		await page.goBack();
		await expect( page ).not.toHaveURL( /view=solved/ );
		await expect.poll( () => shownSubjects( page ) ).toHaveLength( 3 );
		await page.goForward();
		await expect
			.poll( () => shownSubjects( page ) )
			.toEqual( [ `${ token } Thanks, all good` ] );

		// Mine: the admin's own ticket only.
		await views.getByRole( 'link', { name: /Mine/ } ).click();
		await expect
			.poll( () => shownSubjects( page ) )
			.toEqual( [ `${ token } Crushed parcel` ] );
	} );

	test( 'filters and search come from the URL and survive a reload', async ( {
		page,
	} ) => {
		test.setTimeout( 240_000 );
		// Filters from the URL, shown as active filters; a reload keeps them.
		await page.goto( `${ QUEUE }&s=${ token }&priority=high,normal` );
		await expect
			.poll( () => shownSubjects( page ) )
			.toEqual( [
				`${ token } Wrong size`,
				`${ token } Where is my order`,
			] );
		await page.reload();
		await expect.poll( () => shownSubjects( page ) ).toHaveLength( 2 );
		await page.goto( `${ QUEUE }&s=${ token }&tag=refund` );
		await expect
			.poll( () => shownSubjects( page ) )
			.toEqual( [ `${ token } Wrong size` ] );
		await page.goto( `${ QUEUE }&s=${ token }&channel=email` );
		await expect
			.poll( () => shownSubjects( page ) )
			.toEqual( [ `${ token } Where is my order` ] );
		await page.goto( `${ QUEUE }&s=${ token }&assignee=none&status=new` );
		await expect
			.poll( () => shownSubjects( page ) )
			.toEqual( [ `${ token } Wrong size` ] );
	} );

	test( 'sort and search', async ( { page } ) => {
		// Sort by priority, lowest first, through the URL the table's sort menu writes.
		await page.goto( `${ QUEUE }&s=${ token }&orderby=priority&order=asc` );
		await expect
			.poll( () => shownSubjects( page ) )
			.toEqual( [
				`${ token } Where is my order`,
				`${ token } Wrong size`,
				`${ token } Crushed parcel`,
			] );

		// Search from the search field (messages and subjects): one ticket, and the URL says so.
		await page.goto( QUEUE );
		await page
			.getByRole( 'searchbox', { name: 'Search subjects and messages' } )
			.fill( `${ token } Wrong` );
		await expect( page ).toHaveURL( /s=qu/ );
		await expect
			.poll( () => shownSubjects( page ) )
			.toEqual( [ `${ token } Wrong size` ] );
	} );

	test( 'the sort menu of a column changes the order and the URL', async ( {
		page,
	} ) => {
		await page.goto( `${ QUEUE }&s=${ token }` );
		await expect.poll( () => shownSubjects( page ) ).toHaveLength( 3 );
		await page
			.getByRole( 'table' )
			.getByRole( 'button', { name: 'Priority' } )
			.click();
		await page
			.getByRole( 'menuitemradio', { name: /Sort ascending/i } )
			.click();
		await expect( page ).toHaveURL( /orderby=priority/ );
		await expect
			.poll( () => shownSubjects( page ) )
			.toEqual( [
				`${ token } Where is my order`,
				`${ token } Wrong size`,
				`${ token } Crushed parcel`,
			] );
	} );

	test( 'keyset pages: next, previous, back and reload', async ( {
		page,
	} ) => {
		await page.goto( `${ QUEUE }&s=${ token }&per_page=2` );
		await expect
			.poll( () => shownSubjects( page ) )
			.toEqual( [
				`${ token } Crushed parcel`,
				`${ token } Wrong size`,
			] );
		await expect(
			page.getByText( 'Page 1 of 2 (3 tickets)' )
		).toBeVisible();
		await page.getByRole( 'button', { name: 'Next page' } ).click();
		await expect( page ).toHaveURL( /after=/ );
		await expect
			.poll( () => shownSubjects( page ) )
			.toEqual( [ `${ token } Where is my order` ] );
		await expect(
			page.getByRole( 'button', { name: 'Next page' } )
		).toBeDisabled();
		await page.reload();
		await expect
			.poll( () => shownSubjects( page ) )
			.toEqual( [ `${ token } Where is my order` ] );
		await page.goBack();
		await expect.poll( () => shownSubjects( page ) ).toHaveLength( 2 );
		await page.goForward();
		await page.getByRole( 'button', { name: 'Previous page' } ).click();
		await expect.poll( () => shownSubjects( page ) ).toHaveLength( 2 );
	} );

	test( 'bulk changes go through the batch route', async ( {
		page,
		requestUtils,
	} ) => {
		const agent = await userId( requestUtils, 'agent' );
		await page.goto( `${ QUEUE }&s=${ token }` );
		await expect.poll( () => shownSubjects( page ) ).toHaveLength( 3 );
		const rows = page.locator( '.dataviews-view-table tbody tr' );
		await rows
			.filter( { hasText: 'Wrong size' } )
			.getByRole( 'checkbox' )
			.check();
		await rows
			.filter( { hasText: 'Where is my order' } )
			.getByRole( 'checkbox' )
			.check();

		const batch = page.waitForRequest(
			( request ) =>
				request.url().includes( 'tickets%2Fbatch' ) ||
				request.url().includes( 'tickets/batch' )
		);
		await page
			.getByRole( 'button', { name: 'Assign', exact: true } )
			.click();
		const dialog = page.getByRole( 'dialog' );
		await dialog.getByLabel( 'Assignee' ).selectOption( String( agent ) );
		await dialog.getByRole( 'button', { name: 'Apply' } ).click();
		await batch;
		await expect(
			page
				.locator( '.components-snackbar' )
				.getByText( '2 tickets updated.' )
		).toBeVisible();

		for ( const ticket of [ tickets[ 1 ], tickets[ 2 ] ] ) {
			const saved = ( await requestUtils.rest( {
				path: `/aftercare/v1/tickets/${ ticket?.id }`,
				params: { context: 'edit' },
			} ) ) as { assignee_id: number };
			expect( saved.assignee_id ).toBe( agent );
		}

		await rows
			.filter( { hasText: 'Wrong size' } )
			.getByRole( 'checkbox' )
			.check();
		await page.getByRole( 'button', { name: 'Change priority' } ).click();
		await page
			.getByRole( 'dialog' )
			.getByLabel( 'Priority' )
			.selectOption( 'urgent' );
		await page
			.getByRole( 'dialog' )
			.getByRole( 'button', { name: 'Apply' } )
			.click();
		await expect( rows.filter( { hasText: 'Wrong size' } ) ).toContainText(
			'Urgent'
		);
	} );

	test.describe( () => {
		test.use( { allowedConsoleErrors: [ /status of 403/ ] } );

		test( 'a customer cannot open it', async ( { page } ) => {
			await loginAs( page, 'customer1' );
			const response = await page.goto( QUEUE );
			expect( response?.status() ).toBe( 403 );
		} );
	} );
} );
