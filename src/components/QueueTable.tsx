/**
 * The parts the admin queues (tickets, returns) share: the row of views with
 * counts above the table, and the DataViews table with its load error, links and
 * empty state.
 */

/**
 * WordPress dependencies
 */
import { Notice } from '@wordpress/components';
import { useDispatch } from '@wordpress/data';
import { DataViews } from '@wordpress/dataviews/wp';
import type { Action, Field, View } from '@wordpress/dataviews/wp';
import { __ } from '@wordpress/i18n';
import type { ReactNode } from 'react';

/**
 * Internal dependencies
 */
import { linkHandler, pageUrl } from '../hooks/use-query-args';
import type { QueryArgs } from '../hooks/use-query-args';

export interface QueueViewLink {
	key: string;
	label: string;
	/** The query arguments the link leads to. */
	args: QueryArgs;
	current: boolean;
	/** How many items the view holds, when known. */
	count?: number | null;
}

/**
 * Links to a queue's views (or statuses), the current one marked, each with its
 * count once known.
 *
 * @param props       Component props.
 * @param props.label The navigation's accessible name.
 * @param props.links The views.
 */
export function QueueViewsNav( {
	label,
	links,
}: {
	label: string;
	links: QueueViewLink[];
} ) {
	return (
		<nav className="aftercare-queue__views" aria-label={ label }>
			<ul>
				{ links.map( ( link ) => (
					<li key={ link.key }>
						<a
							href={ pageUrl( link.args ) }
							onClick={ linkHandler( link.args ) }
							aria-current={ link.current ? 'page' : undefined }
							className={
								link.current ? 'is-current' : undefined
							}
						>
							{ link.label }
							{ link.count !== undefined &&
								link.count !== null && (
									<span className="aftercare-queue__count">
										{ link.count }
									</span>
								) }
						</a>
					</li>
				) ) }
			</ul>
		</nav>
	);
}

interface QueueTableProps< Item extends { id: number } > {
	view: View;
	onChangeView: ( view: View ) => void;
	fields: Field< Item >[];
	actions?: Action< Item >[];
	/** The rows shown (the last page while the next loads). */
	items: Item[];
	isLoading: boolean;
	totalItems: number;
	/** How many pages: by default the items over the view's page size (cursor-paged queues say 1). */
	totalPages?: number;
	/** Why the page could not be loaded. */
	error: string | null;
	/** Asks for the page again: the page selector's resolution to invalidate. */
	retry: {
		store: Parameters< typeof useDispatch >[ 0 ];
		selector: string;
		args: unknown[];
	};
	/** The query argument an item's link sets to its id, e.g. `ticket`. */
	linkArg: string;
	/** Query arguments an item's link keeps (a log whose entries open over it keeps its filter). */
	linkKeeps?: QueryArgs;
	/** The search field's label; without one the table has no search. */
	searchLabel?: string;
	/** What the table says when there are no rows: none match, or none loaded. */
	emptyLabel: string;
	failedLabel: string;
	/** A DataViews layout of its own, when the default one is not wanted. */
	children?: ReactNode;
}

/**
 * A queue's DataViews table, with a notice to try again when a page fails.
 *
 * @param props              Component props.
 * @param props.view         The DataViews view.
 * @param props.onChangeView Called with the next view.
 * @param props.fields       The columns.
 * @param props.actions      Row and bulk actions.
 * @param props.items        The rows.
 * @param props.isLoading    Whether the page asked for is loading.
 * @param props.totalItems   How many items match.
 * @param props.totalPages   How many pages they fill (default: from the view's page size).
 * @param props.error        Why the page could not be loaded.
 * @param props.retry        The resolution to invalidate to try again.
 * @param props.linkArg      The query argument of an item's link.
 * @param props.linkKeeps    Query arguments an item's link keeps.
 * @param props.searchLabel  The search field's label (none: no search).
 * @param props.emptyLabel   Said when nothing matches.
 * @param props.failedLabel  Said when the page could not be loaded.
 * @param props.children     A layout of its own.
 */
export function QueueTable< Item extends { id: number } >( {
	view,
	onChangeView,
	fields,
	actions,
	items,
	isLoading,
	totalItems,
	totalPages = Math.max(
		1,
		Math.ceil( totalItems / ( view.perPage ?? 20 ) )
	),
	error,
	retry,
	linkArg,
	linkKeeps = {},
	searchLabel,
	emptyLabel,
	failedLabel,
	children,
}: QueueTableProps< Item > ) {
	const { invalidateResolution } = useDispatch( retry.store ) as unknown as {
		invalidateResolution: ( selector: string, args: unknown[] ) => void;
	};
	// DataViews' props hang on a conditional type TypeScript cannot resolve for a
	// generic row, so the table is typed for the one thing it reads: the id.
	type Row = { id: number };
	return (
		<>
			{ error && (
				<Notice
					status="error"
					isDismissible={ false }
					actions={ [
						{
							label: __( 'Try again', 'aftercare' ),
							onClick: () =>
								invalidateResolution(
									retry.selector,
									retry.args
								),
						},
					] }
				>
					{ error }
				</Notice>
			) }
			<DataViews< Row >
				view={ view }
				onChangeView={ onChangeView }
				fields={ fields as unknown as Field< Row >[] }
				actions={ actions as unknown as Action< Row >[] | undefined }
				data={ items }
				isLoading={ isLoading }
				getItemId={ ( item ) => String( item.id ) }
				paginationInfo={ { totalItems, totalPages } }
				defaultLayouts={ { table: {} } }
				search={ searchLabel !== undefined }
				searchLabel={ searchLabel }
				renderItemLink={ ( { item, children: label, ...props } ) => (
					<a
						{ ...props }
						href={ pageUrl( {
							...linkKeeps,
							[ linkArg ]: String( item.id ),
						} ) }
						onClick={ linkHandler( {
							...linkKeeps,
							[ linkArg ]: String( item.id ),
						} ) }
					>
						{ label }
					</a>
				) }
				empty={ <p>{ error ? failedLabel : emptyLabel }</p> }
			>
				{ children }
			</DataViews>
		</>
	);
}
