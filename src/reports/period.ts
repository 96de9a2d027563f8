/**
 * The screen's period in the page's query arguments: `days=7|30|90` (ending today, the
 * store's calendar day) or `from` and `to` for a custom one; `compare=0` turns the
 * comparison off.
 */

/**
 * Internal dependencies
 */
import type { ReportQuery } from './api';

export const PRESETS = [ 7, 30, 90 ] as const;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A calendar day moved by some days.
 *
 * @param day  `YYYY-MM-DD`.
 * @param days Days to add (negative: back).
 * @return `YYYY-MM-DD`.
 */
export function addDays( day: string, days: number ): string {
	const date = new Date( `${ day }T00:00:00Z` );
	date.setUTCDate( date.getUTCDate() + days );
	return date.toISOString().slice( 0, 10 );
}

export interface PeriodChoice {
	/** A preset's number of days, or 'custom'. */
	preset: ( typeof PRESETS )[ number ] | 'custom';
	query: ReportQuery;
}

/**
 * The period the query arguments ask for; the last 30 days when they ask for none (or
 * for a preset that does not exist). A custom period goes to the server as it is: the
 * server says what is wrong with it.
 *
 * @param args  The page's query arguments.
 * @param today The store's calendar day.
 * @return The preset and the request.
 */
export function periodFromArgs(
	args: Record< string, string >,
	today: string
): PeriodChoice {
	const compare = args.compare !== '0';
	if ( ! args.days && args.from && args.to ) {
		return {
			preset: 'custom',
			query: { from: args.from, to: args.to, compare },
		};
	}
	const days =
		PRESETS.find( ( preset ) => String( preset ) === args.days ) ?? 30;
	return {
		preset: days,
		query: { from: addDays( today, 1 - days ), to: today, compare },
	};
}

/**
 * Whether a string is a calendar day as the date fields give it.
 *
 * @param value The string.
 * @return Whether it is `YYYY-MM-DD`.
 */
export function isDay( value: string ): boolean {
	return DAY.test( value );
}
