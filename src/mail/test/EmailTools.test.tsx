/**
 * External dependencies
 */
import { act, render, screen, within } from '@testing-library/react';
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
import { mailStore, settingsStore } from '../../store';
import type { MailStatus } from '../api';
import { EmailTools } from '../EmailTools';

jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );

const mockApiFetch = apiFetch as unknown as jest.Mock;

/** Where a notice's words are (they are also spoken, in a live region). */
const NOTICE = '.components-notice__content';

// jsdom has no layout: the modal's animations measure with scrollTo.
window.scrollTo = jest.fn();

const STATUS: MailStatus = {
	support_address: 'help@shop.test',
	reply_address_example: 'help+t1042.7f3a9c2e@shop.test',
	webhooks: {
		raw: 'https://shop.test/wp-json/aftercare/v1/inbound/email',
		postmark:
			'https://shop.test/wp-json/aftercare/v1/inbound/postmark?key=…',
	},
	secret_set: true,
	mailbox: {
		enabled: true,
		host: 'imap.shop.test',
		last_checked: '2026-12-05T10:00:00Z',
		last_result: '2 new messages',
	},
	needs_attention: 2,
};

interface Request {
	path: string;
	method?: string;
	data?: Record< string, unknown >;
}

/**
 * Answers the routes EmailTools uses; `test` is what the mailbox test answers.
 *
 * @param test The mailbox test's answer (a rejection for a failure).
 */
function serve( test: () => Promise< unknown > = async () => ( {} ) ) {
	mockApiFetch.mockImplementation( async ( request: Request ) => {
		const { path, method = 'GET' } = request;
		if ( path === '/aftercare/v1/mail/status' ) {
			return STATUS;
		}
		if (
			path.startsWith( '/aftercare/v1/settings?' ) &&
			method === 'GET'
		) {
			return path.includes( '_fields=inbound_secret' )
				? { inbound_secret: 'oldSecret0123456789abcdefXYZ' }
				: { mailbox_host: 'imap.shop.test', support_email: '' };
		}
		if ( path === '/aftercare/v1/mail/secret' && method === 'POST' ) {
			return { secret: 'newSecret0123456789abcdefXYZ' };
		}
		if ( path === '/aftercare/v1/settings/email/test' ) {
			return test();
		}
		throw new Error( `Unexpected ${ method } ${ path }` );
	} );
}

function calls( path: string, method = 'GET' ): Request[] {
	return mockApiFetch.mock.calls
		.map( ( [ request ] ) => request as Request )
		.filter(
			( request ) =>
				request.path.startsWith( path ) &&
				( request.method ?? 'GET' ) === method
		);
}

function renderTools() {
	const registry = createRegistry();
	registry.register( noticesStore );
	registry.register( settingsStore );
	registry.register( mailStore );
	render(
		<RegistryProvider value={ registry }>
			<EmailTools />
		</RegistryProvider>
	);
	return registry;
}

describe( 'EmailTools', () => {
	beforeEach( () => {
		mockApiFetch.mockReset();
	} );

	it( 'shows where mail comes in and links the log with the count needing attention', async () => {
		serve();
		renderTools();
		expect( await screen.findByText( 'help@shop.test' ) ).toBeVisible();
		expect(
			screen.getByText( 'help+t1042.7f3a9c2e@shop.test' )
		).toBeVisible();
		expect( screen.getByText( STATUS.webhooks.raw ) ).toBeVisible();
		expect(
			screen.getByRole( 'button', {
				name: 'Copy Webhook URL (raw message)',
			} )
		).toBeVisible();
		expect(
			screen.getByText( /imap\.shop\.test, last checked/ )
		).toHaveTextContent( '2 new messages' );
		const link = screen.getByRole( 'link', { name: 'Received mail' } );
		expect( link ).toHaveAttribute(
			'href',
			expect.stringContaining( 'page=aftercare-received-mail' )
		);
		expect( link.parentElement ).toHaveTextContent( '(2 need attention)' );
	} );

	it( 'keeps the secret hidden until asked for, and reads it only then', async () => {
		serve();
		renderTools();
		const show = await screen.findByRole( 'button', {
			name: 'Show secret',
		} );
		expect( show ).toHaveAttribute( 'aria-pressed', 'false' );
		expect( screen.queryByText( /oldSecret/ ) ).not.toBeInTheDocument();
		expect( calls( '/aftercare/v1/settings?' ) ).toHaveLength( 0 );

		await userEvent.click( show );
		expect(
			await screen.findByText( 'oldSecret0123456789abcdefXYZ' )
		).toBeVisible();
		expect( show ).toHaveAttribute( 'aria-pressed', 'true' );

		await userEvent.click( show );
		expect(
			screen.queryByText( 'oldSecret0123456789abcdefXYZ' )
		).not.toBeInTheDocument();
	} );

	it( 'rotates the secret only after a confirmation that says senders must be updated', async () => {
		serve();
		renderTools();
		await userEvent.click(
			await screen.findByRole( 'button', { name: 'Rotate secret' } )
		);
		let dialog = screen.getByRole( 'dialog', {
			name: 'Rotate the webhook secret?',
		} );
		expect( dialog ).toHaveTextContent(
			'is refused until you update it with the new secret'
		);
		await userEvent.click(
			within( dialog ).getByRole( 'button', { name: 'Cancel' } )
		);
		expect( screen.queryByRole( 'dialog' ) ).not.toBeInTheDocument();
		expect( calls( '/aftercare/v1/mail/secret', 'POST' ) ).toHaveLength(
			0
		);

		await userEvent.click(
			screen.getByRole( 'button', { name: 'Rotate secret' } )
		);
		dialog = screen.getByRole( 'dialog' );
		await userEvent.click(
			within( dialog ).getByRole( 'button', { name: 'Rotate secret' } )
		);
		// The new secret is shown at once: it has to be copied to the senders.
		expect(
			await screen.findByText( 'newSecret0123456789abcdefXYZ' )
		).toBeVisible();
		expect( calls( '/aftercare/v1/mail/secret', 'POST' ) ).toHaveLength(
			1
		);
		expect( screen.queryByRole( 'dialog' ) ).not.toBeInTheDocument();
	} );

	it( 'tests the mailbox with the form’s unsaved values and shows what the server said', async () => {
		serve( async () => ( {
			greeting: '* OK Dovecot ready.',
			capabilities: [ 'IMAP4rev1' ],
			folder: 'Support',
			messages: 3,
		} ) );
		const registry = renderTools();
		// The settings form: loaded, then the mailbox host changed (unsaved), and the data toggle too.
		await act( async () => {
			await registry.resolveSelect( settingsStore ).getSettings();
			registry.dispatch( settingsStore ).editSettings( {
				mailbox_host: 'imap.other.test',
				delete_data_on_uninstall: true,
			} );
		} );

		await userEvent.click(
			await screen.findByRole( 'button', { name: 'Test connection' } )
		);
		expect(
			await screen.findByText(
				'Connected. The folder Support holds 3 messages. The server said: * OK Dovecot ready.',
				{ selector: NOTICE }
			)
		).toBeVisible();
		const [ sent ] = calls( '/aftercare/v1/settings/email/test', 'POST' );
		expect( sent?.data ).toEqual( { mailbox_host: 'imap.other.test' } );
	} );

	it( 'says why the connection failed', async () => {
		serve( () =>
			Promise.reject( {
				code: 'aftercare_mailbox_auth',
				message:
					'The server refused the user name or password: [AUTHENTICATIONFAILED] Authentication failed.',
				data: { status: 400 },
			} )
		);
		renderTools();
		await userEvent.click(
			await screen.findByRole( 'button', { name: 'Test connection' } )
		);
		expect(
			await screen.findByText(
				'The connection failed: The server refused the user name or password: [AUTHENTICATIONFAILED] Authentication failed.',
				{ selector: NOTICE }
			)
		).toBeVisible();
		expect(
			screen.queryByText( /^Connected\./, { selector: NOTICE } )
		).not.toBeInTheDocument();
	} );
} );
