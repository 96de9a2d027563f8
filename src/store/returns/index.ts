/**
 * The `aftercare/returns` data store: queue pages, returns and their timelines,
 * read and changed through the REST API.
 */

/**
 * WordPress dependencies
 */
import { createReduxStore, register } from '@wordpress/data';

/**
 * Internal dependencies
 */
import * as actions from './actions';
import { STORE_NAME } from './constants';
import reducer from './reducer';
import * as resolvers from './resolvers';
import * as selectors from './selectors';

export { STORE_NAME };

export const storeConfig = {
	reducer,
	actions,
	selectors,
	resolvers,
};

export const store = createReduxStore( STORE_NAME, storeConfig );

register( store );
