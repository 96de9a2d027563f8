/**
 * Internal dependencies
 */
import type { AftercareTicket, TicketChanges } from '../../api';
import { agentName } from '../../admin-data';

/**
 * A ticket as it will be once the changes are saved, to show them at once.
 *
 * @param ticket  The ticket.
 * @param changes The changes.
 * @return The changed copy.
 */
export function applyChanges(
	ticket: AftercareTicket,
	changes: TicketChanges
): AftercareTicket {
	const next = { ...ticket };
	if ( changes.status !== undefined ) {
		next.status = changes.status as AftercareTicket[ 'status' ];
	}
	if ( changes.priority !== undefined ) {
		next.priority = changes.priority as AftercareTicket[ 'priority' ];
	}
	if ( changes.assignee_id !== undefined ) {
		next.assignee_id = changes.assignee_id || null;
		next.assignee_name = changes.assignee_id
			? agentName( changes.assignee_id )
			: null;
	}
	if ( changes.tags !== undefined ) {
		next.tags = changes.tags;
	}
	if ( changes.cc !== undefined ) {
		next.cc = changes.cc;
	}
	return next;
}
