/**
 * External dependencies
 */
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';

/**
 * Internal dependencies
 */
import { OrderActionDialog } from '../OrderActionDialog';
import { eligibility, order } from '../../orders/test/fixtures/orders';
import { options } from './fixtures/order-actions';

jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );

const mockApiFetch = apiFetch as unknown as jest.Mock;

// Each keystroke renders the whole modal again, slow on a busy machine.
jest.setTimeout( 30_000 );

interface Request {
	path: string;
	method?: string;
	data?: unknown;
}

/**
 * Serves the dialog's reads (the options, the order, its eligibility) and
 * answers the action with `post`.
 *
 * @param post What the POST of the action does.
 */
function serve( post: () => Promise< unknown > ) {
	mockApiFetch.mockImplementation( async ( { path, method }: Request ) => {
		if ( method === 'POST' ) {
			return post();
		}
		if ( /\/order-actions\/11$/.test( path ) ) {
			return options();
		}
		return path.includes( 'eligibility' ) ? eligibility( 11 ) : order( 11 );
	} );
}

const posts = () =>
	mockApiFetch.mock.calls
		.map( ( [ request ] ) => request as Request )
		.filter( ( { method } ) => method === 'POST' );

const optionReads = ( ticketId: number ) =>
	mockApiFetch.mock.calls.filter(
		( [ { path } ] ) =>
			path === `/aftercare/v1/tickets/${ ticketId }/order-actions/11`
	).length;

// The data stores live for the whole file: each test has a ticket of its own.
async function open( ticketId: number ) {
	const onClose = jest.fn();
	render(
		<OrderActionDialog
			ticketId={ ticketId }
			orderId={ 11 }
			customerEmail="gwen@example.test"
			onClose={ onClose }
		/>
	);
	await screen.findByRole( 'dialog', {
		name: 'Order action: order #1011',
	} );
	return onClose;
}

describe( 'OrderActionDialog', () => {
	beforeEach( () => mockApiFetch.mockReset() );

	it( 'reviews a refund in words, then sends it with the reply, and refreshes the order’s options', async () => {
		serve( async () => ( { action: 'refund', message_id: 5 } ) );
		const user = userEvent.setup();
		const onClose = await open( 21 );
		expect(
			screen.getByText(
				'Left to refund on this order: $94.98. Your limit per refund: $50.00.'
			)
		).toBeInTheDocument();
		await user.type(
			screen.getByRole( 'spinbutton', {
				name: 'Quantity to refund: Wool socks',
			} ),
			'1'
		);
		expect( screen.getByText( 'Refund: $7.49' ) ).toBeInTheDocument();
		await user.click(
			screen.getByRole( 'checkbox', {
				name: 'Put the refunded units back in stock',
			} )
		);
		const reply = screen.getByRole( 'textbox', {
			name: 'Reply to the customer',
		} );
		await user.clear( reply );
		await user.paste( 'Sorry about the socks.' );
		await user.click( screen.getByRole( 'button', { name: 'Review' } ) );

		// The confirm step: what will happen, with the focus on it; nothing sent yet.
		expect(
			screen.getByRole( 'heading', {
				name: 'Confirm: this is what will happen',
			} )
		).toHaveFocus();
		expect(
			screen.getByText(
				'Refund $7.49 for order #1011: 1 × Wool socks ($7.49).'
			)
		).toBeInTheDocument();
		expect(
			screen.getByText( /It cannot be undone\.$/ )
		).toBeInTheDocument();
		expect(
			screen.getByText( /Your reply goes to gwen@example\.test/ )
		).toBeInTheDocument();
		expect(
			screen.queryByRole( 'spinbutton', {
				name: 'Quantity to refund: Wool socks',
			} )
		).not.toBeInTheDocument();
		expect( posts() ).toEqual( [] );
		const reads = optionReads( 21 );

		await user.click(
			screen.getByRole( 'button', { name: 'Confirm refund' } )
		);
		await waitFor( () => expect( onClose ).toHaveBeenCalled() );
		expect( posts() ).toEqual( [
			{
				path: '/aftercare/v1/tickets/21/order-actions',
				method: 'POST',
				data: {
					order_id: 11,
					action: 'refund',
					message: '<p>Sorry about the socks.</p>',
					lines: [ { order_item_id: 1101, quantity: 1 } ],
					restock: true,
				},
			},
		] );
		// What is left to refund is read again.
		await waitFor( () =>
			expect( optionReads( 21 ) ).toBeGreaterThan( reads )
		);
	} );

	it( 'returns to the form with the server’s message when the action is refused', async () => {
		serve( () =>
			Promise.reject( {
				code: 'aftercare_over_refund_limit',
				message:
					'You can refund at most USD 50.00 at once. Ask a store manager to refund more.',
				data: { status: 403 },
			} )
		);
		const user = userEvent.setup();
		const onClose = await open( 22 );
		const shirt = screen.getByRole( 'spinbutton', {
			name: 'Quantity to refund: Linen shirt',
		} );
		await user.type( shirt, '1' );
		expect(
			screen.getByText(
				'This is above your refund limit: the store will refuse it. Ask a store manager.',
				{ selector: '.components-notice__content' }
			)
		).toBeInTheDocument();
		await user.click( screen.getByRole( 'button', { name: 'Review' } ) );
		await user.click(
			screen.getByRole( 'button', { name: 'Confirm refund' } )
		);

		expect(
			await screen.findByText(
				'You can refund at most USD 50.00 at once. Ask a store manager to refund more.',
				{ selector: '.components-notice__content' }
			)
		).toBeInTheDocument();
		expect(
			screen.getByRole( 'spinbutton', {
				name: 'Quantity to refund: Linen shirt',
			} )
		).toHaveValue( 1 );
		expect( posts() ).toHaveLength( 1 );
		expect( onClose ).not.toHaveBeenCalled();
	} );

	it( 'says what to fix before the confirm step, and Cancel there goes back to the form as it was', async () => {
		serve( async () => ( {} ) );
		const user = userEvent.setup();
		const onClose = await open( 23 );
		await user.click( screen.getByRole( 'button', { name: 'Review' } ) );
		expect(
			screen.getByText(
				'Choose at least one item to refund, with a quantity or an amount.',
				{ selector: '.components-notice__content' }
			)
		).toBeInTheDocument();
		expect(
			screen.queryByText( 'Confirm: this is what will happen' )
		).not.toBeInTheDocument();

		await user.type(
			screen.getByRole( 'spinbutton', {
				name: 'Amount instead: Linen shirt',
			} ),
			'12.5'
		);
		await user.click( screen.getByRole( 'button', { name: 'Review' } ) );
		expect(
			screen.getByText(
				'Refund $12.50 for order #1011: Linen shirt ($12.50).'
			)
		).toBeInTheDocument();
		await user.click( screen.getByRole( 'button', { name: 'Cancel' } ) );
		expect(
			screen.getByRole( 'spinbutton', {
				name: 'Amount instead: Linen shirt',
			} )
		).toHaveValue( 12.5 );
		expect(
			screen.queryByText( /Choose at least one item/, {
				selector: '.components-notice__content',
			} )
		).not.toBeInTheDocument();
		expect( posts() ).toEqual( [] );
		expect( onClose ).not.toHaveBeenCalled();
	} );

	it( 'gives a percentage coupon limited to the order’s billing email, with the coupon reply', async () => {
		serve( async () => ( { action: 'coupon', coupon: 'SORRY-1' } ) );
		const user = userEvent.setup();
		const onClose = await open( 24 );
		await user.selectOptions(
			screen.getByRole( 'combobox', { name: 'Action' } ),
			'coupon'
		);
		expect(
			screen.getByRole( 'textbox', { name: 'Reply to the customer' } )
		).toHaveValue(
			'I am sorry about the trouble with your order. To make up for it, here is a coupon for your next order.'
		);
		await user.click(
			screen.getByRole( 'radio', { name: 'A percentage off' } )
		);
		expect( screen.getByText( 'Your limit: 15%.' ) ).toBeInTheDocument();
		await user.type(
			screen.getByRole( 'spinbutton', { name: 'Percentage off' } ),
			'10'
		);
		await user.click( screen.getByRole( 'button', { name: 'Review' } ) );
		expect(
			screen.getByText(
				'Create a single-use coupon for 10% off, limited to casey@example.test.'
			)
		).toBeInTheDocument();
		expect(
			screen.queryByText( /cannot be undone/ )
		).not.toBeInTheDocument();
		await user.click( screen.getByRole( 'button', { name: 'Confirm' } ) );

		await waitFor( () => expect( onClose ).toHaveBeenCalled() );
		expect( posts()[ 0 ] ).toMatchObject( {
			path: '/aftercare/v1/tickets/24/order-actions',
			data: {
				order_id: 11,
				action: 'coupon',
				coupon_type: 'percent',
				amount: 10,
			},
		} );
	} );
} );
