/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';
import { createRegistry } from '@wordpress/data';
import { store as noticesStore } from '@wordpress/notices';

/**
 * Internal dependencies
 */
import { store } from '..';
import { store as ticketsStore } from '../../../tickets/store';
import { aReturn } from '../../test/fixtures/return';

jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );

const mockApiFetch = apiFetch as unknown as jest.Mock;

function setup() {
	const registry = createRegistry();
	registry.register( noticesStore );
	registry.register( ticketsStore );
	registry.register( store );
	return registry;
}

describe( 'returns store', () => {
	beforeEach( () => mockApiFetch.mockReset() );

	it( 'loads a queue page with its total, and reports a failure', async () => {
		mockApiFetch.mockResolvedValueOnce( {
			json: async () => [ aReturn() ],
			headers: {
				get: ( name: string ) =>
					name === 'X-WP-Total' ? '41' : null,
			},
		} );
		const registry = setup();
		const query = { status: [ 'requested' as const ], page: 3 };
		const page = await registry
			.resolveSelect( store )
			.getReturnsPage( query );
		expect( page?.total ).toBe( 41 );
		expect( page?.items.map( ( item ) => item.number ) ).toEqual( [
			'R-1007',
		] );
		expect( mockApiFetch.mock.calls[ 0 ][ 0 ].path ).toBe(
			'/aftercare/v1/returns?context=edit&status%5B0%5D=requested&page=3'
		);

		mockApiFetch.mockRejectedValueOnce( {
			code: 'rest_invalid_param',
			message: 'Invalid parameter(s): number',
		} );
		const other = { number: 'R-x' };
		await registry.resolveSelect( store ).getReturnsPage( other );
		expect( registry.select( store ).getReturnsError( other ) ).toBe(
			'Invalid parameter(s): number'
		);
	} );

	it( 'keeps the quote of a single read when a list brings the same return', async () => {
		const quote = { value: 54, fee: 5.4, max_credit: 54, currency: 'USD' };
		const registry = setup();
		mockApiFetch.mockResolvedValueOnce( aReturn( { quote } ) );
		await registry.resolveSelect( store ).getReturn( 7 );
		const { quote: _, ...listed } = aReturn( { status_label: 'Approved' } );
		mockApiFetch.mockResolvedValueOnce( {
			json: async () => [ listed ],
			headers: { get: () => '1' },
		} );
		await registry.resolveSelect( store ).getReturnsPage( {} );
		expect( registry.select( store ).getReturn( 7 ) ).toMatchObject( {
			status_label: 'Approved',
			quote,
		} );
	} );

	it( 'stores a changed return, or answers with the server’s refusal and reloads it', async () => {
		const registry = setup();
		mockApiFetch.mockResolvedValueOnce(
			aReturn( { status: 'received', status_label: 'Received' } )
		);
		const done = await registry
			.dispatch( store )
			.actOnReturn( 7, { action: 'receive', restock: true } );
		expect( done ).toBeNull();
		expect( registry.select( store ).getReturn( 7 )?.status ).toBe(
			'received'
		);
		expect( mockApiFetch.mock.calls[ 0 ][ 0 ] ).toEqual( {
			path: '/aftercare/v1/returns/7/actions',
			method: 'POST',
			data: { action: 'receive', restock: true },
		} );

		mockApiFetch.mockReset();
		mockApiFetch.mockImplementation( async ( { method } ) => {
			if ( method === 'PATCH' ) {
				throw {
					code: 'aftercare_invalid_transition',
					message:
						'A return that is “Closed” cannot become “Approved”.',
				};
			}
			return aReturn( { status: 'closed', status_label: 'Closed' } );
		} );
		const refused = await registry
			.dispatch( store )
			.moveReturn( 7, 'approved', '' );
		expect( refused ).toBe(
			'A return that is “Closed” cannot become “Approved”.'
		);
		await registry.resolveSelect( store ).getReturn( 7 );
		expect( registry.select( store ).getReturn( 7 )?.status ).toBe(
			'closed'
		);
	} );

	it( 'loads the counts per status and asks again after a change', async () => {
		const counts = {
			requested: 2,
			approved: 0,
			rejected: 1,
			awaiting_items: 0,
			received: 0,
			refunded: 0,
			credited: 0,
			exchanged: 0,
			closed: 0,
		};
		const registry = setup();
		mockApiFetch.mockResolvedValueOnce( counts );
		expect(
			await registry.resolveSelect( store ).getReturnCounts()
		).toEqual( counts );
		expect( mockApiFetch.mock.calls[ 0 ][ 0 ].path ).toBe(
			'/aftercare/v1/returns/counts'
		);
		mockApiFetch.mockResolvedValueOnce(
			aReturn( { status: 'approved', status_label: 'Approved' } )
		);
		await registry.dispatch( store ).moveReturn( 7, 'approved', '' );
		mockApiFetch.mockResolvedValueOnce( {
			...counts,
			requested: 1,
			approved: 1,
		} );
		expect(
			( await registry.resolveSelect( store ).getReturnCounts() )
				?.approved
		).toBe( 1 );
	} );
} );
