/**
 * External dependencies
 */
import { render, screen } from '@testing-library/react';

/**
 * Internal dependencies
 */
import { TrendChart, linePoints } from '../TrendChart';
import { niceMax } from '../chart';

describe( 'TrendChart', () => {
	it( 'rounds the axis up to 1, 2 or 5 times a power of ten', () => {
		expect( niceMax( 0 ) ).toBe( 1 );
		expect( niceMax( 3 ) ).toBe( 5 );
		expect( niceMax( 17 ) ).toBe( 20 );
		expect( niceMax( 100 ) ).toBe( 100 );
		expect( niceMax( 101 ) ).toBe( 200 );
	} );

	it( 'puts the first point left at the value and the last right', () => {
		expect( linePoints( [ 0, 10 ], 10 ) ).toEqual( [
			'56.0,172.0 628.0,12.0',
		] );
	} );

	it( 'leaves a gap where a day has no value, instead of drawing a zero', () => {
		const runs = linePoints( [ 5, 10, null, 10, 0 ], 10 );
		expect( runs ).toEqual( [
			'56.0,92.0 199.0,12.0',
			'485.0,12.0 628.0,172.0',
		] );
	} );

	it( 'is an image with a name, and its numbers are in a table for screen readers', () => {
		render(
			<TrendChart
				title="Searches per day"
				labels={ [ '2026-11-01', '2026-11-02', '2026-11-03' ] }
				series={ [
					{
						label: 'Minutes',
						color: '#000',
						values: [ 4, 90, null ],
					},
				] }
				format={ ( value ) => `${ value } min` }
			/>
		);
		expect(
			screen.getByRole( 'img', { name: 'Searches per day' } )
		).toBeInTheDocument();
		expect(
			screen.getByRole( 'row', { name: '2026-11-02 90 min' } )
		).toBeInTheDocument();
		expect(
			screen.getByRole( 'row', { name: '2026-11-03 –' } )
		).toBeInTheDocument();
	} );
} );
