/**
 * Support reports from the REST API (read by the reports store; CSV by links).
 */
import apiFetch from '@wordpress/api-fetch';
import { addQueryArgs } from '@wordpress/url';

/**
 * Internal dependencies
 */
import { NAMESPACE, restSettings } from '../api/client';
import type {
	Breakdown,
	Group,
	RebuildProgress,
	Summary,
	Trend,
} from './types';

export const REPORTS_PATH = `${ NAMESPACE }/reports`;

/** A period of store calendar days, and whether the one before is compared. */
export interface ReportQuery {
	from: string;
	to: string;
	compare: boolean;
}

/** The tables of `reports/summary` as CSV. */
export type SummaryTable =
	'figures' | 'first_response' | 'resolution' | 'reasons' | 'outcomes';

/** A CSV export: the route and its own arguments. */
export type CsvTable =
	| { route: 'summary'; table: SummaryTable }
	| { route: 'breakdown'; group: Group }
	| { route: 'trend' };

export function fetchSummary( query: ReportQuery ): Promise< Summary > {
	return apiFetch< Summary >( {
		path: addQueryArgs( `${ REPORTS_PATH }/summary`, { ...query } ),
	} );
}

export function fetchBreakdown(
	query: ReportQuery,
	group: Group
): Promise< Breakdown > {
	return apiFetch< Breakdown >( {
		path: addQueryArgs( `${ REPORTS_PATH }/breakdown`, {
			...query,
			group,
		} ),
	} );
}

export function fetchTrend( query: ReportQuery ): Promise< Trend > {
	return apiFetch< Trend >( {
		path: addQueryArgs( `${ REPORTS_PATH }/trend`, {
			from: query.from,
			to: query.to,
		} ),
	} );
}

export function fetchRebuild(): Promise< RebuildProgress > {
	return apiFetch< RebuildProgress >( { path: `${ REPORTS_PATH }/rebuild` } );
}

/**
 * Starts rebuilding the rollup of a range of days.
 *
 * @param from First day.
 * @param to   Last day.
 * @return The progress at the start.
 */
export function startRebuild(
	from: string,
	to: string
): Promise< RebuildProgress > {
	return apiFetch< RebuildProgress >( {
		path: `${ REPORTS_PATH }/rebuild`,
		method: 'POST',
		data: { from, to },
	} );
}

/**
 * The address a CSV downloads from: the REST route itself with `format=csv`, authenticated by
 * the cookie and WordPress's `_wpnonce` argument (a link cannot send the nonce header).
 *
 * @param query The period.
 * @param csv   Which table.
 * @return An absolute URL.
 */
export function csvUrl( query: ReportQuery, csv: CsvTable ): string {
	const { root, nonce } = restSettings();
	const { route, ...args } = csv;
	const params: Record< string, string | boolean > = {
		from: query.from,
		to: query.to,
		...args,
		format: 'csv',
		_wpnonce: nonce,
	};
	if ( route !== 'trend' ) {
		params.compare = query.compare;
	}
	return addQueryArgs(
		`${ root.replace( /\/$/, '' ) }${ REPORTS_PATH }/${ route }`,
		params
	);
}
