/**
 * Typed client for the Aftercare REST API.
 *
 * Only the data stores call these functions; components read and write through
 * the stores.
 */
import apiFetch from '@wordpress/api-fetch';
import { addQueryArgs } from '@wordpress/url';

/**
 * Internal dependencies
 */
import type { AftercareSettings } from './types';
import type { SettingsSchema } from '../settings/schema';

export const NAMESPACE = '/aftercare/v1';

export const SETTINGS_PATH = `${ NAMESPACE }/settings`;

/**
 * Reads the plugin settings.
 *
 * @return The settings as the server stores them.
 */
export function fetchSettings(): Promise< AftercareSettings > {
	return apiFetch< AftercareSettings >( {
		path: addQueryArgs( SETTINGS_PATH, { context: 'edit' } ),
	} );
}

/**
 * Reads the settings schema the form is drawn from (with its `x-aftercare` hints).
 *
 * @return The schema the settings route serves.
 */
export async function fetchSettingsSchema(): Promise< SettingsSchema > {
	const response = await apiFetch< { schema: SettingsSchema } >( {
		path: SETTINGS_PATH,
		method: 'OPTIONS',
	} );
	return response.schema;
}

/**
 * Saves some or all settings.
 *
 * @param changes The settings to change.
 * @return The settings after the change.
 */
export function updateSettings(
	changes: Partial< AftercareSettings >
): Promise< AftercareSettings > {
	return apiFetch< AftercareSettings >( {
		path: addQueryArgs( SETTINGS_PATH, { context: 'edit' } ),
		method: 'POST',
		data: changes,
	} );
}
