/**
 * Internal dependencies
 */
import { addDays, periodFromArgs } from '../period';

describe( 'periodFromArgs', () => {
	const today = '2026-12-05';

	it( 'moves across months and leap days', () => {
		expect( addDays( '2026-03-01', -1 ) ).toBe( '2026-02-28' );
		expect( addDays( '2028-03-01', -1 ) ).toBe( '2028-02-29' );
		expect( addDays( '2026-12-31', 1 ) ).toBe( '2027-01-01' );
	} );

	it( 'is the last 30 days, compared, when nothing is asked', () => {
		expect( periodFromArgs( {}, today ) ).toEqual( {
			preset: 30,
			query: { from: '2026-11-06', to: today, compare: true },
		} );
	} );

	it( 'ends a preset today, the day included', () => {
		expect( periodFromArgs( { days: '7', compare: '0' }, today ) ).toEqual(
			{
				preset: 7,
				query: { from: '2026-11-29', to: today, compare: false },
			}
		);
		expect( periodFromArgs( { days: '90' }, today ).query.from ).toBe(
			'2026-09-07'
		);
	} );

	it( 'takes a custom period as it is, and an unknown preset as 30 days', () => {
		expect(
			periodFromArgs( { from: '2026-01-01', to: '2026-01-31' }, today )
		).toEqual( {
			preset: 'custom',
			query: { from: '2026-01-01', to: '2026-01-31', compare: true },
		} );
		expect( periodFromArgs( { days: '12' }, today ).preset ).toBe( 30 );
	} );
} );
