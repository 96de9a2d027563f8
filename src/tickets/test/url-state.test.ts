/**
 * Internal dependencies
 */
import {
	argsFromState,
	changesResults,
	queryFromState,
	stateFromArgs,
} from '../url-state';

const FIELDS = [ 'status' ];

describe( 'queue URL state', () => {
	it( 'defaults to all open tickets, due first, page 1', () => {
		const state = stateFromArgs( {}, FIELDS );
		expect( state.queueView ).toBe( 'open' );
		expect( state.cursors ).toEqual( [] );
		expect( state.view ).toMatchObject( {
			type: 'table',
			search: '',
			filters: [],
			sort: { field: 'due', direction: 'asc' },
			page: 1,
			perPage: 25,
			fields: FIELDS,
		} );
		expect( argsFromState( state ) ).toEqual( {} );
		expect( queryFromState( state ) ).toEqual( {
			view: 'open',
			orderby: 'due',
			order: 'asc',
			per_page: 25,
		} );
	} );

	it( 'reads every filter, the search, the sort and the cursors, and writes them back', () => {
		const args = {
			view: 'mine',
			status: 'new,open',
			priority: 'urgent',
			channel: 'email',
			assignee: 'none',
			tag: 'refund',
			has_order: 'yes',
			s: 'crushed',
			orderby: 'priority',
			order: 'asc',
			per_page: '50',
			after: 'MTAwOjI.MjAwOjU',
		};
		const state = stateFromArgs( args, FIELDS );
		expect( state.view.page ).toBe( 3 );
		expect( argsFromState( state ) ).toEqual( args );
		expect( queryFromState( state ) ).toEqual( {
			view: 'mine',
			status: [ 'new', 'open' ],
			priority: [ 'urgent' ],
			channel: [ 'email' ],
			assignee: 'none',
			tag: 'refund',
			has_order: true,
			search: 'crushed',
			orderby: 'priority',
			order: 'asc',
			per_page: 50,
			cursor: 'MjAwOjU',
		} );
	} );

	it( 'falls back to defaults for anything it does not know', () => {
		const state = stateFromArgs(
			{
				view: 'everything',
				orderby: 'id; DROP TABLE',
				per_page: '5000',
				after: '<script>.ok_1',
			},
			FIELDS
		);
		expect( state.queueView ).toBe( 'open' );
		expect( state.view.sort ).toEqual( { field: 'due', direction: 'asc' } );
		expect( state.view.perPage ).toBe( 25 );
		expect( state.cursors ).toEqual( [ 'ok_1' ] );
	} );

	it( 'sorts updates and priority newest or highest first by default', () => {
		expect(
			stateFromArgs( { orderby: 'updated' }, FIELDS ).view.sort
		).toEqual( {
			field: 'updated',
			direction: 'desc',
		} );
	} );

	it( 'starts paging over when the results change, not when columns do', () => {
		const { view } = stateFromArgs( {}, FIELDS );
		expect(
			changesResults( view, { ...view, fields: [ 'priority' ] } )
		).toBe( false );
		expect( changesResults( view, { ...view, search: 'box' } ) ).toBe(
			true
		);
		expect(
			changesResults( view, {
				...view,
				filters: [
					{ field: 'status', operator: 'isAny', value: [ 'new' ] },
				],
			} )
		).toBe( true );
	} );
} );
