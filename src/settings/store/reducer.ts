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
	schema: null,
	fieldErrors: {},
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
	// Lists and objects (reasons, hours) are new arrays on every edit: compared by content.
	const entries = Object.entries( edits ).filter(
		( [ key, value ] ) =>
			JSON.stringify( value ) !==
			JSON.stringify( saved[ key as keyof AftercareSettings ] )
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
		case 'EDIT_SETTINGS': {
			// A changed value may be right now: its old refusal goes.
			const fieldErrors = Object.fromEntries(
				Object.entries( state.fieldErrors ).filter(
					( [ key ] ) => ! ( key in action.edits )
				)
			);
			return {
				...state,
				edits: pruneEdits(
					{ ...state.edits, ...action.edits },
					state.saved
				),
				fieldErrors,
			};
		}
		case 'RECEIVE_SETTINGS_SCHEMA':
			return { ...state, schema: action.schema };
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
				fieldErrors: {},
			};
		}
		case 'SAVE_SETTINGS_FAIL':
			return {
				...state,
				isSaving: false,
				fieldErrors: action.fieldErrors,
			};
		default:
			return state;
	}
}
