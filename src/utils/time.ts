/**
 * Dates for people, in the browser's language and time zone (the REST API sends UTC).
 */

const locale = () => document.documentElement.lang || undefined;

/**
 * A date and time, e.g. "Nov 30, 2026, 4:12 PM".
 *
 * @param iso An ISO 8601 time.
 * @return The formatted time.
 */
export function formatDateTime( iso: string ): string {
	return new Intl.DateTimeFormat( locale(), {
		dateStyle: 'medium',
		timeStyle: 'short',
	} ).format( new Date( iso ) );
}

const UNITS: Array< [ Intl.RelativeTimeFormatUnit, number ] > = [
	[ 'day', 86400 ],
	[ 'hour', 3600 ],
	[ 'minute', 60 ],
];

/**
 * A time relative to now, e.g. "in 3 hours" or "20 minutes ago".
 *
 * @param iso An ISO 8601 time.
 * @param now The current time in milliseconds (for tests).
 * @return The relative time.
 */
export function formatRelative(
	iso: string,
	now: number = Date.now()
): string {
	const seconds = Math.round( ( new Date( iso ).getTime() - now ) / 1000 );
	const format = new Intl.RelativeTimeFormat( locale(), { numeric: 'auto' } );
	for ( const [ unit, size ] of UNITS ) {
		if ( Math.abs( seconds ) >= size ) {
			return format.format( Math.round( seconds / size ), unit );
		}
	}
	return format.format( 0, 'minute' );
}
