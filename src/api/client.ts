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

interface RestSettings {
	root: string;
	nonce: string;
}

/**
 * The REST root and a fresh cookie nonce, for the one request apiFetch cannot make
 * (an upload that reports its progress) and the links no fetch makes (a CSV download).
 *
 * @return Root URL and nonce.
 */
export function restSettings(): RestSettings {
	const settings = (
		window as unknown as { wpApiSettings?: Partial< RestSettings > }
	 ).wpApiSettings;
	// apiFetch's nonce middleware keeps its nonce fresh; wpApiSettings has the page's.
	return {
		root: settings?.root ?? '/wp-json/',
		nonce: apiFetch.nonceMiddleware?.nonce ?? settings?.nonce ?? '',
	};
}

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
