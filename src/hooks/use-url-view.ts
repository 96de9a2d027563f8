/**
 * The plumbing a DataViews queue shares: its view lives in the URL, its chosen
 * columns in component state, and the last page stays shown while the next loads.
 */

/**
 * WordPress dependencies
 */
import type { View } from '@wordpress/dataviews/wp';
import { useMemo, useRef, useState } from '@wordpress/element';

/**
 * Internal dependencies
 */
import { navigate, useQueryArgs } from './use-query-args';
import type { QueryArgs } from './use-query-args';

/**
 * A queue's state read from the URL, and how to move to the next view.
 *
 * @param fromArgs      The state from the query arguments and the shown columns.
 * @param defaultFields The columns shown at first.
 * @return The state, and `changeView( current, next, nextArgs )`: keeps the
 *         chosen columns and goes to `nextArgs`, replacing the history entry when
 *         only the search text changed (so typing adds no entries).
 */
export function useUrlView< State >(
	fromArgs: ( args: QueryArgs, fields: string[] ) => State,
	defaultFields: string[]
) {
	const args = useQueryArgs();
	const [ visibleFields, setVisibleFields ] = useState( defaultFields );
	const state = useMemo(
		() => fromArgs( args, visibleFields ),
		[ fromArgs, args, visibleFields ]
	);
	const changeView = ( current: View, next: View, nextArgs: QueryArgs ) => {
		if ( next.fields && next.fields.join() !== visibleFields.join() ) {
			setVisibleFields( next.fields );
		}
		navigate( nextArgs, {
			replace: ( next.search ?? '' ) !== ( current.search ?? '' ),
		} );
	};
	return { state, changeView };
}

/**
 * Keeps showing the last page while the next one loads, instead of a blank table.
 *
 * @param page The page asked for, null while it loads.
 * @return That page, else the last one loaded.
 */
export function useLastPage< Page >( page: Page | null | undefined ) {
	const last = useRef< Page | null >( null );
	if ( page ) {
		last.current = page;
	}
	return page ?? last.current;
}
