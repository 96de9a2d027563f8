/**
 * The headline figures of the reports screen: what each one reads from a period's
 * figures, how it is written and which way is good.
 */

/**
 * WordPress dependencies
 */
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { BacklogAge, Figures } from './types';
import type { Better, Kind } from './format';

export interface FigureDefinition {
	key: string;
	label: string;
	kind: Kind;
	better: Better;
	value: ( figures: Figures ) => number | null;
}

/**
 * The figures, in the order the screen shows them.
 *
 * @return Definitions (translated when asked, not at import).
 */
export function headlineFigures(): FigureDefinition[] {
	return [
		{
			key: 'tickets_created',
			label: __( 'Tickets created', 'aftercare' ),
			kind: 'count',
			better: null,
			value: ( f ) => f.tickets_created,
		},
		{
			key: 'tickets_solved',
			label: __( 'Tickets solved', 'aftercare' ),
			kind: 'count',
			better: 'up',
			value: ( f ) => f.tickets_solved,
		},
		{
			key: 'backlog',
			label: __( 'Open at the end', 'aftercare' ),
			kind: 'count',
			better: 'down',
			value: ( f ) => f.backlog,
		},
		{
			key: 'first_response_median',
			label: __( 'First response, median', 'aftercare' ),
			kind: 'minutes',
			better: 'down',
			value: ( f ) => f.first_response.median_minutes,
		},
		{
			key: 'first_response_p90',
			label: __( 'First response, 90th percentile', 'aftercare' ),
			kind: 'minutes',
			better: 'down',
			value: ( f ) => f.first_response.p90_minutes,
		},
		{
			key: 'resolution_median',
			label: __( 'Resolution, median', 'aftercare' ),
			kind: 'minutes',
			better: 'down',
			value: ( f ) => f.resolution.median_minutes,
		},
		{
			key: 'resolution_p90',
			label: __( 'Resolution, 90th percentile', 'aftercare' ),
			kind: 'minutes',
			better: 'down',
			value: ( f ) => f.resolution.p90_minutes,
		},
		{
			key: 'fcr',
			label: __( 'First-contact resolution', 'aftercare' ),
			kind: 'percent',
			better: 'up',
			value: ( f ) => f.first_contact_resolution.rate,
		},
		{
			key: 'reopened',
			label: __( 'Reopen rate', 'aftercare' ),
			kind: 'percent',
			better: 'down',
			value: ( f ) => f.reopened.rate,
		},
		{
			key: 'sla',
			label: __( 'SLA attained', 'aftercare' ),
			kind: 'percent',
			better: 'up',
			value: ( f ) => f.sla.attained,
		},
		{
			key: 'csat',
			label: __( 'Satisfaction (CSAT)', 'aftercare' ),
			kind: 'percent',
			better: 'up',
			value: ( f ) => f.csat.score,
		},
		{
			key: 'ces',
			label: __( 'Ease of returns (CES, 1–5)', 'aftercare' ),
			kind: 'score',
			better: 'up',
			value: ( f ) => f.ces.mean,
		},
		{
			key: 'returns_settled',
			label: __( 'Returns settled', 'aftercare' ),
			kind: 'count',
			better: null,
			value: ( f ) => f.returns.settled,
		},
		{
			key: 'refund_value',
			label: __( 'Refunded', 'aftercare' ),
			kind: 'money',
			better: null,
			value: ( f ) => f.returns.refund_value,
		},
	];
}

/**
 * The backlog's age groups, youngest first.
 *
 * @return Key and label of each.
 */
export function backlogAges(): Array< { key: BacklogAge; label: string } > {
	return [
		{ key: 'lt1d', label: __( 'Under a day', 'aftercare' ) },
		{ key: '1to3d', label: __( '1–3 days', 'aftercare' ) },
		{ key: '3to7d', label: __( '3–7 days', 'aftercare' ) },
		{ key: '7to30d', label: __( '7–30 days', 'aftercare' ) },
		{ key: 'gt30d', label: __( 'Over 30 days', 'aftercare' ) },
	];
}
