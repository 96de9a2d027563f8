#!/usr/bin/env node
/* eslint-disable no-console -- a command-line report. */
// Return-policy simulator bench: `node bench/return-simulator.mjs [--orders 100000] [--requests 100] [--batch 250]`.
//
// On a fresh WordPress 7.1 + MariaDB site served by php -S, with 100k orders in the test
// environment's adapter (and, when WooCommerce is available — WOOCOMMERCE_DIR or the tarball in
// ../shared/vendor/ — 100k orders in WooCommerce's HPOS tables, read through
// WooCommerceOrderSource), it times POST aftercare/v1/returns/policy/simulate as the admin screen
// calls it (a proposed policy: 14-day window, sale items excluded, processing orders too):
//
// - one batch at a time at cursors spread over the whole history, interleaved request by request
//   with the floor (a tiny REST route of the test mu-plugin), so both see the same machine: the
//   time a batch adds over the floor;
// - the whole walk the admin screen makes over every order (cursor after cursor): orders checked
//   per second, end to end over HTTP.
//
// Requests are signed in as the site's admin by bench/tickets-baseline.php (X-Aftercare-Bench-User),
// loaded for the floor and the simulator alike.
// Ports: AFTERCARE_TEST_PORT_BASE + 40 and + 41 (default 8940, 8941).
import path from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT } from '../scripts/lib/system.mjs';
import { startServer, stopServer } from '../scripts/lib/site.mjs';
import { ensureWooCommerce } from '../scripts/lib/woocommerce.mjs';
import {
	TEST_MU_PLUGIN,
	benchSite,
	fetchTimed,
	interleaved,
	percentile,
	phpJson,
	withMariaDB,
} from './lib/bench.mjs';

const { values: options } = parseArgs( {
	options: {
		orders: { type: 'string', default: '100000' },
		requests: { type: 'string', default: '100' },
		batch: { type: 'string', default: '250' },
	},
} );
const ORDERS = Number( options.orders );
const REQUESTS = Number( options.requests );
const BATCH = Number( options.batch );
const PORT_BASE = Number( process.env.AFTERCARE_TEST_PORT_BASE ?? 8900 ) + 40;
const PROPOSED = {
	return_window_days: 14,
	return_exclude_sale_items: true,
	return_order_statuses: [ 'completed', 'processing' ],
};

/**
 * Seeds a site, then times simulator batches beside the floor and one whole walk.
 *
 * @param {string}      label       Row label.
 * @param {number}      port        Site port.
 * @param {string|null} woocommerce WooCommerce plugin directory, or null.
 */
async function measure( label, port, woocommerce ) {
	const site = await benchSite( `bench-simulator-${ port }`, port, {
		muPlugins: [
			TEST_MU_PLUGIN,
			path.join( REPO_ROOT, 'bench/tickets-baseline.php' ),
		],
		woocommerce,
	} );
	const seeded = Date.now();
	const seed = phpJson( 'seed-orders.php', [ site.dir, String( ORDERS ) ] );
	process.stderr.write(
		`${ label }: ${ seed.orders } orders seeded in ${ ( ( Date.now() - seeded ) / 1000 ).toFixed( 1 ) }s\n`
	);
	const { url } = await startServer( site );
	try {
		const headers = {
			'Content-Type': 'application/json',
			'X-Aftercare-Bench-User': '1',
		};
		const simulate = ( body ) =>
			fetchTimed(
				`${ url }/wp-json/aftercare/v1/returns/policy/simulate`,
				{
					method: 'POST',
					headers,
					body: JSON.stringify( {
						...PROPOSED,
						per_page: BATCH,
						...body,
					} ),
				}
			);
		const first = JSON.parse(
			( await simulate( { days: 3650, changed_only: true } ) ).body
		);
		const [ from, to ] = [ first.from, first.to ].map( ( iso ) =>
			Math.floor( Date.parse( iso ) / 1000 )
		);
		// The test adapter numbers orders 1…N; WooCommerce's bench orders start at 10,000,001.
		const firstId = Number( seed.sample[ 0 ][ 0 ] ) - 1;
		const floor = () =>
			fetchTimed( `${ url }/wp-json/aftercare-test/v1/ping`, {
				method: 'POST',
				headers,
				body: '{}',
			} );
		const batch = ( i ) =>
			simulate( {
				cursor: `${ from }.${ to }.${ firstId + ( ( i * 7919 ) % ( ORDERS - BATCH ) ) }`,
				changed_only: true,
			} );
		await interleaved( 5, { floor, batch } );
		const times = ( await interleaved( REQUESTS, { floor, batch } ) ).ms;

		// The whole walk, as the admin screen makes it.
		const started = process.hrtime.bigint();
		let cursor = null;
		let checked = 0;
		let requests = 0;
		do {
			const answer = await simulate(
				cursor
					? { cursor, changed_only: true }
					: { days: 3650, changed_only: true }
			);
			if ( answer.status !== 200 ) {
				throw new Error(
					`${ answer.status }: ${ answer.body.slice( 0, 300 ) }`
				);
			}
			const data = JSON.parse( answer.body );
			checked += data.orders;
			requests++;
			cursor = data.next_cursor;
		} while ( cursor );
		const seconds = Number( process.hrtime.bigint() - started ) / 1e9;
		return {
			label,
			floor: times.floor,
			batch: times.batch,
			checked,
			requests,
			seconds,
		};
	} finally {
		await stopServer( site );
	}
}

const results = await withMariaDB( async () => {
	const measured = [ await measure( 'test adapter', PORT_BASE, null ) ];
	const wooCommerceDir = ensureWooCommerce();
	if ( wooCommerceDir ) {
		measured.push(
			await measure( 'WooCommerce (HPOS)', PORT_BASE + 1, wooCommerceDir )
		);
	}
	return measured;
} );

const ms = ( v ) => `${ v.toFixed( 1 ) } ms`;
console.log(
	`\nReturn-policy simulator, ${ ORDERS.toLocaleString( 'en' ) } orders, batches of ${ BATCH } orders; ${ REQUESTS } batches at cursors spread over the history, each right after the floor (a tiny REST route, same run)\n`
);
console.log(
	'| store | floor p50 | batch p50 | batch p95 | over floor p50 | over floor p95 | floor share of p50 | orders/s in a batch (p50, over floor) |'
);
console.log( '|---|---|---|---|---|---|---|---|' );
for ( const r of results ) {
	const f50 = percentile( r.floor, 50 );
	const f95 = percentile( r.floor, 95 );
	const b50 = percentile( r.batch, 50 );
	const b95 = percentile( r.batch, 95 );
	console.log(
		`| ${ r.label } | ${ ms( f50 ) } | ${ ms( b50 ) } | ${ ms( b95 ) } | ${ ms( b50 - f50 ) } | ${ ms( b95 - f95 ) } | ${ ( ( f50 / b50 ) * 100 ).toFixed( 0 ) } % | ${ Math.round( ( BATCH / ( b50 - f50 ) ) * 1000 ).toLocaleString( 'en' ) } |`
	);
}
console.log(
	'\nThe whole walk the admin screen makes (every order, cursor after cursor, over HTTP)\n'
);
console.log( '| store | orders checked | requests | seconds | orders/s |' );
console.log( '|---|---|---|---|---|' );
for ( const r of results ) {
	console.log(
		`| ${ r.label } | ${ r.checked.toLocaleString( 'en' ) } | ${ r.requests } | ${ r.seconds.toFixed( 1 ) } | ${ Math.round( r.checked / r.seconds ).toLocaleString( 'en' ) } |`
	);
}
