/**
 * The WordPress e2e fixtures (admin, editor, requestUtils, pageUtils), plus two guards every
 * test gets: no console errors or uncaught exceptions, and an axe check helper.
 */
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect } from '@wordpress/e2e-test-utils-playwright';
import type { Editor } from '@wordpress/e2e-test-utils-playwright';
import type { Locator, Page } from '@playwright/test';

export { expect };

/**
 * Where a spec saves a picture the README and docs show.
 *
 * @param name File name, e.g. `queue.png`.
 */
export function screenshot( name: string ): string {
	return path.resolve( __dirname, '../../docs/screenshots', name );
}

/** Logins the test site has (scripts/install-site.php), all with password "password". */
export type Login = 'admin' | 'agent' | 'customer1' | 'customer2';

export const test = base.extend< {
	allowedConsoleErrors: RegExp[];
	pageErrors: string[];
} >( {
	/** Console errors a test causes on purpose (e.g. the 403 of a forbidden page). */
	allowedConsoleErrors: [ [], { option: true } ],
	pageErrors: [
		async ( { page, allowedConsoleErrors }, use ) => {
			// The test machine is offline: answer requests for other hosts (avatars, wordpress.org images) with nothing.
			await page.route(
				( url ) => url.hostname !== '127.0.0.1',
				( route ) => route.fulfill( { status: 204 } )
			);
			const errors: string[] = [];
			page.on( 'pageerror', ( error ) =>
				errors.push( `uncaught: ${ error.message }` )
			);
			page.on( 'console', ( message ) => {
				const text = `${ message.text() } at ${ message.location().url }`;
				if (
					message.type() === 'error' &&
					! allowedConsoleErrors.some( ( allowed ) =>
						allowed.test( text )
					)
				) {
					errors.push( `console: ${ text }` );
				}
			} );
			await use( errors );
			expect(
				errors,
				'no console errors or uncaught exceptions'
			).toEqual( [] );
		},
		{ auto: true },
	],
} );

/**
 * Fails on any serious or critical WCAG 2.x A/AA violation inside `selector`.
 * @param page
 * @param selector
 * @param exclude  Parts inside it that are another plugin's markup, not Aftercare's.
 */
export async function expectAccessible(
	page: Page,
	selector: string,
	exclude?: string
): Promise< void > {
	let builder = new AxeBuilder( { page } ).include( selector );
	if ( exclude ) {
		builder = builder.exclude( exclude );
	}
	const results = await builder
		.withTags( [
			'wcag2a',
			'wcag2aa',
			'wcag21a',
			'wcag21aa',
			'best-practice',
		] )
		.analyze();
	const serious = results.violations
		.filter( ( v ) => v.impact === 'serious' || v.impact === 'critical' )
		.map(
			( v ) =>
				`${ v.id } (${ v.impact }): ${ v.help } — ${ v.nodes.map( ( n ) => n.target.join( ' ' ) ).join( ', ' ) }`
		);
	expect( serious, `axe violations in ${ selector }` ).toEqual( [] );
}

/**
 * Logs the page's browser context in as another user (cookies replaced).
 * @param page
 * @param login
 */
export async function loginAs( page: Page, login: Login ): Promise< void > {
	await page.context().clearCookies();
	await page.goto( '/wp-login.php' );
	await page.getByLabel( 'Username or Email Address' ).fill( login );
	await page.getByLabel( 'Password', { exact: true } ).fill( 'password' );
	await page.getByRole( 'button', { name: 'Log In' } ).click();
	await page.waitForURL( /wp-admin|\/$/ );
}

/**
 * Inserts a block the way a site builder does, by its title in the inserter's search, and
 * returns the block on the editor canvas.
 * @param page   The editor page.
 * @param editor The editor fixture.
 * @param title  The block's title, e.g. "Contact support".
 */
export async function insertFromInserter(
	page: Page,
	editor: Editor,
	title: string
): Promise< Locator > {
	await page
		.getByRole( 'button', { name: 'Block Inserter', exact: false } )
		.first()
		.click();
	await page.getByRole( 'searchbox', { name: 'Search' } ).fill( title );
	await page.getByRole( 'option', { name: title } ).click();
	return editor.canvas.getByRole( 'document', { name: `Block: ${ title }` } );
}
