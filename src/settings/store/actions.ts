/**
 * WordPress dependencies
 */
import { __ } from '@wordpress/i18n';
import { store as noticesStore } from '@wordpress/notices';

/**
 * Internal dependencies
 */
import { getErrorMessage, isApiError, updateSettings } from '../../api';
import type { AftercareSettings } from '../../api';
import { SAVED_NOTICE_ID, SAVE_FAILED_NOTICE_ID } from './constants';
import type { SettingsAction, ThunkArgs } from './types';

/**
 * Stores the settings the server returned.
 *
 * @param settings Saved settings.
 * @return Action object.
 */
export function receiveSettings( settings: AftercareSettings ): SettingsAction {
	return { type: 'RECEIVE_SETTINGS', settings };
}

/**
 * Records that the settings could not be loaded.
 *
 * @param message What went wrong.
 * @return Action object.
 */
export function receiveSettingsError( message: string ): SettingsAction {
	return { type: 'RECEIVE_SETTINGS_ERROR', message };
}

/**
 * Changes settings in the form, without saving them.
 *
 * @param edits The values to change.
 * @return Action object.
 */
export function editSettings(
	edits: Partial< AftercareSettings >
): SettingsAction {
	return { type: 'EDIT_SETTINGS', edits };
}

/**
 * The server's reason for each refused setting (`rest_invalid_param`).
 *
 * @param error What the request rejected with.
 * @return Messages by setting name; empty for any other failure.
 */
function invalidParams( error: unknown ): Record< string, string > {
	const params = isApiError( error ) ? error.data?.params : null;
	if ( error && isApiError( error ) && error.code === 'rest_invalid_param' ) {
		if (
			params &&
			typeof params === 'object' &&
			! Array.isArray( params )
		) {
			return Object.fromEntries(
				Object.entries( params ).filter(
					( entry ): entry is [ string, string ] =>
						typeof entry[ 1 ] === 'string'
				)
			);
		}
	}
	return {};
}

/**
 * Saves the unsaved changes, then tells the person how it went.
 *
 * @return Thunk resolving to true when the settings are saved.
 */
export const saveSettings =
	() =>
	async ( { select, dispatch, registry }: ThunkArgs ): Promise< boolean > => {
		if ( select.isSavingSettings() || ! select.hasSettingsEdits() ) {
			return false;
		}
		const edits = select.getSettingsEdits();
		const notices = registry.dispatch( noticesStore );
		notices.removeNotice( SAVE_FAILED_NOTICE_ID );
		dispatch( { type: 'SAVE_SETTINGS_START' } );
		try {
			const settings = await updateSettings( edits );
			dispatch( { type: 'SAVE_SETTINGS_FINISH', settings, sent: edits } );
			notices.createSuccessNotice( __( 'Settings saved.', 'aftercare' ), {
				id: SAVED_NOTICE_ID,
				type: 'snackbar',
			} );
			return true;
		} catch ( error ) {
			const fieldErrors = invalidParams( error );
			dispatch( { type: 'SAVE_SETTINGS_FAIL', fieldErrors } );
			notices.createErrorNotice(
				Object.keys( fieldErrors ).length
					? __(
							'Nothing was saved: some settings need another look. The reasons are shown by each of them.',
							'aftercare'
						)
					: getErrorMessage( error ),
				// Not a snackbar's few seconds: the person has to be able to read it.
				{
					id: SAVE_FAILED_NOTICE_ID,
					type: 'snackbar',
					explicitDismiss: true,
				}
			);
			return false;
		}
	};
