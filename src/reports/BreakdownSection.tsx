/**
 * The figures by agent, channel, priority, tag or product: one tab each, a table with the
 * change of its volume beside it, and its CSV.
 */

/**
 * WordPress dependencies
 */
import { Notice, Spinner, TabPanel } from '@wordpress/components';
import { useSelect } from '@wordpress/data';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { reportsStore } from '../store';
import type { ReportQuery } from './api';
import { CsvLink, Section } from './components';
import { change, formatValue } from './format';
import type { Kind } from './format';
import { requestKey } from './store';
import type { Figures, Group } from './types';

interface Column {
	label: string;
	kind: Kind;
	value: ( figures: Figures ) => number | null;
}

function groups(): Array< { name: Group; title: string; caption: string } > {
	return [
		{
			name: 'agent',
			title: __( 'Agent', 'aftercare' ),
			caption: __( 'Figures by agent', 'aftercare' ),
		},
		{
			name: 'channel',
			title: __( 'Channel', 'aftercare' ),
			caption: __( 'Figures by channel', 'aftercare' ),
		},
		{
			name: 'priority',
			title: __( 'Priority', 'aftercare' ),
			caption: __( 'Figures by priority', 'aftercare' ),
		},
		{
			name: 'tag',
			title: __( 'Tag', 'aftercare' ),
			caption: __( 'Figures by tag', 'aftercare' ),
		},
		{
			name: 'product',
			title: __( 'Product', 'aftercare' ),
			caption: __( 'Returns by product', 'aftercare' ),
		},
	];
}

/**
 * The columns of a group's table: products only have returns (tickets carry no product).
 *
 * @param group The group.
 * @return The columns.
 */
function columns( group: Group ): Column[] {
	const returns: Column[] = [
		{
			label: __( 'Returns settled', 'aftercare' ),
			kind: 'count',
			value: ( f ) => f.returns.settled,
		},
		{
			label: __( 'Refunded', 'aftercare' ),
			kind: 'money',
			value: ( f ) => f.returns.refund_value,
		},
	];
	if ( group === 'product' ) {
		return returns;
	}
	return [
		{
			label: __( 'Created', 'aftercare' ),
			kind: 'count',
			value: ( f ) => f.tickets_created,
		},
		{
			label: __( 'Solved', 'aftercare' ),
			kind: 'count',
			value: ( f ) => f.tickets_solved,
		},
		{
			label: __( 'First response (median)', 'aftercare' ),
			kind: 'minutes',
			value: ( f ) => f.first_response.median_minutes,
		},
		{
			label: __( 'Resolution (median)', 'aftercare' ),
			kind: 'minutes',
			value: ( f ) => f.resolution.median_minutes,
		},
		{
			label: __( 'First-contact resolution', 'aftercare' ),
			kind: 'percent',
			value: ( f ) => f.first_contact_resolution.rate,
		},
		{
			label: __( 'Reopen rate', 'aftercare' ),
			kind: 'percent',
			value: ( f ) => f.reopened.rate,
		},
		{
			label: __( 'SLA attained', 'aftercare' ),
			kind: 'percent',
			value: ( f ) => f.sla.attained,
		},
		{
			label: __( 'CSAT', 'aftercare' ),
			kind: 'percent',
			value: ( f ) => f.csat.score,
		},
		...( group === 'agent' ? [] : returns ),
	];
}

function GroupTable( {
	query,
	group,
	heading,
	caption,
	currency,
}: {
	query: ReportQuery;
	group: Group;
	heading: string;
	caption: string;
	currency: string;
} ) {
	const { breakdown, error } = useSelect(
		( select ) => ( {
			breakdown: select( reportsStore ).getBreakdown( query, group ),
			error: select( reportsStore ).getError(
				requestKey( 'breakdown', query, group )
			),
		} ),
		[ query, group ]
	);
	if ( error ) {
		return (
			<Notice status="error" isDismissible={ false }>
				{ error }
			</Notice>
		);
	}
	if ( ! breakdown ) {
		return (
			<p role="status">
				<Spinner />
				{ __( 'Loading…', 'aftercare' ) }
			</p>
		);
	}
	if ( ! breakdown.rows.length ) {
		return (
			<p className="aftercare-reports__empty">
				{ __( 'Nothing to break down in this period.', 'aftercare' ) }
			</p>
		);
	}
	const shown = columns( group );
	// The first column is the group's volume (tickets created; returns for products).
	const [ volume ] = shown as [ Column, ...Column[] ];
	return (
		<div
			className="aftercare-reports__scroll"
			role="region"
			aria-label={ caption }
			tabIndex={ 0 }
		>
			<table className="widefat striped aftercare-reports__table">
				<caption className="screen-reader-text">{ caption }</caption>
				<thead>
					<tr>
						<th scope="col">{ heading }</th>
						{ shown.map( ( column ) => (
							<th scope="col" key={ column.label }>
								{ column.label }
							</th>
						) ) }
					</tr>
				</thead>
				<tbody>
					{ breakdown.rows.map( ( row ) => {
						const moved = row.compare
							? change(
									volume.value( row.current ),
									volume.value( row.compare ),
									volume.kind,
									null
								)
							: null;
						return (
							<tr key={ row.key }>
								<th scope="row">{ row.label }</th>
								{ shown.map( ( column ) => (
									<td key={ column.label }>
										{ formatValue(
											column.value( row.current ),
											column.kind,
											currency
										) }
										{ column === volume && moved && (
											<span className="aftercare-reports__row-change">
												<span aria-hidden="true">
													{ ' ' }
													({ moved.text })
												</span>
												<span className="screen-reader-text">
													{ moved.label }
												</span>
											</span>
										) }
									</td>
								) ) }
							</tr>
						);
					} ) }
				</tbody>
			</table>
		</div>
	);
}

/**
 * The breakdown card.
 *
 * @param props          Props.
 * @param props.query    The period.
 * @param props.currency For money.
 */
export function BreakdownSection( {
	query,
	currency,
}: {
	query: ReportQuery;
	currency: string;
} ) {
	return (
		<Section title={ __( 'Breakdown', 'aftercare' ) }>
			<TabPanel
				className="aftercare-reports__tabs"
				tabs={ groups() }
				initialTabName="agent"
			>
				{ ( tab ) => {
					const { caption } = tab as ReturnType<
						typeof groups
					>[ number ];
					return (
						<div className="aftercare-reports__group">
							<div className="aftercare-reports__group-actions">
								<CsvLink
									query={ query }
									csv={ {
										route: 'breakdown',
										group: tab.name as Group,
									} }
									name={ caption }
								/>
							</div>
							<GroupTable
								query={ query }
								group={ tab.name as Group }
								heading={ tab.title }
								caption={ caption }
								currency={ currency }
							/>
						</div>
					);
				} }
			</TabPanel>
		</Section>
	);
}
