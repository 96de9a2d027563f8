/**
 * Internal dependencies
 */
import { initialState } from '../reducer';
import {
	getEditedSettings,
	getSettings,
	getSettingsLoadError,
	hasSettingsEdits,
	isSavingSettings,
} from '../selectors';
import type { SettingsState } from '../types';
import { settingsRecord } from '../test-utils/settings-record';

const state: SettingsState = {
	...initialState,
	saved: settingsRecord( { delete_data_on_uninstall: false } ),
	edits: { delete_data_on_uninstall: true },
};

describe( 'settings selectors', () => {
	it( 'return nothing before the settings load', () => {
		expect( getSettings( initialState ) ).toBeNull();
		expect( getEditedSettings( initialState ) ).toBeNull();
		expect( hasSettingsEdits( initialState ) ).toBe( false );
		expect( isSavingSettings( initialState ) ).toBe( false );
		expect( getSettingsLoadError( initialState ) ).toBeNull();
	} );

	it( 'apply the edits over the saved settings', () => {
		expect( getSettings( state ) ).toEqual( settingsRecord() );
		expect( getEditedSettings( state ) ).toEqual(
			settingsRecord( { delete_data_on_uninstall: true } )
		);
		expect( hasSettingsEdits( state ) ).toBe( true );
	} );

	it( 'return the same edited object until the state changes', () => {
		expect( getEditedSettings( state ) ).toBe( getEditedSettings( state ) );
		expect( getEditedSettings( { ...state, edits: {} } ) ).not.toBe(
			getEditedSettings( state )
		);
	} );
} );
