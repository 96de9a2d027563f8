/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';
import { createRegistry } from '@wordpress/data';
import { store as noticesStore } from '@wordpress/notices';

/**
 * Internal dependencies
 */
import { store } from '..';

jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );

const mockApiFetch = apiFetch as unknown as jest.Mock;

function setup() {
	const registry = createRegistry();
	registry.register( noticesStore );
	registry.register( store );
	return registry;
}

describe( 'settings thunks', () => {
	beforeEach( () => {
		mockApiFetch.mockReset();
	} );

	it( 'loads the settings once, in the edit context', async () => {
		mockApiFetch.mockResolvedValue( { delete_data_on_uninstall: true } );
		const registry = setup();

		await Promise.all( [
			registry.resolveSelect( store ).getSettings(),
			registry.resolveSelect( store ).getEditedSettings(),
		] );

		expect( mockApiFetch ).toHaveBeenCalledTimes( 1 );
		expect( mockApiFetch ).toHaveBeenCalledWith( {
			path: '/aftercare/v1/settings?context=edit',
		} );
		expect( registry.select( store ).getEditedSettings() ).toEqual( {
			delete_data_on_uninstall: true,
		} );
	} );

	it( 'keeps the reason when loading fails', async () => {
		mockApiFetch.mockRejectedValue( {
			code: 'rest_forbidden',
			message: 'Sorry, you are not allowed to do that.',
			data: { status: 403 },
		} );
		const registry = setup();

		await registry.resolveSelect( store ).getSettings();

		expect( registry.select( store ).getSettingsLoadError() ).toBe(
			'Sorry, you are not allowed to do that.'
		);
	} );

	it( 'saves only the edits and confirms with a snackbar', async () => {
		mockApiFetch.mockResolvedValueOnce( {
			delete_data_on_uninstall: false,
		} );
		const registry = setup();
		await registry.resolveSelect( store ).getSettings();

		registry
			.dispatch( store )
			.editSettings( { delete_data_on_uninstall: true } );
		mockApiFetch.mockResolvedValueOnce( {
			delete_data_on_uninstall: true,
		} );
		const saving = registry.dispatch( store ).saveSettings();
		expect( registry.select( store ).isSavingSettings() ).toBe( true );

		await expect( saving ).resolves.toBe( true );
		expect( mockApiFetch ).toHaveBeenLastCalledWith( {
			path: '/aftercare/v1/settings?context=edit',
			method: 'POST',
			data: { delete_data_on_uninstall: true },
		} );
		expect( registry.select( store ).isSavingSettings() ).toBe( false );
		expect( registry.select( store ).hasSettingsEdits() ).toBe( false );
		expect( registry.select( store ).getSettings() ).toEqual( {
			delete_data_on_uninstall: true,
		} );
		expect( registry.select( noticesStore ).getNotices() ).toEqual( [
			expect.objectContaining( {
				status: 'success',
				type: 'snackbar',
				content: 'Settings saved.',
			} ),
		] );
	} );

	it( 'keeps the edits and shows the server error when saving fails', async () => {
		mockApiFetch.mockResolvedValueOnce( {
			delete_data_on_uninstall: false,
		} );
		const registry = setup();
		await registry.resolveSelect( store ).getSettings();
		registry
			.dispatch( store )
			.editSettings( { delete_data_on_uninstall: true } );

		mockApiFetch.mockRejectedValueOnce( {
			code: 'aftercare_invalid',
			message: 'That did not work.',
			data: { status: 400 },
		} );
		await expect( registry.dispatch( store ).saveSettings() ).resolves.toBe(
			false
		);

		expect( registry.select( store ).isSavingSettings() ).toBe( false );
		expect( registry.select( store ).getSettingsEdits() ).toEqual( {
			delete_data_on_uninstall: true,
		} );
		expect( registry.select( noticesStore ).getNotices() ).toEqual( [
			expect.objectContaining( {
				status: 'error',
				content: 'That did not work.',
			} ),
		] );
	} );

	it( 'sends nothing when there is nothing to save', async () => {
		mockApiFetch.mockResolvedValueOnce( {
			delete_data_on_uninstall: false,
		} );
		const registry = setup();
		await registry.resolveSelect( store ).getSettings();

		await expect( registry.dispatch( store ).saveSettings() ).resolves.toBe(
			false
		);
		expect( mockApiFetch ).toHaveBeenCalledTimes( 1 );
	} );
} );
