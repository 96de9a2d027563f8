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
