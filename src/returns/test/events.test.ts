/**
 * Internal dependencies
 */
import type { ReturnEvent } from '../../api';
import { describeReturnEvent } from '../events';
import { aReturn } from './fixtures/return';

const credit = ( data: Record< string, unknown > ) =>
	describeReturnEvent(
		{
			id: 1,
			type: 'credit',
			actor: { id: 3, name: 'Sam Manager' },
			data,
			created: '2026-11-28T10:00:00Z',
		} as ReturnEvent,
		aReturn(),
		( value ) => value.toFixed( 2 )
	);

describe( 'return timeline', () => {
	it( 'says when store credit went over what the items were paid', () => {
		expect( credit( { amount: 50, value: 20, coupon: 'AC-1' } ) ).toBe(
			'Store credit of 50.00 issued as coupon AC-1, more than the items were paid (20.00)'
		);
		expect( credit( { amount: 20, value: 20, coupon: 'AC-2' } ) ).toBe(
			'Store credit of 20.00 issued as coupon AC-2'
		);
		expect( credit( { amount: 12, coupon: 'AC-3' } ) ).toBe(
			'Store credit of 12.00 issued as coupon AC-3'
		);
	} );

	it( 'says how easy the customer found returning, with their comment', () => {
		expect(
			describeReturnEvent(
				{
					id: 2,
					type: 'effort',
					actor: { id: 0, name: '' },
					data: { from: null, to: 4, comment: 'Easy label.' },
					created: '2026-11-28T10:00:00Z',
				} as ReturnEvent,
				aReturn()
			)
		).toBe( 'Customer effort: 4 – Easy — Easy label.' );
	} );
} );
