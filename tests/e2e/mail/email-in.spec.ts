/**
 * Email in, end to end: an agent answers a ticket in wp-admin, the shopper answers that mail
 * (the one the site sent, kept by tests/fixtures/mu-plugins/test-mail-capture.php), the answer
 * is posted to the signed webhook the way an MTA pipe would, and the agent sees it in the thread
 * with its quoted history behind "Show quoted text". A mail that cannot be read waits in
 * Support → Received mail, where the agent opens and dismisses it. Axe on both screens.
 */
import { createHmac } from 'node:crypto';
import type { APIRequestContext, Page } from '@playwright/test';
import type { RequestUtils } from '@wordpress/e2e-test-utils-playwright';
import { test, expect, expectAccessible, screenshot } from '../fixtures';
import { runToken, seedTicket } from '../tickets/seed';

const DESK = '/wp-admin/admin.php?page=aftercare';
const RECEIVED = '/wp-admin/admin.php?page=aftercare-received-mail';

interface CapturedMail {
	to: string[];
	subject: string;
	message: string;
	headers: string[];
}

/**
 * A header of a captured mail.
 *
 * @param mail The mail.
 * @param name The header's name.
 * @return Its value, or undefined.
 */
function header( mail: CapturedMail, name: string ): string | undefined {
	const prefix = `${ name.toLowerCase() }:`;
	return mail.headers
		.find( ( line ) => line.toLowerCase().startsWith( prefix ) )
		?.slice( prefix.length )
		.trim();
}

/**
 * A new webhook secret (the store shows one only when it makes it).
 *
 * @param requestUtils The admin's REST client.
 * @return The secret.
 */
async function newSecret( requestUtils: RequestUtils ): Promise< string > {
	const result = ( await requestUtils.rest( {
		method: 'POST',
		path: '/aftercare/v1/mail/secret',
	} ) ) as { secret: string };
	return result.secret;
}

/**
 * Posts a raw message to the webhook, signed as docs/email.md says (no cookies: an MTA).
 *
 * @param webhook The cookie-less request context.
 * @param raw     The message.
 * @param secret  The inbound secret.
 * @return Status and body.
 */
async function deliver(
	webhook: APIRequestContext,
	raw: string,
	secret: string
): Promise< { status: number; body: Record< string, unknown > } > {
	const signature = createHmac( 'sha256', secret )
		.update( raw )
		.digest( 'hex' );
	const response = await webhook.post(
		'/?rest_route=/aftercare/v1/inbound/email',
		{
			headers: {
				'Content-Type': 'message/rfc822',
				'X-Aftercare-Signature': `sha256=${ signature }`,
			},
			data: raw,
		}
	);
	return { status: response.status(), body: await response.json() };
}

/**
 * The lines of a message, CRLF-joined as mail is.
 *
 * @param lines Header and body lines.
 * @return The raw message.
 */
function rfc822( lines: string[] ): string {
	return lines.join( '\r\n' ) + '\r\n';
}

async function openTicket( page: Page, id: number ): Promise< void > {
	await page.goto( `${ DESK }&ticket=${ id }` );
	await expect( page.locator( '.aftercare-thread' ) ).toBeVisible();
}

test.describe( 'Email in', () => {
	test( 'the shopper answers the agent’s mail, and the agent sees it in the thread with its quoted history', async ( {
		page,
		requestUtils,
		playwright,
		baseURL,
	} ) => {
		const token = runToken( 'em' );
		const shopper = `gwen.${ token }@example.test`;
		const ticket = await seedTicket( requestUtils, {
			subject: `${ token } Delivery date`,
			customer_email: shopper,
			customer_name: 'Gwen Guest',
			message: 'When will my parcel come?',
		} );
		const secret = await newSecret( requestUtils );

		// The agent answers in wp-admin.
		await openTicket( page, ticket.id );
		await page
			.getByRole( 'textbox', { name: 'Reply', exact: true } )
			.fill( `Which day suits you, ${ token }?` );
		await page.getByRole( 'button', { name: 'Send reply' } ).click();
		await expect(
			page
				.locator( '.aftercare-message--reply' )
				.filter( { hasText: 'Which day suits you' } )
		).toBeVisible();

		// The mail the store sent the shopper for that reply.
		let sent: CapturedMail | undefined;
		await expect
			.poll( async () => {
				const mails = ( await requestUtils.rest( {
					path: '/aftercare-test/v1/mails',
					params: { to: shopper },
				} ) ) as CapturedMail[];
				sent = mails.find( ( mail ) =>
					mail.message.includes( 'Which day suits you' )
				);
				return !! sent;
			} )
			.toBe( true );
		const mail = sent as CapturedMail;
		const messageId = header( mail, 'Message-ID' );
		const replyTo = header( mail, 'Reply-To' );
		expect( messageId ).toMatch( /^<aftercare\.t\d+\.m\d+\./ );
		// The support address with the ticket's signed tag.
		expect( replyTo ).toMatch(
			new RegExp( `\\+t${ ticket.number }\\.[0-9a-f]{8}@` )
		);

		// Gwen presses Reply: her answer on top, the history quoted below.
		const raw = rfc822( [
			`From: Gwen Guest <${ shopper }>`,
			`To: ${ replyTo }`,
			`Subject: Re: ${ mail.subject }`,
			'Date: Sat, 5 Dec 2026 12:00:00 +0000',
			`Message-ID: <${ token }.reply@mail.example.test>`,
			`In-Reply-To: ${ messageId }`,
			`References: ${ messageId }`,
			'MIME-Version: 1.0',
			'Content-Type: text/plain; charset=UTF-8',
			'',
			`The 14th works for me, ${ token }.`,
			'',
			'Gwen',
			'',
			'On Sat, 5 Dec 2026 at 11:00, Shop Support wrote:',
			`> Which day suits you, ${ token }?`,
		] );
		const webhook = await playwright.request.newContext( { baseURL } );
		const answer = await deliver( webhook, raw, secret );
		expect( answer.status ).toBe( 201 );
		expect( answer.body ).toMatchObject( {
			outcome: 'stored',
			ticket_id: ticket.id,
		} );

		// The same mail again (a retrying MTA) changes nothing.
		expect( ( await deliver( webhook, raw, secret ) ).status ).toBe( 200 );
		// Without the secret: refused.
		expect(
			( await deliver( webhook, raw, 'not-the-secret' ) ).status
		).toBe( 401 );
		await webhook.dispose();

		await openTicket( page, ticket.id );
		const reply = page
			.locator( '.aftercare-message' )
			.filter( { hasText: 'The 14th works for me' } );
		await expect( reply ).toHaveCount( 1 );
		await expect( reply ).toContainText(
			`Email from ${ shopper }, threaded into this ticket`
		);
		// Only what she wrote now; the history waits behind the toggle.
		await expect(
			reply.locator( '.aftercare-message__body' )
		).not.toContainText( 'wrote:' );
		const toggle = reply.getByRole( 'button', {
			name: 'Show quoted text',
		} );
		await expect( toggle ).toHaveAttribute( 'aria-expanded', 'false' );
		await toggle.click();
		await expect(
			reply.getByRole( 'button', { name: 'Hide quoted text' } )
		).toHaveAttribute( 'aria-expanded', 'true' );
		await expect(
			reply.locator( '.aftercare-message__quoted-body' )
		).toContainText( `Which day suits you, ${ token }?` );
		await expectAccessible( page, '#aftercare-admin-app' );
	} );

	test( 'a mail that cannot be read waits in Needs attention, where the agent opens and dismisses it', async ( {
		page,
		requestUtils,
		playwright,
		baseURL,
	} ) => {
		const token = runToken( 'na' );
		const secret = await newSecret( requestUtils );
		// A multipart mail whose declared boundary never appears (tests/fixtures/mail/malformed.eml).
		const raw = rfc822( [
			`From: broken.${ token }@example.test`,
			'To: support@shop.example',
			`Subject: Broken ${ token }`,
			'Date: Sat, 5 Dec 2026 12:00:00 +0000',
			`Message-ID: <${ token }.broken@example.test>`,
			'MIME-Version: 1.0',
			'Content-Type: multipart/mixed; boundary="declared-but-missing"',
			'',
			'--some-other-boundary',
			'Content-Type: text/plain',
			'',
			`Hello <script>alert("${ token }")</script>`,
			'--some-other-boundary--',
		] );
		const webhook = await playwright.request.newContext( { baseURL } );
		const answer = await deliver( webhook, raw, secret );
		await webhook.dispose();
		// Kept for an agent, answered so that the sender does not retry forever.
		expect( answer.status ).toBe( 202 );
		expect( answer.body ).toMatchObject( { outcome: 'needs_attention' } );

		await page.goto( RECEIVED );
		await expect(
			page.getByRole( 'heading', { level: 1, name: 'Received mail' } )
		).toBeVisible();
		// The menu entry says how many wait.
		await expect(
			page
				.locator( '#adminmenu a[href$="page=aftercare-received-mail"]' )
				.locator( '.awaiting-mod' )
		).toBeVisible();
		const nav = page.getByRole( 'navigation', {
			name: 'What happened to the mail',
		} );
		const needs = nav.getByRole( 'link', { name: /^Needs attention/ } );
		const count = Number(
			await needs.locator( '.aftercare-queue__count' ).innerText()
		);
		expect( count ).toBeGreaterThanOrEqual( 1 );
		await needs.click();
		await expect( needs ).toHaveAttribute( 'aria-current', 'page' );
		await expect( page ).toHaveURL( /outcome=needs_attention/ );

		// Nothing of it could be read, not even its sender or subject: the log entry is known by its id.
		const link = `a[href$="received=${ answer.body.received_id }"]`;
		const row = page
			.getByRole( 'row' )
			.filter( { has: page.locator( link ) } );
		await expect( row ).toContainText( 'Needs attention' );
		await expect( row ).toContainText( 'declared-but-missing' );
		await expectAccessible( page, '#aftercare-admin-app' );
		await page.screenshot( {
			path: screenshot( 'received-mail.png' ),
			fullPage: true,
		} );

		await row.locator( link ).click();
		const dialog = page.getByRole( 'dialog', { name: '(no subject)' } );
		const rawText = dialog.getByLabel( 'Raw message' );
		// The message as text: the script is shown, never run or rendered.
		await expect( rawText ).toContainText(
			`<script>alert("${ token }")</script>`
		);
		await expect( rawText.locator( 'script' ) ).toHaveCount( 0 );
		await expectAccessible( page, '[role="dialog"]' );

		await dialog.getByRole( 'button', { name: 'Dismiss' } ).click();
		await expect( dialog ).toBeHidden();
		await expect( page ).not.toHaveURL( /received=/ );
		await expect( row ).toHaveCount( 0 );
		await expect( needs.locator( '.aftercare-queue__count' ) ).toHaveText(
			String( count - 1 )
		);
	} );
} );
