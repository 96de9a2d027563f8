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
import { mailStore } from '../../store';
import type { ReceivedMail } from '../api';
import { ReceivedMailScreen } from '../ReceivedMailScreen';
import { argsFromView, queryFromView, viewFromArgs } from '../url-state';

jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );

// DataViews injects its stylesheets on load, and jsdom cannot parse them (and says so).
jest.mock( '@wordpress/dataviews/wp', () => {
	const quiet = jest.spyOn( console, 'error' ).mockImplementation( () => {} );
	const actual = jest.requireActual( '@wordpress/dataviews/wp' );
	quiet.mockRestore();
	return actual;
} );

const mockApiFetch = apiFetch as unknown as jest.Mock;

/** Where a snackbar's words are (they are also spoken, in a live region). */
const SNACKBAR = '.components-snackbar__content';

// jsdom has no layout: the modal's animations measure with scrollTo.
window.scrollTo = jest.fn();

const entry = ( overrides: Partial< ReceivedMail > ): ReceivedMail => ( {
	id: 1,
	received: '2026-12-05T10:00:00Z',
	source: 'webhook',
	sender: 'gwen@example.test',
	subject: 'Re: [#1042] Crushed parcel',
	outcome: 'stored',
	reason: '',
	reason_code: '',
	ticket_id: 42,
	ticket_number: 1042,
	...overrides,
} );

const STORED = entry( {} );
const BROKEN = entry( {
	id: 5,
	sender: '',
	subject: 'Broken',
	outcome: 'needs_attention',
	reason: 'The message has no sender address.',
	reason_code: 'no_sender',
	ticket_id: 0,
	ticket_number: null,
} );
const RAW =
	'Subject: Broken\r\n\r\n<p onclick="x()">Hi</p><script>alert(1)</script>';

interface Request {
	path: string;
	method?: string;
	parse?: boolean;
}

function page( items: ReceivedMail[] ) {
	return {
		json: async () => items,
		headers: { get: () => String( items.length ) },
	};
}

/** What a retry makes of the kept message; the log shows it as it now is. */
let retried: ReceivedMail = BROKEN;
let kept: ReceivedMail = BROKEN;

function serve() {
	mockApiFetch.mockImplementation( async ( request: Request ) => {
		const { path, method = 'GET' } = request;
		if ( path === '/aftercare/v1/mail/status' ) {
			return { needs_attention: 1 };
		}
		if ( path.startsWith( '/aftercare/v1/mail/received?' ) ) {
			return page(
				path.includes( 'outcome=needs_attention' )
					? [ kept ]
					: [ STORED, kept ]
			);
		}
		if ( path === '/aftercare/v1/mail/received/5' && method === 'GET' ) {
			return { ...BROKEN, raw: RAW, raw_truncated: false };
		}
		if ( path === '/aftercare/v1/mail/received/5' && method === 'DELETE' ) {
			return { deleted: true };
		}
		if ( path === '/aftercare/v1/mail/received/5/retry' ) {
			kept = retried;
			return retried;
		}
		throw new Error( `Unexpected ${ method } ${ path }` );
	} );
}

function requests( prefix: string, method = 'GET' ): string[] {
	return mockApiFetch.mock.calls
		.map( ( [ request ] ) => request as Request )
		.filter(
			( request ) =>
				request.path.startsWith( prefix ) &&
				( request.method ?? 'GET' ) === method
		)
		.map( ( request ) => request.path );
}

function renderScreen( search: string ) {
	window.history.replaceState(
		null,
		'',
		`/wp-admin/admin.php?page=aftercare-received-mail${ search }`
	);
	const registry = createRegistry();
	registry.register( noticesStore );
	registry.register( mailStore );
	render(
		<RegistryProvider value={ registry }>
			<ReceivedMailScreen />
		</RegistryProvider>
	);
}

describe( 'url-state', () => {
	it( 'keeps only a known outcome and the page', () => {
		const view = viewFromArgs(
			{ outcome: 'needs_attention', paged: '2', received: '5' },
			[]
		);
		expect( queryFromView( view ) ).toEqual( {
			outcome: 'needs_attention',
			page: 2,
			per_page: 20,
		} );
		expect( argsFromView( view ) ).toEqual( {
			outcome: 'needs_attention',
			paged: '2',
		} );
		expect(
			queryFromView( viewFromArgs( { outcome: 'deleted' }, [] ) )
		).toEqual( { page: 1, per_page: 20 } );
	} );
} );

describe( 'ReceivedMailScreen', () => {
	beforeEach( () => {
		mockApiFetch.mockReset();
		retried = BROKEN;
		kept = BROKEN;
		serve();
	} );

	it( 'lists what happened to each mail and filters by outcome, with the count needing attention', async () => {
		renderScreen( '' );
		expect( await screen.findByText( 'Broken' ) ).toBeVisible();
		expect(
			screen.getByRole( 'link', { name: 'Ticket #1042' } )
		).toHaveAttribute( 'href', expect.stringContaining( 'ticket=42' ) );
		expect(
			screen.getByText( 'The message has no sender address.' )
		).toBeVisible();

		const nav = screen.getByRole( 'navigation', {
			name: 'What happened to the mail',
		} );
		const needs = within( nav ).getByRole( 'link', {
			name: /^Needs attention/,
		} );
		await waitFor( () => expect( needs ).toHaveTextContent( '1' ) );
		await userEvent.click( needs );

		expect( window.location.search ).toContain( 'outcome=needs_attention' );
		await waitFor( () =>
			expect(
				screen.queryByText( STORED.subject )
			).not.toBeInTheDocument()
		);
		expect( screen.getByText( 'Broken' ) ).toBeVisible();
		expect( requests( '/aftercare/v1/mail/received?' ) ).toEqual( [
			'/aftercare/v1/mail/received?page=1&per_page=20',
			'/aftercare/v1/mail/received?page=1&per_page=20&outcome=needs_attention',
		] );
		expect( needs ).toHaveAttribute( 'aria-current', 'page' );
	} );

	it( 'opens a kept message with its reason and its raw text, never as markup, and dismisses it', async () => {
		renderScreen( '&outcome=needs_attention&received=5' );
		const dialog = await screen.findByRole( 'dialog', { name: 'Broken' } );
		const raw = await within( dialog ).findByLabelText( 'Raw message' );
		expect( raw.tagName ).toBe( 'PRE' );
		expect( raw.textContent ).toBe( RAW );
		expect( raw.querySelector( 'script, p' ) ).toBeNull();
		expect( dialog ).toHaveTextContent(
			'The message has no sender address.'
		);

		await userEvent.click(
			within( dialog ).getByRole( 'button', { name: 'Dismiss' } )
		);
		await waitFor( () =>
			expect( screen.queryByRole( 'dialog' ) ).not.toBeInTheDocument()
		);
		expect(
			requests( '/aftercare/v1/mail/received/5', 'DELETE' )
		).toHaveLength( 1 );
		// Back to the list it was opened from, which is asked for again.
		expect( window.location.search ).toBe(
			'?page=aftercare-received-mail&outcome=needs_attention'
		);
		expect(
			await screen.findByText( 'Message dismissed.', {
				selector: SNACKBAR,
			} )
		).toBeInTheDocument();
	} );

	it( 'tries a kept message again and shows what became of it', async () => {
		retried = {
			...BROKEN,
			outcome: 'stored',
			reason: '',
			ticket_id: 43,
			ticket_number: 1043,
		};
		renderScreen( '&received=5' );
		const dialog = await screen.findByRole( 'dialog', { name: 'Broken' } );
		await userEvent.click(
			await within( dialog ).findByRole( 'button', { name: 'Try again' } )
		);
		expect(
			await screen.findByText( 'Tried again: Stored.', {
				selector: SNACKBAR,
			} )
		).toBeInTheDocument();
		expect(
			within( dialog ).getByRole( 'link', { name: 'Ticket #1043' } )
		).toBeVisible();
		// Stored now: nothing left to retry or dismiss.
		expect(
			within( dialog ).queryByRole( 'button', { name: 'Try again' } )
		).not.toBeInTheDocument();
		expect(
			requests( '/aftercare/v1/mail/received/5/retry', 'POST' )
		).toHaveLength( 1 );
	} );
} );
