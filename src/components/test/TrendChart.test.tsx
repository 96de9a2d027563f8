/**
 * External dependencies
 */
import { render, screen } from '@testing-library/react';

/**
 * Internal dependencies
 */
import { TrendChart, linePoints, niceMax } from '../TrendChart';

describe( 'TrendChart', () => {
	it( 'rounds the axis up to 1, 2 or 5 times a power of ten', () => {
		expect( niceMax( 0 ) ).toBe( 1 );
		expect( niceMax( 3 ) ).toBe( 5 );
		expect( niceMax( 17 ) ).toBe( 20 );
		expect( niceMax( 100 ) ).toBe( 100 );
		expect( niceMax( 101 ) ).toBe( 200 );
	} );

	it( 'puts the first point left at the value and the last right', () => {
		const points = linePoints( [ 0, 10 ], 10 ).split( ' ' );
		expect( points ).toEqual( [ '36.0,172.0', '628.0,12.0' ] );
	} );

	it( 'is an image with a name, and its numbers are in a table for screen readers', () => {
		render(
			<TrendChart
				title="Searches per day"
				labels={ [ '2026-11-01', '2026-11-02' ] }
				series={ [
					{ label: 'Searches', color: '#000', values: [ 4, 9 ] },
				] }
			/>
		);
		expect(
			screen.getByRole( 'img', { name: 'Searches per day' } )
		).toBeInTheDocument();
		expect(
			screen.getByRole( 'row', { name: '2026-11-02 9' } )
		).toBeInTheDocument();
	} );
} );
