/**
 * Internal dependencies
 */
import { useQueryArgs } from '../hooks/use-query-args';
import { NewTicketScreen } from './NewTicketScreen';
import { QueueScreen } from './QueueScreen';
import { TicketScreen } from './TicketScreen';

/**
 * The Support page: the queue, one ticket (`&ticket=ID`) or the new-ticket form
 * (`&new=1`), switched in place so that back and forward work without reloads.
 */
export function DeskScreen() {
	const args = useQueryArgs();
	const ticketId = Number( args.ticket );
	if ( ticketId > 0 ) {
		return <TicketScreen key={ ticketId } id={ ticketId } />;
	}
	if ( args.new ) {
		return <NewTicketScreen />;
	}
	return <QueueScreen />;
}
