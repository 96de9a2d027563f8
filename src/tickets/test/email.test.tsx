/**
 * External dependencies
 */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';
import { RegistryProvider, createRegistry } from '@wordpress/data';
import { store as noticesStore } from '@wordpress/notices';
import type { ReactNode } from 'react';

/**
 * Internal dependencies
 */
import type { AftercareMessage } from '../../api';
import { ticketsStore } from '../../store';
import { CcEditor, ccProblem } from '../CcEditor';
import { Thread } from '../Thread';
import { aTicket } from '../store/test/fixtures/ticket';

jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );

const mockApiFetch = apiFetch as unknown as jest.Mock;

function withRegistry( children: ReactNode ) {
	const registry = createRegistry();
	registry.register( noticesStore );
	registry.register( ticketsStore );
	return render(
		<RegistryProvider value={ registry }>{ children }</RegistryProvider>
	);
}

const mailed = (
	overrides: Partial< AftercareMessage > = {}
): AftercareMessage => ( {
	id: 9,
	ticket_id: 7,
	type: 'reply',
	author: { id: 0, name: 'Gwen Guest', role: 'customer' },
	body: '<p>Yes, the 14th works.</p>',
	created: '2026-12-05T10:00:00Z',
	attachments: [],
	email: {
		received_id: 3,
		sender: 'gwen@example.test',
		matched: true,
		has_quoted: true,
	},
	...overrides,
} );

describe( 'Thread: mail', () => {
	beforeEach( () => {
		mockApiFetch.mockReset();
	} );

	it( 'labels a mailed message with its sender and how it was threaded', () => {
		withRegistry(
			<Thread
				messages={ [
					mailed(),
					mailed( {
						id: 10,
						email: {
							received_id: 4,
							sender: 'new@example.test',
							matched: false,
							has_quoted: false,
						},
					} ),
					mailed( { id: 11, email: null } ),
				] }
			/>
		);
		const [ reply, opener, web ] = screen.getAllByRole( 'article' ) as [
			HTMLElement,
			HTMLElement,
			HTMLElement,
		];
		expect( reply ).toHaveTextContent(
			'Email from gwen@example.test, threaded into this ticket'
		);
		expect( opener ).toHaveTextContent(
			'Email from new@example.test, which opened this ticket'
		);
		// Nothing was trimmed from it: nothing to show.
		expect(
			within( opener ).queryByRole( 'button', {
				name: 'Show quoted text',
			} )
		).not.toBeInTheDocument();
		expect( web ).not.toHaveTextContent( 'Email from' );
	} );

	it( 'fetches the quoted text the first time it is shown, and only then', async () => {
		mockApiFetch.mockResolvedValue( {
			html: '<p>On Dec 4, Shop wrote:</p><blockquote>Which day suits you?</blockquote>',
		} );
		withRegistry( <Thread messages={ [ mailed() ] } /> );
		const toggle = screen.getByRole( 'button', {
			name: 'Show quoted text',
		} );
		expect( toggle ).toHaveAttribute( 'aria-expanded', 'false' );
		expect( mockApiFetch ).not.toHaveBeenCalled();

		await userEvent.click( toggle );
		expect(
			await screen.findByText( 'Which day suits you?' )
		).toBeVisible();
		expect( toggle ).toHaveAttribute( 'aria-expanded', 'true' );
		expect( toggle ).toHaveAccessibleName( 'Hide quoted text' );

		await userEvent.click( toggle );
		expect(
			screen.queryByText( 'Which day suits you?' )
		).not.toBeInTheDocument();
		await userEvent.click( toggle );
		expect( screen.getByText( 'Which day suits you?' ) ).toBeVisible();
		expect( mockApiFetch ).toHaveBeenCalledTimes( 1 );
		expect( mockApiFetch ).toHaveBeenCalledWith( {
			path: '/aftercare/v1/tickets/7/messages/9/quoted',
		} );
	} );

	it( 'says when the quoted text cannot be loaded', async () => {
		mockApiFetch.mockRejectedValue( {
			code: 'aftercare_not_found',
			message: 'The original mail is no longer kept.',
		} );
		withRegistry( <Thread messages={ [ mailed() ] } /> );
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Show quoted text' } )
		);
		expect(
			await screen.findByText( 'The original mail is no longer kept.', {
				selector: '.components-notice__content',
			} )
		).toBeVisible();
	} );
} );

describe( 'CcEditor', () => {
	const ticket = aTicket( {
		cc: [ 'partner@example.test' ],
		customer: { id: 0, name: 'Gwen Guest', email: 'Gwen@example.test' },
	} );

	it( 'refuses what is not a new address, and says why', () => {
		expect( ccProblem( 'not an address', ticket ) ).toBe(
			'Enter an email address, like name@example.com.'
		);
		expect( ccProblem( 'a@b', ticket ) ).not.toBeNull();
		expect( ccProblem( 'gwen@EXAMPLE.test', ticket ) ).toBe(
			'That is the customer’s own address.'
		);
		expect( ccProblem( 'Partner@example.test', ticket ) ).toBe(
			'That address is already copied.'
		);
		const full = aTicket( {
			cc: Array.from(
				{ length: 10 },
				( _, i ) => `c${ i }@example.test`
			),
		} );
		expect( ccProblem( 'eleventh@example.test', full ) ).toBe(
			'A ticket copies at most 10 addresses.'
		);
		expect( ccProblem( 'accounts@example.test', ticket ) ).toBeNull();
	} );

	it( 'adds a valid address, removes one, and keeps a bad one out with a message', async () => {
		const onChange = jest.fn();
		render( <CcEditor ticket={ ticket } onChange={ onChange } /> );
		const field = screen.getByRole( 'textbox', {
			name: 'Add a CC address',
		} );

		await userEvent.type( field, 'nope{Enter}' );
		expect( screen.getByRole( 'alert' ) ).toHaveTextContent(
			'Enter an email address, like name@example.com.'
		);
		expect( field ).toHaveAttribute( 'aria-invalid', 'true' );
		expect( onChange ).not.toHaveBeenCalled();

		await userEvent.clear( field );
		await userEvent.type( field, ' accounts@example.test ' );
		await userEvent.click( screen.getByRole( 'button', { name: 'Add' } ) );
		expect( onChange ).toHaveBeenLastCalledWith( [
			'partner@example.test',
			'accounts@example.test',
		] );
		expect( field ).toHaveValue( '' );
		expect( screen.getByRole( 'alert' ) ).toBeEmptyDOMElement();

		await userEvent.click(
			screen.getByRole( 'button', {
				name: 'Remove partner@example.test',
			} )
		);
		expect( onChange ).toHaveBeenLastCalledWith( [] );
	} );
} );
