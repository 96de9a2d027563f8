/**
 * External dependencies
 */
import { render, screen } from '@testing-library/react';

/**
 * Internal dependencies
 */
import { SlaBadge } from '../../components/SlaBadge';
import { PresenceWarning } from '../PresenceWarning';
import { Thread } from '../Thread';
import { describeEvent } from '../events';

describe( 'SlaBadge', () => {
	it( 'says in words that a ticket is overdue or due soon', () => {
		const due = new Date( Date.now() - 2 * 3600 * 1000 ).toISOString();
		const { rerender } = render(
			<SlaBadge
				sla={ { target: 'first_response', due, state: 'breached' } }
			/>
		);
		expect(
			screen.getByText( /^Overdue: first reply was due 2 hours ago$/ )
		).toBeInTheDocument();

		const soon = new Date(
			Date.now() + 20 * 60 * 1000 + 5000
		).toISOString();
		rerender(
			<SlaBadge
				sla={ { target: 'resolution', due: soon, state: 'warning' } }
			/>
		);
		expect(
			screen.getByText( /^Due soon: resolution in 20 minutes$/ )
		).toBeInTheDocument();

		rerender(
			<SlaBadge
				sla={ { target: 'resolution', due: null, state: 'paused' } }
			/>
		);
		expect(
			screen.getByText( 'Paused: awaiting customer' )
		).toBeInTheDocument();
	} );
} );

describe( 'PresenceWarning', () => {
	it( 'keeps an empty live region while nobody else is there', () => {
		render( <PresenceWarning others={ [] } /> );
		expect( screen.getByRole( 'status' ) ).toBeEmptyDOMElement();
	} );

	it( 'names who is replying and who is viewing', () => {
		render(
			<PresenceWarning
				others={ [
					{ user_id: 2, name: 'Ben', state: 'viewing' },
					{ user_id: 3, name: 'Cleo', state: 'replying' },
				] }
			/>
		);
		expect( screen.getByRole( 'status' ) ).toHaveTextContent(
			'Cleo is also replying to this ticket right now. Ben is also viewing this ticket.'
		);
	} );
} );

describe( 'Thread', () => {
	it( 'labels internal notes in words and lists attachments', () => {
		render(
			<Thread
				messages={ [
					{
						id: 1,
						ticket_id: 1,
						type: 'reply',
						author: { id: 0, name: 'Gwen Guest', role: 'customer' },
						body: '<p>The parcel arrived crushed.</p>',
						created: '2026-11-30T10:00:00Z',
						attachments: [
							{
								id: 4,
								name: 'photo.jpg',
								mime: 'image/jpeg',
								size: 204800,
								url: '/a/4',
							},
						],
						email: null,
					},
					{
						id: 2,
						ticket_id: 1,
						type: 'note',
						author: { id: 1, name: 'Ana', role: 'agent' },
						body: '<p>Claim opened.</p>',
						created: '2026-11-30T11:00:00Z',
						attachments: [],
						email: null,
					},
				] }
			/>
		);
		const [ reply, note ] = screen.getAllByRole( 'article' );
		expect( reply ).not.toHaveTextContent( 'Internal note' );
		expect( reply ).toHaveTextContent( 'photo.jpg (200 KB)' );
		expect( note ).toHaveTextContent(
			'Internal note (customer does not see it)'
		);
		expect( note ).toHaveTextContent( 'Claim opened.' );
	} );
} );

describe( 'describeEvent', () => {
	it( "puts a customer's rating and comment into words", () => {
		const rating = ( data: Record< string, unknown > ) =>
			describeEvent( {
				id: 2,
				type: 'rating',
				actor: { id: 0, name: '' },
				data,
				created: '2026-11-30T10:00:00Z',
			} );
		expect( rating( { from: null, to: 3, comment: '' } ) ).toBe(
			'Customer rated: Good'
		);
		expect( rating( { from: 3, to: 1, comment: 'Took two weeks.' } ) ).toBe(
			'Customer rated: Bad — Took two weeks.'
		);
	} );

	it( 'says which priority rule fired and what it did', () => {
		const rule = ( data: Record< string, unknown > ) =>
			describeEvent( {
				id: 3,
				type: 'rule',
				actor: { id: 0, name: '' },
				data: {
					reason: 'order value over $500.00',
					sla_percent: 100,
					first_response_minutes: 0,
					...data,
				},
				created: '2026-11-30T10:00:00Z',
			} );
		expect( rule( { from: 'normal', to: 'high' } ) ).toBe(
			'Priority raised to High: order value over $500.00'
		);
		expect( rule( { from: 'high', to: 'high', sla_percent: 50 } ) ).toBe(
			'SLA targets tightened: order value over $500.00'
		);
		expect( rule( { from: 'urgent', to: 'urgent' } ) ).toBe(
			'Rule matched, priority already Urgent: order value over $500.00'
		);
	} );

	it( 'puts changes into words', () => {
		const base = {
			id: 1,
			actor: { id: 1, name: 'Ana' },
			created: '2026-11-30T10:00:00Z',
		};
		expect(
			describeEvent( {
				...base,
				type: 'status',
				data: { from: 'open', to: 'pending' },
			} )
		).toBe( 'Status: Open → Awaiting customer' );
		expect(
			describeEvent( {
				...base,
				type: 'tags',
				data: { from: [], to: [ 'refund', 'vip' ] },
			} )
		).toBe( 'Tags: refund, vip' );
		expect(
			describeEvent( {
				...base,
				type: 'cc',
				data: { from: [], to: [ 'pat@example.test' ] },
			} )
		).toBe( 'Copied in: pat@example.test' );
		expect(
			describeEvent( {
				...base,
				type: 'cc',
				data: { from: [ 'pat@example.test' ], to: [] },
			} )
		).toBe( 'No one copied in' );
		expect(
			describeEvent( {
				...base,
				type: 'assignee',
				data: { from: 3, to: null },
			} )
		).toBe( 'Unassigned' );
		expect(
			describeEvent( {
				...base,
				type: 'sla',
				data: {
					from: null,
					to: {
						target: 'first_response',
						due: '2026-11-30T10:30:00Z',
						state: 'breached',
					},
				},
			} )
		).toMatch( /^SLA breached: first reply was due / );
	} );
} );
