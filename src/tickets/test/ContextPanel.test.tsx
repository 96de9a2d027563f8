/**
 * External dependencies
 */
import { fireEvent, render, screen } from '@testing-library/react';

/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';

/**
 * Internal dependencies
 */
import type { AftercareTicketContext } from '../../api';
import { ContextPanel } from '../ContextPanel';
import {
	eligibility,
	order,
	response,
} from '../../orders/test/fixtures/orders';

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

/**
 * Answers the panel's requests: the context, then each order's details,
 * eligibility and timeline.
 *
 * @param ticketContext What the context route answers.
 */
function serve( ticketContext: AftercareTicketContext ) {
	mockApiFetch.mockImplementation( async ( { path }: { path: string } ) => {
		if ( path.endsWith( '/context' ) ) {
			return ticketContext;
		}
		if ( path.includes( '/timeline' ) ) {
			return response( [], { 'X-WP-Total': '0' } );
		}
		const id = Number( /(?:orders\/|order_id=)(\d+)/.exec( path )?.[ 1 ] );
		return path.includes( 'eligibility' ) ? eligibility( id ) : order( id );
	} );
}

describe( 'ContextPanel', () => {
	it( 'shows the ticket’s order and switches to another of the customer’s orders', async () => {
		serve(
			context( {
				orders: [ 11, 12 ].map( ( id ) => ( {
					id,
					number: String( 1000 + id ),
					status: 'processing',
					status_label: 'Processing',
					total: 89.5,
					currency: '',
					created: '2026-11-28T10:00:00Z',
				} ) ),
			} )
		);
		render( <ContextPanel ticketId={ 7 } orderId={ 12 } /> );
		const picker = await screen.findByRole( 'combobox', {
			name: 'Show order',
		} );
		expect( picker ).toHaveValue( '12' );
		expect(
			screen.getByRole( 'option', { name: /Order #1011/ } )
		).toBeInTheDocument();
		expect(
			await screen.findByText( /2 × Linen shirt/ )
		).toBeInTheDocument();
		expect( mockApiFetch ).toHaveBeenCalledWith( {
			path: '/aftercare/v1/orders/12',
		} );
		expect(
			screen.queryByText( 'Email not confirmed' )
		).not.toBeInTheDocument();

		fireEvent.change( picker, { target: { value: '11' } } );
		await screen.findByText( /2 × Linen shirt/ );
		expect( mockApiFetch ).toHaveBeenCalledWith( {
			path: '/aftercare/v1/orders/11',
		} );
		expect( mockApiFetch ).toHaveBeenCalledWith( {
			path: '/aftercare/v1/orders/11/timeline?page=1&per_page=20',
			parse: false,
		} );
	} );

	it( 'says an unconfirmed email is only a claim and shows no history', async () => {
		serve(
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
