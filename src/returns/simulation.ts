/**
 * The return-policy simulator's client: asks `POST /returns/policy/simulate`
 * batch after batch (following `next_cursor`) and adds the batches up, so a
 * store with a long history sees progress instead of one long wait.
 */
import apiFetch from '@wordpress/api-fetch';

/**
 * Internal dependencies
 */
import { NAMESPACE } from '../api/client';
import type {
	AftercareReturnPolicySimulation,
	AftercareReturnsPolicySimulate,
	AftercareSettings,
} from '../api/types';

export const SIMULATE_PATH = `${ NAMESPACE }/returns/policy/simulate`;

/** Orders per request: small enough to answer in well under a second. */
export const BATCH = 250;

/** Lines kept for the table, per kind (changed, unchanged). */
export const MAX_LINES = 5000;

export type SimulatedLine =
	AftercareReturnPolicySimulation[ 'lines' ][ number ];

export interface Counts {
	orders: number;
	lines: number;
}

export interface Simulation {
	from: string;
	to: string;
	/** Orders placed in the period. */
	total: number;
	/** Orders checked so far. */
	checked: number;
	current: Counts;
	proposed: Counts;
	/** The lines kept for the table, in order. */
	lines: SimulatedLine[];
	/** Some lines were left out of `lines` (more than MAX_LINES of a kind). */
	truncated: boolean;
}

export type PolicyChanges = Pick<
	AftercareReturnsPolicySimulate,
	Extract< keyof AftercareReturnsPolicySimulate, `return_${ string }` >
>;

/**
 * The return-policy part of the settings (what the simulator compares with
 * the saved policy).
 *
 * @param settings The edited settings.
 * @return Their return_* values.
 */
export function policyOf( settings: AftercareSettings ): PolicyChanges {
	return Object.fromEntries(
		Object.entries( settings ).filter( ( [ key ] ) =>
			key.startsWith( 'return_' )
		)
	) as PolicyChanges;
}

/**
 * Adds one batch's answer to the simulation so far.
 *
 * @param so    The simulation so far (null before the first batch).
 * @param batch The batch's answer.
 * @return The simulation with the batch in it.
 */
export function addBatch(
	so: Simulation | null,
	batch: AftercareReturnPolicySimulation
): Simulation {
	const before = so ?? {
		from: batch.from,
		to: batch.to,
		total: batch.total ?? 0,
		checked: 0,
		current: { orders: 0, lines: 0 },
		proposed: { orders: 0, lines: 0 },
		lines: [],
		truncated: false,
	};
	const kept = { changed: 0, unchanged: 0 };
	for ( const line of before.lines ) {
		kept[ line.changed ? 'changed' : 'unchanged' ]++;
	}
	const lines = [ ...before.lines ];
	let truncated = before.truncated;
	for ( const line of batch.lines ) {
		const kind = line.changed ? 'changed' : 'unchanged';
		if ( kept[ kind ] < MAX_LINES ) {
			lines.push( line );
			kept[ kind ]++;
		} else {
			truncated = true;
		}
	}
	const sum = ( a: Counts, b: Counts ): Counts => ( {
		orders: a.orders + b.orders,
		lines: a.lines + b.lines,
	} );
	return {
		...before,
		checked: before.checked + batch.orders,
		current: sum( before.current, batch.current ),
		proposed: sum( before.proposed, batch.proposed ),
		lines,
		truncated,
	};
}

/**
 * Runs the simulation over a period, batch by batch.
 *
 * @param policy     The proposed return_* settings.
 * @param days       The period: the last this many days.
 * @param onProgress Called after each batch with the simulation so far.
 * @param signal     Aborts the walk (and its current request).
 * @return The whole simulation.
 */
export async function simulate(
	policy: PolicyChanges,
	days: number,
	onProgress: ( so: Simulation ) => void,
	signal?: AbortSignal
): Promise< Simulation > {
	let so: Simulation | null = null;
	let cursor: string | null = null;
	do {
		const data: AftercareReturnsPolicySimulate = {
			...policy,
			per_page: BATCH,
			...( cursor ? { cursor } : { days } ),
		};
		const batch: AftercareReturnPolicySimulation = await apiFetch( {
			path: SIMULATE_PATH,
			method: 'POST',
			data,
			signal,
		} );
		so = addBatch( so, batch );
		onProgress( so );
		cursor = batch.next_cursor;
	} while ( cursor );
	return so;
}
