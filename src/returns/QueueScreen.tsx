/**
 * WordPress dependencies
 */
import { Notice } from '@wordpress/components';
import { useSelect } from '@wordpress/data';
import type { Field, View } from '@wordpress/dataviews/wp';
import { useMemo } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { AftercareReturn, ReturnCounts, ReturnPage } from '../api';
import { Page } from '../components/Page';
import { QueueTable, QueueViewsNav } from '../components/QueueTable';
import { useLastPage, useUrlView } from '../hooks/use-url-view';
import { returnsStore } from '../store';
import { formatDateTime, formatRelative } from '../utils/time';
import { labelOf } from '../tickets/labels';
import { OUTCOMES, REASONS, STATUSES } from './labels';
import { StatusBadge } from './StatusBadge';
import {
	argsFromView,
	changesResults,
	isReturnNumber,
	queryFromView,
	viewFromArgs,
} from './url-state';

const NO_RESULTS: ReturnPage = { items: [], total: 0 };

const DEFAULT_FIELDS = [
	'customer',
	'order',
	'items',
	'reason',
	'outcome',
	'status',
	'created',
];

/**
 * The lines of a return in a few words, e.g. "2 × Linen shirt, 1 × Canvas tote".
 *
 * @param item The return.
 * @return The summary.
 */
export function itemsSummary( item: AftercareReturn ): string {
	return item.items
		.map( ( line ) =>
			sprintf(
				/* translators: 1: quantity, 2: product name. */
				__( '%1$d × %2$s', 'aftercare' ),
				line.quantity,
				line.name
			)
		)
		.join( ', ' );
}

function dateCell( iso: string | null ) {
	return iso ? (
		<time dateTime={ iso } title={ formatDateTime( iso ) }>
			{ formatRelative( iso ) }
		</time>
	) : null;
}

function fields(): Field< AftercareReturn >[] {
	const reasons = REASONS();
	return [
		{
			id: 'number',
			label: __( 'Return', 'aftercare' ),
			enableHiding: false,
			enableSorting: false,
			getValue: ( { item } ) => item.number,
			render: ( { item } ) => (
				<span className="aftercare-queue__number">{ item.number }</span>
			),
		},
		{
			id: 'customer',
			label: __( 'Customer', 'aftercare' ),
			enableSorting: false,
			getValue: ( { item } ) => item.customer.name || item.customer.email,
		},
		{
			id: 'order',
			label: __( 'Order', 'aftercare' ),
			enableSorting: false,
			getValue: ( { item } ) =>
				sprintf(
					/* translators: %s: order number. */
					__( '#%s', 'aftercare' ),
					item.order.number
				),
		},
		{
			id: 'items',
			label: __( 'Items', 'aftercare' ),
			enableSorting: false,
			getValue: ( { item } ) => itemsSummary( item ),
			render: ( { item } ) => (
				<span className="aftercare-returns__wrap">
					{ itemsSummary( item ) }
				</span>
			),
		},
		{
			id: 'reason',
			label: __( 'Reasons', 'aftercare' ),
			enableSorting: false,
			...( reasons.length
				? {
						elements: reasons,
						filterBy: { operators: [ 'is' as const ] },
					}
				: { filterBy: false as const } ),
			getValue: ( { item } ) =>
				[
					...new Set(
						item.items.map( ( line ) => line.reason_label )
					),
				].join( ', ' ),
			render: ( { item, field } ) => (
				<span className="aftercare-returns__wrap">
					{ String( field.getValue( { item } ) ) }
				</span>
			),
		},
		{
			id: 'outcome',
			label: __( 'Asked for', 'aftercare' ),
			elements: OUTCOMES(),
			filterBy: { operators: [ 'is' ] },
			enableSorting: false,
			render: ( { item } ) => (
				<>{ labelOf( OUTCOMES(), item.outcome ) }</>
			),
		},
		{
			id: 'status',
			label: __( 'Status', 'aftercare' ),
			elements: STATUSES(),
			filterBy: { operators: [ 'isAny' ], isPrimary: true },
			enableSorting: false,
			render: ( { item } ) => <StatusBadge item={ item } />,
		},
		{
			id: 'created',
			label: __( 'Requested', 'aftercare' ),
			type: 'date',
			filterBy: { operators: [ 'between', 'after', 'before' ] },
			getValue: ( { item } ) => item.created ?? '',
			render: ( { item } ) => dateCell( item.created ),
		},
		{
			id: 'updated',
			label: __( 'Updated', 'aftercare' ),
			filterBy: false,
			getValue: ( { item } ) => item.updated ?? '',
			render: ( { item } ) => dateCell( item.updated ),
		},
	];
}

/**
 * One status at a time, with how many returns each holds (all statuses first).
 *
 * @param props        Component props.
 * @param props.view   The queue's view.
 * @param props.counts Returns per status, once loaded.
 */
function StatusNav( {
	view,
	counts,
}: {
	view: View;
	counts: ReturnCounts | null;
} ) {
	const others = ( view.filters ?? [] ).filter(
		( filter ) => filter.field !== 'status'
	);
	const chosen = ( view.filters ?? [] ).find(
		( filter ) => filter.field === 'status'
	)?.value as string[] | undefined;
	const options = [
		{ value: '', label: __( 'All', 'aftercare' ) },
		...STATUSES(),
	];
	return (
		<QueueViewsNav
			label={ __( 'Return statuses', 'aftercare' ) }
			links={ options.map( ( option ) => ( {
				key: option.value || 'all',
				label: option.label,
				args: argsFromView( {
					...view,
					page: 1,
					filters: option.value
						? [
								...others,
								{
									field: 'status',
									operator: 'isAny',
									value: [ option.value ],
								},
							]
						: others,
				} ),
				current: option.value
					? chosen?.length === 1 && chosen[ 0 ] === option.value
					: ! chosen?.length,
				count: option.value
					? counts?.[ option.value as keyof ReturnCounts ]
					: counts &&
						Object.values( counts ).reduce( ( a, b ) => a + b, 0 ),
			} ) ) }
		/>
	);
}

/**
 * The returns queue: a DataViews table whose filters (status, reason, outcome,
 * requested date), search by number, sort and page live in the URL.
 */
export function QueueScreen() {
	const { state: view, changeView } = useUrlView(
		viewFromArgs,
		DEFAULT_FIELDS
	);
	const query = useMemo( () => queryFromView( view ), [ view ] );
	// Only numbers are searched: anything else is answered here, not sent.
	const badSearch = !! query.number && ! isReturnNumber( query.number );
	const { page, error } = useSelect(
		( select ) =>
			badSearch
				? { page: NO_RESULTS, error: null }
				: {
						page: select( returnsStore ).getReturnsPage( query ),
						error: select( returnsStore ).getReturnsError( query ),
					},
		[ query, badSearch ]
	);
	const counts = useSelect(
		( select ) => select( returnsStore ).getReturnCounts(),
		[]
	);
	const shown = useLastPage( page );
	const fieldList = useMemo( fields, [] );
	const total = shown?.total ?? 0;

	const onChangeView = ( next: View ) =>
		changeView(
			view,
			next,
			argsFromView(
				changesResults( view, next ) ? { ...next, page: 1 } : next
			)
		);

	return (
		<Page title={ __( 'Returns', 'aftercare' ) } wide>
			<StatusNav view={ view } counts={ counts } />
			{ badSearch && (
				<Notice status="warning" isDismissible={ false }>
					{ __(
						'Search by a return number, e.g. R-1001.',
						'aftercare'
					) }
				</Notice>
			) }
			<QueueTable< AftercareReturn >
				view={ view }
				onChangeView={ onChangeView }
				fields={ fieldList }
				items={ shown?.items ?? [] }
				isLoading={ ! page && ! error }
				totalItems={ total }
				error={ error }
				retry={ {
					store: returnsStore,
					selector: 'getReturnsPage',
					args: [ query ],
				} }
				linkArg="return"
				searchLabel={ __( 'Search by return number', 'aftercare' ) }
				emptyLabel={ __( 'No returns match.', 'aftercare' ) }
				failedLabel={ __(
					'The returns could not be loaded.',
					'aftercare'
				) }
			/>
		</Page>
	);
}
