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
import { Composer } from '../Composer';

jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );

const mockApiFetch = apiFetch as unknown as jest.Mock;

describe( 'Composer', () => {
	beforeAll( () => {
		// jsdom has no layout; the combobox scrolls its selected suggestion into view.
		Element.prototype.scrollIntoView = jest.fn();
	} );

	beforeEach( () => {
		mockApiFetch.mockReset();
		mockApiFetch.mockImplementation(
			async ( { path, method }: { path: string; method?: string } ) => {
				if ( path.startsWith( '/aftercare/v1/saved-replies?' ) ) {
					return [
						{
							id: 5,
							title: 'Damaged parcel',
							body: '<p>x</p>',
							updated: '2026-11-30T10:00:00Z',
						},
					];
				}
				if ( path === '/aftercare/v1/saved-replies/5/render' ) {
					return {
						body: '<p>Hello Gwen,</p><p>Track it <a href="https://track.test/1">here</a>.</p>',
					};
				}
				if ( method === 'POST' && path.includes( '/messages' ) ) {
					return {
						id: 9,
						ticket_id: 7,
						type: 'note',
						author: { id: 1, name: 'Ana', role: 'agent' },
						body: '<p>x</p>',
						created: '2026-11-30T11:00:00Z',
						attachments: [],
					};
				}
				return [];
			}
		);
	} );

	it( 'inserts a saved reply rendered for the ticket', async () => {
		const user = userEvent.setup();
		const onDraftChange = jest.fn();
		render( <Composer ticketId={ 7 } onDraftChange={ onDraftChange } /> );

		await user.click(
			screen.getByRole( 'combobox', { name: 'Insert a saved reply' } )
		);
		await user.click(
			await screen.findByRole( 'option', { name: 'Damaged parcel' } )
		);

		await waitFor( () =>
			expect(
				screen.getByRole( 'textbox', { name: 'Reply' } )
			).toHaveValue(
				'Hello Gwen,\n\nTrack it here (https://track.test/1).'
			)
		);
		expect( mockApiFetch ).toHaveBeenCalledWith( {
			path: '/aftercare/v1/saved-replies/5/render',
			method: 'POST',
			data: { ticket_id: 7 },
		} );
		expect( onDraftChange ).toHaveBeenLastCalledWith( true );
	} );

	it( 'sends an internal note as HTML and empties the form', async () => {
		const user = userEvent.setup();
		render( <Composer ticketId={ 7 } onDraftChange={ () => {} } /> );

		await user.click(
			screen.getByRole( 'button', { name: 'Internal note' } )
		);
		expect(
			screen.getByRole( 'button', { name: 'Internal note' } )
		).toHaveAttribute( 'aria-pressed', 'true' );
		const send = screen.getByRole( 'button', { name: 'Add note' } );
		expect( send ).toHaveAttribute( 'aria-disabled', 'true' );
		await user.type(
			screen.getByRole( 'textbox', { name: 'Internal note' } ),
			'Refund <approved>'
		);
		await user.click( send );

		await waitFor( () =>
			expect( mockApiFetch ).toHaveBeenCalledWith( {
				path: '/aftercare/v1/tickets/7/messages?context=edit',
				method: 'POST',
				data: { type: 'note', body: '<p>Refund &lt;approved&gt;</p>' },
			} )
		);
		await waitFor( () =>
			expect(
				screen.getByRole( 'textbox', { name: 'Internal note' } )
			).toHaveValue( '' )
		);
	} );
} );
