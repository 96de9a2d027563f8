/**
 * External dependencies
 */
import { render, screen } from '@testing-library/react';

/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';

/**
 * Internal dependencies
 */
import type { AftercareTicketContext } from '../../api';
import { ContextPanel } from '../ContextPanel';

jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );

const mockApiFetch = apiFetch as unknown as jest.Mock;

const context = (
	overrides: Partial< AftercareTicketContext >
): AftercareTicketContext => ( {
	ticket_id: 7,
	customer: { id: 0, name: 'Gwen Guest', email: 'gwen@example.test' },
	email_verified: true,
	orders_available: true,
	orders: [
		{
			id: 11,
			number: '1011',
			status: 'processing',
			status_label: 'Processing',
			total: 89.5,
			currency: '',
			created: '2026-11-28T10:00:00Z',
		},
	],
	order_count: 1,
	total_spent: 89.5,
	currency: '',
	open_returns: [],
	other_tickets: [],
	...overrides,
} );

describe( 'ContextPanel', () => {
	it( 'shows the orders of a confirmed email', async () => {
		mockApiFetch.mockResolvedValueOnce( context( {} ) );
		render( <ContextPanel ticketId={ 7 } /> );
		expect( await screen.findByText( /Order #1011/ ) ).toBeInTheDocument();
		expect(
			screen.queryByText( 'Email not confirmed' )
		).not.toBeInTheDocument();
	} );

	it( 'says an unconfirmed email is only a claim and shows no history', async () => {
		mockApiFetch.mockResolvedValueOnce(
			context( {
				ticket_id: 8,
				email_verified: false,
				orders: [],
				order_count: 0,
				total_spent: 0,
			} )
		);
		render( <ContextPanel ticketId={ 8 } /> );
		expect(
			await screen.findByText( 'Email not confirmed' )
		).toBeInTheDocument();
		expect(
			screen.getByText( /Anyone can type gwen@example.test/, {
				selector: '.components-notice__content',
			} )
		).toBeInTheDocument();
		expect( screen.queryByText( 'Recent orders' ) ).not.toBeInTheDocument();
		expect(
			screen.queryByText( /orders?, .* spent/ )
		).not.toBeInTheDocument();
	} );
} );
