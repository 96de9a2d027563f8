/**
 * What the SVG charts share: the drawing area, the y axis, the legend and the table of the
 * same numbers for screen readers (no chart library: a few dozen points need none).
 */

/**
 * WordPress dependencies
 */
import { VisuallyHidden } from '@wordpress/components';

export interface ChartSeries {
	label: string;
	color: string;
	/** One value per label; null where there is none (a gap, not a zero). */
	values: Array< number | null >;
}

export const WIDTH = 640;
export const HEIGHT = 200;
export const PAD = { top: 12, right: 12, bottom: 28, left: 56 };
export const PLOT_WIDTH = WIDTH - PAD.left - PAD.right;
export const PLOT_HEIGHT = HEIGHT - PAD.top - PAD.bottom;

/**
 * A "nice" top of the y axis: 1, 2 or 5 times a power of ten, at least `max`.
 *
 * @param max The largest value.
 * @return The axis maximum.
 */
export function niceMax( max: number ): number {
	if ( max <= 0 ) {
		return 1;
	}
	const power = 10 ** Math.floor( Math.log10( max ) );
	const step = [ 1, 2, 5, 10 ].find( ( s ) => s * power >= max ) ?? 10;
	return step * power;
}

/**
 * The axis maximum for some series.
 *
 * @param series The series.
 * @return The axis maximum.
 */
export function seriesMax( series: ChartSeries[] ): number {
	return niceMax(
		Math.max(
			0,
			...series.flatMap( ( line ) =>
				line.values.filter( ( v ): v is number => v !== null )
			)
		)
	);
}

/**
 * The y of a value on the plot.
 *
 * @param value The value.
 * @param top   The axis maximum.
 * @return The SVG y.
 */
export function yOf( value: number, top: number ): number {
	return PAD.top + PLOT_HEIGHT * ( 1 - value / top );
}

export function YAxis( {
	top,
	format,
}: {
	top: number;
	format: ( value: number ) => string;
} ) {
	return (
		<g aria-hidden="true">
			{ [ 0, top / 2, top ].map( ( tick ) => (
				<g key={ tick }>
					<line
						x1={ PAD.left }
						x2={ WIDTH - PAD.right }
						y1={ yOf( tick, top ) }
						y2={ yOf( tick, top ) }
						stroke="#dcdcde"
					/>
					<text
						x={ PAD.left - 6 }
						y={ yOf( tick, top ) + 4 }
						textAnchor="end"
						fontSize="11"
						fill="#50575e"
					>
						{ format( tick ) }
					</text>
				</g>
			) ) }
		</g>
	);
}

export function Legend( { series }: { series: ChartSeries[] } ) {
	return (
		<figcaption className="aftercare-chart__legend" aria-hidden="true">
			{ series.map( ( line ) => (
				<span key={ line.label } className="aftercare-chart__key">
					<span
						className="aftercare-chart__swatch"
						style={ { background: line.color } }
					/>
					{ line.label }
				</span>
			) ) }
		</figcaption>
	);
}

/**
 * The chart's numbers as a table only screen readers see.
 *
 * @param props         Props.
 * @param props.title   Caption.
 * @param props.heading The first column's heading, e.g. "Day".
 * @param props.labels  Row headings.
 * @param props.series  Columns.
 * @param props.format  Writes a value.
 */
export function ChartTable( {
	title,
	heading,
	labels,
	series,
	format,
}: {
	title: string;
	heading: string;
	labels: string[];
	series: ChartSeries[];
	format: ( value: number | null ) => string;
} ) {
	return (
		<VisuallyHidden>
			<table>
				<caption>{ title }</caption>
				<thead>
					<tr>
						<th scope="col">{ heading }</th>
						{ series.map( ( line ) => (
							<th scope="col" key={ line.label }>
								{ line.label }
							</th>
						) ) }
					</tr>
				</thead>
				<tbody>
					{ labels.map( ( label, index ) => (
						<tr key={ label }>
							<th scope="row">{ label }</th>
							{ series.map( ( line ) => (
								<td key={ line.label }>
									{ format( line.values[ index ] ?? null ) }
								</td>
							) ) }
						</tr>
					) ) }
				</tbody>
			</table>
		</VisuallyHidden>
	);
}
