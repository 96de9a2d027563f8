/**
 * Creates a data store and registers it with the default registry, so each store
 * module only names its parts.
 */

/**
 * WordPress dependencies
 */
import { createReduxStore, register } from '@wordpress/data';

interface StoreParts< State, Actions, Selectors > {
	reducer: ( state: State, action: any ) => State;
	actions: Actions;
	selectors: Selectors;
	resolvers?: Parameters< typeof createReduxStore >[ 1 ][ 'resolvers' ];
}

/**
 * Creates and registers a Redux-backed store.
 *
 * @param name  Store name, e.g. `aftercare/tickets`.
 * @param parts Reducer, actions, selectors and resolvers.
 * @return The store descriptor.
 */
export function registerStore< State, Actions, Selectors >(
	name: string,
	parts: StoreParts< State, Actions, Selectors >
) {
	const store = createReduxStore< State, Actions, Selectors >( name, parts );
	register( store );
	return store;
}
