/**
 * WordPress dependencies
 */
import { __ } from '@wordpress/i18n';
import { store as noticesStore } from '@wordpress/notices';

/**
 * Internal dependencies
 */
import { getErrorMessage, updateSettings } from '../../api';
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
			dispatch( { type: 'SAVE_SETTINGS_FAIL' } );
			notices.createErrorNotice(
				getErrorMessage( error ),
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
