/**
 * The parts of the reports screen: a section card with its CSV link, a figure with its
 * change, a table of counts with bars.
 */

/**
 * WordPress dependencies
 */
import { Button, Card, CardBody, CardHeader } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';
import type { ReactNode } from 'react';

/**
 * Internal dependencies
 */
import { csvUrl } from './api';
import type { CsvTable, ReportQuery } from './api';
import { change, formatCount, formatValue } from './format';
import type { FigureDefinition } from './figures';
import type { CodeCount, Figures } from './types';

/**
 * A link that downloads a table as CSV from the REST API.
 *
 * @param props       Props.
 * @param props.query The period.
 * @param props.csv   Which table.
 * @param props.name  The table's name, for the link's accessible name.
 */
export function CsvLink( {
	query,
	csv,
	name,
}: {
	query: ReportQuery;
	csv: CsvTable;
	name: string;
} ) {
	return (
		<Button
			variant="secondary"
			size="compact"
			href={ csvUrl( query, csv ) }
			download
			aria-label={ sprintf(
				/* translators: %s: a table's name, e.g. "Returns by reason". */
				__( 'Download “%s” as CSV', 'aftercare' ),
				name
			) }
		>
			{ __( 'Download CSV', 'aftercare' ) }
		</Button>
	);
}

/**
 * One part of the report: a card with its heading and, when it has a table, its CSV link.
 *
 * @param props          Props.
 * @param props.title    Heading.
 * @param props.actions  Beside the heading (the CSV link).
 * @param props.children The chart or table.
 */
export function Section( {
	title,
	actions,
	children,
}: {
	title: string;
	actions?: ReactNode;
	children: ReactNode;
} ) {
	return (
		<Card className="aftercare-reports__section">
			<CardHeader>
				<h2>{ title }</h2>
				{ actions }
			</CardHeader>
			<CardBody>{ children }</CardBody>
		</Card>
	);
}

/**
 * A headline figure: its value now and how it changed from the previous period.
 *
 * @param props            Props.
 * @param props.definition What the figure is.
 * @param props.current    This period's figures.
 * @param props.previous   The previous period's, or null.
 * @param props.currency   For money.
 */
export function Figure( {
	definition,
	current,
	previous,
	currency,
}: {
	definition: FigureDefinition;
	current: Figures;
	previous: Figures | null;
	currency: string;
} ) {
	const { kind, better } = definition;
	const value = definition.value( current );
	const moved = previous
		? change( value, definition.value( previous ), kind, better, currency )
		: null;
	const arrows = { up: '▲', down: '▼', same: '' };
	return (
		<div
			className="aftercare-reports__figure"
			data-figure={ definition.key }
		>
			<dt>{ definition.label }</dt>
			<dd className="aftercare-reports__value">
				{ formatValue( value, kind, currency ) }
			</dd>
			{ moved && (
				<dd
					className={ `aftercare-reports__change is-${ moved.tone }` }
				>
					<span aria-hidden="true">
						{ arrows[ moved.direction ] } { moved.text }
					</span>
					<span className="screen-reader-text">{ moved.label }</span>
				</dd>
			) }
		</div>
	);
}

/**
 * Counts by code (returns by reason or outcome) as a table whose cells carry bars, with the
 * previous period beside them when compared.
 *
 * @param props         Props.
 * @param props.caption The table's name.
 * @param props.heading The first column's heading.
 * @param props.rows    The counts.
 * @param props.compare Whether the previous period is shown.
 * @param props.empty   Said when there are no rows.
 */
export function CountTable( {
	caption,
	heading,
	rows,
	compare,
	empty,
}: {
	caption: string;
	heading: string;
	rows: CodeCount[];
	compare: boolean;
	empty: string;
} ) {
	if ( ! rows.some( ( row ) => row.current || row.previous ) ) {
		return <p className="aftercare-reports__empty">{ empty }</p>;
	}
	const max = Math.max(
		1,
		...rows.flatMap( ( row ) => [ row.current, row.previous ?? 0 ] )
	);
	const bar = ( value: number, previous = false ) => (
		<span className="aftercare-reports__bar-cell">
			<span
				className={
					previous
						? 'aftercare-reports__bar is-previous'
						: 'aftercare-reports__bar'
				}
				style={ { width: `${ ( 100 * value ) / max }%` } }
				aria-hidden="true"
			/>
			<span className="aftercare-reports__bar-value">
				{ formatCount( value ) }
			</span>
		</span>
	);
	return (
		<table className="widefat striped aftercare-reports__table">
			<caption className="screen-reader-text">{ caption }</caption>
			<thead>
				<tr>
					<th scope="col">{ heading }</th>
					<th scope="col">{ __( 'This period', 'aftercare' ) }</th>
					{ compare && (
						<th scope="col">
							{ __( 'Previous period', 'aftercare' ) }
						</th>
					) }
				</tr>
			</thead>
			<tbody>
				{ rows.map( ( row ) => (
					<tr key={ row.code }>
						<th scope="row">{ row.label }</th>
						<td>{ bar( row.current ) }</td>
						{ compare && (
							<td>{ bar( row.previous ?? 0, true ) }</td>
						) }
					</tr>
				) ) }
			</tbody>
		</table>
	);
}
