/**
 * The shapes of `aftercare/v1/reports/...` (docs/reports.md).
 */

export interface ReportPeriod {
	from: string;
	to: string;
	days: number;
}

export interface TimeFigure {
	count: number;
	median_minutes: number | null;
	p90_minutes: number | null;
}

export interface Figures {
	tickets_created: number;
	tickets_solved: number;
	backlog: number;
	backlog_age: Record< BacklogAge, number >;
	first_response: TimeFigure;
	resolution: TimeFigure;
	first_contact_resolution: { count: number; rate: number | null };
	reopened: { count: number; rate: number | null };
	sla: { met: number; missed: number; attained: number | null };
	csat: { good: number; okay: number; bad: number; score: number | null };
	ces: { count: number; sum: number; mean: number | null };
	returns: { settled: number; refund_value: number };
}

export type BacklogAge = 'lt1d' | '1to3d' | '3to7d' | '7to30d' | 'gt30d';

export interface Bucket {
	from_minutes: number;
	to_minutes: number | null;
	current: number;
	previous: number | null;
}

export interface CodeCount {
	code: string;
	label: string;
	current: number;
	previous: number | null;
}

export interface Summary {
	period: ReportPeriod;
	previous: ReportPeriod | null;
	currency?: string;
	current: Figures;
	compare: Figures | null;
	distributions: { first_response: Bucket[]; resolution: Bucket[] };
	returns: { by_reason: CodeCount[]; by_outcome: CodeCount[] };
}

export type Group = 'agent' | 'channel' | 'priority' | 'tag' | 'product';

export interface BreakdownRow {
	key: string;
	label: string;
	current: Figures;
	compare: Figures | null;
}

export interface Breakdown {
	period: ReportPeriod;
	previous: ReportPeriod | null;
	currency?: string;
	group: Group;
	rows: BreakdownRow[];
}

export interface TrendDay {
	date: string;
	tickets_created: number;
	tickets_solved: number;
	backlog: number;
	first_response_median_minutes: number | null;
	first_response_p90_minutes: number | null;
	resolution_median_minutes: number | null;
	resolution_p90_minutes: number | null;
	fcr_rate: number | null;
	reopened: number;
	sla_attained: number | null;
	csat_score: number | null;
	ces_mean: number | null;
	returns_settled: number;
	refund_value: number;
}

export interface Trend {
	period: ReportPeriod;
	currency?: string;
	days: TrendDay[];
}

export interface RebuildProgress {
	state: 'idle' | 'running' | 'done';
	from: string | null;
	to: string | null;
	next: string | null;
	days_done: number;
	days_total: number;
	percent: number;
	started_at: string | null;
	finished_at: string | null;
}
