/**
 * Client for the order routes agents read beside a ticket or a return: the
 * order (lines, money, refunds, tracking), its timeline page by page, and
 * which lines can be returned. Only the orders store calls these functions.
 */
import apiFetch from '@wordpress/api-fetch';
import { addQueryArgs } from '@wordpress/url';

/**
 * Internal dependencies
 */
import { NAMESPACE } from '../api/client';
import type {
	AftercareOrder,
	AftercareOrderTimeline,
	AftercareReturnEligibility,
} from '../api/types';

export const ORDERS_PATH = `${ NAMESPACE }/orders`;

/** Events of an order's timeline per page. */
export const TIMELINE_PER_PAGE = 20;

export type OrderTimelineEvent = AftercareOrderTimeline;

export interface OrderTimelinePage {
	events: OrderTimelineEvent[];
	total: number;
}

export function fetchOrder( orderId: number ): Promise< AftercareOrder > {
	return apiFetch< AftercareOrder >( {
		path: `${ ORDERS_PATH }/${ orderId }`,
	} );
}

/**
 * One page of an order's timeline, oldest first.
 *
 * @param orderId The order.
 * @param page    Page number, from 1.
 * @return The events and how many there are in all.
 */
export async function fetchOrderTimeline(
	orderId: number,
	page: number
): Promise< OrderTimelinePage > {
	const response = await apiFetch< Response, false >( {
		path: addQueryArgs( `${ ORDERS_PATH }/${ orderId }/timeline`, {
			page,
			per_page: TIMELINE_PER_PAGE,
		} ),
		parse: false,
	} );
	const events = ( await response.json() ) as OrderTimelineEvent[];
	return {
		events,
		total: Number( response.headers.get( 'X-WP-Total' ) ?? events.length ),
	};
}

export function fetchReturnEligibility(
	orderId: number
): Promise< AftercareReturnEligibility > {
	return apiFetch< AftercareReturnEligibility >( {
		path: addQueryArgs( `${ NAMESPACE }/returns/eligibility`, {
			order_id: orderId,
		} ),
	} );
}
