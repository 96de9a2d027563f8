/**
 * Internal dependencies
 */
import { actions, reducer, selectors } from '..';
import type { AftercareHelpReports } from '../../../api';

const report = { days: 7 } as AftercareHelpReports;

describe( 'help-reports store', () => {
	it( 'keeps a report per period and forgets the period’s earlier error', () => {
		let state = reducer(
			undefined,
			actions.receiveHelpReportError( 7, 'Nope' )
		);
		expect( selectors.getHelpReportError( state, 7 ) ).toBe( 'Nope' );
		state = reducer( state, actions.receiveHelpReport( 7, report ) );
		expect( selectors.getHelpReport( state, 7 ) ).toBe( report );
		expect( selectors.getHelpReportError( state, 7 ) ).toBeNull();
		expect( selectors.getHelpReport( state, 30 ) ).toBeNull();
	} );
} );
