/**
 * Report numbers for people: durations in business time, rates, changes from the previous
 * period and whether a change is good.
 */

/**
 * WordPress dependencies
 */
import { __, sprintf } from '@wordpress/i18n';

const locale = () => document.documentElement.lang || undefined;

/** What a figure is, which decides how it is written and how its change is measured. */
export type Kind = 'count' | 'minutes' | 'percent' | 'score' | 'money';

/** Which way a figure should go: up, down, or neither (a volume). */
export type Better = 'up' | 'down' | null;

/** Written where there is nothing to show (nothing to divide by). */
export const NONE = '–';

/**
 * A whole number, e.g. "1,204".
 *
 * @param value The number.
 * @return The formatted number.
 */
export function formatCount( value: number ): string {
	return new Intl.NumberFormat( locale() ).format( value );
}

/**
 * A duration in business minutes, e.g. "45 min", "3 h 20 min", "26 h". Never in days: a day
 * of business hours is not 24 hours.
 *
 * @param minutes Minutes, or null.
 * @return The duration.
 */
export function formatMinutes( minutes: number | null ): string {
	if ( minutes === null ) {
		return NONE;
	}
	const rounded = Math.round( minutes );
	if ( rounded < 60 ) {
		/* translators: %d: minutes. */
		return sprintf( __( '%d min', 'aftercare' ), rounded );
	}
	const hours = Math.floor( rounded / 60 );
	const rest = rounded % 60;
	if ( rest === 0 || hours >= 24 ) {
		/* translators: %d: hours. */
		return sprintf( __( '%d h', 'aftercare' ), Math.round( minutes / 60 ) );
	}
	/* translators: 1: hours, 2: minutes. */
	return sprintf( __( '%1$d h %2$d min', 'aftercare' ), hours, rest );
}

/**
 * A histogram bucket's label, e.g. "15–30 min", "2–3 h", "over 336 h".
 *
 * @param from Lower edge in minutes.
 * @param to   Upper edge in minutes, null for the open bucket.
 * @return The label.
 */
export function bucketLabel( from: number, to: number | null ): string {
	if ( to === null ) {
		/* translators: %s: a duration, e.g. "336 h". */
		return sprintf( __( 'over %s', 'aftercare' ), formatMinutes( from ) );
	}
	if ( to <= 60 || from >= 60 ) {
		const unit = to <= 60 ? 1 : 60;
		const edge = new Intl.NumberFormat( locale(), {
			maximumFractionDigits: 1,
		} );
		const low = edge.format( from / unit );
		const high = edge.format( to / unit );
		return unit === 1
			? /* translators: 1: lower, 2: upper edge in minutes. */
				sprintf( __( '%1$s–%2$s min', 'aftercare' ), low, high )
			: /* translators: 1: lower, 2: upper edge in hours. */
				sprintf( __( '%1$s–%2$s h', 'aftercare' ), low, high );
	}
	return `${ formatMinutes( from ) }–${ formatMinutes( to ) }`;
}

/**
 * A figure written as its kind says.
 *
 * @param value    The value, or null.
 * @param kind     What it is.
 * @param currency ISO 4217 code for money, '' for a plain amount.
 * @return The text.
 */
export function formatValue(
	value: number | null,
	kind: Kind,
	currency = ''
): string {
	if ( value === null ) {
		return NONE;
	}
	switch ( kind ) {
		case 'minutes':
			return formatMinutes( value );
		case 'percent':
			return new Intl.NumberFormat( locale(), {
				style: 'percent',
				maximumFractionDigits: 1,
			} ).format( value / 100 );
		case 'score':
			return new Intl.NumberFormat( locale(), {
				minimumFractionDigits: 1,
				maximumFractionDigits: 2,
			} ).format( value );
		case 'money':
			return currency
				? new Intl.NumberFormat( locale(), {
						style: 'currency',
						currency,
					} ).format( value )
				: new Intl.NumberFormat( locale(), {
						minimumFractionDigits: 2,
						maximumFractionDigits: 2,
					} ).format( value );
		default:
			return formatCount( value );
	}
}

export interface Change {
	/** Which way the figure moved. */
	direction: 'up' | 'down' | 'same';
	/** Whether that is good, bad, or neither. */
	tone: 'good' | 'bad' | 'neutral';
	/** The change, e.g. "+12%", "−3.5 pts", "+4" (from nothing). */
	text: string;
	/** For screen readers, e.g. "Up 12% from 40, better". */
	label: string;
}

/**
 * How a figure changed from the previous period. Rates change by percentage points, other
 * figures by a share of what they were (or by their difference when they were nothing).
 *
 * @param current  This period's value.
 * @param previous The previous period's value.
 * @param kind     What the figure is.
 * @param better   Which way is good.
 * @param currency ISO 4217 code for money.
 * @return The change, or null when either side has no value.
 */
export function change(
	current: number | null,
	previous: number | null,
	kind: Kind,
	better: Better,
	currency = ''
): Change | null {
	if ( current === null || previous === null ) {
		return null;
	}
	const difference = current - previous;
	let direction: Change[ 'direction' ] = difference > 0 ? 'up' : 'down';
	if ( Math.abs( difference ) < 1e-9 ) {
		direction = 'same';
	}
	let tone: Change[ 'tone' ] = 'neutral';
	if ( better && direction !== 'same' ) {
		tone = direction === better ? 'good' : 'bad';
	}
	const sign = difference > 0 ? '+' : '−';
	const size = Math.abs( difference );
	let amount: string;
	if ( kind === 'percent' ) {
		amount = sprintf(
			/* translators: %s: a difference in percentage points, e.g. "3.5". */
			__( '%s pts', 'aftercare' ),
			new Intl.NumberFormat( locale(), {
				maximumFractionDigits: 1,
			} ).format( size )
		);
	} else if ( previous === 0 ) {
		amount = formatValue( size, kind, currency );
	} else {
		amount = new Intl.NumberFormat( locale(), {
			style: 'percent',
			maximumFractionDigits: 0,
		} ).format( size / Math.abs( previous ) );
	}
	const text = direction === 'same' ? '±0' : `${ sign }${ amount }`;
	const was = formatValue( previous, kind, currency );
	let label: string;
	if ( direction === 'same' ) {
		/* translators: %s: the previous value. */
		label = sprintf( __( 'Unchanged from %s', 'aftercare' ), was );
	} else if ( direction === 'up' ) {
		/* translators: 1: a change, e.g. "12%", 2: the previous value. */
		label = sprintf( __( 'Up %1$s from %2$s', 'aftercare' ), amount, was );
	} else {
		label = sprintf(
			/* translators: 1: a change, e.g. "12%", 2: the previous value. */
			__( 'Down %1$s from %2$s', 'aftercare' ),
			amount,
			was
		);
	}
	const judged = {
		good: __( 'better', 'aftercare' ),
		bad: __( 'worse', 'aftercare' ),
		neutral: '',
	};
	return {
		direction,
		tone,
		text,
		label: judged[ tone ] ? `${ label }, ${ judged[ tone ] }` : label,
	};
}
