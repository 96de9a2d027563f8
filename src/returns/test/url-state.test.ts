/**
 * Internal dependencies
 */
import {
	argsFromView,
	changesResults,
	isReturnNumber,
	queryFromView,
	viewFromArgs,
} from '../url-state';

const FIELDS = [ 'status' ];

describe( 'returns queue URL state', () => {
	it( 'defaults to every return, last change first, page 1', () => {
		const view = viewFromArgs( {}, FIELDS );
		expect( view ).toMatchObject( {
			type: 'table',
			search: '',
			filters: [],
			sort: { field: 'updated', direction: 'desc' },
			page: 1,
			perPage: 20,
			fields: FIELDS,
			titleField: 'number',
		} );
		expect( argsFromView( view ) ).toEqual( {} );
		expect( queryFromView( view ) ).toEqual( {
			orderby: 'updated',
			order: 'desc',
			page: 1,
			per_page: 20,
		} );
	} );

	it( 'reads every filter, the search, the sort and the page, and writes them back', () => {
		const args = {
			status: 'requested,awaiting_items',
			reason: 'size',
			outcome: 'store_credit',
			from: '2026-11-01',
			to: '2026-11-30',
			s: 'r-1001',
			orderby: 'created',
			order: 'asc',
			per_page: '50',
			paged: '3',
		};
		const view = viewFromArgs( args, FIELDS );
		expect( view.filters ).toEqual( [
			{
				field: 'status',
				operator: 'isAny',
				value: [ 'requested', 'awaiting_items' ],
			},
			{ field: 'reason', operator: 'is', value: 'size' },
			{ field: 'outcome', operator: 'is', value: 'store_credit' },
			{
				field: 'created',
				operator: 'between',
				value: [ '2026-11-01', '2026-11-30' ],
			},
		] );
		expect( argsFromView( view ) ).toEqual( args );
		expect( queryFromView( view ) ).toEqual( {
			status: [ 'requested', 'awaiting_items' ],
			reason: 'size',
			outcome: 'store_credit',
			number: 'R-1001',
			// The whole of the last day is included.
			after: '2026-11-01T00:00:00',
			before: '2026-12-01T00:00:00',
			orderby: 'created',
			order: 'asc',
			page: 3,
			per_page: 50,
		} );
	} );

	it( 'maps one-sided dates to whole days', () => {
		const after = viewFromArgs( { after: '2026-02-28' }, FIELDS );
		expect( after.filters ).toEqual( [
			{ field: 'created', operator: 'after', value: '2026-02-28' },
		] );
		expect( queryFromView( after ).after ).toBe( '2026-03-01T00:00:00' );
		expect( queryFromView( after ).before ).toBeUndefined();
		expect( argsFromView( after ) ).toEqual( { after: '2026-02-28' } );

		const before = viewFromArgs( { before: '2026-12-31' }, FIELDS );
		expect( queryFromView( before ).before ).toBe( '2026-12-31T00:00:00' );
		expect( argsFromView( before ) ).toEqual( { before: '2026-12-31' } );
	} );

	it( 'ignores what it does not know', () => {
		const view = viewFromArgs(
			{
				status: 'lost,closed',
				reason: "size' OR 1=1",
				outcome: 'cash',
				from: 'yesterday',
				to: '2026-11-30',
				orderby: 'price',
				order: 'sideways',
				per_page: '1000',
				paged: '-2',
			},
			FIELDS
		);
		expect( view.filters ).toEqual( [
			{ field: 'status', operator: 'isAny', value: [ 'closed' ] },
		] );
		expect( view.sort ).toEqual( { field: 'updated', direction: 'desc' } );
		expect( view.perPage ).toBe( 20 );
		expect( view.page ).toBe( 1 );
	} );

	it( 'leaves out an empty filter and an incomplete date range', () => {
		const view = {
			...viewFromArgs( {}, FIELDS ),
			filters: [
				{ field: 'status', operator: 'isAny' as const, value: [] },
				{
					field: 'created',
					operator: 'between' as const,
					value: [ '2026-11-01', undefined ],
				},
			],
		};
		expect( queryFromView( view ) ).toEqual( {
			orderby: 'updated',
			order: 'desc',
			page: 1,
			per_page: 20,
		} );
	} );

	it( 'starts paging over when the results change, not when columns do', () => {
		const view = viewFromArgs( { paged: '2' }, FIELDS );
		expect(
			changesResults( view, { ...view, fields: [ 'status', 'items' ] } )
		).toBe( false );
		expect( changesResults( view, { ...view, page: 3 } ) ).toBe( false );
		expect( changesResults( view, { ...view, search: '1001' } ) ).toBe(
			true
		);
		expect(
			changesResults( view, {
				...view,
				sort: { field: 'created', direction: 'desc' },
			} )
		).toBe( true );
	} );

	it( 'knows a return number when it sees one', () => {
		expect( isReturnNumber( 'R-1001' ) ).toBe( true );
		expect( isReturnNumber( ' r-1001 ' ) ).toBe( true );
		expect( isReturnNumber( '1001' ) ).toBe( true );
		expect( isReturnNumber( 'Gwen' ) ).toBe( false );
		expect( isReturnNumber( 'R-' ) ).toBe( false );
	} );
} );
