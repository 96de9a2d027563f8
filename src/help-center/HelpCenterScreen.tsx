/**
 * WordPress dependencies
 */
import {
	Button,
	Card,
	CardBody,
	CardHeader,
	Notice,
	SelectControl,
	Spinner,
} from '@wordpress/components';
import { useSelect } from '@wordpress/data';
import { useState } from '@wordpress/element';
import { __, _n, sprintf } from '@wordpress/i18n';
import { addQueryArgs } from '@wordpress/url';
import type { ReactNode } from 'react';

/**
 * Internal dependencies
 */
import type { AftercareHelpReports } from '../api';
import { Page } from '../components/Page';
import { TrendChart } from '../components/TrendChart';
import { helpReportsStore } from '../store';
import './help-center.scss';

/**
 * A share as a whole percentage, or an en dash when there is nothing to divide.
 *
 * @param part  The part.
 * @param whole The whole.
 * @return E.g. "42%".
 */
export function percent( part: number, whole: number ): string {
	return whole > 0 ? `${ Math.round( ( 100 * part ) / whole ) }%` : '–';
}

/**
 * The editor, opening a new draft article titled by a query nobody found an answer to.
 *
 * @param query The zero-result query.
 * @return A wp-admin URL.
 */
export function newArticleUrl( query: string ): string {
	return addQueryArgs( 'post-new.php', {
		post_type: 'aftercare_article',
		post_title: query.charAt( 0 ).toUpperCase() + query.slice( 1 ),
	} );
}

function Table( {
	caption,
	headers,
	children,
	empty,
}: {
	caption: string;
	headers: string[];
	children: ReactNode[];
	empty: string;
} ) {
	if ( children.length === 0 ) {
		return <p className="aftercare-help-report__empty">{ empty }</p>;
	}
	return (
		<table className="widefat striped aftercare-help-report__table">
			<caption className="screen-reader-text">{ caption }</caption>
			<thead>
				<tr>
					{ headers.map( ( header ) => (
						<th scope="col" key={ header }>
							{ header }
						</th>
					) ) }
				</tr>
			</thead>
			<tbody>{ children }</tbody>
		</table>
	);
}

/**
 * One part of the report: a card with its heading.
 *
 * @param props          Props.
 * @param props.title    Heading.
 * @param props.children The chart or table.
 */
function Section( {
	title,
	children,
}: {
	title: string;
	children: ReactNode;
} ) {
	return (
		<Card>
			<CardHeader>
				<h2>{ title }</h2>
			</CardHeader>
			<CardBody>{ children }</CardBody>
		</Card>
	);
}

function Report( { report }: { report: AftercareHelpReports } ) {
	const { totals, trend } = report;
	const labels = trend.map( ( point ) => point.date );
	const figures = [
		{
			label: __( 'Searches', 'aftercare' ),
			value: String( totals.searches ),
		},
		{
			label: __( 'Found nothing', 'aftercare' ),
			value: percent( totals.zero, totals.searches ),
		},
		{
			label: __( 'Articles opened', 'aftercare' ),
			value: String( totals.clicks ),
		},
		{
			label: __( 'Found helpful', 'aftercare' ),
			value: percent( totals.helpful, totals.helpful + totals.unhelpful ),
		},
		{
			label: __( 'Deflected', 'aftercare' ),
			value: percent( totals.deflected, totals.visitors ),
		},
	];
	return (
		<>
			<dl className="aftercare-help-report__figures">
				{ figures.map( ( figure ) => (
					<div
						key={ figure.label }
						className="aftercare-help-report__figure"
					>
						<dt>{ figure.label }</dt>
						<dd>{ figure.value }</dd>
					</div>
				) ) }
			</dl>
			<p className="aftercare-help-report__note">
				{ sprintf(
					/* translators: 1: shoppers who searched or saw suggestions, 2: of them, those who opened no ticket within 7 days. */
					_n(
						'%1$d shopper searched or saw suggestions; %2$d of them did not open a ticket within 7 days.',
						'%1$d shoppers searched or saw suggestions; %2$d of them did not open a ticket within 7 days.',
						totals.visitors,
						'aftercare'
					),
					totals.visitors,
					totals.deflected
				) }
			</p>
			<div className="aftercare-help-report__charts">
				<Section title={ __( 'Searches per day', 'aftercare' ) }>
					<TrendChart
						title={ __( 'Searches per day', 'aftercare' ) }
						labels={ labels }
						series={ [
							{
								label: __( 'Searches', 'aftercare' ),
								color: '#3858e9',
								values: trend.map( ( p ) => p.searches ),
							},
							{
								label: __( 'Found nothing', 'aftercare' ),
								color: '#cc1818',
								values: trend.map( ( p ) => p.zero ),
							},
							{
								label: __( 'Articles opened', 'aftercare' ),
								color: '#008a20',
								values: trend.map( ( p ) => p.clicks ),
							},
						] }
					/>
				</Section>
				<Section title={ __( 'Votes per day', 'aftercare' ) }>
					<TrendChart
						title={ __( 'Votes per day', 'aftercare' ) }
						labels={ labels }
						series={ [
							{
								label: __( 'Helpful', 'aftercare' ),
								color: '#008a20',
								values: trend.map( ( p ) => p.helpful ),
							},
							{
								label: __( 'Not helpful', 'aftercare' ),
								color: '#b26200',
								values: trend.map( ( p ) => p.unhelpful ),
							},
						] }
					/>
				</Section>
			</div>

			<Section title={ __( 'Searches that found nothing', 'aftercare' ) }>
				<Table
					caption={ __( 'Searches that found nothing', 'aftercare' ) }
					empty={ __(
						'Every search found an article.',
						'aftercare'
					) }
					headers={ [
						__( 'Query', 'aftercare' ),
						__( 'Searches', 'aftercare' ),
						__( 'Last searched', 'aftercare' ),
						__( 'Action', 'aftercare' ),
					] }
				>
					{ report.zero_results.map( ( row ) => (
						<tr key={ row.query }>
							<td>{ row.query }</td>
							<td>{ row.searches }</td>
							<td>{ row.last.slice( 0, 10 ) }</td>
							<td>
								<Button
									variant="secondary"
									size="compact"
									href={ newArticleUrl( row.query ) }
									aria-label={ sprintf(
										/* translators: %s: a search query. */
										__(
											'Write an article for “%s”',
											'aftercare'
										),
										row.query
									) }
								>
									{ __( 'Write this article', 'aftercare' ) }
								</Button>
							</td>
						</tr>
					) ) }
				</Table>
			</Section>

			<Section title={ __( 'Top searches', 'aftercare' ) }>
				<Table
					caption={ __( 'Top searches', 'aftercare' ) }
					empty={ __( 'No searches in this period.', 'aftercare' ) }
					headers={ [
						__( 'Query', 'aftercare' ),
						__( 'Searches', 'aftercare' ),
						__( 'Found nothing', 'aftercare' ),
						__( 'Articles opened', 'aftercare' ),
						__( 'Deflected', 'aftercare' ),
					] }
				>
					{ report.top_queries.map( ( row ) => (
						<tr key={ row.query }>
							<td>{ row.query }</td>
							<td>{ row.searches }</td>
							<td>{ row.zero }</td>
							<td>{ row.clicks }</td>
							<td>{ percent( row.deflected, row.visitors ) }</td>
						</tr>
					) ) }
				</Table>
			</Section>

			<Section title={ __( 'Articles', 'aftercare' ) }>
				<Table
					caption={ __( 'Articles', 'aftercare' ) }
					empty={ __(
						'No article was opened or voted on in this period.',
						'aftercare'
					) }
					headers={ [
						__( 'Article', 'aftercare' ),
						__( 'Helpful', 'aftercare' ),
						__( 'Not helpful', 'aftercare' ),
						__( 'Found helpful', 'aftercare' ),
						__( 'Opened', 'aftercare' ),
						__( 'Deflected', 'aftercare' ),
						__( 'Latest comments', 'aftercare' ),
					] }
				>
					{ report.articles.map( ( row ) => (
						<tr key={ row.id }>
							<td>
								<a href={ row.edit_url || row.url }>
									{ row.title }
								</a>
							</td>
							<td>{ row.helpful }</td>
							<td>{ row.unhelpful }</td>
							<td>
								{ percent(
									row.helpful,
									row.helpful + row.unhelpful
								) }
							</td>
							<td>{ row.clicks }</td>
							<td>{ percent( row.deflected, row.visitors ) }</td>
							<td>
								{ row.comments.map( ( comment ) => (
									<p
										key={ comment.date + comment.comment }
										className="aftercare-help-report__comment"
									>
										{ comment.helpful ? '👍 ' : '👎 ' }
										{ comment.comment }
									</p>
								) ) }
							</td>
						</tr>
					) ) }
				</Table>
			</Section>
		</>
	);
}

/**
 * Support → Help center: what shoppers search, what they do not find, which articles help, and
 * how many of them did not need to open a ticket.
 */
export function HelpCenterScreen() {
	const [ days, setDays ] = useState( 30 );
	const { report, error } = useSelect(
		( select ) => ( {
			report: select( helpReportsStore ).getHelpReport( days ),
			error: select( helpReportsStore ).getHelpReportError( days ),
		} ),
		[ days ]
	);

	let content;
	if ( error ) {
		content = (
			<Notice status="error" isDismissible={ false }>
				{ error }
			</Notice>
		);
	} else if ( ! report ) {
		content = (
			<p role="status">
				<Spinner />
				{ __( 'Loading the report…', 'aftercare' ) }
			</p>
		);
	} else {
		content = <Report report={ report } />;
	}

	return (
		<Page title={ __( 'Help center analytics', 'aftercare' ) }>
			<div className="aftercare-help-report">
				<SelectControl
					__next40pxDefaultSize
					__nextHasNoMarginBottom
					className="aftercare-help-report__period"
					label={ __( 'Period', 'aftercare' ) }
					value={ String( days ) as '7' | '30' | '90' }
					options={ [
						{ label: __( 'Last 7 days', 'aftercare' ), value: '7' },
						{
							label: __( 'Last 30 days', 'aftercare' ),
							value: '30',
						},
						{
							label: __( 'Last 90 days', 'aftercare' ),
							value: '90',
						},
					] }
					onChange={ ( value: string ) => setDays( Number( value ) ) }
				/>
				{ content }
			</div>
		</Page>
	);
}
