/**
 * External dependencies
 */
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';
import { RegistryProvider, createRegistry } from '@wordpress/data';
import { store as noticesStore } from '@wordpress/notices';

/**
 * Internal dependencies
 */
import { settingsStore } from '../../store';
import { SettingsScreen } from '../SettingsScreen';

jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );

const mockApiFetch = apiFetch as unknown as jest.Mock;

function renderScreen() {
	const registry = createRegistry();
	registry.register( noticesStore );
	registry.register( settingsStore );
	render(
		<RegistryProvider value={ registry }>
			<SettingsScreen />
		</RegistryProvider>
	);
	return registry;
}

const TOGGLE = 'Remove all data when Aftercare is deleted';

// jsdom has no layout: the components' animations (framer-motion) measure with scrollTo.
window.scrollTo = jest.fn();

describe( 'SettingsScreen', () => {
	beforeEach( () => {
		mockApiFetch.mockReset();
	} );

	it( 'shows the saved settings under the screen heading', async () => {
		mockApiFetch.mockResolvedValue( { delete_data_on_uninstall: true } );
		renderScreen();

		expect(
			screen.getByRole( 'heading', {
				level: 1,
				name: 'Support settings',
			} )
		).toBeInTheDocument();
		expect( await screen.findByLabelText( TOGGLE ) ).toBeChecked();
		expect(
			screen.getByRole( 'button', { name: 'Save' } )
		).toHaveAttribute( 'aria-disabled', 'true' );
	} );

	it( 'saves a changed setting through the store', async () => {
		const user = userEvent.setup();
		mockApiFetch.mockImplementation( ( options: { method?: string } ) =>
			Promise.resolve( {
				delete_data_on_uninstall: options.method === 'POST',
			} )
		);
		const registry = renderScreen();

		await user.click( await screen.findByLabelText( TOGGLE ) );
		expect( screen.getByLabelText( TOGGLE ) ).toBeChecked();
		expect( registry.select( settingsStore ).getSettingsEdits() ).toEqual( {
			delete_data_on_uninstall: true,
		} );

		await user.click( screen.getByRole( 'button', { name: 'Save' } ) );

		expect( mockApiFetch ).toHaveBeenCalledWith(
			expect.objectContaining( {
				method: 'POST',
				data: { delete_data_on_uninstall: true },
			} )
		);
		await waitFor( () =>
			expect(
				registry.select( noticesStore ).getNotices()
			).toContainEqual(
				expect.objectContaining( { content: 'Settings saved.' } )
			)
		);
		expect( screen.getByLabelText( TOGGLE ) ).toBeChecked();
		expect( registry.select( settingsStore ).hasSettingsEdits() ).toBe(
			false
		);
	} );

	it( 'explains when the settings cannot be loaded', async () => {
		mockApiFetch.mockRejectedValue( {
			code: 'rest_forbidden',
			message: 'Sorry, you are not allowed to do that.',
		} );
		renderScreen();

		expect(
			await screen.findByText( 'Sorry, you are not allowed to do that.', {
				// Not the copy that wp.a11y speaks.
				ignore: '[aria-live], [aria-live] *',
			} )
		).toBeVisible();
	} );

	it( 'edits how guests find an order', async () => {
		const user = userEvent.setup();
		mockApiFetch.mockResolvedValue( {
			delete_data_on_uninstall: false,
			order_lookup_keys: 'email',
			return_portal_page: 0,
			contact_page: 0,
		} );
		const registry = renderScreen();

		const keys = await screen.findByLabelText(
			'Guests find an order with'
		);
		expect( keys ).toHaveValue( 'email' );
		await user.selectOptions( keys, 'email_or_postcode' );

		expect( registry.select( settingsStore ).getSettingsEdits() ).toEqual( {
			order_lookup_keys: 'email_or_postcode',
		} );
		expect( screen.getByLabelText( 'Contact page' ) ).toHaveValue( '0' );
	} );

	it( 'edits the trusted proxies one per line and shows why the server refused one', async () => {
		const user = userEvent.setup();
		mockApiFetch.mockImplementation( ( options: { method?: string } ) =>
			options.method === 'POST'
				? Promise.reject( {
						code: 'rest_invalid_param',
						message: 'Invalid parameter(s): trusted_proxies',
						data: {
							status: 400,
							params: {
								trusted_proxies:
									'"10.0.0.0/33" is not an IP address or a range like 203.0.113.0/24 or 2001:db8::/32.',
							},
						},
					} )
				: Promise.resolve( {
						delete_data_on_uninstall: false,
						trusted_proxies: [],
						client_address_header: 'X-Forwarded-For',
					} )
		);
		const registry = renderScreen();

		await user.click( await screen.findByLabelText( 'Trusted proxies' ) );
		await user.paste( '10.0.0.0/8\n\n 10.0.0.0/33 ' );
		await user.selectOptions(
			screen.getByLabelText( 'Header with the visitor address' ),
			'CF-Connecting-IP'
		);
		expect( registry.select( settingsStore ).getSettingsEdits() ).toEqual( {
			trusted_proxies: [ '10.0.0.0/8', '10.0.0.0/33' ],
			client_address_header: 'CF-Connecting-IP',
		} );

		await user.click( screen.getByRole( 'button', { name: 'Save' } ) );

		await waitFor( () =>
			expect(
				registry.select( noticesStore ).getNotices()
			).toContainEqual(
				expect.objectContaining( {
					content:
						'"10.0.0.0/33" is not an IP address or a range like 203.0.113.0/24 or 2001:db8::/32.',
				} )
			)
		);
		expect( registry.select( settingsStore ).hasSettingsEdits() ).toBe(
			true
		);
	} );

	it( 'edits how long help-center analytics are kept', async () => {
		const user = userEvent.setup();
		mockApiFetch.mockResolvedValue( {
			delete_data_on_uninstall: false,
			help_analytics_retention_months: 12,
		} );
		const registry = renderScreen();

		const months = await screen.findByLabelText(
			'Keep search analytics for (months)'
		);
		expect( months ).toHaveValue( 12 );
		await user.clear( months );
		await user.type( months, '6' );

		expect( registry.select( settingsStore ).getSettingsEdits() ).toEqual( {
			help_analytics_retention_months: 6,
		} );
	} );
} );
