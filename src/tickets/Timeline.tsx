/**
 * WordPress dependencies
 */
import { useSelect } from '@wordpress/data';

/**
 * Internal dependencies
 */
import { EventList } from '../components/EventList';
import { ticketsStore } from '../store';
import { describeEvent } from './events';

interface TimelineProps {
	ticketId: number;
}

/**
 * Every status, priority, assignment, tag and SLA change, newest first.
 *
 * @param props          Component props.
 * @param props.ticketId The ticket.
 */
export function Timeline( { ticketId }: TimelineProps ) {
	const events = useSelect(
		( select ) => select( ticketsStore ).getEvents( ticketId ),
		[ ticketId ]
	);
	return <EventList events={ events } describe={ describeEvent } />;
}
