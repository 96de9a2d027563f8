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
	webhook_url: 'https://shop.test/wp-json/aftercare/v1/inbound/email',
	postmark_url: 'https://shop.test/wp-json/aftercare/v1/inbound/postmark',
	secret_set: true,
	mailbox: {
		enabled: true,
		host: 'imap.shop.test',
		user: 'help@shop.test',
		folder: 'INBOX',
		last_checked: '2026-12-05T10:00:00Z',
		last_handled: 2,
		last_error: '',
		last_error_kind: '',
	},
	needs_attention: 2,
};

const NEW_SECRET = 'newSecret0123456789abcdefXYZ';

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
			return { mailbox_host: 'imap.shop.test', support_email: '' };
		}
		if ( path === '/aftercare/v1/mail/secret' && method === 'POST' ) {
			return {
				secret: NEW_SECRET,
				postmark_url: `${ STATUS.postmark_url }?key=${ NEW_SECRET }`,
			};
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
		expect( screen.getByText( STATUS.webhook_url ) ).toBeVisible();
		expect(
			screen.getByRole( 'button', {
				name: 'Copy Webhook URL (raw message)',
			} )
		).toBeVisible();
		expect(
			screen.getByText(
				'help@shop.test on imap.shop.test, folder INBOX.'
			)
		).toBeVisible();
		expect(
			screen.getByText( /^Last checked .*: 2 new messages\.$/ )
		).toBeVisible();
		const link = screen.getByRole( 'link', { name: 'Received mail' } );
		expect( link ).toHaveAttribute(
			'href',
			expect.stringContaining( 'page=aftercare-received-mail' )
		);
		expect( link.parentElement ).toHaveTextContent( '(2 need attention)' );
	} );

	it( 'rotates the secret only after a confirmation that says senders must be updated, then shows the new one on request', async () => {
		serve();
		renderTools();
		// The server never sends the secret: only that one is set.
		expect(
			await screen.findByText( /never shown again once made/ )
		).toBeVisible();
		expect(
			screen.queryByRole( 'button', { name: 'Show secret' } )
		).not.toBeInTheDocument();

		await userEvent.click(
			screen.getByRole( 'button', { name: 'Rotate secret' } )
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
		const show = await screen.findByRole( 'button', {
			name: 'Show secret',
		} );
		expect( screen.queryByRole( 'dialog' ) ).not.toBeInTheDocument();
		expect( calls( '/aftercare/v1/mail/secret', 'POST' ) ).toHaveLength(
			1
		);
		// Masked, the Postmark address too, until asked for.
		expect( show ).toHaveAttribute( 'aria-pressed', 'false' );
		expect( document.body ).not.toHaveTextContent( NEW_SECRET );
		expect(
			screen.getByRole( 'button', { name: 'Copy Webhook secret' } )
		).toBeVisible();

		await userEvent.click( show );
		expect( show ).toHaveAttribute( 'aria-pressed', 'true' );
		expect( screen.getByText( NEW_SECRET ) ).toBeVisible();
		expect(
			screen.getByText( `${ STATUS.postmark_url }?key=${ NEW_SECRET }` )
		).toBeVisible();
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
