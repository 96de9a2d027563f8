/**
 * External dependencies
 */
import { render, screen } from '@testing-library/react';

/**
 * Internal dependencies
 */
import { BarChart, column } from '../BarChart';

describe( 'BarChart', () => {
	it( 'shares a group between its series and stands columns on the axis', () => {
		// Plot 572 wide: two groups of 286, the columns 80% of that, side by side.
		expect( column( 0, 2, 0, 2, 10, 10 ) ).toEqual( {
			x: 56 + 28.6,
			y: 12,
			width: 114.4,
			height: 160,
		} );
		const second = column( 1, 2, 1, 2, 5, 10 );
		expect( second.x ).toBeCloseTo( 56 + 286 + 28.6 + 114.4 );
		expect( second.height ).toBe( 80 );
	} );

	it( 'is a named image, names each column on hover, and has its numbers in a table', () => {
		const { container } = render(
			<BarChart
				title="Time to first response"
				heading="Business time"
				labels={ [ '0–5 min', '5–10 min' ] }
				series={ [
					{ label: 'Tickets', color: '#000', values: [ 3, 0 ] },
					{
						label: 'Previous period',
						color: '#777',
						values: [ 1, 2 ],
					},
				] }
			/>
		);
		expect(
			screen.getByRole( 'img', { name: 'Time to first response' } )
		).toBeInTheDocument();
		// No column for a zero.
		expect( container.querySelectorAll( 'rect' ) ).toHaveLength( 3 );
		expect( container.querySelector( 'rect title' )?.textContent ).toBe(
			'0–5 min, Tickets: 3'
		);
		expect(
			screen.getByRole( 'row', { name: '5–10 min 0 2' } )
		).toBeInTheDocument();
	} );
} );
