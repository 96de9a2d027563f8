/**
 * Support → Reports: the figures, charts and breakdowns of tickets seeded today (created, one
 * answered and solved), a CSV download with its header row, the server's message for a period
 * that is too long, axe, and an agent (no `view_aftercare_reports`) kept out. Saves the docs'
 * screenshot to docs/screenshots/reports.png.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import {
	test,
	expect,
	expectAccessible,
	loginAs,
	screenshot,
} from '../fixtures';
import { runToken, seedTickets } from '../tickets/seed';
import type { SeededTicket } from '../tickets/seed';

const SCREEN = '.aftercare-reports';
const token = runToken( 'rp' );

/**
 * The text of a CSV the page downloads when a link is clicked.
 *
 * @param page The page.
 * @param name The link's accessible name.
 * @return The file's name and lines.
 */
async function download( page: Page, name: string ) {
	const [ file ] = await Promise.all( [
		page.waitForEvent( 'download' ),
		page.getByRole( 'link', { name } ).click(),
	] );
	const text = await readFile( ( await file.path() ) as string, 'utf8' );
	return {
		filename: file.suggestedFilename(),
		lines: text.trim().split( /\r?\n/ ),
	};
}

test.describe( 'Support reports', () => {
	test.beforeAll( async ( { requestUtils } ) => {
		const [ answered ] = ( await seedTickets( requestUtils, [
			{
				subject: `${ token } Crushed parcel`,
				priority: 'high',
				tags: [ token ],
			},
			{ subject: `${ token } Wrong size`, tags: [ token ] },
			{ subject: `${ token } Late delivery`, tags: [ token ] },
		] ) ) as [ SeededTicket, ...SeededTicket[] ];
		await requestUtils.rest( {
			method: 'POST',
			path: `/aftercare/v1/tickets/${ answered.id }/messages`,
			data: {
				type: 'reply',
				body: '<p>A new one is on its way today.</p>',
			},
		} );
		await requestUtils.rest( {
			method: 'PATCH',
			path: `/aftercare/v1/tickets/${ answered.id }`,
			data: { status: 'solved' },
		} );
	} );

	test( 'draws the period’s figures and charts, with breakdowns, and passes axe', async ( {
		admin,
		page,
	} ) => {
		await admin.visitAdminPage(
			'admin.php',
			'page=aftercare-reports&days=7'
		);
		const screen = page.locator( SCREEN );
		await expect(
			screen.getByRole( 'heading', { name: 'Figures' } )
		).toBeVisible();

		// At least the three tickets of this run were created, and one solved.
		const created = screen.locator(
			'[data-figure="tickets_created"] .aftercare-reports__value'
		);
		expect(
			Number( ( await created.textContent() )?.replace( /\D/g, '' ) )
		).toBeGreaterThanOrEqual( 3 );
		const solved = screen.locator(
			'[data-figure="tickets_solved"] .aftercare-reports__value'
		);
		expect(
			Number( ( await solved.textContent() )?.replace( /\D/g, '' ) )
		).toBeGreaterThanOrEqual( 1 );
		// Compared with the 7 days before: each figure says how it changed, in words too.
		await expect(
			screen.locator(
				'[data-figure="tickets_created"] .screen-reader-text'
			)
		).toHaveText( /^(Up|Down|Unchanged) / );

		// The charts: named images with lines and columns drawn from the data.
		const perDay = screen.getByRole( 'img', {
			name: 'Tickets created and solved per day',
		} );
		await expect( perDay ).toBeVisible();
		expect( await perDay.locator( 'polyline' ).count() ).toBeGreaterThan(
			0
		);
		const firstResponse = screen.getByRole( 'img', {
			name: 'Time to first response',
		} );
		await expect( firstResponse ).toBeVisible();
		expect( await firstResponse.locator( 'rect' ).count() ).toBeGreaterThan(
			0
		);
		// …and their numbers as tables for screen readers.
		await expect(
			screen.getByRole( 'table', { name: 'Time to first response' } )
		).toBeAttached();

		// Breakdowns: this run's tag is a row of the tag tab.
		await screen.getByRole( 'tab', { name: 'Tag' } ).click();
		const byTag = screen.getByRole( 'table', { name: 'Figures by tag' } );
		await expect(
			byTag.getByRole( 'row', { name: new RegExp( `^${ token } 3` ) } )
		).toBeVisible();

		await expectAccessible( page, SCREEN );
		await page.setViewportSize( { width: 1280, height: 900 } );
		// The admin bar stays on top while the screen scrolls under it.
		await page.addStyleTag( { content: '#wpadminbar { display: none; }' } );
		await screen.screenshot( { path: screenshot( 'reports.png' ) } );
	} );

	test( 'rebuilds the period’s figures and shows the progress', async ( {
		admin,
		page,
	} ) => {
		await admin.visitAdminPage(
			'admin.php',
			'page=aftercare-reports&days=7'
		);
		await page
			.getByRole( 'button', { name: 'Rebuild this period' } )
			.click();
		// The job works in the background (WP-Cron); the screen reads its progress every 3 s
		// until it is done.
		await expect(
			page
				.getByRole( 'progressbar', {
					name: /^Rebuilding the figures: \d of 7 days/,
				} )
				.or( page.getByText( /were rebuilt on/ ) )
		).toBeVisible();
	} );

	test( 'downloads a table as CSV from the REST API', async ( {
		admin,
		page,
	} ) => {
		await admin.visitAdminPage(
			'admin.php',
			'page=aftercare-reports&days=7'
		);
		const figures = await download( page, 'Download “Figures” as CSV' );
		expect( figures.filename ).toMatch(
			/^aftercare-summary-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/
		);
		expect( figures.lines[ 0 ] ).toBe( 'figure,current,previous' );
		expect( figures.lines ).toContainEqual(
			expect.stringMatching( /^tickets_created,[1-9]\d*,\d+$/ )
		);

		await page.getByRole( 'tab', { name: 'Tag' } ).click();
		const byTag = await download(
			page,
			'Download “Figures by tag” as CSV'
		);
		expect( byTag.lines[ 0 ] ).toMatch( /^key,label,tickets_created,/ );
		expect( byTag.lines ).toContainEqual(
			expect.stringMatching( new RegExp( `^${ token },${ token },3,` ) )
		);
	} );
} );

test.describe( 'Support reports with a period the server refuses', () => {
	test.use( { allowedConsoleErrors: [ /400 \(Bad Request\)/ ] } );

	test( 'says what is wrong with a period the server refuses', async ( {
		admin,
		page,
	} ) => {
		await admin.visitAdminPage(
			'admin.php',
			'page=aftercare-reports&from=2024-01-01&to=2026-01-01'
		);
		await expect( page.locator( SCREEN ) ).toContainText(
			'A report covers at most 366 days. Choose a shorter period.'
		);
		await expect(
			page.getByRole( 'combobox', { name: 'Period' } )
		).toHaveValue( 'custom' );
	} );
} );

test.describe( 'Support reports for an agent', () => {
	test.use( {
		allowedConsoleErrors: [ /403/ ],
	} );

	test( 'are neither in the menu nor open for an agent without view_aftercare_reports', async ( {
		page,
	} ) => {
		await loginAs( page, 'agent' );
		await page.goto( '/wp-admin/admin.php?page=aftercare' );
		await expect(
			page
				.locator( '#adminmenu' )
				.getByRole( 'link', { name: 'Tickets' } )
		).toBeVisible();
		await expect(
			page
				.locator( '#adminmenu' )
				.getByRole( 'link', { name: 'Reports' } )
		).toHaveCount( 0 );

		const response = await page.goto(
			'/wp-admin/admin.php?page=aftercare-reports'
		);
		expect( response?.status() ).toBe( 403 );
		await expect( page.locator( 'body' ) ).toContainText(
			'Sorry, you are not allowed to access this page.'
		);
		await expect( page.locator( SCREEN ) ).toHaveCount( 0 );

		// Nor through REST with the agent's own cookie and nonce.
		await page.goto( '/wp-admin/admin.php?page=aftercare' );
		const status = await page.evaluate( async () => {
			const settings = (
				window as unknown as {
					wpApiSettings: { root: string; nonce: string };
				}
			 ).wpApiSettings;
			const answer = await fetch(
				`${ settings.root }aftercare/v1/reports/summary?format=csv`,
				{
					headers: { 'X-WP-Nonce': settings.nonce },
				}
			);
			return answer.status;
		} );
		expect( status ).toBe( 403 );
	} );
} );
