/**
 * The `aftercare/tickets` data store: queue pages, tickets, threads, timelines,
 * context panels and presence, read and changed through the REST API.
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
export { queryKey } from './query-key';

export const store = registerStore( STORE_NAME, {
	reducer,
	actions,
	selectors,
	resolvers,
} );
