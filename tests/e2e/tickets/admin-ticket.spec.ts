/**
 * The ticket screen (reply, note, saved reply, attachments, status, presence), the saved
 * replies screen and the new-ticket form; axe on each. Also takes the README screenshots.
 */
import type { Page } from '@playwright/test';
import {
	test,
	expect,
	expectAccessible,
	loginAs,
	screenshot,
} from '../fixtures';
import { runToken, seedTicket, seedTickets, userId } from './seed';

const DESK = '/wp-admin/admin.php?page=aftercare';

/**
 * Opens a ticket and waits for its thread.
 *
 * @param page The page.
 * @param id   Ticket id.
 */
async function openTicket( page: Page, id: number ): Promise< void > {
	await page.goto( `${ DESK }&ticket=${ id }` );
	await expect( page.locator( '.aftercare-thread' ) ).toBeVisible();
}

test.describe( 'Ticket screen', () => {
	test( 'an agent replies with a saved reply, adds a note and an attachment, and solves the ticket', async ( {
		page,
		requestUtils,
	} ) => {
		const token = runToken( 'tk' );
		const reply = ( await requestUtils.rest( {
			method: 'POST',
			path: '/aftercare/v1/saved-replies',
			data: {
				title: `${ token } Damaged parcel`,
				body: '<p>Hello {customer_name}, sorry about ticket {ticket_number}.</p>',
			},
		} ) ) as { id: number };
		const ticket = await seedTicket( requestUtils, {
			subject: `${ token } Crushed parcel`,
			customer_name: 'Gwen Guest',
		} );

		await openTicket( page, ticket.id );
		await expect(
			page.getByRole( 'heading', {
				level: 1,
				name: `#${ ticket.number } ${ token } Crushed parcel`,
			} )
		).toBeVisible();
		await expect(
			page.getByText( 'The parcel arrived crushed.' )
		).toBeVisible();
		// A typed address nobody confirmed: no one's order history beside it.
		await expect( page.locator( '.aftercare-context' ) ).toContainText(
			'Email not confirmed'
		);
		await expect(
			page.locator( '.aftercare-context' ).getByText( 'Recent orders' )
		).toHaveCount( 0 );
		await expectAccessible( page, '#aftercare-admin-app' );

		// Saved reply: rendered by the server with the ticket's variables.
		const picker = page.getByRole( 'combobox', {
			name: 'Insert a saved reply',
		} );
		await picker.fill( token );
		await page
			.getByRole( 'option', { name: `${ token } Damaged parcel` } )
			.click();
		const body = page.getByRole( 'textbox', {
			name: 'Reply',
			exact: true,
		} );
		await expect( body ).toHaveValue(
			`Hello Gwen Guest, sorry about ticket ${ ticket.number }.`
		);

		// With an attachment.
		await page
			.locator( '.aftercare-composer input[type="file"]' )
			.setInputFiles( {
				name: 'receipt.txt',
				mimeType: 'text/plain',
				buffer: Buffer.from( 'Receipt 1001: 54.00 USD\n' ),
			} );
		await expect(
			page.getByRole( 'list', { name: 'Files to attach' } )
		).toContainText( 'receipt.txt' );
		await page.getByRole( 'button', { name: 'Send reply' } ).click();
		const sent = page
			.locator( '.aftercare-message--reply' )
			.filter( { hasText: 'sorry about ticket' } );
		await expect( sent ).toBeVisible();
		await expect(
			sent.getByRole( 'link', { name: 'receipt.txt' } )
		).toBeVisible();
		await expect( body ).toHaveValue( '' );

		// An internal note looks different and says so.
		await page.getByRole( 'button', { name: 'Internal note' } ).click();
		await page
			.getByRole( 'textbox', { name: 'Internal note' } )
			.fill( 'Customer called, photos on the way.' );
		await page.getByRole( 'button', { name: 'Add note' } ).click();
		const note = page
			.locator( '.aftercare-message--note' )
			.filter( { hasText: 'photos on the way' } );
		await expect( note ).toContainText(
			'Internal note (customer does not see it)'
		);

		// The customer never gets the note.
		const thread = ( await requestUtils.rest( {
			path: `/aftercare/v1/tickets/${ ticket.id }/messages`,
		} ) ) as Array< { type: string } >;
		expect( thread.map( ( m ) => m.type ) ).toEqual( [
			'reply',
			'reply',
			'note',
		] );

		// Status: saved at once.
		await page
			.getByRole( 'combobox', { name: 'Status' } )
			.selectOption( 'solved' );
		await expect
			.poll( async () => {
				const saved = ( await requestUtils.rest( {
					path: `/aftercare/v1/tickets/${ ticket.id }`,
				} ) ) as { status: string };
				return saved.status;
			} )
			.toBe( 'solved' );

		// The timeline lists the change.
		await page.getByRole( 'button', { name: 'Timeline' } ).click();
		await expect( page.locator( '.aftercare-timeline' ) ).toContainText(
			'Solved'
		);
		await expectAccessible( page, '#aftercare-admin-app' );

		await requestUtils.rest( {
			method: 'DELETE',
			path: `/aftercare/v1/saved-replies/${ reply.id }`,
		} );
	} );

	test( 'warns when another agent is viewing or replying', async ( {
		page,
		browser,
		requestUtils,
	} ) => {
		test.setTimeout( 180_000 );
		const ticket = await seedTicket( requestUtils, {
			subject: `${ runToken( 'pr' ) } Two agents`,
		} );
		// The agent, in a browser of their own, opens the ticket first.
		const context = await browser.newContext( {
			storageState: { cookies: [], origins: [] },
		} );
		const other = await context.newPage();
		await loginAs( other, 'agent' );
		await openTicket( other, ticket.id );

		await openTicket( page, ticket.id );
		const warning = page
			.getByRole( 'status' )
			.filter( { hasText: 'also' } );
		await expect( warning ).toContainText( 'is also viewing this ticket' );

		// The agent starts typing: the warning turns into "replying" at the next heartbeat.
		await other
			.getByRole( 'textbox', { name: 'Reply', exact: true } )
			.fill( 'On it' );
		await expect( warning ).toContainText(
			'is also replying to this ticket right now',
			{
				timeout: 45_000,
			}
		);
		await expectAccessible( page, '#aftercare-admin-app' );
		await context.close();
	} );

	test( 'an agent creates a ticket from an order, prefilled with its customer', async ( {
		page,
	} ) => {
		// Order #1001 of the test order source (tests/fixtures/mu-plugins/test-order-source.php).
		await page.goto( `${ DESK }&new=1&order_id=1` );
		await expect(
			page.getByRole( 'heading', { level: 1, name: 'New ticket' } )
		).toBeVisible();
		await expect( page.getByText( 'About order #1001.' ) ).toBeVisible();
		await expect( page.getByLabel( 'Customer email' ) ).toHaveValue(
			'guest@example.test'
		);
		await expect( page.getByLabel( 'Customer name' ) ).toHaveValue(
			'Gwen Guest'
		);
		await expectAccessible( page, '#aftercare-admin-app' );
		await page
			.getByLabel( 'What the customer asked' )
			.fill( 'Called: one shirt is missing.' );
		await page.getByRole( 'button', { name: 'Create ticket' } ).click();
		await expect( page ).toHaveURL( /ticket=\d+/ );
		await expect(
			page.getByRole( 'heading', { level: 1, name: /Order #1001/ } )
		).toBeVisible();
		await expect( page.getByText( 'one shirt is missing' ) ).toBeVisible();
		await expect( page.locator( '.aftercare-context' ) ).toContainText(
			'Order #1001'
		);
	} );
} );

test.describe( 'The order panel', () => {
	test( 'shows the ticket’s order: lines with pictures, what can be returned and why not, money and history', async ( {
		page,
		requestUtils,
	} ) => {
		const token = runToken( 'op' );
		const now = Math.floor( Date.now() / 1000 );
		const order = ( await requestUtils.rest( {
			method: 'POST',
			path: '/aftercare-test/v1/orders',
			data: {
				customer: 'customer2',
				status: 'completed',
				created: now - 5 * 86400,
				paid: now - 5 * 86400,
				completed: now - 2 * 86400,
				total: 54,
				payment_method_title: 'Credit card',
				items: [
					{
						name: `${ token } Linen shirt`,
						quantity: 2,
						total: 40,
						image: '/wp-includes/images/w-logo-blue.png',
					},
					{
						name: `${ token } Canvas tote`,
						quantity: 1,
						total: 14,
						refunded_quantity: 1,
					},
				],
			},
		} ) ) as { id: number; number: string };
		const ticket = await seedTicket( requestUtils, {
			subject: `${ token } Torn tote`,
			customer_id: await userId( requestUtils, 'customer2' ),
			order_id: order.id,
		} );

		await openTicket( page, ticket.id );
		const panel = page.locator( '.aftercare-context' );
		await expect(
			panel.getByRole( 'combobox', { name: 'Show order' } )
		).toHaveValue( String( order.id ) );
		const shirt = panel
			.getByRole( 'listitem' )
			.filter( { hasText: `${ token } Linen shirt` } );
		await expect( shirt ).toContainText( '2 can be returned' );
		await expect( shirt.locator( 'img' ) ).toHaveAttribute(
			'src',
			/w-logo-blue\.png$/
		);
		await expect(
			panel.getByRole( 'listitem' ).filter( {
				hasText: `${ token } Canvas tote`,
			} )
		).toContainText( 'Not returnable: Already refunded.' );
		await expect( panel ).toContainText( 'Credit card' );
		await expect(
			panel.locator( '.aftercare-order-timeline' )
		).toContainText( `Request #${ ticket.number } opened` );
		await expectAccessible( page, '#aftercare-admin-app' );
	} );
} );

test.describe( 'Saved replies screen', () => {
	test( 'create, edit and delete a saved reply', async ( { page } ) => {
		const token = runToken( 'sr' );
		await page.goto( '/wp-admin/admin.php?page=aftercare-saved-replies' );
		await expect(
			page.getByRole( 'heading', { level: 1, name: 'Saved replies' } )
		).toBeVisible();
		await expectAccessible( page, '#aftercare-admin-app' );

		await page.getByRole( 'button', { name: 'Add saved reply' } ).click();
		const dialog = page.getByRole( 'dialog', { name: 'Add saved reply' } );
		await dialog.getByLabel( 'Title' ).fill( `${ token } Refund sent` );
		await dialog.getByLabel( 'Reply' ).fill( 'Hi ' );
		await dialog.getByRole( 'button', { name: '{customer_name}' } ).click();
		await expect( dialog.getByLabel( 'Reply' ) ).toHaveValue(
			'Hi {customer_name}'
		);
		await expectAccessible( page, '[role="dialog"]' );
		await dialog.getByRole( 'button', { name: 'Save' } ).click();
		await expect( dialog ).toBeHidden();
		const row = page
			.locator( '.dataviews-view-table tbody tr' )
			.filter( { hasText: `${ token } Refund sent` } );
		await expect( row ).toContainText( 'Hi {customer_name}' );

		// Edit: the title opens the form.
		await row
			.getByRole( 'button', { name: `${ token } Refund sent` } )
			.click();
		const edit = page.getByRole( 'dialog', { name: 'Edit saved reply' } );
		await edit.getByLabel( 'Title' ).fill( `${ token } Refund on its way` );
		await edit.getByRole( 'button', { name: 'Save' } ).click();
		const renamed = page
			.locator( '.dataviews-view-table tbody tr' )
			.filter( { hasText: `${ token } Refund on its way` } );
		await expect( renamed ).toBeVisible();
		await page.reload();
		await expect( renamed ).toBeVisible();

		// Delete, confirmed.
		await renamed.getByRole( 'button', { name: 'Actions' } ).click();
		await page.getByRole( 'menuitem', { name: 'Delete' } ).click();
		await page
			.getByRole( 'dialog', { name: 'Delete saved reply?' } )
			.getByRole( 'button', { name: 'Delete' } )
			.click();
		await expect( renamed ).toHaveCount( 0 );
		await page.reload();
		await expect(
			page.getByRole( 'heading', { level: 1, name: 'Saved replies' } )
		).toBeVisible();
		await expect(
			page.getByText( `${ token } Refund on its way` )
		).toHaveCount( 0 );
	} );
} );

test.describe( 'README screenshots', () => {
	test( 'the queue and the ticket screen', async ( {
		page,
		requestUtils,
	} ) => {
		test.setTimeout( 240_000 );
		const admin = await userId( requestUtils, 'admin' );
		// A one-minute first-reply target for urgent tickets, so the queue shows a breach.
		await requestUtils.rest( {
			method: 'POST',
			path: '/aftercare/v1/settings',
			data: { sla_first_response_urgent: 1 },
		} );
		const first = await seedTicket( requestUtils, {
			subject: 'Parcel arrived crushed',
			priority: 'urgent',
			tags: [ 'readme', 'damage' ],
			customer_name: 'Gwen Guest',
			customer_email: 'guest@example.test',
			// Order #1001 of the test order source, placed with that address: the email is confirmed.
			order_id: 1,
			assignee_id: admin,
		} );
		await seedTickets( requestUtils, [
			{
				subject: 'Wrong size, can I swap it?',
				priority: 'high',
				tags: [ 'readme' ],
				customer_name: 'Ravi Patel',
				customer_email: 'ravi@example.test',
			},
			{
				subject: 'Where is my order?',
				priority: 'normal',
				tags: [ 'readme' ],
				customer_name: 'Mia Jones',
				customer_email: 'mia@example.test',
				channel: 'email',
			},
			{
				subject: 'Discount code did not apply',
				priority: 'low',
				tags: [ 'readme' ],
				customer_name: 'Leo Martin',
				customer_email: 'leo@example.test',
				status: 'pending',
			},
		] );
		await expect
			.poll(
				async () =>
					(
						( await requestUtils.rest( {
							path: `/aftercare/v1/tickets/${ first.id }`,
						} ) ) as { sla: { state: string } }
					 ).sla.state,
				{ timeout: 100_000, intervals: [ 5_000 ] }
			)
			.toBe( 'breached' );
		await page.setViewportSize( { width: 1440, height: 900 } );
		await page.goto( `${ DESK }&tag=readme` );
		await expect( page.locator( '.aftercare-queue__subject' ) ).toHaveCount(
			4
		);
		// The breach stands out in words, not only in colour.
		await expect(
			page
				.locator( '.dataviews-view-table tbody tr' )
				.filter( { hasText: 'Parcel arrived crushed' } )
		).toContainText( /Overdue: first reply was due/ );
		await page.screenshot( {
			path: screenshot( 'queue.png' ),
		} );
		await requestUtils.rest( {
			method: 'POST',
			path: '/aftercare/v1/settings',
			data: { sla_first_response_urgent: 30 },
		} );

		await requestUtils.rest( {
			method: 'POST',
			path: `/aftercare/v1/tickets/${ first.id }/messages`,
			data: {
				type: 'reply',
				body: '<p>So sorry, Gwen! Could you send a photo of the box? We will ship a new one today.</p>',
			},
		} );
		await requestUtils.rest( {
			method: 'POST',
			path: `/aftercare/v1/tickets/${ first.id }/messages`,
			data: {
				type: 'note',
				body: '<p>Courier claim opened, reference CL-2291.</p>',
			},
		} );
		await openTicket( page, first.id );
		await expect( page.locator( '.aftercare-message' ) ).toHaveCount( 3 );
		await expect( page.locator( '.aftercare-context' ) ).toBeVisible();
		await page.screenshot( {
			path: screenshot( 'ticket.png' ),
			fullPage: true,
		} );
	} );
} );
