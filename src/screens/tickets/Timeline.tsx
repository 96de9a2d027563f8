/**
 * WordPress dependencies
 */
import { Spinner } from '@wordpress/components';
import { useSelect } from '@wordpress/data';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { ticketsStore } from '../../store';
import { formatDateTime } from '../../utils/time';
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
	if ( ! events ) {
		return <Spinner />;
	}
	if ( ! events.length ) {
		return <p>{ __( 'No changes yet.', 'aftercare' ) }</p>;
	}
	return (
		<ol className="aftercare-timeline">
			{ [ ...events ].reverse().map( ( event ) => (
				<li key={ event.id }>
					<span>{ describeEvent( event ) }</span>
					<span className="aftercare-timeline__meta">
						{ event.actor
							? sprintf(
									/* translators: 1: person, 2: date and time. */
									__( '%1$s, %2$s', 'aftercare' ),
									event.actor.name,
									formatDateTime( event.created )
								)
							: formatDateTime( event.created ) }
					</span>
				</li>
			) ) }
		</ol>
	);
}
