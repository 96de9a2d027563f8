/**
 * External dependencies
 */
import { render, screen, waitFor, within } from '@testing-library/react';
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
import schema from '../../api/schema/settings.json';
import type { AftercareSettings } from '../../api';
import { settingsStore } from '../../store';
import { settingsRecord } from '../store/test-utils/settings-record';
import { SettingsScreen } from '../SettingsScreen';

jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );

const mockApiFetch = apiFetch as unknown as jest.Mock;

// Whole-screen tests with typing: slow on a busy machine.
jest.setTimeout( 30_000 );

// jsdom has no layout: the components' animations (framer-motion) measure with scrollTo.
window.scrollTo = jest.fn();

interface Request {
	method?: string;
	data?: Partial< AftercareSettings >;
}

/**
 * Answers like the settings route: OPTIONS with the schema, GET with the values, POST with the
 * values after the change (or with `refuse` when given).
 *
 * @param options         Options.
 * @param options.values  Saved values.
 * @param options.extra   Properties to add to the served schema.
 * @param options.refusal What a POST is rejected with.
 * @return The POSTed bodies.
 */
function serve( {
	values = settingsRecord(),
	extra = {},
	refusal,
}: {
	values?: object;
	extra?: Record< string, unknown >;
	refusal?: unknown;
} = {} ) {
	const posted: Array< Partial< AftercareSettings > > = [];
	let current = { ...values };
	mockApiFetch.mockImplementation( ( request: Request ) => {
		if ( request.method === 'OPTIONS' ) {
			return Promise.resolve( {
				schema: {
					...schema,
					properties: { ...schema.properties, ...extra },
				},
			} );
		}
		if ( request.method === 'POST' ) {
			posted.push( request.data ?? {} );
			if ( refusal ) {
				return Promise.reject( refusal );
			}
			current = { ...current, ...request.data };
		}
		return Promise.resolve( current );
	} );
	return posted;
}

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

async function openSection(
	user: ReturnType< typeof userEvent.setup >,
	name: RegExp
) {
	await user.click( await screen.findByRole( 'tab', { name } ) );
}

describe( 'SettingsScreen', () => {
	beforeEach( () => {
		mockApiFetch.mockReset();
		window.history.replaceState(
			null,
			'',
			'/wp-admin/admin.php?page=aftercare-settings'
		);
	} );

	it( 'shows the sections a store owner scans, General first', async () => {
		serve();
		renderScreen();

		expect(
			screen.getByRole( 'heading', {
				level: 1,
				name: 'Support settings',
			} )
		).toBeInTheDocument();
		const tabs = await screen.findAllByRole( 'tab' );
		expect( tabs.map( ( tab ) => tab.textContent ) ).toEqual( [
			'General',
			'Tickets & SLA',
			'Returns',
			'Help center',
			'Email',
			'Privacy',
		] );
		expect(
			screen.getByLabelText( 'Guests find an order with' )
		).toHaveValue( 'email' );
		expect(
			screen.getByRole( 'button', { name: 'Save' } )
		).toHaveAttribute( 'aria-disabled', 'true' );
	} );

	it( 'renders and saves a setting it has no code for, from the schema alone', async () => {
		const user = userEvent.setup();
		const posted = serve( {
			values: { ...settingsRecord(), loyalty_points_per_return: 3 },
			extra: {
				loyalty_points_per_return: {
					description:
						'Points a shopper keeps when an item comes back.',
					type: 'integer',
					minimum: 0,
					maximum: 50,
					default: 0,
					context: [ 'view', 'edit' ],
					'x-aftercare': {
						section: 'returns',
						label: 'Loyalty points kept',
						unit: 'points',
					},
				},
			},
		} );
		const registry = renderScreen();

		await openSection( user, /^Returns/ );
		const input = await screen.findByRole( 'spinbutton', {
			name: 'Loyalty points kept (points)',
		} );
		expect( input ).toHaveValue( 3 );
		expect( input ).toHaveAccessibleDescription(
			'Points a shopper keeps when an item comes back.'
		);
		await user.clear( input );
		await user.type( input, '7' );
		await user.click( screen.getByRole( 'button', { name: 'Save' } ) );

		await waitFor( () =>
			expect( posted ).toEqual( [ { loyalty_points_per_return: 7 } ] )
		);
		await waitFor( () =>
			expect(
				registry.select( noticesStore ).getNotices()
			).toContainEqual(
				expect.objectContaining( { content: 'Settings saved.' } )
			)
		);
	} );

	it( 'shows the server’s reason by the refused field and marks its section', async () => {
		const user = userEvent.setup();
		const reason = 'Return window: enter a number from 1 to 3,650.';
		serve( {
			refusal: {
				code: 'rest_invalid_param',
				message: 'Invalid parameter(s): return_window_days',
				data: { status: 400, params: { return_window_days: reason } },
			},
		} );
		const registry = renderScreen();

		await openSection( user, /^Returns/ );
		const window = await screen.findByRole( 'spinbutton', {
			name: 'Return window (days)',
		} );
		await user.clear( window );
		await user.type( window, '0' );
		await user.click( screen.getByRole( 'button', { name: 'Save' } ) );

		await waitFor( () =>
			expect( window ).toHaveAccessibleDescription(
				expect.stringContaining( reason )
			)
		);
		expect( window ).toHaveAttribute( 'aria-invalid', 'true' );
		expect(
			screen.getByRole( 'tab', { name: 'Returns (1 to fix)' } )
		).toBeInTheDocument();
		expect( registry.select( noticesStore ).getNotices() ).toContainEqual(
			expect.objectContaining( {
				content: expect.stringContaining( 'Nothing was saved' ),
			} )
		);
		expect( registry.select( settingsStore ).hasSettingsEdits() ).toBe(
			true
		);

		// Changing the value takes the old reason away.
		await user.type( window, '5' );
		expect( window ).not.toHaveAccessibleDescription(
			expect.stringContaining( reason )
		);
	} );

	it( 'edits the return reasons: label, photos, offered, added and removed', async () => {
		const user = userEvent.setup();
		const posted = serve();
		renderScreen();

		await openSection( user, /^Returns/ );
		const reasons = await screen.findByRole( 'group', {
			name: 'Return reasons',
		} );
		const [ first ] = within( reasons ).getAllByRole( 'listitem' );
		await user.click(
			within( first! ).getByRole( 'checkbox', {
				name: 'Offered to shoppers',
			} )
		);
		await user.click(
			within( reasons ).getByRole( 'button', {
				name: 'Remove reason “Changed my mind”',
			} )
		);
		await user.click(
			within( reasons ).getByRole( 'button', { name: 'Add a reason' } )
		);
		const added = within( reasons ).getAllByRole( 'listitem' ).at( -1 )!;
		await user.type(
			within( added ).getByRole( 'textbox', { name: 'Reason 5' } ),
			'Too small!'
		);
		await user.click(
			within( added ).getByRole( 'checkbox', { name: 'Needs photos' } )
		);
		await user.click( screen.getByRole( 'button', { name: 'Save' } ) );

		await waitFor( () => expect( posted ).toHaveLength( 1 ) );
		const sent = posted[ 0 ]?.return_reasons ?? [];
		expect( sent.map( ( reason ) => reason.key ) ).toEqual( [
			'damaged',
			'wrong_item',
			'size',
			'not_as_described',
			'too_small',
		] );
		expect( sent[ 0 ] ).toEqual(
			expect.objectContaining( { key: 'damaged', active: false } )
		);
		expect( sent[ 4 ] ).toEqual( {
			key: 'too_small',
			label: 'Too small!',
			photos: true,
			active: true,
		} );
	} );

	it( 'edits the priority rules: a rule added with its amount, priority and SLA share, one removed', async () => {
		const user = userEvent.setup();
		const posted = serve( {
			values: settingsRecord( {
				priority_rules: [
					{
						key: 'late',
						when: 'order_late',
						amount: 0,
						days: 4,
						priority: 'raise',
						sla_percent: 100,
						first_response_minutes: 0,
					},
				],
			} ),
		} );
		renderScreen();

		await openSection( user, /^Tickets/ );
		const rules = await screen.findByRole( 'group', {
			name: 'Priority from the order',
		} );
		expect(
			within( rules ).getByRole( 'spinbutton', {
				name: 'Shipped at least (days ago), not delivered',
			} )
		).toHaveValue( 4 );
		await user.click(
			within( rules ).getByRole( 'button', { name: 'Add a rule' } )
		);
		const added = within( rules ).getAllByRole( 'listitem' ).at( -1 )!;
		const amount = within( added ).getByRole( 'spinbutton', {
			name: 'Amount',
		} );
		await user.clear( amount );
		await user.type( amount, '750' );
		await user.selectOptions(
			within( added ).getByRole( 'combobox', { name: 'Priority' } ),
			'urgent'
		);
		const share = within( added ).getByRole( 'spinbutton', {
			name: 'SLA targets, % of usual',
		} );
		await user.clear( share );
		await user.type( share, '50' );
		await user.click(
			within( rules ).getByRole( 'button', { name: 'Remove Rule 1' } )
		);
		await user.click( screen.getByRole( 'button', { name: 'Save' } ) );

		await waitFor( () => expect( posted ).toHaveLength( 1 ) );
		expect( posted[ 0 ]?.priority_rules ).toEqual( [
			{
				key: 'order_total',
				when: 'order_total',
				amount: 750,
				days: 3,
				priority: 'urgent',
				sla_percent: 50,
				first_response_minutes: 0,
			},
		] );
	} );

	it( 'guards unsaved changes until they are saved', async () => {
		const user = userEvent.setup();
		serve();
		renderScreen();
		const leave = () => {
			const event = new Event( 'beforeunload', { cancelable: true } );
			window.dispatchEvent( event );
			return event.defaultPrevented;
		};

		await openSection( user, /^Privacy/ );
		expect( leave() ).toBe( false );
		await user.click(
			await screen.findByRole( 'checkbox', {
				name: 'Remove all data when Aftercare is deleted',
			} )
		);
		expect(
			screen.getByText( 'You have unsaved changes.' )
		).toBeInTheDocument();
		expect( leave() ).toBe( true );

		// Another section keeps the change.
		await openSection( user, /^General/ );
		await openSection( user, /^Privacy/ );
		expect(
			screen.getByRole( 'checkbox', {
				name: 'Remove all data when Aftercare is deleted',
			} )
		).toBeChecked();

		await user.click( screen.getByRole( 'button', { name: 'Save' } ) );
		await waitFor( () => expect( leave() ).toBe( false ) );
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

	it( 'keeps the trusted proxies one per line', async () => {
		const user = userEvent.setup();
		const posted = serve();
		renderScreen();

		await user.click( await screen.findByLabelText( 'Trusted proxies' ) );
		await user.paste( '10.0.0.0/8\n\n 2001:db8::/32 ' );
		await user.click( screen.getByRole( 'button', { name: 'Save' } ) );

		await waitFor( () =>
			expect( posted ).toEqual( [
				{ trusted_proxies: [ '10.0.0.0/8', '2001:db8::/32' ] },
			] )
		);
	} );

	it( 'chooses attachment types from the safe list only', async () => {
		const user = userEvent.setup();
		const posted = serve();
		renderScreen();

		await openSection( user, /^Tickets/ );
		const types = await screen.findByRole( 'group', {
			name: 'Files customers and agents may attach',
		} );
		expect( within( types ).getAllByRole( 'checkbox' ) ).toHaveLength( 6 );
		await user.click(
			within( types ).getByRole( 'checkbox', { name: 'GIF images' } )
		);
		await user.click( screen.getByRole( 'button', { name: 'Save' } ) );

		await waitFor( () =>
			expect( posted ).toEqual( [
				{
					attachment_types: [
						'image/jpeg',
						'image/png',
						'image/webp',
						'application/pdf',
						'text/plain',
					],
				},
			] )
		);
	} );
} );
