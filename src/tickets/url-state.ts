/**
 * The queue's state in the page URL, both ways: the built-in view, the DataViews
 * view (filters, search, sort, page size) and the keyset cursors of the pages
 * before the current one.
 */

/**
 * WordPress dependencies
 */
import type { Filter, View } from '@wordpress/dataviews/wp';

/**
 * Internal dependencies
 */
import type { QueueQuery, QueueView } from '../api';
import type { QueryArgs } from '../hooks/use-query-args';
import { PER_PAGE } from './store/constants';

export const DEFAULT_VIEW: QueueView = 'open';

const VIEWS: QueueView[] = [
	'mine',
	'unassigned',
	'awaiting',
	'at_risk',
	'open',
	'solved',
];
const SORTS = [ 'due', 'updated', 'priority' ] as const;
const LIST_FILTERS = [ 'status', 'priority', 'channel' ] as const;
const SINGLE_FILTERS = [ 'assignee', 'tag', 'has_order' ] as const;

export interface QueueState {
	queueView: QueueView;
	view: View;
	/** Cursors of the pages before this one: page = cursors.length + 1. */
	cursors: string[];
}

/**
 * The queue state the URL describes; anything unknown falls back to defaults.
 *
 * @param args   The page's query arguments.
 * @param fields The visible fields (not part of the URL).
 * @return The state.
 */
export function stateFromArgs( args: QueryArgs, fields: string[] ): QueueState {
	const queueView = VIEWS.find( ( v ) => v === args.view ) ?? DEFAULT_VIEW;
	const filters: Filter[] = [];
	for ( const field of LIST_FILTERS ) {
		const value = args[ field ]?.split( ',' ).filter( Boolean );
		if ( value?.length ) {
			filters.push( { field, operator: 'isAny', value } );
		}
	}
	for ( const field of SINGLE_FILTERS ) {
		if ( args[ field ] ) {
			filters.push( { field, operator: 'is', value: args[ field ] } );
		}
	}
	const orderby = SORTS.find( ( s ) => s === args.orderby ) ?? 'due';
	const perPage = Number( args.per_page );
	const cursors = ( args.after ?? '' )
		.split( '.' )
		.filter( ( cursor ) => /^[A-Za-z0-9_-]+$/.test( cursor ) );
	return {
		queueView,
		cursors,
		view: {
			type: 'table',
			search: args.s ?? '',
			filters,
			sort: {
				field: orderby,
				direction:
					args.order === 'desc' ||
					( ! args.order && orderby !== 'due' )
						? 'desc'
						: 'asc',
			},
			page: cursors.length + 1,
			perPage:
				perPage >= 1 && perPage <= 100
					? Math.floor( perPage )
					: PER_PAGE,
			fields,
			titleField: 'subject',
		},
	};
}

/**
 * The URL query arguments of a queue state (defaults left out).
 *
 * @param state The state.
 * @return Arguments by name.
 */
export function argsFromState( state: QueueState ): Record< string, string > {
	const { view, queueView, cursors } = state;
	const args: Record< string, string > = {};
	if ( queueView !== DEFAULT_VIEW ) {
		args.view = queueView;
	}
	for ( const filter of view.filters ?? [] ) {
		const value = Array.isArray( filter.value )
			? filter.value.join( ',' )
			: String( filter.value ?? '' );
		if ( value ) {
			args[ filter.field ] = value;
		}
	}
	if ( view.search ) {
		args.s = view.search;
	}
	const orderby = view.sort?.field ?? 'due';
	if ( orderby !== 'due' ) {
		args.orderby = orderby;
	}
	const defaultDirection = orderby === 'due' ? 'asc' : 'desc';
	if ( view.sort && view.sort.direction !== defaultDirection ) {
		args.order = view.sort.direction;
	}
	if ( view.perPage && view.perPage !== PER_PAGE ) {
		args.per_page = String( view.perPage );
	}
	if ( cursors.length ) {
		args.after = cursors.join( '.' );
	}
	return args;
}

/**
 * The REST query of a queue state.
 *
 * @param state The state.
 * @return The query for the tickets store.
 */
export function queryFromState( state: QueueState ): QueueQuery {
	const { view, queueView, cursors } = state;
	const query: QueueQuery = {
		view: queueView,
		orderby: ( view.sort?.field ?? 'due' ) as QueueQuery[ 'orderby' ],
		order: view.sort?.direction ?? 'asc',
		per_page: view.perPage ?? PER_PAGE,
	};
	if ( view.search ) {
		query.search = view.search;
	}
	for ( const filter of view.filters ?? [] ) {
		const value = filter.value as string | string[] | undefined;
		if ( ! value || ( Array.isArray( value ) && ! value.length ) ) {
			continue;
		}
		// The filters' values are the fields' elements: the schema's enums.
		const list = Array.isArray( value ) ? value : [ value ];
		switch ( filter.field ) {
			case 'status':
				query.status = list as QueueQuery[ 'status' ];
				break;
			case 'priority':
				query.priority = list as QueueQuery[ 'priority' ];
				break;
			case 'channel':
				query.channel = list as QueueQuery[ 'channel' ];
				break;
			case 'assignee':
			case 'tag':
				query[ filter.field ] = String( value );
				break;
			case 'has_order':
				query.has_order = value === 'yes';
				break;
		}
	}
	const cursor = cursors[ cursors.length - 1 ];
	if ( cursor ) {
		query.cursor = cursor;
	}
	return query;
}

/**
 * Whether two views ask for different tickets (as opposed to showing other
 * columns): then paging starts over.
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
