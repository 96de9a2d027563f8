/**
 * The `aftercare/returns` data store: queue pages, returns and their timelines,
 * read and changed through the REST API.
 */

/**
 * Internal dependencies
 */
import { registerStore } from '../../store/register-store';
import * as actions from './actions';
import { STORE_NAME } from './constants';
import reducer from './reducer';
import * as resolvers from './resolvers';
import * as selectors from './selectors';

export { STORE_NAME };

export const store = registerStore( STORE_NAME, {
	reducer,
	actions,
	selectors,
	resolvers,
} );
