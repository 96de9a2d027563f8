/**
 * WordPress dependencies
 */
import { Notice, Panel, PanelBody, Spinner } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { useCallback, useEffect, useRef } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { PresenceState } from '../api';
import { Page } from '../components/Page';
import { linkHandler, pageUrl } from '../hooks/use-query-args';
import { ticketsStore } from '../store';
import { formatDateTime } from '../utils/time';
import { Composer } from './Composer';
import { ContextPanel } from './ContextPanel';
import { CHANNELS, labelOf } from './labels';
import { PresenceWarning } from './PresenceWarning';
import { Thread } from './Thread';
import { TicketProperties } from './TicketProperties';
import { Timeline } from './Timeline';

/** How often the screen tells the server the agent is still there. */
export const HEARTBEAT_MS = 20000;

/**
 * Says "I am here" while the screen is open, and learns who else is.
 *
 * @param ticketId The ticket.
 * @return Call with true while the agent has a draft.
 */
function usePresence( ticketId: number ): ( replying: boolean ) => void {
	const { heartbeat } = useDispatch( ticketsStore );
	const state = useRef< PresenceState >( 'viewing' );
	useEffect( () => {
		void heartbeat( ticketId, state.current );
		const timer = window.setInterval(
			() => void heartbeat( ticketId, state.current ),
			HEARTBEAT_MS
		);
		return () => {
			window.clearInterval( timer );
			void heartbeat( ticketId, '' );
		};
	}, [ ticketId, heartbeat ] );
	return useCallback(
		( replying: boolean ) => {
			state.current = replying ? 'replying' : 'viewing';
			void heartbeat( ticketId, state.current );
		},
		[ ticketId, heartbeat ]
	);
}

interface TicketScreenProps {
	id: number;
}

/**
 * One ticket: the thread and composer, its properties, the customer's context and
 * the timeline.
 *
 * @param props    Component props.
 * @param props.id Ticket id.
 */
export function TicketScreen( { id }: TicketScreenProps ) {
	const { ticket, ticketError, messages, messagesError, others } = useSelect(
		( select ) => {
			const store = select( ticketsStore );
			return {
				ticket: store.getTicket( id ),
				ticketError: store.getError( `ticket:${ id }` ),
				messages: store.getMessages( id ),
				messagesError: store.getError( `messages:${ id }` ),
				others: store.getPresence( id ),
			};
		},
		[ id ]
	);
	const setReplying = usePresence( id );

	const back = (
		<a
			className="aftercare-ticket__back"
			href={ pageUrl( {} ) }
			onClick={ linkHandler( {} ) }
		>
			{ __( '← All tickets', 'aftercare' ) }
		</a>
	);

	if ( ! ticket ) {
		return (
			<Page title={ __( 'Ticket', 'aftercare' ) } actions={ back } wide>
				{ ticketError ? (
					<Notice status="error" isDismissible={ false }>
						{ ticketError }
					</Notice>
				) : (
					<p role="status">
						<Spinner />
						{ __( 'Loading ticket…', 'aftercare' ) }
					</p>
				) }
			</Page>
		);
	}

	return (
		<Page
			title={ sprintf(
				/* translators: 1: ticket number, 2: subject. */
				__( '#%1$d %2$s', 'aftercare' ),
				ticket.number,
				ticket.subject
			) }
			actions={ back }
			wide
		>
			<div className="aftercare-ticket">
				<div className="aftercare-ticket__main">
					<p className="aftercare-ticket__meta">
						{ sprintf(
							/* translators: 1: customer name, 2: email, 3: channel, 4: date. */
							__(
								'From %1$s <%2$s> via %3$s, %4$s',
								'aftercare'
							),
							ticket.customer.name,
							ticket.customer.email,
							labelOf( CHANNELS(), ticket.channel ),
							ticket.created
								? formatDateTime( ticket.created )
								: ''
						) }
					</p>
					<PresenceWarning others={ others } />
					<h2 className="screen-reader-text">
						{ __( 'Conversation', 'aftercare' ) }
					</h2>
					{ messagesError && (
						<Notice status="error" isDismissible={ false }>
							{ messagesError }
						</Notice>
					) }
					{ messages ? (
						<Thread messages={ messages } />
					) : (
						<Spinner />
					) }
					<h2 className="screen-reader-text">
						{ __( 'Reply', 'aftercare' ) }
					</h2>
					<Composer ticketId={ id } onDraftChange={ setReplying } />
				</div>
				<aside
					className="aftercare-ticket__sidebar"
					aria-label={ __( 'Ticket details', 'aftercare' ) }
				>
					<Panel>
						<PanelBody title={ __( 'Details', 'aftercare' ) }>
							<TicketProperties ticket={ ticket } />
						</PanelBody>
						<PanelBody title={ __( 'Customer', 'aftercare' ) }>
							<ContextPanel
								ticketId={ id }
								orderId={ ticket.order_id }
							/>
						</PanelBody>
						<PanelBody
							title={ __( 'Timeline', 'aftercare' ) }
							initialOpen={ false }
						>
							<Timeline ticketId={ id } />
						</PanelBody>
					</Panel>
				</aside>
			</div>
		</Page>
	);
}
