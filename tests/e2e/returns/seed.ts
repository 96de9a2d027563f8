/**
 * What the returns specs share: orders made in the test order source, the portal page.
 */
import type { RequestUtils } from '@wordpress/e2e-test-utils-playwright';

export const DAY = 86_400;
/** A real 1×1 PNG. */
export const PNG = Buffer.from(
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
	'base64'
);

export interface TestOrder {
	id: number;
	number: string;
	/** Line item ids, in order. */
	items: number[];
}

/**
 * A completed order (two days ago) in the test order source.
 *
 * @param requestUtils REST as the admin.
 * @param spec         Overrides (e.g. `customer`: a login).
 */
export async function makeOrder(
	requestUtils: RequestUtils,
	spec: Record< string, unknown > = {}
): Promise< TestOrder > {
	const now = Math.floor( Date.now() / 1000 );
	return ( await requestUtils.rest( {
		method: 'POST',
		path: '/aftercare-test/v1/orders',
		data: {
			status: 'completed',
			created: now - 6 * DAY,
			paid: now - 6 * DAY,
			completed: now - 2 * DAY,
			email: 'rita@example.test',
			name: 'Rita Returner',
			total: 68,
			currency: 'USD',
			items: [
				{ name: 'Linen shirt', quantity: 2, total: 40 },
				{ name: 'Canvas tote', quantity: 1, total: 14 },
				{
					name: 'Gift card',
					quantity: 1,
					total: 14,
					not_returnable: true,
				},
			],
			...spec,
		},
	} ) ) as TestOrder;
}

/**
 * A page with the returns block, set as the store's return portal.
 *
 * @param requestUtils REST as the admin.
 */
export async function makePortal(
	requestUtils: RequestUtils
): Promise< string > {
	const page = await requestUtils.createPage( {
		title: 'Returns',
		status: 'publish',
		content:
			'<!-- wp:paragraph --><p>Send something back.</p><!-- /wp:paragraph -->\n<!-- wp:aftercare/returns /-->',
	} );
	await requestUtils.rest( {
		method: 'POST',
		path: '/aftercare/v1/settings',
		data: { return_portal_page: page.id },
	} );
	return `/?page_id=${ page.id }`;
}
