/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';
import { createRegistry } from '@wordpress/data';
import { store as noticesStore } from '@wordpress/notices';

/**
 * Internal dependencies
 */
import { queryKey, store } from '..';
import { aTicket } from './fixtures/ticket';

jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );

const mockApiFetch = apiFetch as unknown as jest.Mock;

function setup() {
	const registry = createRegistry();
	registry.register( noticesStore );
	registry.register( store );
	return registry;
}

/**
 * What apiFetch resolves with for `parse: false`: a Response-like object.
 *
 * @param body    JSON body.
 * @param headers Response headers.
 * @return The response.
 */
function response( body: unknown, headers: Record< string, string > ) {
	return {
		json: async () => body,
		headers: { get: ( name: string ) => headers[ name ] ?? null },
	};
}

describe( 'queryKey', () => {
	it( 'ignores key order, list order and empty values', () => {
		expect(
			queryKey( { view: 'open', status: [ 'new', 'open' ], search: '' } )
		).toBe(
			queryKey( {
				status: [ 'open', 'new' ],
				view: 'open',
				tag: undefined,
			} )
		);
		expect( queryKey( { view: 'open' } ) ).not.toBe(
			queryKey( { view: 'mine' } )
		);
	} );
} );

describe( 'tickets store: queue', () => {
	beforeEach( () => mockApiFetch.mockReset() );

	it( 'loads a page with its total and next cursor, in the edit context', async () => {
		mockApiFetch.mockResolvedValue(
			response( [ aTicket(), aTicket( { id: 2, number: 1002 } ) ], {
				'X-WP-Total': '7',
				'X-Aftercare-Next-Cursor': 'MTAwOjI',
			} )
		);
		const registry = setup();
		const query = {
			view: 'open' as const,
			status: [ 'new' as const ],
			per_page: 2,
		};

		const page = await registry
			.resolveSelect( store )
			.getQueuePage( query );

		expect( mockApiFetch ).toHaveBeenCalledWith( {
			path: '/aftercare/v1/tickets?context=edit&view=open&status%5B0%5D=new&per_page=2',
			parse: false,
		} );
		expect( page?.items.map( ( t ) => t.id ) ).toEqual( [ 1, 2 ] );
		expect( page?.total ).toBe( 7 );
		expect( page?.nextCursor ).toBe( 'MTAwOjI' );
		// The tickets are shared with the ticket screen.
		expect( registry.select( store ).getTicket( 2 )?.number ).toBe( 1002 );
	} );

	it( 'keeps the error of a page that failed', async () => {
		mockApiFetch.mockRejectedValue( {
			code: 'rest_invalid_param',
			message: 'Invalid parameter(s): orderby',
		} );
		const registry = setup();

		await registry.resolveSelect( store ).getQueuePage( { view: 'open' } );

		expect(
			registry.select( store ).getQueuePage( { view: 'open' } )
		).toBeNull();
		expect(
			registry.select( store ).getQueueError( { view: 'open' } )
		).toBe( 'Invalid parameter(s): orderby' );
	} );

	it( 'sends the cursor of the page asked for', async () => {
		mockApiFetch.mockResolvedValue( response( [], { 'X-WP-Total': '0' } ) );
		const registry = setup();

		await registry
			.resolveSelect( store )
			.getQueuePage( { view: 'mine', cursor: 'abc' } );

		expect( mockApiFetch.mock.calls[ 0 ][ 0 ].path ).toContain(
			'cursor=abc'
		);
	} );
} );

describe( 'tickets store: changes', () => {
	beforeEach( () => mockApiFetch.mockReset() );

	it( 'shows a change at once and keeps what the server answers', async () => {
		const registry = setup();
		registry.dispatch( store ).receiveTickets( [ aTicket() ] );
		let answer: ( value: unknown ) => void = () => {};
		mockApiFetch.mockReturnValue(
			new Promise( ( resolve ) => ( answer = resolve ) )
		);

		const saving = registry
			.dispatch( store )
			.updateTickets( [ 1 ], { status: 'solved' } );

		// Optimistic: before the server answered.
		expect( registry.select( store ).getTicket( 1 )?.status ).toBe(
			'solved'
		);
		expect( mockApiFetch ).toHaveBeenCalledWith( {
			path: '/aftercare/v1/tickets/1?context=edit',
			method: 'PATCH',
			data: { status: 'solved' },
		} );
		answer(
			aTicket( { status: 'solved', solved: '2026-11-30T11:00:00Z' } )
		);
		await expect( saving ).resolves.toBe( true );
		expect( registry.select( store ).getTicket( 1 )?.solved ).toBe(
			'2026-11-30T11:00:00Z'
		);
	} );

	it( 'undoes a change the server refuses and says why', async () => {
		const registry = setup();
		registry
			.dispatch( store )
			.receiveTickets( [
				aTicket( { priority: 'low' } ),
				aTicket( { id: 2, priority: 'high' } ),
			] );
		mockApiFetch.mockRejectedValue( {
			code: 'aftercare_forbidden',
			message: 'You cannot change these tickets.',
		} );

		const saved = await registry
			.dispatch( store )
			.updateTickets( [ 1, 2 ], { priority: 'urgent' } );

		expect( saved ).toBe( false );
		expect( mockApiFetch ).toHaveBeenCalledWith( {
			path: '/aftercare/v1/tickets/batch',
			method: 'POST',
			data: { ids: [ 1, 2 ], changes: { priority: 'urgent' } },
		} );
		expect( registry.select( store ).getTicket( 1 )?.priority ).toBe(
			'low'
		);
		expect( registry.select( store ).getTicket( 2 )?.priority ).toBe(
			'high'
		);
		const notices = registry.select( noticesStore ).getNotices();
		expect( notices.map( ( n ) => n.content ) ).toEqual( [
			'The change was not saved: You cannot change these tickets.',
		] );
	} );

	it( 'clears the assignee name when a ticket is unassigned', async () => {
		const registry = setup();
		registry
			.dispatch( store )
			.receiveTickets( [
				aTicket( { assignee_id: 3, assignee_name: 'Ana' } ),
			] );
		mockApiFetch.mockReturnValue( new Promise( () => {} ) );

		void registry
			.dispatch( store )
			.updateTickets( [ 1 ], { assignee_id: null } );

		expect( registry.select( store ).getTicket( 1 ) ).toMatchObject( {
			assignee_id: null,
			assignee_name: null,
		} );
	} );

	it( 'adds a sent reply to the thread and tracks sending', async () => {
		const registry = setup();
		mockApiFetch.mockImplementation(
			async ( { path }: { path: string } ) =>
				path.includes( '/messages' ) &&
				! path.includes( 'context=edit&' )
					? []
					: aTicket()
		);
		await registry.resolveSelect( store ).getMessages( 1 );
		const message = {
			id: 9,
			ticket_id: 1,
			type: 'reply' as const,
			author: { id: 1, name: 'Ana', role: 'agent' as const },
			body: '<p>Hi</p>',
			created: '2026-11-30T11:00:00Z',
			attachments: [],
		};
		mockApiFetch.mockResolvedValue( message );

		const sending = registry
			.dispatch( store )
			.sendMessage( 1, { type: 'reply', body: '<p>Hi</p>', files: [] } );
		expect( registry.select( store ).getSendProgress( 1 ) ).toBe( 0 );
		await expect( sending ).resolves.toEqual( message );

		expect( registry.select( store ).getSendProgress( 1 ) ).toBeNull();
		expect( registry.select( store ).getMessages( 1 ) ).toEqual( [
			message,
		] );
	} );

	it( 'forgets who else is on a ticket when the heartbeat fails', async () => {
		const registry = setup();
		mockApiFetch.mockResolvedValueOnce( {
			ticket_id: 1,
			ttl: 60,
			others: [ { user_id: 2, name: 'Ben', state: 'replying' } ],
		} );
		await registry.dispatch( store ).heartbeat( 1, 'viewing' );
		expect( mockApiFetch ).toHaveBeenCalledWith( {
			path: '/aftercare/v1/tickets/1/presence',
			method: 'POST',
			data: { state: 'viewing' },
		} );
		expect( registry.select( store ).getPresence( 1 ) ).toHaveLength( 1 );

		mockApiFetch.mockRejectedValueOnce( {
			code: 'fetch_error',
			message: '',
		} );
		await registry.dispatch( store ).heartbeat( 1, 'viewing' );
		expect( registry.select( store ).getPresence( 1 ) ).toEqual( [] );
	} );
} );
