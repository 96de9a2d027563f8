/**
 * WordPress dependencies
 */
import { createSelector } from '@wordpress/data';

/**
 * Internal dependencies
 */
import type { AftercareSettings } from '../../api';
import type { SettingsSchema } from '../schema';
import type { SettingsState } from './types';

/**
 * The settings as the server stores them; resolves from the REST API.
 *
 * @param state Store state.
 * @return The saved settings, or null until loaded.
 */
export function getSettings( state: SettingsState ): AftercareSettings | null {
	return state.saved;
}

/**
 * The unsaved changes.
 *
 * @param state Store state.
 * @return Only the values that differ from the saved settings.
 */
export function getSettingsEdits(
	state: SettingsState
): Partial< AftercareSettings > {
	return state.edits;
}

/**
 * The settings as the form shows them: saved values with unsaved changes applied.
 *
 * @param state Store state.
 * @return The edited settings, or null until loaded.
 */
export const getEditedSettings = createSelector(
	( state: SettingsState ): AftercareSettings | null =>
		state.saved ? { ...state.saved, ...state.edits } : null,
	( state: SettingsState ) => [ state.saved, state.edits ]
);

/**
 * Whether there are unsaved changes.
 *
 * @param state Store state.
 * @return True when saving would change something.
 */
export function hasSettingsEdits( state: SettingsState ): boolean {
	return Object.keys( state.edits ).length > 0;
}

/**
 * Whether a save request is in flight.
 *
 * @param state Store state.
 * @return True while saving.
 */
export function isSavingSettings( state: SettingsState ): boolean {
	return state.isSaving;
}

/**
 * Why the settings could not be loaded.
 *
 * @param state Store state.
 * @return A message to show, or null.
 */
export function getSettingsLoadError( state: SettingsState ): string | null {
	return state.loadError;
}

/**
 * The schema the form is drawn from; resolves from the REST API (OPTIONS).
 *
 * @param state Store state.
 * @return The schema, or null until loaded.
 */
export function getSettingsSchema(
	state: SettingsState
): SettingsSchema | null {
	return state.schema;
}

/**
 * Why the server refused settings at the last save.
 *
 * @param state Store state.
 * @return Messages by setting name (empty when none).
 */
export function getSettingsFieldErrors(
	state: SettingsState
): Record< string, string > {
	return state.fieldErrors;
}
