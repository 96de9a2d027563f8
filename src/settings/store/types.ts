/**
 * WordPress dependencies
 */
import type { DataRegistry } from '@wordpress/data';

/**
 * Internal dependencies
 */
import type { AftercareSettings } from '../../api';
import type { SettingsSchema } from '../schema';
import type * as selectors from './selectors';

export interface SettingsState {
	/** The settings as the server last returned them; null until loaded. */
	saved: AftercareSettings | null;
	/** Unsaved changes: only the values that differ from `saved`. */
	edits: Partial< AftercareSettings >;
	isSaving: boolean;
	/** Why loading failed, or null. */
	loadError: string | null;
	/** The schema the form is drawn from; null until loaded. */
	schema: SettingsSchema | null;
	/** Why the server refused a setting at the last save, by setting name. */
	fieldErrors: Record< string, string >;
}

export type SettingsAction =
	| { type: 'RECEIVE_SETTINGS'; settings: AftercareSettings }
	| { type: 'RECEIVE_SETTINGS_ERROR'; message: string }
	| { type: 'EDIT_SETTINGS'; edits: Partial< AftercareSettings > }
	| { type: 'SAVE_SETTINGS_START' }
	| {
			type: 'SAVE_SETTINGS_FINISH';
			settings: AftercareSettings;
			sent: Partial< AftercareSettings >;
	  }
	| { type: 'SAVE_SETTINGS_FAIL'; fieldErrors: Record< string, string > }
	| { type: 'RECEIVE_SETTINGS_SCHEMA'; schema: SettingsSchema };

type Selectors = typeof selectors;

type Curried< F > = F extends (
	state: SettingsState,
	...args: infer P
) => infer R
	? ( ...args: P ) => R
	: never;

type CurriedSelectors = { [ K in keyof Selectors ]: Curried< Selectors[ K ] > };

type ResolvedSelectors = {
	[ K in keyof Selectors ]: (
		...args: Parameters< Curried< Selectors[ K ] > >
	) => Promise< ReturnType< Curried< Selectors[ K ] > > >;
};

/**
 * What @wordpress/data passes to this store's thunks.
 */
export interface ThunkArgs {
	dispatch: ( action: SettingsAction ) => void;
	select: CurriedSelectors;
	resolveSelect: ResolvedSelectors;
	registry: DataRegistry;
}
