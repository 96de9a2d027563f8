/**
 * WordPress dependencies
 */
import { Spinner } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { AftercareEvent } from '../api';
import { formatDateTime } from '../utils/time';

interface EventListProps {
	/** Oldest first, as the API gives them; null while loading. */
	events: AftercareEvent[] | null;
	/** One event in words. */
	describe: ( event: AftercareEvent ) => string;
}

/**
 * A timeline (of a ticket or a return), newest first, each entry with who and when.
 *
 * @param props          Component props.
 * @param props.events   The events.
 * @param props.describe Puts one event in words.
 */
export function EventList( { events, describe }: EventListProps ) {
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
					<span>{ describe( event ) }</span>
					<span className="aftercare-timeline__meta">
						{ event.actor.name
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
