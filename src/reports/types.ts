/**
 * Names for the parts of the generated report types (src/api/types.ts, from the schemas
 * `aftercare/v1/reports/...` serves; docs/reports.md).
 */

/**
 * Internal dependencies
 */
import type {
	AftercareReportBreakdown,
	AftercareReportRebuild,
	AftercareReportSummary,
	AftercareReportTrend,
} from '../api/types';

export type Summary = AftercareReportSummary;
export type Breakdown = AftercareReportBreakdown;
export type Trend = AftercareReportTrend;
export type RebuildProgress = AftercareReportRebuild;

export type ReportPeriod = Summary[ 'period' ];
export type Figures = Summary[ 'current' ];
export type BacklogAge = keyof Figures[ 'backlog_age' ];
export type CodeCount = Summary[ 'returns' ][ 'by_reason' ][ number ];
export type Group = Breakdown[ 'group' ];
