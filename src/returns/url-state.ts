/**
 * The returns queue's state in the page URL, both ways: the DataViews view
 * (filters, search by number, sort, page) and the REST query it asks for.
 */

/**
 * WordPress dependencies
 */
import type { Filter, View } from '@wordpress/dataviews/wp';

/**
 * Internal dependencies
 */
import type { ReturnQuery, ReturnStatus } from '../api';
import type { QueryArgs } from '../hooks/use-query-args';
import { PER_PAGE } from './store/constants';

const STATUSES: ReturnStatus[] = [
	'requested',
	'approved',
	'rejected',
	'awaiting_items',
	'received',
	'refunded',
	'credited',
	'exchanged',
	'closed',
];
const OUTCOMES = [ 'refund', 'store_credit', 'exchange' ] as const;
const SORTS = [ 'updated', 'created' ] as const;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const REASON = /^[a-z0-9_-]{1,40}$/;
const NUMBER = /^(R-)?\d{1,18}$/i;

/**
 * Whether a search is a return number the API can look up (R-1001 or 1001).
 *
 * @param search The search text.
 * @return True when it is.
 */
export function isReturnNumber( search: string ): boolean {
	return NUMBER.test( search.trim() );
}

/**
 * The day after a date, as YYYY-MM-DD (calendar arithmetic in UTC).
 *
 * @param date YYYY-MM-DD.
 * @return The next day.
 */
function nextDay( date: string ): string {
	const day = new Date( `${ date }T00:00:00Z` );
	day.setUTCDate( day.getUTCDate() + 1 );
	return day.toISOString().slice( 0, 10 );
}

/**
 * The queue view the URL describes; anything unknown falls back to defaults.
 *
 * @param args   The page's query arguments.
 * @param fields The visible fields (not part of the URL).
 * @return The view.
 */
export function viewFromArgs( args: QueryArgs, fields: string[] ): View {
	const filters: Filter[] = [];
	const statuses = ( args.status ?? '' )
		.split( ',' )
		.filter( ( s ): s is ReturnStatus =>
			STATUSES.includes( s as ReturnStatus )
		);
	if ( statuses.length ) {
		filters.push( { field: 'status', operator: 'isAny', value: statuses } );
	}
	if ( args.reason && REASON.test( args.reason ) ) {
		filters.push( { field: 'reason', operator: 'is', value: args.reason } );
	}
	const outcome = OUTCOMES.find( ( o ) => o === args.outcome );
	if ( outcome ) {
		filters.push( { field: 'outcome', operator: 'is', value: outcome } );
	}
	const from = DATE.test( args.from ?? '' ) ? args.from : '';
	const to = DATE.test( args.to ?? '' ) ? args.to : '';
	if ( from && to ) {
		filters.push( {
			field: 'created',
			operator: 'between',
			value: [ from, to ],
		} );
	} else if ( DATE.test( args.after ?? '' ) ) {
		filters.push( {
			field: 'created',
			operator: 'after',
			value: args.after,
		} );
	} else if ( DATE.test( args.before ?? '' ) ) {
		filters.push( {
			field: 'created',
			operator: 'before',
			value: args.before,
		} );
	}
	const orderby = SORTS.find( ( s ) => s === args.orderby ) ?? 'updated';
	const perPage = Number( args.per_page );
	const page = Number( args.paged );
	return {
		type: 'table',
		search: ( args.s ?? '' ).slice( 0, 40 ),
		filters,
		sort: {
			field: orderby,
			direction: args.order === 'asc' ? 'asc' : 'desc',
		},
		page: page >= 1 ? Math.floor( page ) : 1,
		perPage:
			perPage >= 1 && perPage <= 100 ? Math.floor( perPage ) : PER_PAGE,
		fields,
		titleField: 'number',
	};
}

/**
 * The URL query arguments of a queue view (defaults left out).
 *
 * @param view The view.
 * @return Arguments by name.
 */
export function argsFromView( view: View ): Record< string, string > {
	const args: Record< string, string > = {};
	for ( const filter of view.filters ?? [] ) {
		const value = filter.value as string | string[] | undefined;
		if ( ! value || ( Array.isArray( value ) && ! value.length ) ) {
			continue;
		}
		if ( filter.field !== 'created' ) {
			args[ filter.field ] = Array.isArray( value )
				? value.join( ',' )
				: String( value );
		} else if ( filter.operator === 'between' && Array.isArray( value ) ) {
			args.from = String( value[ 0 ] ?? '' );
			args.to = String( value[ 1 ] ?? '' );
		} else if (
			filter.operator === 'after' ||
			filter.operator === 'before'
		) {
			args[ filter.operator ] = String( value );
		}
	}
	if ( view.search ) {
		args.s = view.search;
	}
	const orderby = view.sort?.field ?? 'updated';
	if ( orderby !== 'updated' ) {
		args.orderby = orderby;
	}
	if ( view.sort?.direction === 'asc' ) {
		args.order = 'asc';
	}
	if ( view.perPage && view.perPage !== PER_PAGE ) {
		args.per_page = String( view.perPage );
	}
	if ( view.page && view.page > 1 ) {
		args.paged = String( view.page );
	}
	return args;
}

/**
 * The REST query of a queue view. Dates are whole days: "after" a day starts the
 * next one, "between" includes its last day.
 *
 * @param view The view.
 * @return The query for the returns store.
 */
export function queryFromView( view: View ): ReturnQuery {
	const query: ReturnQuery = {
		orderby: ( view.sort?.field ?? 'updated' ) as ReturnQuery[ 'orderby' ],
		order: view.sort?.direction ?? 'desc',
		page: view.page ?? 1,
		per_page: view.perPage ?? PER_PAGE,
	};
	if ( view.search?.trim() ) {
		query.number = view.search.trim().toUpperCase();
	}
	for ( const filter of view.filters ?? [] ) {
		const value = filter.value as string | string[] | undefined;
		if ( ! value || ( Array.isArray( value ) && ! value.length ) ) {
			continue;
		}
		switch ( filter.field ) {
			case 'status':
				query.status = (
					Array.isArray( value ) ? value : [ value ]
				) as ReturnStatus[];
				break;
			case 'reason':
				query.reason = String( value );
				break;
			case 'outcome':
				query.outcome = String( value ) as ReturnQuery[ 'outcome' ];
				break;
			case 'created': {
				const [ from = '', to = '' ] = Array.isArray( value )
					? value
					: [ value, value ];
				if ( ! DATE.test( from ) || ! DATE.test( to ) ) {
					break;
				}
				if ( filter.operator === 'between' ) {
					query.after = `${ from }T00:00:00`;
					query.before = `${ nextDay( to ) }T00:00:00`;
				} else if ( filter.operator === 'after' ) {
					query.after = `${ nextDay( from ) }T00:00:00`;
				} else if ( filter.operator === 'before' ) {
					query.before = `${ from }T00:00:00`;
				}
				break;
			}
		}
	}
	return query;
}

/**
 * Whether two views ask for different returns (as opposed to showing other
 * columns or another page): then paging starts over.
 *
 * @param a A view.
 * @param b Another view.
 * @return True when filters, search, sort or page size differ.
 */
export function changesResults( a: View, b: View ): boolean {
	return (
		JSON.stringify( [ a.filters, a.search ?? '', a.sort, a.perPage ] ) !==
		JSON.stringify( [ b.filters, b.search ?? '', b.sort, b.perPage ] )
	);
}
