/**
 * External dependencies
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';

/**
 * Internal dependencies
 */
import type {
	AftercareReturnPolicySimulation,
	AftercareSettings,
} from '../../api/types';
import { PolicySimulator } from '../PolicySimulator';
import { MAX_LINES, addBatch, policyOf } from '../simulation';

jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );

const mockApiFetch = apiFetch as unknown as jest.Mock;

const SETTINGS = {
	order_lookup_keys: 'email',
	return_window_days: 14,
	return_exclude_sale_items: true,
} as unknown as AftercareSettings;

type Line = AftercareReturnPolicySimulation[ 'lines' ][ number ];

function line( id: number, changed: boolean, name = `Item ${ id }` ): Line {
	return {
		order_id: 100 + id,
		order_number: String( 1000 + id ),
		order_date: '2026-11-20T10:00:00Z',
		item_id: id,
		product_id: 50,
		name,
		quantity: 1,
		current: { returnable: 1, reason: '' },
		proposed: changed
			? {
					returnable: 0,
					reason: 'Completed 20 days ago; returns are accepted for 14 days.',
				}
			: { returnable: 1, reason: '' },
		changed,
	};
}

function batch(
	overrides: Partial< AftercareReturnPolicySimulation >
): AftercareReturnPolicySimulation {
	return {
		from: '2026-09-01T00:00:00Z',
		to: '2026-11-30T00:00:00Z',
		total: null,
		orders: 0,
		current: { orders: 0, lines: 0 },
		proposed: { orders: 0, lines: 0 },
		lines: [],
		next_cursor: null,
		...overrides,
	};
}

describe( 'simulation', () => {
	it( 'sends only the return policy of the edited settings', () => {
		expect( policyOf( SETTINGS ) ).toEqual( {
			return_window_days: 14,
			return_exclude_sale_items: true,
		} );
	} );

	it( 'adds batches up and keeps at most MAX_LINES lines of each kind', () => {
		const many = Array.from( { length: MAX_LINES + 2 }, ( _, i ) =>
			line( i, i % 2 === 0 )
		);
		const first = addBatch(
			null,
			batch( {
				total: 5,
				orders: 3,
				current: { orders: 3, lines: 4 },
				proposed: { orders: 1, lines: 1 },
				lines: many,
			} )
		);
		const both = addBatch(
			first,
			batch( {
				orders: 2,
				current: { orders: 1, lines: 2 },
				proposed: { orders: 0, lines: 0 },
				lines: [ line( 99999, true ) ],
			} )
		);
		expect( both.total ).toBe( 5 );
		expect( both.checked ).toBe( 5 );
		expect( both.current ).toEqual( { orders: 4, lines: 6 } );
		expect( both.proposed ).toEqual( { orders: 1, lines: 1 } );
		expect( both.lines.filter( ( l ) => l.changed ) ).toHaveLength(
			( MAX_LINES + 2 ) / 2 + 1
		);
		expect( both.truncated ).toBe( false );
		const full = addBatch(
			both,
			batch( {
				lines: Array.from( { length: MAX_LINES }, ( _, i ) =>
					line( 200000 + i, true )
				),
			} )
		);
		expect( full.lines.filter( ( l ) => l.changed ) ).toHaveLength(
			MAX_LINES
		);
		expect( full.truncated ).toBe( true );
	} );
} );

describe( 'PolicySimulator', () => {
	beforeEach( () => mockApiFetch.mockReset() );

	it( 'walks the cursor with the edited policy, shows progress, then the counts and the lines', async () => {
		let release: () => void = () => {};
		const held = new Promise< void >(
			( resolve ) => ( release = resolve )
		);
		mockApiFetch
			.mockResolvedValueOnce(
				batch( {
					total: 3,
					orders: 2,
					current: { orders: 2, lines: 2 },
					proposed: { orders: 1, lines: 1 },
					lines: [
						line( 1, true, 'Wool sweater' ),
						line( 2, false, 'Canvas tote' ),
					],
					next_cursor: 'c1',
				} )
			)
			.mockImplementationOnce( async () => {
				await held;
				return batch( {
					orders: 1,
					current: { orders: 1, lines: 1 },
					proposed: { orders: 0, lines: 0 },
					lines: [ line( 3, true, 'Ceramic mug' ) ],
				} );
			} );
		render( <PolicySimulator settings={ SETTINGS } /> );

		await userEvent.selectOptions(
			screen.getByLabelText( 'Orders placed in' ),
			'30'
		);
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Simulate' } )
		);

		expect(
			await screen.findByText( 'Checked 2 of 3 orders…' )
		).toBeInTheDocument();
		expect(
			screen.getByRole( 'progressbar', { name: 'Simulation progress' } )
		).toHaveAttribute( 'value', '2' );
		release();
		expect(
			await screen.findByText( 'Checked 3 orders.' )
		).toBeInTheDocument();

		expect( mockApiFetch ).toHaveBeenNthCalledWith( 1, {
			path: '/aftercare/v1/returns/policy/simulate',
			method: 'POST',
			data: {
				return_window_days: 14,
				return_exclude_sale_items: true,
				per_page: 250,
				days: 30,
			},
			signal: expect.any( AbortSignal ),
		} );
		expect( mockApiFetch.mock.calls[ 1 ][ 0 ].data ).toEqual( {
			return_window_days: 14,
			return_exclude_sale_items: true,
			per_page: 250,
			cursor: 'c1',
		} );

		const summary = screen.getByRole( 'table', { name: /Returnable now/ } );
		expect(
			within( summary ).getByRole( 'row', {
				name: 'Saved policy 3 of 3 3',
			} )
		).toBeInTheDocument();
		expect(
			within( summary ).getByRole( 'row', {
				name: 'Edited policy 1 of 3 1',
			} )
		).toBeInTheDocument();

		// Only the lines the change affects, until the filter is off.
		expect( screen.getByText( 'Wool sweater' ) ).toBeInTheDocument();
		expect( screen.getByText( 'Ceramic mug' ) ).toBeInTheDocument();
		expect( screen.queryByText( 'Canvas tote' ) ).not.toBeInTheDocument();
		expect(
			screen.getAllByText(
				'Completed 20 days ago; returns are accepted for 14 days.'
			)
		).toHaveLength( 2 );
		await userEvent.click(
			screen.getByRole( 'checkbox', {
				name: 'Only lines the change affects',
			} )
		);
		expect( screen.getByText( 'Canvas tote' ) ).toBeInTheDocument();
	} );

	it( 'says what the server refused in its own words', async () => {
		mockApiFetch.mockRejectedValueOnce( {
			code: 'rest_invalid_param',
			message: 'Invalid parameter(s): return_window_days',
		} );
		render( <PolicySimulator settings={ SETTINGS } /> );

		await userEvent.click(
			screen.getByRole( 'button', { name: 'Simulate' } )
		);

		await waitFor( () =>
			expect(
				screen.getByText(
					/Invalid parameter\(s\): return_window_days/,
					{
						selector: '.components-notice__content',
					}
				)
			).toBeInTheDocument()
		);
		expect(
			screen.getByRole( 'button', { name: 'Simulate' } )
		).toBeEnabled();
	} );
} );
