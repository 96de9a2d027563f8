/**
 * Internal dependencies
 */
import type { ReturnStatus } from '../../api';
import { availableActions, buildRequest, initialForm } from '../return-actions';
import { aReturn } from './fixtures/return';

const labels = ( next: ReturnStatus[] ) =>
	availableActions( next ).map( ( action ) => action.label );

describe( 'return actions', () => {
	it( 'offers the actions leading to the statuses the server allows, in display order', () => {
		// `next_statuses` of a requested, an approved and a closed return.
		expect( labels( [ 'approved', 'rejected', 'closed' ] ) ).toEqual( [
			'Approve',
			'Reject',
			'Close return',
		] );
		expect(
			labels( [
				'awaiting_items',
				'received',
				'refunded',
				'credited',
				'exchanged',
				'rejected',
				'closed',
			] )
		).toEqual( [
			'Mark received',
			'Refund',
			'Give store credit',
			'Create exchange order',
			'Await the items',
			'Reject',
			'Close return',
		] );
		expect( labels( [] ) ).toEqual( [] );
	} );

	it( 'approves, rejects, awaits and closes through a status move with the message', () => {
		const item = aReturn();
		const form = { ...initialForm( item ), message: '  Send it back.  ' };
		expect( buildRequest( 'approve', form, item ) ).toEqual( {
			kind: 'move',
			status: 'approved',
			message: 'Send it back.',
		} );
		expect( buildRequest( 'reject', form, item ) ).toMatchObject( {
			status: 'rejected',
		} );
		expect( buildRequest( 'await', form, item ) ).toMatchObject( {
			status: 'awaiting_items',
		} );
		expect( buildRequest( 'close', initialForm( item ), item ) ).toEqual( {
			kind: 'move',
			status: 'closed',
			message: '',
		} );
	} );

	it( 'receives every item by default, or the chosen quantities, with restock', () => {
		const item = aReturn( { status: 'approved' } );
		expect( buildRequest( 'receive', initialForm( item ), item ) ).toEqual(
			{
				kind: 'act',
				input: {
					action: 'receive',
					items: { 11: 2, 12: 1 },
					restock: false,
				},
			}
		);
		const form = {
			...initialForm( item ),
			quantities: { 11: 1, 12: 0 },
			restock: true,
			message: 'Got one shirt.',
		};
		expect( buildRequest( 'receive', form, item ) ).toEqual( {
			kind: 'act',
			input: {
				action: 'receive',
				items: { 11: 1, 12: 0 },
				restock: true,
				message: 'Got one shirt.',
			},
		} );
	} );

	it( 'refuses impossible quantities before asking the server', () => {
		const item = aReturn( { status: 'approved' } );
		const form = initialForm( item );
		for ( const quantities of [
			{ 11: 3, 12: 1 },
			{ 11: -1, 12: 1 },
			{ 11: 1.5, 12: 1 },
			{ 11: NaN, 12: 1 },
		] ) {
			expect(
				buildRequest( 'receive', { ...form, quantities }, item )
			).toHaveProperty( 'error' );
		}
		expect(
			buildRequest(
				'receive',
				{ ...form, quantities: { 11: 0, 12: 0 } },
				item
			)
		).toEqual( { error: 'Record at least one item as received.' } );
	} );

	it( 'refunds with the policy fee unless one is typed, and restocks on request', () => {
		const item = aReturn( { status: 'received' } );
		const form = initialForm( item );
		expect( buildRequest( 'refund', form, item ) ).toEqual( {
			kind: 'act',
			input: { action: 'refund', restock: false },
		} );
		expect(
			buildRequest(
				'refund',
				{ ...form, fee: '2,50', restock: true },
				item
			)
		).toEqual( {
			kind: 'act',
			input: { action: 'refund', restock: true, fee: 2.5 },
		} );
		expect(
			buildRequest( 'refund', { ...form, fee: '0' }, item )
		).toMatchObject( { input: { fee: 0 } } );
		expect(
			buildRequest( 'refund', { ...form, fee: '-1' }, item )
		).toHaveProperty( 'error' );
		expect(
			buildRequest( 'refund', { ...form, fee: 'lots' }, item )
		).toHaveProperty( 'error' );
	} );

	it( 'gives store credit of the paid value unless an amount is typed', () => {
		const item = aReturn( { status: 'received' } );
		const form = initialForm( item );
		expect( buildRequest( 'credit', form, item ) ).toEqual( {
			kind: 'act',
			input: { action: 'credit' },
		} );
		expect(
			buildRequest( 'credit', { ...form, amount: '12.5' }, item )
		).toEqual( { kind: 'act', input: { action: 'credit', amount: 12.5 } } );
		expect(
			buildRequest( 'credit', { ...form, amount: '0' }, item )
		).toHaveProperty( 'error' );
	} );

	it( 'refuses store credit over the ceiling the server gives the agent', () => {
		const capped = aReturn( {
			status: 'received',
			quote: { value: 20, fee: 0, max_credit: 20, currency: 'EUR' },
		} );
		const form = initialForm( capped );
		expect(
			buildRequest( 'credit', { ...form, amount: '20' }, capped )
		).toEqual( { kind: 'act', input: { action: 'credit', amount: 20 } } );
		expect(
			buildRequest( 'credit', { ...form, amount: '20.01' }, capped )
		).toEqual( {
			error: 'Store credit cannot be more than what the items were paid (€20.00). A store manager can give more.',
		} );
		const manager = aReturn( {
			status: 'received',
			quote: { value: 20, fee: 0, max_credit: null, currency: 'EUR' },
		} );
		expect(
			buildRequest( 'credit', { ...form, amount: '50' }, manager )
		).toEqual( { kind: 'act', input: { action: 'credit', amount: 50 } } );
	} );

	it( 'creates an exchange with the message only', () => {
		const item = aReturn( { status: 'received' } );
		expect(
			buildRequest(
				'exchange',
				{ ...initialForm( item ), message: 'On its way.' },
				item
			)
		).toEqual( {
			kind: 'act',
			input: { action: 'exchange', message: 'On its way.' },
		} );
	} );
} );
