/**
 * A column chart in SVG, for distributions (a histogram, counts by group): one column per
 * series in each group. Each column names its value on hover; screen readers get the numbers
 * as a table.
 */

/**
 * WordPress dependencies
 */
import { useId } from '@wordpress/element';

/**
 * Internal dependencies
 */
import {
	ChartTable,
	HEIGHT,
	Legend,
	PAD,
	PLOT_HEIGHT,
	PLOT_WIDTH,
	WIDTH,
	YAxis,
	seriesMax,
	yOf,
} from './chart';
import type { ChartSeries } from './chart';
import './chart.scss';

interface BarChartProps {
	/** Describes the chart (its accessible name). */
	title: string;
	/** The first column's heading in the table, e.g. "First response". */
	heading: string;
	/** One label per group, e.g. "15–30 min". */
	labels: string[];
	series: ChartSeries[];
	/** Writes a value (axis, hover and table); plain numbers by default. */
	format?: ( value: number ) => string;
}

const plain = ( value: number ) => String( value );

export interface Column {
	x: number;
	y: number;
	width: number;
	height: number;
}

/**
 * Where a column stands: groups share the width, the columns of a group share 80% of theirs.
 *
 * @param group       The group's index.
 * @param groups      How many groups.
 * @param index       The series' index.
 * @param seriesCount How many series.
 * @param value       The value.
 * @param top         The axis maximum.
 * @return The rectangle.
 */
export function column(
	group: number,
	groups: number,
	index: number,
	seriesCount: number,
	value: number,
	top: number
): Column {
	const slot = PLOT_WIDTH / groups;
	const width = ( slot * 0.8 ) / seriesCount;
	const y = yOf( value, top );
	return {
		x: PAD.left + group * slot + slot * 0.1 + index * width,
		y,
		width,
		height: PAD.top + PLOT_HEIGHT - y,
	};
}

export function BarChart( {
	title,
	heading,
	labels,
	series,
	format = plain,
}: BarChartProps ) {
	const id = useId();
	const top = seriesMax( series );
	const every = Math.max( 1, Math.ceil( labels.length / 8 ) );
	const slot = PLOT_WIDTH / Math.max( 1, labels.length );

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
				{ labels.map( ( label, group ) => (
					<g key={ label }>
						{ series.map( ( line, index ) => {
							const value = line.values[ group ];
							if ( ! value ) {
								return null;
							}
							const rect = column(
								group,
								labels.length,
								index,
								series.length,
								value,
								top
							);
							return (
								<rect
									key={ line.label }
									{ ...rect }
									fill={ line.color }
								>
									<title>{ `${ label }, ${ line.label }: ${ format(
										value
									) }` }</title>
								</rect>
							);
						} ) }
						{ group % every === 0 && (
							<text
								x={ PAD.left + group * slot + slot / 2 }
								y={ HEIGHT - 8 }
								textAnchor="middle"
								fontSize="11"
								fill="#50575e"
							>
								{ label }
							</text>
						) }
					</g>
				) ) }
			</svg>
			<Legend series={ series } />
			<ChartTable
				title={ title }
				heading={ heading }
				labels={ labels }
				series={ series }
				format={ ( value ) =>
					value === null ? '–' : format( value )
				}
			/>
		</figure>
	);
}
