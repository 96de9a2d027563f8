/**
 * The returns queue and the return screen in wp-admin, on returns this spec files through the
 * REST API against orders in the test order source: filters, search by number, sort and pages
 * in the URL; a return's items, photos, order, history, thread and timeline; approve, reject,
 * mark received (with restock), refund (with an edited restocking fee), store credit and an
 * exchange order; the API's refusal shown in the dialog; axe; closed to customers. Saves the
 * README screenshots of the queue and a return.
 */
import type { Page } from '@playwright/test';
import type { RequestUtils } from '@wordpress/e2e-test-utils-playwright';
import {
	test,
	expect,
	expectAccessible,
	loginAs,
	screenshot,
} from '../fixtures';
import { PNG, makeOrder } from './seed';
import type { TestOrder } from './seed';

const QUEUE = '/wp-admin/admin.php?page=aftercare-returns';

interface Filed {
	id: number;
	number: string;
}

type Line = [ index: number, quantity: number, reason: string ];

/**
 * Files a return as the admin (an agent filing for the customer), with a photo if given.
 *
 * @param requestUtils REST as the admin.
 * @param order        The order.
 * @param lines        [line index, quantity, reason].
 * @param outcome      What the customer asks for.
 * @param photo        Attach a photo.
 * @return The return's id and number.
 */
async function fileReturn(
	requestUtils: RequestUtils,
	order: TestOrder,
	lines: Line[],
	outcome = 'refund',
	photo = false
): Promise< Filed > {
	const multipart: Record<
		string,
		string | { name: string; mimeType: string; buffer: Buffer }
	> = {
		order_id: String( order.id ),
		outcome,
		comment: 'The shirt is too small and the seam came loose.',
	};
	lines.forEach( ( [ index, quantity, reason ], i ) => {
		multipart[ `items[${ i }][order_item_id]` ] = String(
			order.items[ index ]
		);
		multipart[ `items[${ i }][quantity]` ] = String( quantity );
		multipart[ `items[${ i }][reason]` ] = reason;
	} );
	if ( photo ) {
		multipart[ 'attachments[]' ] = {
			name: 'seam.png',
			mimeType: 'image/png',
			buffer: PNG,
		};
	}
	return ( await requestUtils.rest( {
		method: 'POST',
		path: '/aftercare/v1/returns',
		multipart,
	} ) ) as Filed;
}

async function move(
	requestUtils: RequestUtils,
	item: Filed,
	status: string
): Promise< void > {
	await requestUtils.rest( {
		method: 'PATCH',
		path: `/aftercare/v1/returns/${ item.id }`,
		data: { status },
	} );
}

/**
 * The return numbers the queue table shows, top to bottom.
 *
 * @param page The page.
 * @return Numbers, e.g. ["R-1004", "R-1003"].
 */
async function shownNumbers( page: Page ): Promise< string[] > {
	await expect(
		page.locator( '.dataviews-view-table, .dataviews-no-results' ).first()
	).toBeVisible();
	if ( await page.locator( '.dataviews-loading' ).count() ) {
		return [];
	}
	return page
		.locator( '.dataviews-view-table tbody .aftercare-queue__number' )
		.allTextContents();
}

const row = ( page: Page, item: Filed ) =>
	page
		.locator( '.dataviews-view-table tbody tr' )
		.filter( { hasText: item.number } );

async function openReturn( page: Page, item: Filed ): Promise< void > {
	await page.goto( `${ QUEUE }&return=${ item.id }` );
	await expect(
		page.getByRole( 'heading', {
			level: 1,
			name: `Return ${ item.number }`,
		} )
	).toBeVisible();
}

const badge = ( page: Page ) => page.locator( '.aftercare-return-status' );

/**
 * Runs one action through its dialog.
 *
 * @param page    The return screen.
 * @param name    The action button's name.
 * @param message A message to the customer.
 * @param fill    Fills the action's own fields.
 */
async function act(
	page: Page,
	name: string,
	message = '',
	fill: (
		dialog: ReturnType< Page[ 'getByRole' ] >
	) => Promise< void > = async () => {}
): Promise< void > {
	await page
		.getByRole( 'group', { name: 'Return actions' } )
		.getByRole( 'button', { name, exact: true } )
		.click();
	const dialog = page.getByRole( 'dialog', { name } );
	await expect( dialog ).toBeVisible();
	await fill( dialog );
	if ( message ) {
		await dialog
			.getByRole( 'textbox', { name: 'Message to the customer' } )
			.fill( message );
	}
	await dialog.getByRole( 'button', { name: 'Confirm' } ).click();
}

const actions = ( page: Page ) =>
	page.getByRole( 'group', { name: 'Return actions' } ).getByRole( 'button' );

test.describe( 'Returns queue', () => {
	const today = new Date().toISOString().slice( 0, 10 );
	let size: Filed;
	let damaged: Filed;
	let rejected: Filed;

	test.beforeAll( async ( { requestUtils } ) => {
		const token = Math.random().toString( 36 ).slice( 2, 8 );
		const order = await makeOrder( requestUtils, {
			email: `queue.${ token }@example.test`,
			name: 'Quinn Queue',
			items: [ { name: 'Socks', quantity: 10, total: 50 } ],
		} );
		size = await fileReturn( requestUtils, order, [ [ 0, 1, 'size' ] ] );
		damaged = await fileReturn(
			requestUtils,
			order,
			[ [ 0, 1, 'damaged' ] ],
			'store_credit',
			true
		);
		rejected = await fileReturn(
			requestUtils,
			order,
			[ [ 0, 1, 'changed_mind' ] ],
			'exchange'
		);
		await move( requestUtils, rejected, 'rejected' );
	} );

	test( 'lists returns with their columns; search by number; accessible', async ( {
		page,
	} ) => {
		await page.goto( QUEUE );
		await expect(
			page.getByRole( 'heading', { level: 1, name: 'Returns' } )
		).toBeVisible();
		// Last change first: the rejection is the newest.
		await expect
			.poll( async () => ( await shownNumbers( page ) ).slice( 0, 3 ) )
			.toEqual( [ rejected.number, damaged.number, size.number ] );
		const first = row( page, damaged );
		await expect( first ).toContainText( 'Quinn Queue' );
		await expect( first ).toContainText( '1 × Socks' );
		await expect( first ).toContainText( 'Arrived damaged or faulty' );
		await expect( first ).toContainText( 'Store credit' );
		await expect( first.locator( '.aftercare-return-status' ) ).toHaveText(
			'Requested'
		);
		await expect( row( page, rejected ) ).toContainText( 'Rejected' );
		await expectAccessible( page, '#aftercare-admin-app' );

		await page
			.getByRole( 'searchbox', { name: 'Search by return number' } )
			.fill( damaged.number.toLowerCase() );
		await expect( page ).toHaveURL( /[?&]s=r-\d+/i );
		await expect
			.poll( () => shownNumbers( page ) )
			.toEqual( [ damaged.number ] );
		await page
			.getByRole( 'searchbox', { name: 'Search by return number' } )
			.fill( 'Quinn' );
		await expect(
			page.locator( '.components-notice__content' )
		).toHaveText( 'Search by a return number, e.g. R-1001.' );
		await expect( page.getByText( 'No returns match.' ) ).toBeVisible();
	} );

	test( 'filters by status, reason, outcome and date come from the URL and survive a reload', async ( {
		page,
	} ) => {
		const only = async (
			args: string,
			expected: Filed,
			column: RegExp
		) => {
			await page.goto( `${ QUEUE }&${ args }` );
			await expect
				.poll( () => shownNumbers( page ) )
				.toContain( expected.number );
			for ( const tr of await page
				.locator( '.dataviews-view-table tbody tr' )
				.all() ) {
				await expect( tr ).toContainText( column );
			}
		};
		await only( 'status=rejected', rejected, /Rejected/ );
		expect( await shownNumbers( page ) ).not.toContain( size.number );
		await page.reload();
		await expect
			.poll( () => shownNumbers( page ) )
			.toContain( rejected.number );
		expect( await shownNumbers( page ) ).not.toContain( damaged.number );

		// The status links beside the table say how many each holds and set the same filter.
		await page.goto( QUEUE );
		const statuses = page.getByRole( 'navigation', {
			name: 'Return statuses',
		} );
		await expect(
			statuses.getByRole( 'link', { name: /^All\s*\d+$/ } )
		).toHaveAttribute( 'aria-current', 'page' );
		await statuses
			.getByRole( 'link', { name: /^Rejected\s*\d+$/ } )
			.click();
		await expect( page ).toHaveURL( /status=rejected/ );
		await expect(
			statuses.getByRole( 'link', { name: /^Rejected/ } )
		).toHaveAttribute( 'aria-current', 'page' );
		await expect
			.poll( () => shownNumbers( page ) )
			.toContain( rejected.number );
		expect( await shownNumbers( page ) ).not.toContain( size.number );

		await only( 'outcome=store_credit', damaged, /Store credit/ );
		expect( await shownNumbers( page ) ).not.toContain( size.number );
		await only( 'reason=damaged', damaged, /Arrived damaged/ );
		expect( await shownNumbers( page ) ).not.toContain( rejected.number );
		await only( 'status=requested&reason=size', size, /Does not fit/ );

		await page.goto( `${ QUEUE }&from=${ today }&to=${ today }` );
		await expect
			.poll( () => shownNumbers( page ) )
			.toEqual(
				expect.arrayContaining( [ size.number, damaged.number ] )
			);
		await page.goto( `${ QUEUE }&before=2020-01-01` );
		await expect( page.getByText( 'No returns match.' ) ).toBeVisible();
	} );

	test( 'sort by request date both ways, and pages', async ( { page } ) => {
		const numbers = async () =>
			( await shownNumbers( page ) ).map( ( n ) =>
				Number( n.replace( /\D/g, '' ) )
			);
		await page.goto( `${ QUEUE }&orderby=created&order=asc&per_page=100` );
		await expect
			.poll( async () => ( await numbers() ).length )
			.toBeGreaterThan( 2 );
		const ascending = await numbers();
		expect( ascending ).toEqual(
			[ ...ascending ].sort( ( a, b ) => a - b )
		);

		// The column's sort menu writes the URL.
		await page
			.getByRole( 'table' )
			.getByRole( 'button', { name: 'Requested' } )
			.click();
		await page
			.getByRole( 'menuitemradio', { name: /Sort descending/i } )
			.click();
		await expect( page ).toHaveURL( /orderby=created/ );
		await expect( page ).not.toHaveURL( /order=asc/ );
		await expect
			.poll( numbers )
			.toEqual( [ ...ascending ].sort( ( a, b ) => b - a ) );

		await page.goto( `${ QUEUE }&orderby=created&per_page=2` );
		await expect.poll( numbers ).toHaveLength( 2 );
		const firstPage = await numbers();
		await page.getByRole( 'button', { name: 'Next page' } ).click();
		await expect( page ).toHaveURL( /paged=2/ );
		await expect.poll( numbers ).not.toEqual( firstPage );
		// The next requests, older than the first page's.
		const second = await numbers();
		expect( second.length ).toBeGreaterThan( 0 );
		expect( Math.max( ...second ) ).toBeLessThan(
			Math.min( ...firstPage )
		);
		await page.goBack();
		await expect.poll( numbers ).toEqual( firstPage );
	} );

	test.describe( () => {
		// WordPress answers a page the user may not open with a 403.
		test.use( { allowedConsoleErrors: [ /status of 403/ ] } );

		test( 'customers cannot open it', async ( { page } ) => {
			await loginAs( page, 'customer1' );
			await page.goto( QUEUE );
			await expect(
				page.getByText(
					/Sorry, you are not allowed to access this page/
				)
			).toBeVisible();
		} );
	} );
} );

test.describe( 'Return screen', () => {
	// The refused move is a 409 the browser logs; the screen shows its message.
	test.use( { allowedConsoleErrors: [ /status of 409 \(Conflict\)/ ] } );
	let order: TestOrder;

	test.beforeEach( async ( { requestUtils } ) => {
		const token = Math.random().toString( 36 ).slice( 2, 8 );
		order = await makeOrder( requestUtils, {
			email: `rita.${ token }@example.test`,
		} );
	} );

	test( 'shows the return, approves it with a message, and shows the refusal of an impossible move', async ( {
		page,
		requestUtils,
	} ) => {
		const earlier = await fileReturn( requestUtils, order, [
			[ 1, 1, 'changed_mind' ],
		] );
		const item = await fileReturn(
			requestUtils,
			order,
			[ [ 0, 2, 'damaged' ] ],
			'refund',
			true
		);
		// From the queue, by its number.
		await page.goto( `${ QUEUE }&s=${ item.number }` );
		await page.getByRole( 'link', { name: item.number } ).click();
		await expect( page ).toHaveURL( new RegExp( `return=${ item.id }` ) );
		await expect(
			page.getByRole( 'heading', {
				level: 1,
				name: `Return ${ item.number }`,
			} )
		).toBeVisible();
		await expect( badge( page ) ).toHaveText( 'Requested' );
		await expect( actions( page ) ).toHaveText( [
			'Approve',
			'Reject',
			'Close return',
		] );
		const items = page.getByRole( 'table', {
			name: 'Items in the return',
		} );
		await expect(
			items.getByRole( 'row', { name: /Linen shirt/ } )
		).toContainText( 'Arrived damaged or faulty' );
		await expect(
			page.getByRole( 'link', {
				name: 'Open seam.png full size (new tab)',
			} )
		).toBeVisible();
		await expect(
			page.getByRole( 'img', { name: 'seam.png' } )
		).toHaveJSProperty( 'complete', true );
		await expect(
			page.locator( '.aftercare-return__photos img' )
		).not.toHaveJSProperty( 'naturalWidth', 0 );
		const details = page.getByRole( 'complementary', {
			name: 'Return details',
		} );
		await expect( details ).toContainText( `Order #${ order.number }` );
		await expect( details ).toContainText( '$68.00' );
		await expect(
			details.getByRole( 'link', { name: earlier.number } )
		).toBeVisible();
		await expect( details ).toContainText(
			'Return requested (asked for: Refund)'
		);
		await expect(
			page.locator( '.aftercare-message' ).first()
		).toContainText( `Return ${ item.number } requested: 2 × Linen shirt` );
		await expectAccessible( page, '#aftercare-admin-app' );

		await act( page, 'Approve', 'Approved: please send the shirts back.' );
		await expect( badge( page ) ).toHaveText( 'Approved' );
		await expect( page.getByRole( 'dialog' ) ).toBeHidden();
		await expect( page.locator( '.aftercare-thread' ) ).toContainText(
			'Approved: please send the shirts back.'
		);
		await expect( details ).toContainText( 'Status: Requested → Approved' );
		await expect( actions( page ) ).toHaveText( [
			'Mark received',
			'Refund',
			'Give store credit',
			'Create exchange order',
			'Await the items',
			'Reject',
			'Close return',
		] );

		// Someone else rejects it meanwhile: the next move is refused with the API's words.
		await move( requestUtils, item, 'rejected' );
		await page
			.getByRole( 'button', { name: 'Mark received', exact: true } )
			.click();
		const dialog = page.getByRole( 'dialog', { name: 'Mark received' } );
		await expectAccessible( page, '.aftercare-return-dialog' );
		await dialog.getByRole( 'button', { name: 'Confirm' } ).click();
		await expect(
			dialog.locator( '.components-notice.is-error' )
		).toHaveText(
			/A return that is “Rejected” cannot become “Received”\./
		);
		await expect( dialog ).toBeVisible();
		await dialog.getByRole( 'button', { name: 'Cancel' } ).click();
		// The refusal brought the return and its timeline up to date.
		await expect( badge( page ) ).toHaveText( 'Rejected' );
		await expect( details ).toContainText( 'Status: Approved → Rejected' );
		await expect( actions( page ) ).toHaveText( [ 'Close return' ] );
	} );

	test( 'an agent marks the items received with restock, then refunds less an edited fee', async ( {
		page,
		requestUtils,
	} ) => {
		const item = await fileReturn( requestUtils, order, [
			[ 0, 2, 'size' ],
			[ 1, 1, 'size' ],
		] );
		await move( requestUtils, item, 'approved' );
		await loginAs( page, 'agent' );
		await openReturn( page, item );

		await act(
			page,
			'Mark received',
			'Both shirts arrived.',
			async ( dialog ) => {
				await expect(
					dialog.getByRole( 'spinbutton', {
						name: 'Received: Linen shirt',
					} )
				).toHaveValue( '2' );
				await dialog
					.getByRole( 'spinbutton', {
						name: 'Received: Canvas tote',
					} )
					.fill( '0' );
				await dialog
					.getByRole( 'checkbox', {
						name: 'Put the received items back in stock',
					} )
					.check();
			}
		);
		await expect( badge( page ) ).toHaveText( 'Received' );
		const items = page.getByRole( 'table', {
			name: 'Items in the return',
		} );
		// Requested, received, restocked, refunded.
		await expect(
			items.getByRole( 'row', { name: /Linen shirt/ } )
		).toContainText( /2\s*2\s*2\s*0$/ );
		await expect(
			items.getByRole( 'row', { name: /Canvas tote/ } )
		).toContainText( /1\s*0\s*0\s*0$/ );
		await expect( page.locator( '.aftercare-timeline' ) ).toContainText(
			'Back in stock: 2 × Linen shirt'
		);

		await act(
			page,
			'Refund',
			'Refunded, less a small fee.',
			async ( dialog ) => {
				await expect( dialog ).toContainText(
					'Paid for these items: $40.00. Store policy restocking fee: $0.00.'
				);
				await expect( dialog ).toContainText( '2 × Linen shirt' );
				await dialog
					.getByRole( 'spinbutton', { name: 'Restocking fee' } )
					.fill( '5' );
				await expect( dialog ).toContainText( 'Refund: $35.00' );
			}
		);
		await expect( badge( page ) ).toHaveText( 'Refunded' );
		await expect(
			page.locator( '.aftercare-return__summary' )
		).toContainText( /Refunded \$35\.00 \(restocking fee \$5\.00/ );
		await expect( actions( page ) ).toHaveText( [ 'Close return' ] );
		const saved = ( await requestUtils.rest( {
			path: `/aftercare/v1/returns/${ item.id }`,
			params: { context: 'edit' },
		} ) ) as { refund: { amount: number; fee: number } };
		expect( saved.refund ).toMatchObject( { amount: 35, fee: 5 } );
	} );

	test( 'store credit of an edited amount', async ( {
		page,
		requestUtils,
	} ) => {
		const item = await fileReturn(
			requestUtils,
			order,
			[ [ 1, 1, 'size' ] ],
			'store_credit'
		);
		await move( requestUtils, item, 'approved' );
		await openReturn( page, item );
		await act( page, 'Give store credit', '', async ( dialog ) => {
			await dialog
				.getByRole( 'spinbutton', { name: 'Store credit amount' } )
				.fill( '12.50' );
		} );
		await expect( badge( page ) ).toHaveText( 'Store credit issued' );
		await expect(
			page.locator( '.aftercare-return__summary' )
		).toContainText( /Store credit of \$12\.50 issued as coupon \S+/ );
		await expect( page.locator( '.aftercare-timeline' ) ).toContainText(
			'Store credit of $12.50 issued as coupon'
		);
	} );

	test( 'an agent cannot give more store credit than the items were paid', async ( {
		page,
		requestUtils,
	} ) => {
		const item = await fileReturn(
			requestUtils,
			order,
			[ [ 1, 1, 'size' ] ],
			'store_credit'
		);
		await move( requestUtils, item, 'approved' );
		await loginAs( page, 'agent' );
		await openReturn( page, item );
		await act( page, 'Give store credit', '', async ( dialog ) => {
			await dialog
				.getByRole( 'spinbutton', { name: 'Store credit amount' } )
				.fill( '100000' );
		} );
		const dialog = page.getByRole( 'dialog', {
			name: 'Give store credit',
		} );
		await expect( dialog ).toContainText(
			/Store credit cannot be more than what the items were paid \(\$[\d.,]+\)\. A store manager can give more\./
		);
		await expectAccessible( page, '[role="dialog"]' );
		await expect( badge( page ) ).toHaveText( 'Approved' );
	} );

	test( 'an exchange order after the items arrived', async ( {
		page,
		requestUtils,
	} ) => {
		const item = await fileReturn(
			requestUtils,
			order,
			[ [ 0, 1, 'size' ] ],
			'exchange'
		);
		await move( requestUtils, item, 'approved' );
		await requestUtils.rest( {
			method: 'POST',
			path: `/aftercare/v1/returns/${ item.id }/actions`,
			data: { action: 'receive' },
		} );
		await openReturn( page, item );
		await expect( badge( page ) ).toHaveText( 'Received' );
		await act(
			page,
			'Create exchange order',
			'A shirt one size up is on its way.',
			async ( dialog ) => {
				await expect( dialog ).toContainText( '1 × Linen shirt' );
			}
		);
		await expect( badge( page ) ).toHaveText( 'Exchanged' );
		await expect(
			page.locator( '.aftercare-return__summary' )
		).toContainText( /Exchange order:\s*Order #\d+/ );
		await expect( page.locator( '.aftercare-timeline' ) ).toContainText(
			/Exchange order #\S+ created/
		);
	} );

	test( 'rejection with a reason leaves only closing', async ( {
		page,
		requestUtils,
	} ) => {
		const item = await fileReturn( requestUtils, order, [
			[ 1, 1, 'changed_mind' ],
		] );
		await openReturn( page, item );
		await act( page, 'Reject', 'Sorry, worn items cannot be returned.' );
		await expect( badge( page ) ).toHaveText( 'Rejected' );
		await expect( page.locator( '.aftercare-thread' ) ).toContainText(
			'Sorry, worn items cannot be returned.'
		);
		await expect( actions( page ) ).toHaveText( [ 'Close return' ] );
		await act( page, 'Close return' );
		await expect( badge( page ) ).toHaveText( 'Closed' );
		await expect(
			page.getByRole( 'group', { name: 'Return actions' } )
		).toHaveCount( 0 );
	} );
} );

test.describe( 'README screenshots', () => {
	test( 'the returns queue and a return', async ( {
		page,
		requestUtils,
	} ) => {
		const token = Math.random().toString( 36 ).slice( 2, 8 );
		const customers = [
			[ 'Rita Returner', 'rita' ],
			[ 'Ravi Patel', 'ravi' ],
			[ 'Mia Jones', 'mia' ],
		] as const;
		const filed: Filed[] = [];
		for ( const [ name, login ] of customers ) {
			const order = await makeOrder( requestUtils, {
				email: `${ login }.${ token }@example.test`,
				name,
			} );
			filed.push(
				await fileReturn(
					requestUtils,
					order,
					[ [ 0, 1, login === 'rita' ? 'damaged' : 'size' ] ],
					login === 'mia' ? 'exchange' : 'refund',
					login === 'rita'
				)
			);
		}
		await move( requestUtils, filed[ 1 ] as Filed, 'approved' );
		await move( requestUtils, filed[ 2 ] as Filed, 'rejected' );
		await page.setViewportSize( { width: 1440, height: 900 } );
		await page.goto( QUEUE );
		await expect
			.poll( async () => ( await shownNumbers( page ) ).slice( 0, 3 ) )
			.toEqual( [ ...filed ].reverse().map( ( f ) => f.number ) );
		await page.screenshot( {
			path: screenshot( 'returns-queue.png' ),
		} );

		const rita = filed[ 0 ] as Filed;
		await move( requestUtils, rita, 'approved' );
		await requestUtils.rest( {
			method: 'POST',
			path: `/aftercare/v1/returns/${ rita.id }/messages`,
			data: {
				body: 'Sorry about the seam, Rita! Please send the shirt back with the label we emailed.',
			},
		} );
		await openReturn( page, rita );
		await expect( page.locator( '.aftercare-message' ) ).toHaveCount( 2 );
		await expect(
			page.locator( '.aftercare-return__photos img' )
		).not.toHaveJSProperty( 'naturalWidth', 0 );
		await expect( page.locator( '.aftercare-timeline li' ) ).toHaveCount(
			2
		);
		await page.screenshot( {
			path: screenshot( 'return-screen.png' ),
			fullPage: true,
		} );
	} );
} );
