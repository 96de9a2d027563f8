/**
 * The `aftercare/help-reports` data store: help-center reports by period, loaded once each.
 */

/**
 * Internal dependencies
 */
import { fetchHelpReport, getErrorMessage } from '../../api';
import type { AftercareHelpReports } from '../../api';
import { registerStore } from '../../store/register-store';

export const STORE_NAME = 'aftercare/help-reports';

export interface HelpReportsState {
	/** Reports by number of days. */
	reports: Record< number, AftercareHelpReports >;
	/** Why a period could not be loaded, by number of days. */
	errors: Record< number, string >;
}

export type HelpReportsAction =
	| {
			type: 'RECEIVE_HELP_REPORT';
			days: number;
			report: AftercareHelpReports;
	  }
	| { type: 'RECEIVE_HELP_REPORT_ERROR'; days: number; message: string };

const initialState: HelpReportsState = { reports: {}, errors: {} };

export function reducer(
	state: HelpReportsState = initialState,
	action: HelpReportsAction
): HelpReportsState {
	switch ( action.type ) {
		case 'RECEIVE_HELP_REPORT': {
			const { [ action.days ]: _dropped, ...errors } = state.errors;
			return {
				reports: { ...state.reports, [ action.days ]: action.report },
				errors,
			};
		}
		case 'RECEIVE_HELP_REPORT_ERROR':
			return {
				...state,
				errors: { ...state.errors, [ action.days ]: action.message },
			};
		default:
			return state;
	}
}

export const actions = {
	receiveHelpReport: (
		days: number,
		report: AftercareHelpReports
	): HelpReportsAction => ( { type: 'RECEIVE_HELP_REPORT', days, report } ),
	receiveHelpReportError: (
		days: number,
		message: string
	): HelpReportsAction => ( {
		type: 'RECEIVE_HELP_REPORT_ERROR',
		days,
		message,
	} ),
};

export const selectors = {
	getHelpReport: (
		state: HelpReportsState,
		days: number
	): AftercareHelpReports | null => state.reports[ days ] ?? null,
	getHelpReportError: (
		state: HelpReportsState,
		days: number
	): string | null => state.errors[ days ] ?? null,
};

export const resolvers = {
	getHelpReport:
		( days: number ) =>
		async ( {
			dispatch,
		}: {
			dispatch: ( action: HelpReportsAction ) => void;
		} ): Promise< void > => {
			try {
				dispatch(
					actions.receiveHelpReport(
						days,
						await fetchHelpReport( days )
					)
				);
			} catch ( error ) {
				dispatch(
					actions.receiveHelpReportError(
						days,
						getErrorMessage( error )
					)
				);
			}
		},
};

export const store = registerStore( STORE_NAME, {
	reducer,
	actions,
	selectors,
	resolvers,
} );
