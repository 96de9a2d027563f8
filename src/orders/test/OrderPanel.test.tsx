/**
 * External dependencies
 */
import { render, screen, within } from '@testing-library/react';

/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';

/**
 * Internal dependencies
 */
import { OrderPanel } from '../OrderPanel';
import { eligibility, order } from './fixtures/orders';

jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );

const mockApiFetch = apiFetch as unknown as jest.Mock;

describe( 'OrderPanel', () => {
	it( 'shows the lines with pictures and whether each can be returned, the money and tracking', async () => {
		mockApiFetch.mockImplementation(
			async ( { path }: { path: string } ) =>
				path.startsWith( '/aftercare/v1/returns/eligibility' )
					? eligibility( 21 )
					: order( 21 )
		);
		const { container } = render( <OrderPanel orderId={ 21 } /> );

		const shirt = ( await screen.findByText( /2 × Linen shirt/ ) ).closest(
			'li'
		) as HTMLElement;
		expect( shirt.querySelector( 'img' ) ).toHaveAttribute(
			'src',
			'https://example.test/linen-shirt.jpg'
		);
		expect(
			await within( shirt ).findByText( '2 can be returned' )
		).toBeInTheDocument();
		const tote = screen
			.getByText( /1 × Canvas tote/ )
			.closest( 'li' ) as HTMLElement;
		expect( tote.querySelector( 'img' ) ).toBeNull();
		expect( within( tote ).getByText( /1 refunded/ ) ).toBeInTheDocument();
		expect(
			within( tote ).getByText(
				'Not returnable: It was refunded already.'
			)
		).toBeInTheDocument();

		const totals = container.querySelector(
			'.aftercare-order-panel__totals'
		) as HTMLElement;
		expect(
			within( totals ).getByText( 'Credit card' )
		).toBeInTheDocument();
		expect( within( totals ).getByText( 'Refunded' ) ).toBeInTheDocument();
		expect( screen.getByText( /Damaged in transit/ ) ).toBeInTheDocument();
		expect( screen.getByText( 'Coupons: spring10' ) ).toBeInTheDocument();
		expect(
			screen.getByRole( 'link', { name: '1Z999AA10123456784' } )
		).toHaveAttribute(
			'href',
			'https://www.ups.com/track?tracknum=1Z999AA10123456784'
		);
		expect( mockApiFetch ).toHaveBeenCalledWith( {
			path: '/aftercare/v1/returns/eligibility?order_id=21',
		} );
	} );

	it( 'says why an order cannot be shown', async () => {
		mockApiFetch.mockRejectedValue( {
			code: 'aftercare_order_not_found',
			message: 'That order no longer exists.',
		} );
		render( <OrderPanel orderId={ 22 } /> );
		expect(
			await screen.findByText( 'That order no longer exists.', {
				selector: '.components-notice__content',
			} )
		).toBeInTheDocument();
	} );
} );
