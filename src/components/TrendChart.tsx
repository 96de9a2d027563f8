/**
 * A line chart in SVG, for daily trends. Screen readers get the same numbers as a table.
 */

/**
 * WordPress dependencies
 */
import { useId } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import {
	ChartTable,
	HEIGHT,
	Legend,
	PAD,
	PLOT_WIDTH,
	WIDTH,
	YAxis,
	seriesMax,
	yOf,
} from './chart';
import type { ChartSeries } from './chart';
import './chart.scss';

export type TrendSeries = ChartSeries;

interface TrendChartProps {
	/** Describes the chart (its accessible name). */
	title: string;
	/** One label per point, e.g. dates. */
	labels: string[];
	series: ChartSeries[];
	/** Writes a value (axis and table); plain numbers by default. */
	format?: ( value: number ) => string;
}

const plain = ( value: number ) => String( value );

/**
 * The x of a point.
 *
 * @param index Its index.
 * @param count How many points there are.
 * @return The SVG x.
 */
function xOf( index: number, count: number ): number {
	return (
		PAD.left + ( count > 1 ? ( index * PLOT_WIDTH ) / ( count - 1 ) : 0 )
	);
}

/**
 * The SVG polylines of a series: one per run of values, so a day without a value is a gap
 * rather than a drop to zero.
 *
 * @param values Values, one per label.
 * @param top    The axis maximum.
 * @return The `points` attribute of each polyline.
 */
export function linePoints(
	values: Array< number | null >,
	top: number
): string[] {
	const runs: string[][] = [];
	let run: string[] = [];
	values.forEach( ( value, index ) => {
		if ( value === null ) {
			if ( run.length ) {
				runs.push( run );
			}
			run = [];
			return;
		}
		run.push(
			`${ xOf( index, values.length ).toFixed( 1 ) },${ yOf(
				value,
				top
			).toFixed( 1 ) }`
		);
	} );
	if ( run.length ) {
		runs.push( run );
	}
	return runs.map( ( points ) => points.join( ' ' ) );
}

export function TrendChart( {
	title,
	labels,
	series,
	format = plain,
}: TrendChartProps ) {
	const id = useId();
	const top = seriesMax( series );
	const every = Math.max( 1, Math.ceil( labels.length / 6 ) );

	return (
		<figure className="aftercare-chart">
			<svg
				viewBox={ `0 0 ${ WIDTH } ${ HEIGHT }` }
				role="img"
				aria-labelledby={ `${ id }-title` }
				className="aftercare-chart__svg"
			>
				<title id={ `${ id }-title` }>{ title }</title>
				<YAxis top={ top } format={ format } />
				{ labels.map( ( label, index ) =>
					index % every === 0 ? (
						<text
							key={ label }
							x={ xOf( index, labels.length ) }
							y={ HEIGHT - 8 }
							textAnchor="middle"
							fontSize="11"
							fill="#50575e"
						>
							{ label.slice( 5 ) }
						</text>
					) : null
				) }
				{ series.map( ( line ) =>
					linePoints( line.values, top ).map( ( points ) =>
						// A run of one day is a dot.
						points.includes( ' ' ) ? (
							<polyline
								key={ `${ line.label }${ points }` }
								points={ points }
								fill="none"
								stroke={ line.color }
								strokeWidth="2"
								strokeLinejoin="round"
							/>
						) : (
							<circle
								key={ `${ line.label }${ points }` }
								cx={ points.split( ',' )[ 0 ] }
								cy={ points.split( ',' )[ 1 ] }
								r="3"
								fill={ line.color }
							/>
						)
					)
				) }
			</svg>
			<Legend series={ series } />
			<ChartTable
				title={ title }
				heading={ __( 'Day', 'aftercare' ) }
				labels={ labels }
				series={ series }
				format={ ( value ) =>
					value === null ? '–' : format( value )
				}
			/>
		</figure>
	);
}
