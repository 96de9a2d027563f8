/**
 * WordPress dependencies
 */
import { Icon } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';
import { caution, check, error, pending, scheduled } from '@wordpress/icons';

/**
 * Internal dependencies
 */
import type { AftercareTicket } from '../api';
import { formatDateTime, formatRelative } from '../utils/time';

interface SlaBadgeProps {
	sla: AftercareTicket[ 'sla' ];
}

/**
 * The SLA state of a ticket in words and with an icon (never by colour alone):
 * breached and about-to-breach tickets stand out in the queue.
 *
 * @param props     Component props.
 * @param props.sla The ticket's SLA.
 */
export function SlaBadge( { sla }: SlaBadgeProps ) {
	const target =
		sla.target === 'first_response'
			? __( 'first reply', 'aftercare' )
			: __( 'resolution', 'aftercare' );
	let icon = scheduled;
	let text: string;
	switch ( sla.state ) {
		case 'breached':
			icon = error;
			text = sla.due
				? sprintf(
						/* translators: 1: "first reply" or "resolution", 2: relative time, e.g. "2 hours ago". */
						__( 'Overdue: %1$s was due %2$s', 'aftercare' ),
						target,
						formatRelative( sla.due )
					)
				: __( 'Overdue', 'aftercare' );
			break;
		case 'warning':
			icon = caution;
			text = sla.due
				? sprintf(
						/* translators: 1: "first reply" or "resolution", 2: relative time, e.g. "in 20 minutes". */
						__( 'Due soon: %1$s %2$s', 'aftercare' ),
						target,
						formatRelative( sla.due )
					)
				: __( 'Due soon', 'aftercare' );
			break;
		case 'paused':
			icon = pending;
			text = __( 'Paused: awaiting customer', 'aftercare' );
			break;
		case 'met':
			icon = check;
			text = __( 'Target met', 'aftercare' );
			break;
		default:
			text = sla.due
				? sprintf(
						/* translators: 1: "first reply" or "resolution", 2: relative time, e.g. "in 3 hours". */
						__( '%1$s due %2$s', 'aftercare' ),
						target.charAt( 0 ).toUpperCase() + target.slice( 1 ),
						formatRelative( sla.due )
					)
				: __( 'No target', 'aftercare' );
	}
	return (
		<span
			className={ `aftercare-sla aftercare-sla--${ sla.state }` }
			title={ sla.due ? formatDateTime( sla.due ) : undefined }
		>
			<Icon icon={ icon } size={ 20 } />
			<span>{ text }</span>
		</span>
	);
}
