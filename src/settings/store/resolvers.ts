/**
 * Internal dependencies
 */
import { fetchSettings, fetchSettingsSchema, getErrorMessage } from '../../api';
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

/**
 * Loads the settings schema; a failure is the screen's load error.
 *
 * @return Thunk.
 */
export const getSettingsSchema =
	() =>
	async ( { dispatch }: ThunkArgs ): Promise< void > => {
		try {
			dispatch( {
				type: 'RECEIVE_SETTINGS_SCHEMA',
				schema: await fetchSettingsSchema(),
			} );
		} catch ( error ) {
			dispatch( receiveSettingsError( getErrorMessage( error ) ) );
		}
	};
