/**
 * The received-mail log's state in the page URL, both ways: the DataViews view
 * (outcome, page) and the REST query it asks for. `received=ID` opens an entry.
 */

/**
 * WordPress dependencies
 */
import type { View } from '@wordpress/dataviews/wp';

/**
 * Internal dependencies
 */
import type { QueryArgs } from '../hooks/use-query-args';
import type { MailOutcome, ReceivedQuery } from './api';
import { PER_PAGE } from './store/constants';

const OUTCOME_VALUES: MailOutcome[] = [
	'stored',
	'ignored',
	'needs_attention',
];

/**
 * The log view the URL describes; anything unknown falls back to defaults.
 *
 * @param args   The page's query arguments.
 * @param fields The visible fields (not part of the URL).
 * @return The view.
 */
export function viewFromArgs( args: QueryArgs, fields: string[] ): View {
	const outcome = OUTCOME_VALUES.find( ( value ) => value === args.outcome );
	const page = Number( args.paged );
	const perPage = Number( args.per_page );
	return {
		type: 'table',
		search: '',
		filters: outcome
			? [ { field: 'outcome', operator: 'is', value: outcome } ]
			: [],
		page: page >= 1 ? Math.floor( page ) : 1,
		perPage:
			perPage >= 1 && perPage <= 100 ? Math.floor( perPage ) : PER_PAGE,
		fields,
		titleField: 'subject',
	};
}

/**
 * The URL query arguments of a log view (defaults left out).
 *
 * @param view The view.
 * @return Arguments by name.
 */
export function argsFromView( view: View ): QueryArgs {
	const args: QueryArgs = {};
	const outcome = view.filters?.find( ( f ) => f.field === 'outcome' )?.value;
	if ( typeof outcome === 'string' && outcome ) {
		args.outcome = outcome;
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
 * The REST query of a log view.
 *
 * @param view The view.
 * @return The query for the mail store.
 */
export function queryFromView( view: View ): ReceivedQuery {
	const query: ReceivedQuery = {
		page: view.page ?? 1,
		per_page: view.perPage ?? PER_PAGE,
	};
	const outcome = view.filters?.find( ( f ) => f.field === 'outcome' )?.value;
	if ( OUTCOME_VALUES.includes( outcome as MailOutcome ) ) {
		query.outcome = outcome as MailOutcome;
	}
	return query;
}
