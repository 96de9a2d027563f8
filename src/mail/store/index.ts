/**
 * The `aftercare/mail` data store: the log of received mail and the state of the
 * ways mail comes in, read and changed through the REST API.
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
