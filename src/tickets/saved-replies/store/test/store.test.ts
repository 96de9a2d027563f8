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

jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );

const mockApiFetch = apiFetch as unknown as jest.Mock;

const refund = {
	id: 1,
	title: 'Refund',
	body: '<p>Done</p>',
	updated: '2026-11-30T10:00:00Z',
};
const apology = {
	id: 2,
	title: 'Apology',
	body: '<p>Sorry</p>',
	updated: '2026-11-30T10:00:00Z',
};

async function setup() {
	const registry = createRegistry();
	registry.register( noticesStore );
	registry.register( store );
	mockApiFetch.mockResolvedValueOnce( [ refund, apology ] );
	await registry.resolveSelect( store ).getSavedReplies();
	return registry;
}

describe( 'saved replies store', () => {
	beforeEach( () => mockApiFetch.mockReset() );

	it( 'lists saved replies by title', async () => {
		const registry = await setup();
		expect(
			registry
				.select( store )
				.getSavedReplies()
				?.map( ( r ) => r.title )
		).toEqual( [ 'Apology', 'Refund' ] );
	} );

	it( 'creates with POST and updates with PUT', async () => {
		const registry = await setup();
		mockApiFetch.mockResolvedValueOnce( {
			...refund,
			id: 3,
			title: 'Tracking',
		} );
		await registry.dispatch( store ).saveSavedReply( {
			title: 'Tracking',
			body: '<p>{tracking_link}</p>',
		} );
		expect( mockApiFetch ).toHaveBeenLastCalledWith( {
			path: '/aftercare/v1/saved-replies?context=edit',
			method: 'POST',
			data: { title: 'Tracking', body: '<p>{tracking_link}</p>' },
		} );

		mockApiFetch.mockResolvedValueOnce( {
			...refund,
			title: 'Refund sent',
		} );
		await registry.dispatch( store ).saveSavedReply( {
			id: 1,
			title: 'Refund sent',
			body: '<p>Done</p>',
		} );
		expect( mockApiFetch ).toHaveBeenLastCalledWith( {
			path: '/aftercare/v1/saved-replies/1?context=edit',
			method: 'PUT',
			data: { title: 'Refund sent', body: '<p>Done</p>' },
		} );
		expect(
			registry
				.select( store )
				.getSavedReplies()
				?.map( ( r ) => r.title )
		).toEqual( [ 'Apology', 'Refund sent', 'Tracking' ] );
	} );

	it( 'deletes at once and puts the reply back when the server refuses', async () => {
		const registry = await setup();
		let refuse: ( reason: unknown ) => void = () => {};
		mockApiFetch.mockReturnValueOnce(
			new Promise( ( _, reject ) => ( refuse = reject ) )
		);

		const deleting = registry.dispatch( store ).deleteSavedReply( 1 );
		expect(
			registry
				.select( store )
				.getSavedReplies()
				?.map( ( r ) => r.id )
		).toEqual( [ 2 ] );

		refuse( {
			code: 'rest_forbidden',
			message: 'Sorry, you are not allowed to do that.',
		} );
		await expect( deleting ).resolves.toBe( false );
		expect(
			registry
				.select( store )
				.getSavedReplies()
				?.map( ( r ) => r.id )
		).toEqual( [ 2, 1 ] );
		expect(
			registry.select( noticesStore ).getNotices()[ 0 ]?.content
		).toBe( 'Sorry, you are not allowed to do that.' );
	} );

	it( 'renders a reply for a ticket through the server', async () => {
		const registry = await setup();
		mockApiFetch.mockResolvedValueOnce( { body: '<p>Hello Gwen</p>' } );
		await expect(
			registry.dispatch( store ).renderSavedReply( 1, 7 )
		).resolves.toBe( '<p>Hello Gwen</p>' );
		expect( mockApiFetch ).toHaveBeenLastCalledWith( {
			path: '/aftercare/v1/saved-replies/1/render',
			method: 'POST',
			data: { ticket_id: 7 },
		} );
	} );
} );
