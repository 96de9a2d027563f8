/**
 * Support → Reports: how well the store serves in a period, compared with the one before —
 * headline figures with their change, trends per day, distributions, returns, and the
 * figures by agent, channel, priority, tag and product; every table also as CSV.
 */

/**
 * WordPress dependencies
 */
import {
	Button,
	Notice,
	SelectControl,
	Spinner,
	TextControl,
	ToggleControl,
} from '@wordpress/components';
import { useSelect } from '@wordpress/data';
import { useEffect, useMemo, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { getAdminData } from '../admin-data';
import { BarChart } from '../components/BarChart';
import { Page } from '../components/Page';
import { TrendChart } from '../components/TrendChart';
import { navigate, useQueryArgs } from '../hooks/use-query-args';
import { reportsStore } from '../store';
import type { ReportQuery } from './api';
import { BreakdownSection } from './BreakdownSection';
import { CountTable, CsvLink, Figure, Section } from './components';
import { backlogAges, headlineFigures } from './figures';
import { bucketLabel, formatMinutes, formatValue } from './format';
import { PRESETS, isDay, periodFromArgs } from './period';
import type { PeriodChoice } from './period';
import { RebuildPanel } from './RebuildPanel';
import { requestKey } from './store';
import type { ReportPeriod, Summary, Trend } from './types';
import './reports.scss';

/** Series colours: each at least 3:1 against the white card (WCAG 1.4.11). */
const COLORS = {
	current: '#3858e9',
	previous: '#757575',
	good: '#008a20',
	warn: '#b26200',
	bad: '#cc1818',
	other: '#7a00df',
};

/**
 * A period for people, e.g. "Nov 6, 2026 – Dec 5, 2026".
 *
 * @param period The period.
 * @return The text.
 */
function periodText( period: ReportPeriod ): string {
	const format = new Intl.DateTimeFormat(
		document.documentElement.lang || undefined,
		{ dateStyle: 'medium', timeZone: 'UTC' }
	);
	return format.formatRange(
		new Date( `${ period.from }T00:00:00Z` ),
		new Date( `${ period.to }T00:00:00Z` )
	);
}

function PeriodPicker( { choice }: { choice: PeriodChoice } ) {
	const { query, preset } = choice;
	const [ custom, setCustom ] = useState( preset === 'custom' );
	const [ from, setFrom ] = useState( query.from );
	const [ to, setTo ] = useState( query.to );
	useEffect( () => {
		setCustom( preset === 'custom' );
		setFrom( query.from );
		setTo( query.to );
	}, [ preset, query.from, query.to ] );
	const compare = query.compare ? undefined : '0';

	return (
		<div className="aftercare-reports__period">
			<SelectControl
				__next40pxDefaultSize
				__nextHasNoMarginBottom
				label={ __( 'Period', 'aftercare' ) }
				value={ custom ? 'custom' : String( preset ) }
				options={ [
					...PRESETS.map( ( days ) => ( {
						value: String( days ),
						label: sprintf(
							/* translators: %d: number of days. */
							__( 'Last %d days', 'aftercare' ),
							days
						),
					} ) ),
					{ value: 'custom', label: __( 'Custom…', 'aftercare' ) },
				] }
				onChange={ ( value: string ) => {
					if ( value === 'custom' ) {
						setCustom( true );
						return;
					}
					navigate( { days: value, compare } );
				} }
			/>
			{ custom && (
				<form
					className="aftercare-reports__custom"
					onSubmit={ ( event ) => {
						event.preventDefault();
						navigate( { from, to, compare } );
					} }
				>
					<TextControl
						__next40pxDefaultSize
						__nextHasNoMarginBottom
						type="date"
						label={ __( 'From', 'aftercare' ) }
						value={ from }
						onChange={ setFrom }
					/>
					<TextControl
						__next40pxDefaultSize
						__nextHasNoMarginBottom
						type="date"
						label={ __( 'To', 'aftercare' ) }
						value={ to }
						onChange={ setTo }
					/>
					<Button
						__next40pxDefaultSize
						variant="primary"
						type="submit"
						disabled={ ! isDay( from ) || ! isDay( to ) }
					>
						{ __( 'Show', 'aftercare' ) }
					</Button>
				</form>
			) }
			<ToggleControl
				__nextHasNoMarginBottom
				label={ __( 'Compare with the previous period', 'aftercare' ) }
				checked={ query.compare }
				onChange={ ( checked: boolean ) =>
					navigate( {
						...( preset === 'custom'
							? { from: query.from, to: query.to }
							: { days: String( preset ) } ),
						compare: checked ? undefined : '0',
					} )
				}
			/>
		</div>
	);
}

/**
 * Whether a period saw nothing at all (no ticket, no return, nothing open).
 *
 * @param summary The summary.
 * @return Whether it is empty.
 */
function isEmpty( summary: Summary ): boolean {
	const { current } = summary;
	return (
		! current.tickets_created &&
		! current.tickets_solved &&
		! current.backlog &&
		! current.returns.settled &&
		! ( current.csat.good + current.csat.okay + current.csat.bad )
	);
}

function TrendSections( {
	query,
	trend,
	currency,
}: {
	query: ReportQuery;
	trend: Trend;
	currency: string;
} ) {
	const labels = trend.days.map( ( day ) => day.date );
	const series = (
		label: string,
		color: string,
		values: Array< number | null >
	) => ( { label, color, values } );
	const csv = (
		<CsvLink
			query={ query }
			csv={ { route: 'trend' } }
			name={ __( 'Figures per day', 'aftercare' ) }
		/>
	);
	return (
		<div className="aftercare-reports__charts">
			<Section
				title={ __( 'Tickets per day', 'aftercare' ) }
				actions={ csv }
			>
				<TrendChart
					title={ __(
						'Tickets created and solved per day',
						'aftercare'
					) }
					labels={ labels }
					series={ [
						series(
							__( 'Created', 'aftercare' ),
							COLORS.current,
							trend.days.map( ( d ) => d.tickets_created )
						),
						series(
							__( 'Solved', 'aftercare' ),
							COLORS.good,
							trend.days.map( ( d ) => d.tickets_solved )
						),
						series(
							__( 'Open at the end of the day', 'aftercare' ),
							COLORS.warn,
							trend.days.map( ( d ) => d.backlog )
						),
					] }
				/>
			</Section>
			<Section
				title={ __(
					'Response and resolution times per day',
					'aftercare'
				) }
			>
				<TrendChart
					title={ __(
						'Median first response and resolution per day, in business hours',
						'aftercare'
					) }
					labels={ labels }
					format={ formatMinutes }
					series={ [
						series(
							__( 'First response', 'aftercare' ),
							COLORS.current,
							trend.days.map(
								( d ) => d.first_response_median_minutes
							)
						),
						series(
							__( 'Resolution', 'aftercare' ),
							COLORS.other,
							trend.days.map(
								( d ) => d.resolution_median_minutes
							)
						),
					] }
				/>
			</Section>
			<Section
				title={ __(
					'Service level and satisfaction per day',
					'aftercare'
				) }
			>
				<TrendChart
					title={ __(
						'SLA attained, CSAT and first-contact resolution per day',
						'aftercare'
					) }
					labels={ labels }
					format={ ( value ) => formatValue( value, 'percent' ) }
					series={ [
						series(
							__( 'SLA attained', 'aftercare' ),
							COLORS.current,
							trend.days.map( ( d ) => d.sla_attained )
						),
						series(
							__( 'CSAT', 'aftercare' ),
							COLORS.good,
							trend.days.map( ( d ) => d.csat_score )
						),
						series(
							__( 'First-contact resolution', 'aftercare' ),
							COLORS.other,
							trend.days.map( ( d ) => d.fcr_rate )
						),
					] }
				/>
			</Section>
			<Section title={ __( 'Returns per day', 'aftercare' ) }>
				<BarChart
					title={ __( 'Returns settled per day', 'aftercare' ) }
					heading={ __( 'Day', 'aftercare' ) }
					labels={ labels }
					series={ [
						series(
							__( 'Returns settled', 'aftercare' ),
							COLORS.warn,
							trend.days.map( ( d ) => d.returns_settled )
						),
					] }
				/>
				<TrendChart
					title={ __( 'Refunded per day', 'aftercare' ) }
					labels={ labels }
					format={ ( value ) =>
						formatValue( value, 'money', currency )
					}
					series={ [
						series(
							__( 'Refunded', 'aftercare' ),
							COLORS.bad,
							trend.days.map( ( d ) => d.refund_value )
						),
					] }
				/>
			</Section>
		</div>
	);
}

function Report( {
	query,
	summary,
}: {
	query: ReportQuery;
	summary: Summary;
} ) {
	const { trend, trendError } = useSelect(
		( select ) => ( {
			trend: select( reportsStore ).getTrend( query ),
			trendError: select( reportsStore ).getError(
				requestKey( 'trend', query )
			),
		} ),
		[ query ]
	);
	const { currency } = summary;
	const { current, compare } = summary;
	const compared = summary.previous !== null;
	const withPrevious = (
		label: string,
		values: number[],
		previous: Array< number | null > | null
	) => [
		{ label, color: COLORS.current, values },
		...( previous
			? [
					{
						label: __( 'Previous period', 'aftercare' ),
						color: COLORS.previous,
						values: previous,
					},
				]
			: [] ),
	];
	const histogram = (
		key: 'first_response' | 'resolution',
		title: string
	) => {
		const buckets = summary.distributions[ key ];
		return (
			<Section
				title={ title }
				actions={
					<CsvLink
						query={ query }
						csv={ { route: 'summary', table: key } }
						name={ title }
					/>
				}
			>
				<BarChart
					title={ title }
					heading={ __( 'Business time', 'aftercare' ) }
					labels={ buckets.map( ( b ) =>
						bucketLabel( b.from_minutes, b.to_minutes )
					) }
					series={ withPrevious(
						__( 'Tickets', 'aftercare' ),
						buckets.map( ( b ) => b.current ),
						compared ? buckets.map( ( b ) => b.previous ) : null
					) }
				/>
			</Section>
		);
	};
	const ages = backlogAges();

	return (
		<>
			<Section
				title={ __( 'Figures', 'aftercare' ) }
				actions={
					<CsvLink
						query={ query }
						csv={ { route: 'summary', table: 'figures' } }
						name={ __( 'Figures', 'aftercare' ) }
					/>
				}
			>
				<dl className="aftercare-reports__figures">
					{ headlineFigures().map( ( definition ) => (
						<Figure
							key={ definition.key }
							definition={ definition }
							current={ current }
							previous={ compare }
							currency={ currency }
						/>
					) ) }
				</dl>
				<p className="aftercare-reports__note">
					{ __(
						'Times are in business hours. Reopen rate: reopens as a share of solves. CSAT: good ratings as a share of all ratings.',
						'aftercare'
					) }
				</p>
			</Section>

			{ trendError && (
				<Notice status="error" isDismissible={ false }>
					{ trendError }
				</Notice>
			) }
			{ ! trendError && ! trend && (
				<p role="status">
					<Spinner />
					{ __( 'Loading the trends…', 'aftercare' ) }
				</p>
			) }
			{ trend && (
				<TrendSections
					query={ query }
					trend={ trend }
					currency={ currency }
				/>
			) }

			<div className="aftercare-reports__charts">
				{ histogram(
					'first_response',
					__( 'Time to first response', 'aftercare' )
				) }
				{ histogram(
					'resolution',
					__( 'Time to resolution', 'aftercare' )
				) }
				<Section title={ __( 'Age of open tickets', 'aftercare' ) }>
					<BarChart
						title={ __(
							'Open tickets by age at the end of the period',
							'aftercare'
						) }
						heading={ __( 'Age', 'aftercare' ) }
						labels={ ages.map( ( age ) => age.label ) }
						series={ withPrevious(
							__( 'Open tickets', 'aftercare' ),
							ages.map(
								( age ) => current.backlog_age[ age.key ]
							),
							compare
								? ages.map(
										( age ) =>
											compare.backlog_age[ age.key ]
									)
								: null
						) }
					/>
				</Section>
				<Section title={ __( 'Ratings', 'aftercare' ) }>
					<BarChart
						title={ __( 'Satisfaction ratings', 'aftercare' ) }
						heading={ __( 'Rating', 'aftercare' ) }
						labels={ [
							__( 'Good', 'aftercare' ),
							__( 'Okay', 'aftercare' ),
							__( 'Bad', 'aftercare' ),
						] }
						series={ withPrevious(
							__( 'Ratings', 'aftercare' ),
							[
								current.csat.good,
								current.csat.okay,
								current.csat.bad,
							],
							compare
								? [
										compare.csat.good,
										compare.csat.okay,
										compare.csat.bad,
									]
								: null
						) }
					/>
				</Section>
				<Section
					title={ __( 'Returns by reason', 'aftercare' ) }
					actions={
						<CsvLink
							query={ query }
							csv={ { route: 'summary', table: 'reasons' } }
							name={ __( 'Returns by reason', 'aftercare' ) }
						/>
					}
				>
					<CountTable
						caption={ __( 'Returns by reason', 'aftercare' ) }
						heading={ __( 'Reason', 'aftercare' ) }
						rows={ summary.returns.by_reason }
						compare={ compared }
						empty={ __(
							'No return was settled in this period.',
							'aftercare'
						) }
					/>
				</Section>
				<Section
					title={ __( 'Returns by outcome', 'aftercare' ) }
					actions={
						<CsvLink
							query={ query }
							csv={ { route: 'summary', table: 'outcomes' } }
							name={ __( 'Returns by outcome', 'aftercare' ) }
						/>
					}
				>
					<CountTable
						caption={ __( 'Returns by outcome', 'aftercare' ) }
						heading={ __( 'Outcome', 'aftercare' ) }
						rows={ summary.returns.by_outcome }
						compare={ compared }
						empty={ __(
							'No return was settled in this period.',
							'aftercare'
						) }
					/>
				</Section>
			</div>

			<BreakdownSection query={ query } currency={ currency } />
		</>
	);
}

export function ReportsScreen() {
	const { today, canManage } = getAdminData();
	const args = useQueryArgs();
	// One query object per period, so selectors and effects see a stable argument.
	const choice = useMemo(
		() => periodFromArgs( args, today ),
		// eslint-disable-next-line react-hooks/exhaustive-deps -- the args' content, not their identity.
		[ JSON.stringify( args ), today ]
	);
	const { query } = choice;
	const { summary, error } = useSelect(
		( select ) => ( {
			summary: select( reportsStore ).getSummary( query ),
			error: select( reportsStore ).getError(
				requestKey( 'summary', query )
			),
		} ),
		[ query ]
	);

	let content;
	if ( error ) {
		content = (
			<Notice status="error" isDismissible={ false }>
				{ error }
			</Notice>
		);
	} else if ( ! summary ) {
		content = (
			<p role="status">
				<Spinner />
				{ __( 'Loading the report…', 'aftercare' ) }
			</p>
		);
	} else {
		content = (
			<>
				<p className="aftercare-reports__summary">
					{ summary.previous
						? sprintf(
								/* translators: 1: this period, 2: the previous period. */
								__( '%1$s, compared with %2$s', 'aftercare' ),
								periodText( summary.period ),
								periodText( summary.previous )
							)
						: periodText( summary.period ) }
				</p>
				{ isEmpty( summary ) ? (
					<p className="aftercare-reports__empty">
						{ __(
							'No tickets, ratings or returns in this period.',
							'aftercare'
						) }
					</p>
				) : (
					<Report query={ query } summary={ summary } />
				) }
			</>
		);
	}

	return (
		<Page title={ __( 'Support reports', 'aftercare' ) } wide>
			<div className="aftercare-reports">
				<PeriodPicker choice={ choice } />
				{ canManage && <RebuildPanel query={ query } /> }
				{ content }
			</div>
		</Page>
	);
}
