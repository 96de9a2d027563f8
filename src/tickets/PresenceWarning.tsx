/**
 * WordPress dependencies
 */
import { Notice } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { PresenceEntry } from '../api';

interface PresenceWarningProps {
	others: PresenceEntry[];
}

/**
 * Warns that other agents are on the ticket, replying ones first. The live
 * region is always present so that screen readers announce the warning politely
 * when it appears or changes.
 *
 * @param props        Component props.
 * @param props.others The other agents on the ticket.
 */
export function PresenceWarning( { others }: PresenceWarningProps ) {
	const replying = others.filter( ( other ) => other.state === 'replying' );
	const viewing = others.filter( ( other ) => other.state !== 'replying' );
	const names = ( list: PresenceEntry[] ) =>
		list.map( ( other ) => other.name ).join( ', ' );
	const messages: string[] = [];
	if ( replying.length ) {
		messages.push(
			sprintf(
				/* translators: %s: names of agents. */
				__(
					'%s is also replying to this ticket right now.',
					'aftercare'
				),
				names( replying )
			)
		);
	}
	if ( viewing.length ) {
		messages.push(
			sprintf(
				/* translators: %s: names of agents. */
				__( '%s is also viewing this ticket.', 'aftercare' ),
				names( viewing )
			)
		);
	}
	return (
		<div className="aftercare-presence" role="status" aria-live="polite">
			{ messages.length > 0 && (
				<Notice
					status={ replying.length ? 'warning' : 'info' }
					isDismissible={ false }
				>
					{ messages.join( ' ' ) }
				</Notice>
			) }
		</div>
	);
}
