/**
 * A small line chart in SVG, for daily trends (no chart library: a few dozen points need
 * none). Screen readers get the same numbers as a table.
 */

/**
 * WordPress dependencies
 */
import { VisuallyHidden } from '@wordpress/components';
import { useId } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

export interface TrendSeries {
	label: string;
	color: string;
	values: number[];
}

interface TrendChartProps {
	/** Describes the chart (its accessible name). */
	title: string;
	/** One label per point, e.g. dates. */
	labels: string[];
	series: TrendSeries[];
}

const WIDTH = 640;
const HEIGHT = 200;
const PAD = { top: 12, right: 12, bottom: 28, left: 36 };

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
 * The SVG points of a series.
 *
 * @param values Values, one per label.
 * @param top    The axis maximum.
 * @return The `points` attribute of a polyline.
 */
export function linePoints( values: number[], top: number ): string {
	const plotWidth = WIDTH - PAD.left - PAD.right;
	const plotHeight = HEIGHT - PAD.top - PAD.bottom;
	const step = values.length > 1 ? plotWidth / ( values.length - 1 ) : 0;
	return values
		.map(
			( value, index ) =>
				`${ ( PAD.left + index * step ).toFixed( 1 ) },${ (
					PAD.top +
					plotHeight * ( 1 - value / top )
				).toFixed( 1 ) }`
		)
		.join( ' ' );
}

export function TrendChart( { title, labels, series }: TrendChartProps ) {
	const id = useId();
	const top = niceMax(
		Math.max( 0, ...series.flatMap( ( line ) => line.values ) )
	);
	const plotHeight = HEIGHT - PAD.top - PAD.bottom;
	const ticks = [ 0, top / 2, top ];
	const every = Math.max( 1, Math.ceil( labels.length / 6 ) );

	return (
		<figure className="aftercare-trend">
			<svg
				viewBox={ `0 0 ${ WIDTH } ${ HEIGHT }` }
				role="img"
				aria-labelledby={ `${ id }-title` }
				className="aftercare-trend__svg"
			>
				<title id={ `${ id }-title` }>{ title }</title>
				{ ticks.map( ( tick ) => {
					const y = PAD.top + plotHeight * ( 1 - tick / top );
					return (
						<g key={ tick }>
							<line
								x1={ PAD.left }
								x2={ WIDTH - PAD.right }
								y1={ y }
								y2={ y }
								stroke="#ddd"
							/>
							<text
								x={ PAD.left - 6 }
								y={ y + 4 }
								textAnchor="end"
								fontSize="11"
								fill="#50575e"
							>
								{ tick }
							</text>
						</g>
					);
				} ) }
				{ labels.map( ( label, index ) =>
					index % every === 0 ? (
						<text
							key={ label }
							x={
								PAD.left +
								( labels.length > 1
									? ( index *
											( WIDTH - PAD.left - PAD.right ) ) /
										( labels.length - 1 )
									: 0 )
							}
							y={ HEIGHT - 8 }
							textAnchor="middle"
							fontSize="11"
							fill="#50575e"
						>
							{ label.slice( 5 ) }
						</text>
					) : null
				) }
				{ series.map( ( line ) => (
					<polyline
						key={ line.label }
						points={ linePoints( line.values, top ) }
						fill="none"
						stroke={ line.color }
						strokeWidth="2"
						strokeLinejoin="round"
					/>
				) ) }
			</svg>
			<figcaption className="aftercare-trend__legend">
				{ series.map( ( line ) => (
					<span key={ line.label } className="aftercare-trend__key">
						<span
							className="aftercare-trend__swatch"
							style={ { background: line.color } }
						/>
						{ line.label }
					</span>
				) ) }
			</figcaption>
			<VisuallyHidden>
				<table>
					<caption>{ title }</caption>
					<thead>
						<tr>
							<th scope="col">{ __( 'Day', 'aftercare' ) }</th>
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
										{ line.values[ index ] ?? 0 }
									</td>
								) ) }
							</tr>
						) ) }
					</tbody>
				</table>
			</VisuallyHidden>
		</figure>
	);
}
