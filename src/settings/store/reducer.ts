/**
 * Internal dependencies
 */
import type { AftercareSettings } from '../../api';
import type { SettingsAction, SettingsState } from './types';

export const initialState: SettingsState = {
	saved: null,
	edits: {},
	isSaving: false,
	loadError: null,
};

/**
 * Keeps only the edits that differ from the saved settings.
 *
 * @param edits Candidate edits.
 * @param saved The saved settings, if loaded.
 * @return The edits that still change something.
 */
function pruneEdits(
	edits: Partial< AftercareSettings >,
	saved: AftercareSettings | null
): Partial< AftercareSettings > {
	if ( ! saved ) {
		return edits;
	}
	const entries = Object.entries( edits ).filter(
		( [ key, value ] ) => value !== saved[ key as keyof AftercareSettings ]
	);
	return Object.fromEntries( entries ) as Partial< AftercareSettings >;
}

export default function reducer(
	state: SettingsState = initialState,
	action: SettingsAction
): SettingsState {
	switch ( action.type ) {
		case 'RECEIVE_SETTINGS':
			return {
				...state,
				saved: action.settings,
				edits: pruneEdits( state.edits, action.settings ),
				loadError: null,
			};
		case 'RECEIVE_SETTINGS_ERROR':
			return { ...state, loadError: action.message };
		case 'EDIT_SETTINGS':
			return {
				...state,
				edits: pruneEdits(
					{ ...state.edits, ...action.edits },
					state.saved
				),
			};
		case 'SAVE_SETTINGS_START':
			return { ...state, isSaving: true };
		case 'SAVE_SETTINGS_FINISH': {
			// Edits made while the request was in flight are kept.
			const unsent = Object.fromEntries(
				Object.entries( state.edits ).filter(
					( [ key, value ] ) =>
						action.sent[ key as keyof AftercareSettings ] !== value
				)
			) as Partial< AftercareSettings >;
			return {
				...state,
				saved: action.settings,
				edits: pruneEdits( unsent, action.settings ),
				isSaving: false,
			};
		}
		case 'SAVE_SETTINGS_FAIL':
			return { ...state, isSaving: false };
		default:
			return state;
	}
}
