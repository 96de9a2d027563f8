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
import { OrderTimeline } from '../OrderTimeline';
import { event, response } from './fixtures/orders';

jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );

const mockApiFetch = apiFetch as unknown as jest.Mock;

describe( 'OrderTimeline', () => {
	it( 'shows a page of events with links and who did what, and appends the next page', async () => {
		const first = Array.from( { length: 20 }, ( _, i ) =>
			event( `Event ${ i + 1 }` )
		);
		first[ 1 ] = event( 'Shipped', {
			type: 'shipped',
			detail: 'UPS 1Z999AA10123456784',
			url: 'https://www.ups.com/track?tracknum=1Z999AA10123456784',
		} );
		first[ 2 ] = event( 'Internal note on Request #1012', {
			type: 'ticket_note',
			source: 'ticket',
			actor: 'Agnes Agentname',
		} );
		mockApiFetch
			.mockResolvedValueOnce( response( first, { 'X-WP-Total': '21' } ) )
			.mockResolvedValueOnce(
				response( [ event( 'Return R-1001: Approved' ) ], {
					'X-WP-Total': '21',
				} )
			);
		render( <OrderTimeline orderId={ 31 } /> );

		expect( await screen.findByText( 'Event 1' ) ).toBeInTheDocument();
		expect( screen.getAllByRole( 'listitem' ) ).toHaveLength( 20 );
		expect(
			screen.getByRole( 'link', { name: 'Shipped' } )
		).toHaveAttribute(
			'href',
			'https://www.ups.com/track?tracknum=1Z999AA10123456784'
		);
		expect( screen.getByText( /Agnes Agentname,/ ) ).toBeInTheDocument();
		expect( mockApiFetch ).toHaveBeenCalledWith( {
			path: '/aftercare/v1/orders/31/timeline?page=1&per_page=20',
			parse: false,
		} );

		fireEvent.click(
			screen.getByRole( 'button', { name: 'Show more (1)' } )
		);
		expect(
			await screen.findByText( 'Return R-1001: Approved' )
		).toBeInTheDocument();
		expect( screen.getAllByRole( 'listitem' ) ).toHaveLength( 21 );
		expect( mockApiFetch ).toHaveBeenLastCalledWith( {
			path: '/aftercare/v1/orders/31/timeline?page=2&per_page=20',
			parse: false,
		} );
		expect(
			screen.queryByRole( 'button', { name: /Show more/ } )
		).not.toBeInTheDocument();
	} );

	it( 'says when nothing happened and when the timeline cannot be read', async () => {
		mockApiFetch.mockResolvedValueOnce(
			response( [], { 'X-WP-Total': '0' } )
		);
		const { unmount } = render( <OrderTimeline orderId={ 32 } /> );
		expect(
			await screen.findByText( 'Nothing has happened yet.' )
		).toBeInTheDocument();
		unmount();

		mockApiFetch.mockRejectedValueOnce( {
			code: 'aftercare_order_not_found',
			message: 'We could not find that order.',
		} );
		render( <OrderTimeline orderId={ 33 } /> );
		expect(
			await screen.findByText( 'We could not find that order.', {
				selector: '.components-notice__content',
			} )
		).toBeInTheDocument();
	} );
} );
