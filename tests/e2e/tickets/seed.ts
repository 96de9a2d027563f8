/**
 * Test data for the admin ticket specs, made through the REST API as the admin (an agent
 * creating tickets on customers' behalf), each run with its own token in every subject so the
 * specs can narrow the queue to their own tickets with a search.
 */
import type { RequestUtils } from '@wordpress/e2e-test-utils-playwright';

export interface SeededTicket {
	id: number;
	number: number;
	subject: string;
}

export interface TicketSeed {
	subject: string;
	priority?: 'low' | 'normal' | 'high' | 'urgent';
	status?: string;
	tags?: string[];
	assignee_id?: number;
	customer_id?: number;
	customer_email?: string;
	customer_name?: string;
	channel?: 'phone' | 'email' | 'admin';
	order_id?: number;
	message?: string;
}

/**
 * A token unique to this run, e.g. `qa7f3k`.
 *
 * @param prefix Two letters naming the spec.
 * @return The token.
 */
export function runToken( prefix: string ): string {
	return prefix + Math.random().toString( 36 ).slice( 2, 8 );
}

/**
 * Creates tickets, one request each, in order.
 *
 * @param requestUtils The admin's REST client.
 * @param seeds        The tickets.
 * @return The created tickets, in the same order.
 */
export async function seedTickets(
	requestUtils: RequestUtils,
	seeds: TicketSeed[]
): Promise< SeededTicket[] > {
	const created: SeededTicket[] = [];
	for ( const seed of seeds ) {
		const ticket = ( await requestUtils.rest( {
			method: 'POST',
			path: '/aftercare/v1/tickets',
			data: {
				channel: 'phone',
				customer_email: 'gwen@example.test',
				customer_name: 'Gwen Guest',
				message: 'The parcel arrived crushed.',
				idempotency_key: `e2e${ Math.random().toString( 36 ).slice( 2, 14 ) }`,
				...seed,
			},
		} ) ) as SeededTicket;
		created.push( ticket );
	}
	return created;
}

/**
 * A user's id by login.
 *
 * @param requestUtils The admin's REST client.
 * @param login        The login.
 * @return The user id.
 */
export async function userId(
	requestUtils: RequestUtils,
	login: string
): Promise< number > {
	const users = ( await requestUtils.rest( {
		path: '/wp/v2/users',
		params: { search: login, context: 'edit' },
	} ) ) as Array< { id: number; username: string } >;
	const user = users.find( ( u ) => u.username === login );
	if ( ! user ) {
		throw new Error( `No user ${ login }` );
	}
	return user.id;
}

/**
 * Creates one ticket.
 *
 * @param requestUtils The admin's REST client.
 * @param seed         The ticket.
 * @return The created ticket.
 */
export async function seedTicket(
	requestUtils: RequestUtils,
	seed: TicketSeed
): Promise< SeededTicket > {
	const [ ticket ] = await seedTickets( requestUtils, [ seed ] );
	if ( ! ticket ) {
		throw new Error( `Could not create ${ seed.subject }` );
	}
	return ticket;
}
