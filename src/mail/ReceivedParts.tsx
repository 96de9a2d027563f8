/**
 * What became of a received mail and the ticket it went to, as the log and its
 * dialog show them.
 */

/**
 * WordPress dependencies
 */
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { labelOf } from '../tickets/labels';
import type { MailOutcome, ReceivedMail } from './api';
import { OUTCOMES } from './labels';
import { ticketUrl } from './links';

/**
 * What became of a mail, as a label whose words carry the state.
 *
 * @param props         Component props.
 * @param props.outcome The outcome.
 */
export function OutcomeBadge( { outcome }: { outcome: MailOutcome } ) {
	return (
		<span
			className={ `aftercare-mail-outcome aftercare-mail-outcome--${ outcome }` }
		>
			{ labelOf( OUTCOMES(), outcome ) }
		</span>
	);
}

/**
 * The ticket a mail went to, as a link.
 *
 * @param props      Component props.
 * @param props.item The log entry.
 */
export function TicketLink( { item }: { item: ReceivedMail } ) {
	if ( ! item.ticket_id ) {
		return null;
	}
	return (
		<a href={ ticketUrl( item.ticket_id ) }>
			{ sprintf(
				/* translators: %s: ticket number. */
				__( 'Ticket #%s', 'aftercare' ),
				String( item.ticket_number ?? item.ticket_id )
			) }
		</a>
	);
}
