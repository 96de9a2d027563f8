/**
 * WordPress dependencies
 */
import { Button } from '@wordpress/components';
import { useSelect } from '@wordpress/data';
import { DataViews } from '@wordpress/dataviews/wp';
import type { Action, Field, View } from '@wordpress/dataviews/wp';
import { useMemo } from '@wordpress/element';
import { __, _n, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { AftercareTicket } from '../api';
import { getAdminData } from '../admin-data';
import { Page } from '../components/Page';
import { QueueTable, QueueViewsNav } from '../components/QueueTable';
import { SlaBadge } from '../components/SlaBadge';
import { linkHandler, navigate, pageUrl } from '../hooks/use-query-args';
import { useLastPage, useUrlView } from '../hooks/use-url-view';
import { ticketsStore } from '../store';
import { formatDateTime, formatRelative } from '../utils/time';
import { BulkChangeForm } from './BulkChangeForm';
import type { BulkField } from './BulkChangeForm';
import { CHANNELS, PRIORITIES, QUEUE_VIEWS, STATUSES } from './labels';
import {
	argsFromState,
	changesResults,
	queryFromState,
	stateFromArgs,
} from './url-state';
import type { QueueState } from './url-state';

const DEFAULT_FIELDS = [
	'customer',
	'status',
	'priority',
	'assignee',
	'due',
	'updated',
];

function fields(): Field< AftercareTicket >[] {
	const { agents } = getAdminData();
	return [
		{
			id: 'subject',
			label: __( 'Subject', 'aftercare' ),
			enableHiding: false,
			enableSorting: false,
			getValue: ( { item } ) => item.subject,
			render: ( { item } ) => (
				<span className="aftercare-queue__subject">
					<span className="aftercare-queue__number">
						#{ item.number }
					</span>{ ' ' }
					{ item.subject }
				</span>
			),
		},
		{
			id: 'customer',
			label: __( 'Customer', 'aftercare' ),
			enableSorting: false,
			getValue: ( { item } ) => item.customer.name || item.customer.email,
		},
		{
			id: 'status',
			label: __( 'Status', 'aftercare' ),
			elements: STATUSES(),
			filterBy: { operators: [ 'isAny' ], isPrimary: true },
			enableSorting: false,
		},
		{
			id: 'priority',
			label: __( 'Priority', 'aftercare' ),
			elements: PRIORITIES(),
			filterBy: { operators: [ 'isAny' ], isPrimary: true },
		},
		{
			id: 'assignee',
			label: __( 'Assignee', 'aftercare' ),
			elements: [
				{ value: 'me', label: __( 'Me', 'aftercare' ) },
				{ value: 'none', label: __( 'Unassigned', 'aftercare' ) },
				...agents.map( ( agent ) => ( {
					value: String( agent.id ),
					label: agent.name,
				} ) ),
			],
			filterBy: { operators: [ 'is' ], isPrimary: true },
			enableSorting: false,
			getValue: ( { item } ) =>
				item.assignee_id ? String( item.assignee_id ) : 'none',
			render: ( { item } ) => (
				<>{ item.assignee_name ?? __( 'Unassigned', 'aftercare' ) }</>
			),
		},
		{
			id: 'tag',
			label: __( 'Tags', 'aftercare' ),
			type: 'text',
			filterBy: { operators: [ 'is' ] },
			enableSorting: false,
			getValue: ( { item } ) => item.tags.join( ', ' ),
		},
		{
			id: 'channel',
			label: __( 'Channel', 'aftercare' ),
			elements: CHANNELS(),
			filterBy: { operators: [ 'isAny' ] },
			enableSorting: false,
		},
		{
			id: 'has_order',
			label: __( 'Order', 'aftercare' ),
			elements: [
				{ value: 'yes', label: __( 'Has an order', 'aftercare' ) },
				{ value: 'no', label: __( 'No order', 'aftercare' ) },
			],
			filterBy: { operators: [ 'is' ] },
			enableSorting: false,
			getValue: ( { item } ) => ( item.order_id ? 'yes' : 'no' ),
			render: ( { item } ) =>
				item.order_id ? (
					<>
						{ sprintf(
							/* translators: %d: order id. */
							__( 'Order %d', 'aftercare' ),
							item.order_id
						) }
					</>
				) : (
					<span aria-label={ __( 'No order', 'aftercare' ) }>—</span>
				),
		},
		{
			id: 'due',
			label: __( 'SLA due', 'aftercare' ),
			getValue: ( { item } ) => item.sla.due ?? '',
			render: ( { item } ) => <SlaBadge sla={ item.sla } />,
		},
		{
			id: 'updated',
			label: __( 'Updated', 'aftercare' ),
			getValue: ( { item } ) => item.updated ?? '',
			render: ( { item } ) =>
				item.updated ? (
					<time
						dateTime={ item.updated }
						title={ formatDateTime( item.updated ) }
					>
						{ formatRelative( item.updated ) }
					</time>
				) : null,
		},
	];
}

function bulkAction( id: BulkField, label: string ): Action< AftercareTicket > {
	return {
		id,
		label,
		supportsBulk: true,
		modalHeader: label,
		RenderModal: ( { items, closeModal } ) => (
			<BulkChangeForm
				field={ id }
				items={ items }
				closeModal={ closeModal }
			/>
		),
	};
}

function actions(): Action< AftercareTicket >[] {
	return [
		{
			id: 'open',
			label: __( 'Open ticket', 'aftercare' ),
			isPrimary: false,
			callback: ( [ item ] ) =>
				item && navigate( { ticket: String( item.id ) } ),
		},
		bulkAction( 'assignee', __( 'Assign', 'aftercare' ) ),
		bulkAction( 'status', __( 'Change status', 'aftercare' ) ),
		bulkAction( 'priority', __( 'Change priority', 'aftercare' ) ),
		bulkAction( 'tags', __( 'Set tags', 'aftercare' ) ),
	];
}

/**
 * The support queue: built-in views with counts, then the tickets in a DataViews
 * table whose filters, search, sort and page live in the URL.
 */
export function QueueScreen() {
	const { state, changeView } = useUrlView( stateFromArgs, DEFAULT_FIELDS );
	const query = useMemo( () => queryFromState( state ), [ state ] );
	const { page, error, counts } = useSelect(
		( select ) => {
			const store = select( ticketsStore );
			return {
				page: store.getQueuePage( query ),
				error: store.getQueueError( query ),
				counts: store.getTicketCounts(),
			};
		},
		[ query ]
	);
	const shown = useLastPage( page );
	const fieldList = useMemo( fields, [] );
	const actionList = useMemo( actions, [] );

	const go = ( next: QueueState ) => navigate( argsFromState( next ) );

	const onChangeView = ( view: View ) =>
		changeView(
			state.view,
			view,
			argsFromState( {
				...state,
				view,
				cursors: changesResults( state.view, view )
					? []
					: state.cursors,
			} )
		);

	const pageNumber = state.cursors.length + 1;
	const total = shown?.total ?? 0;
	const pages = Math.max(
		1,
		Math.ceil( total / ( state.view.perPage ?? 25 ) )
	);

	return (
		<Page
			title={ __( 'Support', 'aftercare' ) }
			actions={
				<Button
					__next40pxDefaultSize
					variant="primary"
					href={ pageUrl( { new: '1' } ) }
					onClick={ linkHandler( { new: '1' } ) }
				>
					{ __( 'New ticket', 'aftercare' ) }
				</Button>
			}
			wide
		>
			<QueueViewsNav
				label={ __( 'Ticket views', 'aftercare' ) }
				links={ QUEUE_VIEWS().map( ( option ) => ( {
					key: option.value,
					label: option.label,
					args: argsFromState( {
						...state,
						queueView: option.value,
						cursors: [],
					} ),
					current: option.value === state.queueView,
					count: counts?.[ option.value ],
				} ) ) }
			/>
			<QueueTable< AftercareTicket >
				view={ state.view }
				onChangeView={ onChangeView }
				fields={ fieldList }
				actions={ actionList }
				items={ shown?.items ?? [] }
				isLoading={ ! page && ! error }
				totalItems={ total }
				totalPages={ 1 }
				error={ error }
				retry={ {
					store: ticketsStore,
					selector: 'getQueuePage',
					args: [ query ],
				} }
				linkArg="ticket"
				searchLabel={ __(
					'Search subjects and messages',
					'aftercare'
				) }
				emptyLabel={ __( 'No tickets match.', 'aftercare' ) }
				failedLabel={ __(
					'The tickets could not be loaded.',
					'aftercare'
				) }
			>
				<div className="dataviews__view-actions aftercare-row aftercare-row--between">
					<div className="dataviews__search aftercare-row">
						<DataViews.Search
							label={ __(
								'Search subjects and messages',
								'aftercare'
							) }
						/>
						<DataViews.FiltersToggle />
					</div>
					<DataViews.ViewConfig />
				</div>
				<DataViews.FiltersToggled className="dataviews-filters__container" />
				<DataViews.Layout />
				<div className="aftercare-queue__footer aftercare-row aftercare-row--between">
					<DataViews.BulkActionToolbar />
					<div className="aftercare-row">
						<span
							className="aftercare-queue__page"
							aria-live="polite"
						>
							{ sprintf(
								/* translators: 1: page number, 2: number of pages, 3: number of tickets. */
								_n(
									'Page %1$d of %2$d (%3$d ticket)',
									'Page %1$d of %2$d (%3$d tickets)',
									total,
									'aftercare'
								),
								pageNumber,
								pages,
								total
							) }
						</span>
						<Button
							__next40pxDefaultSize
							variant="secondary"
							disabled={ ! state.cursors.length }
							accessibleWhenDisabled
							onClick={ () =>
								go( {
									...state,
									cursors: state.cursors.slice( 0, -1 ),
								} )
							}
						>
							{ __( 'Previous page', 'aftercare' ) }
						</Button>
						<Button
							__next40pxDefaultSize
							variant="secondary"
							disabled={ ! shown?.nextCursor }
							accessibleWhenDisabled
							onClick={ () =>
								shown?.nextCursor &&
								go( {
									...state,
									cursors: [
										...state.cursors,
										shown.nextCursor,
									],
								} )
							}
						>
							{ __( 'Next page', 'aftercare' ) }
						</Button>
					</div>
				</div>
			</QueueTable>
		</Page>
	);
}
