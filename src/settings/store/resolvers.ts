/**
 * Internal dependencies
 */
import { fetchSettings, getErrorMessage } from '../../api';
import { receiveSettings, receiveSettingsError } from './actions';
import type { ThunkArgs } from './types';

/**
 * Loads the settings from the REST API.
 *
 * @return Thunk.
 */
export const getSettings =
	() =>
	async ( { dispatch }: ThunkArgs ): Promise< void > => {
		try {
			dispatch( receiveSettings( await fetchSettings() ) );
		} catch ( error ) {
			dispatch( receiveSettingsError( getErrorMessage( error ) ) );
		}
	};

/**
 * The edited settings need the saved ones: share their single request.
 *
 * @return Thunk.
 */
export const getEditedSettings =
	() =>
	async ( { resolveSelect }: ThunkArgs ): Promise< void > => {
		await resolveSelect.getSettings();
	};
