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
import { ActionDialog } from '../ActionDialog';
import { ACTIONS } from '../return-actions';
import type { ReturnActionId } from '../return-actions';
import { aReturn } from './fixtures/return';

jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );

const mockApiFetch = apiFetch as unknown as jest.Mock;

const action = ( id: ReturnActionId ) =>
	ACTIONS().find( ( a ) => a.id === id )!;

function open(
	id: ReturnActionId,
	item = aReturn( { status: 'approved', status_label: 'Approved' } )
) {
	const onClose = jest.fn();
	render(
		<ActionDialog
			item={ item }
			action={ action( id ) }
			currency="USD"
			onClose={ onClose }
		/>
	);
	return onClose;
}

describe( 'ActionDialog', () => {
	beforeEach( () => {
		mockApiFetch.mockReset();
		mockApiFetch.mockImplementation( async ( { data } ) => ( {
			...aReturn(),
			status: 'received',
			status_label: 'Received',
			...( data ?? {} ),
		} ) );
	} );

	it( 'marks chosen quantities received, restocks them and tells the customer', async () => {
		const user = userEvent.setup();
		const onClose = open( 'receive' );
		expect(
			screen.getByRole( 'dialog', { name: 'Mark received' } )
		).toBeInTheDocument();
		const shirts = screen.getByRole( 'spinbutton', {
			name: 'Received: Linen shirt',
		} );
		expect( shirts ).toHaveValue( 2 );
		await user.clear( shirts );
		await user.type( shirts, '1' );
		await user.clear(
			screen.getByRole( 'spinbutton', { name: 'Received: Canvas tote' } )
		);
		await user.type(
			screen.getByRole( 'spinbutton', { name: 'Received: Canvas tote' } ),
			'0'
		);
		await user.click(
			screen.getByRole( 'checkbox', {
				name: 'Put the received items back in stock',
			} )
		);
		await user.type(
			screen.getByRole( 'textbox', { name: 'Message to the customer' } ),
			'One shirt arrived.'
		);
		await user.click( screen.getByRole( 'button', { name: 'Confirm' } ) );

		await waitFor( () => expect( onClose ).toHaveBeenCalled() );
		expect( mockApiFetch ).toHaveBeenCalledWith( {
			path: '/aftercare/v1/returns/7/actions',
			method: 'POST',
			data: {
				action: 'receive',
				items: { 11: 1, 12: 0 },
				restock: true,
				message: 'One shirt arrived.',
			},
		} );
	} );

	it( 'shows the refund, the policy fee and what an edited fee leaves, then refunds', async () => {
		const user = userEvent.setup();
		const onClose = open(
			'refund',
			aReturn( {
				status: 'received',
				received: '2026-11-29T10:00:00Z',
				items: aReturn().items.map( ( line ) => ( {
					...line,
					received_quantity: line.quantity,
				} ) ),
				quote: { value: 54, fee: 5.4, max_credit: 54, currency: 'USD' },
			} )
		);
		expect(
			screen.getByText(
				'Paid for these items: $54.00. Store policy restocking fee: $5.40.'
			)
		).toBeInTheDocument();
		expect( screen.getByText( 'Refund: $48.60' ) ).toBeInTheDocument();
		expect( screen.getByText( '2 × Linen shirt' ) ).toBeInTheDocument();
		await user.type(
			screen.getByRole( 'spinbutton', { name: 'Restocking fee' } ),
			'4'
		);
		expect( screen.getByText( 'Refund: $50.00' ) ).toBeInTheDocument();
		await user.click(
			screen.getByRole( 'checkbox', {
				name: 'Put the items back in stock (those not restocked yet)',
			} )
		);
		await user.click( screen.getByRole( 'button', { name: 'Confirm' } ) );

		await waitFor( () => expect( onClose ).toHaveBeenCalled() );
		expect( mockApiFetch.mock.calls[ 0 ][ 0 ] ).toMatchObject( {
			path: '/aftercare/v1/returns/7/actions',
			data: { action: 'refund', restock: true, fee: 4 },
		} );
	} );

	it( 'keeps the dialog open with the server’s message when the move is refused', async () => {
		const user = userEvent.setup();
		mockApiFetch.mockReset();
		mockApiFetch.mockRejectedValue( {
			code: 'aftercare_invalid_transition',
			message: 'A return that is “Closed” cannot become “Approved”.',
			data: { status: 409 },
		} );
		const onClose = open( 'approve', aReturn() );
		await user.type(
			screen.getByRole( 'textbox', { name: 'Message to the customer' } ),
			'Approved.'
		);
		await user.click( screen.getByRole( 'button', { name: 'Confirm' } ) );

		expect(
			await screen.findByText(
				'A return that is “Closed” cannot become “Approved”.',
				// The notice is also spoken through the live region.
				{ selector: '.components-notice__content' }
			)
		).toBeInTheDocument();
		expect( onClose ).not.toHaveBeenCalled();
		expect( mockApiFetch.mock.calls[ 0 ][ 0 ] ).toMatchObject( {
			path: '/aftercare/v1/returns/7?context=edit',
			method: 'PATCH',
			data: { status: 'approved', message: 'Approved.' },
		} );
		expect(
			screen.getByRole( 'button', { name: 'Confirm' } )
		).toBeEnabled();
	} );

	it( 'says what to fix before asking the server', async () => {
		const user = userEvent.setup();
		const onClose = open( 'credit' );
		await user.type(
			screen.getByRole( 'spinbutton', { name: 'Store credit amount' } ),
			'0'
		);
		await user.click( screen.getByRole( 'button', { name: 'Confirm' } ) );
		expect(
			screen.getByText(
				'The store credit must be an amount more than 0.',
				{ selector: '.components-notice__content' }
			)
		).toBeInTheDocument();
		expect( mockApiFetch ).not.toHaveBeenCalled();
		expect( onClose ).not.toHaveBeenCalled();
	} );
} );
