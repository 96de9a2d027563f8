/**
 * WordPress dependencies
 */
import { FormTokenField, SelectControl } from '@wordpress/components';
import { useDispatch } from '@wordpress/data';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { AftercareTicket, TicketChanges } from '../api';
import { CustomerAnswer } from '../components/CustomerAnswer';
import { SlaBadge } from '../components/SlaBadge';
import { ticketsStore } from '../store';
import { formatDateTime } from '../utils/time';
import { assigneeOptions } from './assignees';
import { CcEditor } from './CcEditor';
import { describeRule } from './events';
import { PRIORITIES, STATUSES } from './labels';
import type { Option } from './labels';

interface TicketPropertiesProps {
	ticket: AftercareTicket;
}

/**
 * Status, priority, assignee, tags and CC addresses, saved as soon as they
 * change (and undone with a message if the server refuses), the SLA due time,
 * the priority rules that fired on it, and the customer's rating once the
 * ticket was solved.
 *
 * @param props        Component props.
 * @param props.ticket The ticket.
 */
export function TicketProperties( { ticket }: TicketPropertiesProps ) {
	const { updateTickets } = useDispatch( ticketsStore );
	const change = ( changes: TicketChanges ) =>
		void updateTickets( [ ticket.id ], changes );

	return (
		<div className="aftercare-stack aftercare-ticket__properties">
			<SelectControl
				__next40pxDefaultSize
				__nextHasNoMarginBottom
				label={ __( 'Status', 'aftercare' ) }
				value={ ticket.status }
				options={ STATUSES() as Option[] }
				onChange={ ( status ) =>
					change( { status: status as TicketChanges[ 'status' ] } )
				}
			/>
			<SelectControl
				__next40pxDefaultSize
				__nextHasNoMarginBottom
				label={ __( 'Priority', 'aftercare' ) }
				value={ ticket.priority }
				options={ PRIORITIES() as Option[] }
				onChange={ ( priority ) =>
					change( {
						priority: priority as TicketChanges[ 'priority' ],
					} )
				}
			/>
			<SelectControl
				__next40pxDefaultSize
				__nextHasNoMarginBottom
				label={ __( 'Assignee', 'aftercare' ) }
				value={ String( ticket.assignee_id ?? 0 ) }
				options={ assigneeOptions() }
				onChange={ ( id ) =>
					change( { assignee_id: Number( id ) || null } )
				}
			/>
			<FormTokenField
				__next40pxDefaultSize
				__nextHasNoMarginBottom
				label={ __( 'Tags', 'aftercare' ) }
				value={ ticket.tags }
				onChange={ ( tokens ) =>
					change( {
						tags: tokens.map( ( token ) =>
							typeof token === 'string' ? token : token.value
						),
					} )
				}
			/>
			<CcEditor
				ticket={ ticket }
				onChange={ ( cc ) => change( { cc } ) }
			/>
			<div>
				<h3 className="aftercare-sidebar__label">
					{ __( 'SLA', 'aftercare' ) }
				</h3>
				<SlaBadge sla={ ticket.sla } />
				{ ticket.sla.due && (
					<p className="aftercare-ticket__due">
						<time dateTime={ ticket.sla.due }>
							{ formatDateTime( ticket.sla.due ) }
						</time>
					</p>
				) }
			</div>
			<RulesFired rules={ ticket.rules } />
			<CustomerAnswer
				title={ __( 'Customer rating', 'aftercare' ) }
				answer={ ticket.rating }
			/>
		</div>
	);
}

/**
 * Why the ticket's priority or SLA targets changed: each priority rule that
 * fired on it, in the store's words ("Priority raised to High: order value
 * over $500.00"). Nothing when none fired.
 *
 * @param props       Component props.
 * @param props.rules The fired rules.
 */
export function RulesFired( { rules }: { rules: AftercareTicket[ 'rules' ] } ) {
	if ( ! rules.length ) {
		return null;
	}
	return (
		<div className="aftercare-ticket__rules">
			<h3 className="aftercare-sidebar__label">
				{ __( 'Priority rules', 'aftercare' ) }
			</h3>
			<ul>
				{ rules.map( ( rule ) => (
					<li key={ rule.key }>
						{ describeRule( rule ) }{ ' ' }
						<time dateTime={ rule.fired }>
							{ formatDateTime( rule.fired ) }
						</time>
					</li>
				) ) }
			</ul>
		</div>
	);
}
