/**
 * The whole life of a ticket across both sides: a guest writes through the contact block (with an
 * attachment) → an agent finds it in the queue → replies with a saved reply → the guest follows
 * the signed link and replies → the agent solves it. Plus the same form without JavaScript, a
 * bad link, the private headers of the thread page, and axe on the block and the thread. Saves
 * the README screenshots of the contact block and the guest thread to docs/screenshots/.
 */
import type { Page } from '@playwright/test';
import {
	test,
	expect,
	expectAccessible,
	loginAs,
	screenshot,
} from '../fixtures';

const BLOCK = '.wp-block-aftercare-contact';
const guest = { cookies: [], origins: [] };

let pageUrl = '';
let pageId = 0;

test.beforeAll( async ( { requestUtils } ) => {
	const page = await requestUtils.createPage( {
		title: 'Contact us',
		status: 'publish',
		content:
			'<!-- wp:paragraph --><p>Questions about an order? Write to us.</p><!-- /wp:paragraph -->\n<!-- wp:aftercare/contact /-->',
	} );
	pageId = page.id;
	pageUrl = `/?page_id=${ page.id }`;
	await requestUtils.rest( {
		method: 'POST',
		path: '/aftercare/v1/settings',
		data: { contact_page: pageId },
	} );
} );

test.beforeEach( async ( { requestUtils } ) => {
	await requestUtils.rest( {
		method: 'DELETE',
		path: '/aftercare-test/v1/rate-limits',
	} );
} );

test.afterAll( async ( { requestUtils } ) => {
	await requestUtils.rest( {
		method: 'POST',
		path: '/aftercare/v1/settings',
		data: { contact_page: 0 },
	} );
	await requestUtils.deleteAllPages();
} );

async function fillGuestForm( page: Page, subject: string ) {
	const block = page.locator( BLOCK );
	await block.getByLabel( 'Name' ).fill( 'Gwen Guest' );
	await block.getByLabel( 'Email' ).fill( 'gwen@example.test' );
	await block.getByLabel( 'Subject' ).fill( subject );
	await block
		.getByLabel( 'Message' )
		.fill( 'The parcel arrived crushed. Photo attached.' );
}

test.describe( 'A ticket from the contact block to solved', () => {
	test( 'guest writes, agent replies with a saved reply, guest answers through the signed link, agent solves', async ( {
		browser,
		page,
		requestUtils,
	} ) => {
		// Two browsers, the block editor-free storefront and wp-admin: slow on a busy 2-core machine.
		test.setTimeout( 300_000 );
		const subject = `Crushed parcel ${ Date.now() }`;
		const saved = ( await requestUtils.rest( {
			method: 'POST',
			path: '/aftercare/v1/saved-replies',
			data: {
				title: `Sorry about the damage ${ Date.now() }`,
				body: '<p>Hello {customer_name}, we are sending a replacement today.</p>',
			},
		} ) ) as { id: number; title: string };

		// 1. The guest writes, with an attachment, through the block's script.
		const guestContext = await browser.newContext( {
			storageState: guest,
		} );
		const shopper = await guestContext.newPage();
		await shopper.goto( pageUrl );
		const block = shopper.locator( BLOCK );
		await expectAccessible( shopper, BLOCK );
		await fillGuestForm( shopper, subject );
		await block.getByLabel( 'Attachments' ).setInputFiles( {
			name: 'damage.txt',
			mimeType: 'text/plain',
			buffer: Buffer.from( 'Photo of the crushed box, in words.' ),
		} );
		await block.screenshot( {
			path: screenshot( 'contact-block.png' ),
		} );
		const created = shopper.waitForResponse(
			( response ) =>
				response.url().includes( 'aftercare/v1/tickets' ) &&
				response.request().method() === 'POST'
		);
		// A double click sends one ticket (the form ignores a second submit while sending).
		await block.getByRole( 'button', { name: 'Send message' } ).dblclick();
		const answer = await ( await created ).json();
		expect( answer.number ).toBeGreaterThan( 0 );
		const status = block.getByRole( 'status' );
		await expect( status ).toContainText(
			`Your ticket number is #${ answer.number }`
		);
		const link = block.locator( '.wp-block-aftercare-contact__link' );
		await expect( link ).toHaveAttribute(
			'href',
			new RegExp( `aftercare_ticket=${ answer.id }&aftercare_token=` )
		);
		const signedLink = ( await link.getAttribute( 'href' ) ) as string;
		await expectAccessible( shopper, BLOCK );

		const mine = ( await requestUtils.rest( {
			path: '/aftercare/v1/tickets',
			params: { search: subject },
		} ) ) as Array< { id: number } >;
		expect( mine, 'one ticket, however often it was clicked' ).toHaveLength(
			1
		);

		// 2. The agent finds it in the queue.
		await loginAs( page, 'agent' );
		await page.goto( '/wp-admin/admin.php?page=aftercare' );
		await expect(
			page.getByText( `#${ answer.number }` ).first()
		).toBeVisible();
		await expect( page.getByText( subject ).first() ).toBeVisible();

		// 3. ...opens it and replies with the saved reply.
		await page.goto(
			`/wp-admin/admin.php?page=aftercare&ticket=${ answer.id }`
		);
		await expect(
			page.getByText( 'The parcel arrived crushed.' )
		).toBeVisible();
		await expect( page.getByText( 'damage.txt' ) ).toBeVisible();
		const savedReplies = page.getByLabel( 'Insert a saved reply' );
		await savedReplies.fill( saved.title.slice( 0, 12 ) );
		await page.getByRole( 'option', { name: saved.title } ).click();
		const reply = page.getByLabel( 'Reply', { exact: true } );
		await expect( reply ).toHaveValue(
			/Hello Gwen Guest, we are sending a replacement today\./
		);
		await page.getByRole( 'button', { name: 'Send reply' } ).click();
		await expect(
			page.getByText( 'we are sending a replacement today' ).first()
		).toBeVisible();

		// 4. The guest follows the signed link and replies.
		const response = await shopper.goto( signedLink );
		expect( response?.headers()[ 'referrer-policy' ] ).toBe(
			'no-referrer'
		);
		expect( response?.headers()[ 'cache-control' ] ).toContain(
			'no-store'
		);
		const thread = shopper.locator( '.aftercare-thread' );
		await expect(
			thread.getByText( 'we are sending a replacement today' )
		).toBeVisible();
		// The token leaves the address bar (history, shared addresses); a reload still opens the thread.
		await expect( shopper ).not.toHaveURL( /aftercare_token/ );
		await expect( shopper ).toHaveURL(
			new RegExp( `aftercare_ticket=${ answer.id }` )
		);
		await shopper.reload();
		await expect(
			thread.getByText( 'we are sending a replacement today' )
		).toBeVisible();
		await expect( shopper ).not.toHaveURL( /aftercare_token/ );
		await expect(
			thread.getByRole( 'link', { name: 'damage.txt' } )
		).toBeVisible();
		await expectAccessible( shopper, BLOCK );
		await shopper.locator( BLOCK ).screenshot( {
			path: screenshot( 'guest-thread.png' ),
		} );
		await thread
			.getByLabel( 'Your reply' )
			.fill( 'Thank you, the replacement is welcome.' );
		await thread.getByRole( 'button', { name: 'Send reply' } ).click();
		await expect(
			shopper.getByText( 'Your reply was sent.' )
		).toBeVisible();
		await expect(
			thread.getByText( 'Thank you, the replacement is welcome.' )
		).toBeVisible();

		// 5. The agent sees the answer and solves the ticket.
		await page.reload();
		await expect(
			page.getByText( 'Thank you, the replacement is welcome.' )
		).toBeVisible();
		await page.getByLabel( 'Status' ).selectOption( 'solved' );
		await expect
			.poll( async () => {
				const ticket = ( await requestUtils.rest( {
					path: `/aftercare/v1/tickets/${ answer.id }`,
				} ) ) as { status: string };
				return ticket.status;
			} )
			.toBe( 'solved' );

		await shopper.goto( signedLink );
		await expect( shopper.getByText( 'Status: Solved' ) ).toBeVisible();
		await guestContext.close();
	} );
} );

test.describe( 'Contact block without JavaScript', () => {
	test.use( {
		storageState: guest,
		javaScriptEnabled: false,
		// A refused form is answered with its 4xx status, which the browser logs.
		allowedConsoleErrors: [ /status of 400.*contact-us/ ],
	} );
	test.setTimeout( 120_000 );

	test( 'the form posts to the page and lands on the new thread with its signed link', async ( {
		page,
	} ) => {
		await page.goto( pageUrl );
		await fillGuestForm( page, 'Sent without scripts' );
		await page.getByRole( 'button', { name: 'Send message' } ).click();

		await expect( page ).toHaveURL( /aftercare_done=created/ );
		const notice = page.locator( '.aftercare-thread__notice' );
		await expect( notice ).toContainText( 'Your ticket number is #' );
		await expect(
			notice.locator( '.aftercare-thread__link' )
		).toHaveAttribute( 'href', /aftercare_token=/ );
		await expect( page.getByText( 'Sent without scripts' ) ).toBeVisible();

		// A reply from the same page, again without scripts.
		await page.getByLabel( 'Your reply' ).fill( 'One more detail.' );
		await page.getByRole( 'button', { name: 'Send reply' } ).click();
		await expect( page.getByText( 'Your reply was sent.' ) ).toBeVisible();
		await expect( page.getByText( 'One more detail.' ) ).toBeVisible();
		// No axe here: it runs as a script, and scripts are off (the same markup is checked above).
	} );

	test( 'the same form sent twice makes one ticket, and the second answer hands out no link', async ( {
		page,
	} ) => {
		// What a page cache would keep holds no key to share between visitors.
		expect( await ( await page.request.get( pageUrl ) ).text() ).toContain(
			'name="idempotency_key" value=""'
		);
		const form = {
			aftercare_contact: '1',
			aftercare_name: 'Gwen Guest',
			email: 'gwen@example.test',
			subject: `Sent twice ${ Date.now() }`,
			message: 'A double click without scripts.',
		};
		const first = await page.request.post( pageUrl, {
			multipart: form,
			maxRedirects: 0,
		} );
		expect( first.status() ).toBe( 303 );
		expect( first.headers().location ).toMatch( /aftercare_token=/ );
		const second = await page.request.post( pageUrl, {
			multipart: form,
			maxRedirects: 0,
		} );
		expect( second.status() ).toBe( 200 );
		const html = await second.text();
		expect( html ).toContain(
			'We had already received this request: your ticket number is #'
		);
		expect( html ).not.toMatch( /aftercare_token=/ );
	} );

	test( 'a refused form comes back with the problem and what was typed', async ( {
		page,
	} ) => {
		await page.goto( pageUrl );
		await fillGuestForm( page, 'About an order' );
		await page.getByLabel( 'Order number' ).fill( '999999' );
		await page.getByRole( 'button', { name: 'Send message' } ).click();
		await expect(
			page.getByText(
				'We could not find that order for your email address.'
			)
		).toBeVisible();
		await expect( page.getByLabel( 'Subject' ) ).toHaveValue(
			'About an order'
		);
	} );
} );

test.describe( 'A thread page that carries a token', () => {
	test( 'another site posting a reply through it writes nothing as the signed-in agent', async ( {
		browser,
		page,
		requestUtils,
	} ) => {
		const guestContext = await browser.newContext( {
			storageState: guest,
		} );
		const created = ( await (
			await guestContext.request.post( '/wp-json/aftercare/v1/tickets', {
				data: {
					name: 'Gwen Guest',
					email: 'gwen@example.test',
					subject: `A stranger's thread ${ Date.now() }`,
					message: 'Only mine.',
				},
			} )
		).json() ) as { id: number; access_token: string };
		await guestContext.close();

		// This browser is signed in (the administrator): a form on another site posts here.
		const forged = await page.request.post(
			`${ pageUrl }&aftercare_ticket=${ created.id }&aftercare_token=${ created.access_token }`,
			{
				form: {
					aftercare_reply: '1',
					message: 'Forged by another site.',
				},
				maxRedirects: 0,
			}
		);
		expect( forged.status() ).toBe( 403 );
		const messages = ( await requestUtils.rest( {
			path: `/aftercare/v1/tickets/${ created.id }/messages`,
		} ) ) as Array< { body: string } >;
		expect( messages ).toHaveLength( 1 );
		expect( messages[ 0 ]?.body ).not.toContain( 'Forged' );
	} );
} );

test.describe( 'Guest links', () => {
	test.use( { storageState: guest } );

	test( 'a wrong link gets the uniform message, privately', async ( {
		page,
	} ) => {
		const response = await page.goto(
			`${ pageUrl }&aftercare_ticket=1&aftercare_token=${ 'A'.repeat( 32 ) }`
		);
		expect( response?.headers()[ 'referrer-policy' ] ).toBe(
			'no-referrer'
		);
		await expect(
			page.getByText( 'This link is invalid or has expired.' )
		).toBeVisible();
		await expectAccessible( page, BLOCK );
	} );

	test( 'the order-status link fills in the order number', async ( {
		page,
	} ) => {
		await page.goto( `${ pageUrl }&aftercare_order=1001` );
		await expect( page.getByLabel( 'Order number' ) ).toHaveValue( '1001' );
	} );
} );
