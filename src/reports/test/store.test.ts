/**
 * Internal dependencies
 */
import { reducer, requestKey, selectors } from '../store';
import type { ReportsState } from '../store';
import type { Summary } from '../types';

const query = { from: '2026-11-06', to: '2026-12-05', compare: true };

describe( 'reports store', () => {
	it( 'keeps answers by period and comparison; the trend ignores the comparison', () => {
		expect( requestKey( 'summary', query ) ).not.toBe(
			requestKey( 'summary', { ...query, compare: false } )
		);
		expect( requestKey( 'trend', query ) ).toBe(
			requestKey( 'trend', { ...query, compare: false } )
		);
		expect( requestKey( 'breakdown', query, 'agent' ) ).not.toBe(
			requestKey( 'breakdown', query, 'tag' )
		);
	} );

	it( 'stores a summary under its query and forgets an error once it loads', () => {
		const summary = { period: { from: query.from } } as Summary;
		const key = requestKey( 'summary', query );
		let state = reducer( undefined, {
			type: 'RECEIVE_ERROR',
			key,
			message: 'The period is too long.',
		} );
		expect( selectors.getError( state, key ) ).toBe(
			'The period is too long.'
		);
		state = reducer( state, { type: 'RECEIVE_SUMMARY', key, summary } );
		state = reducer( state, { type: 'RECEIVE_ERROR', key, message: null } );
		expect( selectors.getSummary( state, query ) ).toBe( summary );
		expect( selectors.getError( state, key ) ).toBeNull();
		expect(
			selectors.getSummary( state as ReportsState, {
				...query,
				compare: false,
			} )
		).toBeNull();
	} );
} );
