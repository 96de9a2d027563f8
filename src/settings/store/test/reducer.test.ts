/**
 * Internal dependencies
 */
import reducer, { initialState } from '../reducer';
import type { SettingsState } from '../types';
import { settingsRecord } from '../test-utils/settings-record';

const saved = settingsRecord();

function loaded( overrides: Partial< SettingsState > = {} ): SettingsState {
	return { ...initialState, saved, ...overrides };
}

describe( 'settings reducer', () => {
	it( 'starts empty', () => {
		expect(
			reducer( undefined, {
				type: 'SAVE_SETTINGS_FAIL',
				fieldErrors: {},
			} )
		).toEqual( initialState );
	} );

	it( 'stores received settings and clears a load error', () => {
		const state = reducer(
			{ ...initialState, loadError: 'Nope' },
			{ type: 'RECEIVE_SETTINGS', settings: saved }
		);
		expect( state.saved ).toBe( saved );
		expect( state.loadError ).toBeNull();
	} );

	it( 'records a load error', () => {
		const state = reducer( initialState, {
			type: 'RECEIVE_SETTINGS_ERROR',
			message: 'Forbidden',
		} );
		expect( state.loadError ).toBe( 'Forbidden' );
	} );

	it( 'keeps only edits that change something', () => {
		let state = reducer( loaded(), {
			type: 'EDIT_SETTINGS',
			edits: { delete_data_on_uninstall: true },
		} );
		expect( state.edits ).toEqual( { delete_data_on_uninstall: true } );

		state = reducer( state, {
			type: 'EDIT_SETTINGS',
			edits: { delete_data_on_uninstall: false },
		} );
		expect( state.edits ).toEqual( {} );
	} );

	it( 'marks a save in flight, then stores the result and drops the sent edits', () => {
		const edits = { delete_data_on_uninstall: true };
		let state = reducer( loaded( { edits } ), {
			type: 'SAVE_SETTINGS_START',
		} );
		expect( state.isSaving ).toBe( true );

		state = reducer( state, {
			type: 'SAVE_SETTINGS_FINISH',
			settings: settingsRecord( { delete_data_on_uninstall: true } ),
			sent: edits,
		} );
		expect( state ).toEqual( {
			...initialState,
			saved: settingsRecord( { delete_data_on_uninstall: true } ),
		} );
	} );

	it( 'keeps an edit made while the save was in flight', () => {
		const state = reducer(
			loaded( {
				isSaving: true,
				// Sent `true`, then switched back off before the response.
				edits: {},
			} ),
			{
				type: 'SAVE_SETTINGS_FINISH',
				settings: settingsRecord( { delete_data_on_uninstall: true } ),
				sent: { delete_data_on_uninstall: true },
			}
		);
		expect( state.saved ).toEqual(
			settingsRecord( { delete_data_on_uninstall: true } )
		);
		expect( state.edits ).toEqual( {} );

		const changed = reducer(
			loaded( {
				isSaving: true,
				edits: { delete_data_on_uninstall: false },
			} ),
			{
				type: 'SAVE_SETTINGS_FINISH',
				settings: settingsRecord( { delete_data_on_uninstall: true } ),
				sent: { delete_data_on_uninstall: true },
			}
		);
		expect( changed.edits ).toEqual( { delete_data_on_uninstall: false } );
	} );

	it( 'keeps the edits when a save fails', () => {
		const edits = { delete_data_on_uninstall: true };
		const state = reducer( loaded( { edits, isSaving: true } ), {
			type: 'SAVE_SETTINGS_FAIL',
			fieldErrors: {},
		} );
		expect( state.isSaving ).toBe( false );
		expect( state.edits ).toBe( edits );
	} );

	it( 'keeps the server’s reasons until the setting changes or a save succeeds', () => {
		const failed = reducer( loaded( { isSaving: true } ), {
			type: 'SAVE_SETTINGS_FAIL',
			fieldErrors: {
				return_window_days: 'Return window: enter a number.',
				help_base: 'Address of help articles: use letters.',
			},
		} );
		const edited = reducer( failed, {
			type: 'EDIT_SETTINGS',
			edits: { return_window_days: 14 },
		} );
		expect( edited.fieldErrors ).toEqual( {
			help_base: 'Address of help articles: use letters.',
		} );

		const saved2 = reducer( edited, {
			type: 'SAVE_SETTINGS_FINISH',
			settings: settingsRecord( { return_window_days: 14 } ),
			sent: { return_window_days: 14 },
		} );
		expect( saved2.fieldErrors ).toEqual( {} );
	} );

	it( 'drops an edit of a list that is back to the saved value', () => {
		const state = reducer( loaded(), {
			type: 'EDIT_SETTINGS',
			edits: { help_synonyms: [ ...saved.help_synonyms ] },
		} );
		expect( state.edits ).toEqual( {} );
	} );
} );
