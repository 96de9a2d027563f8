/**
 * Help-center analytics from the REST API (read by the help-reports store only).
 */
import apiFetch from '@wordpress/api-fetch';
import { addQueryArgs } from '@wordpress/url';

/**
 * Internal dependencies
 */
import type { AftercareHelpReports } from '../api/types';

export const HELP_REPORTS_PATH = '/aftercare/v1/help/reports';

/**
 * Reads the help-center report of the last `days` days.
 *
 * @param days Days back, today included.
 * @return The report.
 */
export function fetchHelpReport(
	days: number
): Promise< AftercareHelpReports > {
	return apiFetch< AftercareHelpReports >( {
		path: addQueryArgs( HELP_REPORTS_PATH, { days } ),
	} );
}
