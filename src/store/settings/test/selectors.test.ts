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

const state: SettingsState = {
	...initialState,
	saved: { delete_data_on_uninstall: false },
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
		expect( getSettings( state ) ).toEqual( {
			delete_data_on_uninstall: false,
		} );
		expect( getEditedSettings( state ) ).toEqual( {
			delete_data_on_uninstall: true,
		} );
		expect( hasSettingsEdits( state ) ).toBe( true );
	} );

	it( 'return the same edited object until the state changes', () => {
		expect( getEditedSettings( state ) ).toBe( getEditedSettings( state ) );
		expect( getEditedSettings( { ...state, edits: {} } ) ).not.toBe(
			getEditedSettings( state )
		);
	} );
} );
