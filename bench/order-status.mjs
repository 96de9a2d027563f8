#!/usr/bin/env node
/* eslint-disable no-console -- a command-line report. */
// Order-status bench: `node bench/order-status.mjs [--orders 100000] [--requests 300]`.
//
// On a fresh WordPress 7.1 + MariaDB site served by php -S, with 100k orders in the test
// environment's adapter (and, when WooCommerce is available — WOOCOMMERCE_DIR or the tarball in ../shared/vendor/ — 100k orders in
// WooCommerce's HPOS tables, read through WooCommerceOrderSource), it times guest lookups through
// POST aftercare/v1/order-status beside the floor: a tiny REST route of the test mu-plugin, timed
// in the same run, interleaved request by request so both see the same machine. It also prints
// the same lookups in PHP without HTTP (found, wrong email, unknown number: the failures must take
// the same time), the block's own JavaScript size (gzip) and the bytes Aftercare adds to a page
// without its blocks.
// Ports: AFTERCARE_TEST_PORT_BASE + 30 and + 31 (default 8930, 8931).
import { gzipSync } from 'node:zlib';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT, run } from '../scripts/lib/system.mjs';
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
		requests: { type: 'string', default: '300' },
	},
} );
const ORDERS = Number( options.orders );
const REQUESTS = Number( options.requests );
const PORT_BASE = Number( process.env.AFTERCARE_TEST_PORT_BASE ?? 8900 ) + 30;

/**
 * Seeds a site, then times lookups beside the floor and a page without blocks with and without Aftercare.
 *
 * @param {string}      label       Row label.
 * @param {number}      port        Site port.
 * @param {string|null} woocommerce WooCommerce plugin directory, or null.
 */
async function measure( label, port, woocommerce ) {
	const site = await benchSite( `bench-orders-${ port }`, port, {
		muPlugins: [ TEST_MU_PLUGIN ],
		woocommerce,
	} );
	const seeded = Date.now();
	const seed = phpJson( 'seed-orders.php', [ site.dir, String( ORDERS ) ] );
	process.stderr.write(
		`${ label }: ${ seed.orders } orders seeded in ${ ( ( Date.now() - seeded ) / 1000 ).toFixed( 1 ) }s\n`
	);
	const { url } = await startServer( site );
	try {
		const json = { 'Content-Type': 'application/json' };
		const lookup = ( i ) => {
			const [ number, email ] = seed.sample[ i % seed.sample.length ];
			return fetchTimed( `${ url }/wp-json/aftercare/v1/order-status`, {
				method: 'POST',
				headers: json,
				body: JSON.stringify( { number, email } ),
			} );
		};
		const floor = () =>
			fetchTimed( `${ url }/wp-json/aftercare-test/v1/ping`, {
				method: 'POST',
				headers: json,
				body: '{}',
			} );

		// Warm-up, then the measured rounds.
		await interleaved( 20, { floor, lookup } );
		const times = (
			await interleaved( REQUESTS, {
				floor,
				lookup: ( i ) => lookup( i * 7 ),
			} )
		).ms;

		const plain = `${ url }/?page_id=${ seed.pages.plain }`;
		const withPlugin = ( await fetchTimed( plain ) ).body;
		const without = (
			await fetchTimed( plain, {
				headers: { 'X-Aftercare-Bench-Off': '1' },
			} )
		).body;
		const [ number, email ] = seed.sample[ 1 ];
		const inProcess = phpJson( 'lookup-failures.php', [
			site.dir,
			number,
			email,
			'40',
		] );
		return {
			label,
			inProcess,
			floor: times.floor,
			lookup: times.lookup,
			pageBytes:
				Buffer.byteLength( withPlugin ) - Buffer.byteLength( without ),
			mentions: ( withPlugin.match( /aftercare/gi ) ?? [] ).length,
		};
	} finally {
		await stopServer( site );
	}
}

function blockScriptSizes() {
	const dir = path.join( REPO_ROOT, 'build/blocks/order-status' );
	if ( ! existsSync( path.join( dir, 'view.js' ) ) ) {
		run( 'npm', [ 'run', 'build' ], { cwd: REPO_ROOT } );
	}
	const gz = ( file ) =>
		gzipSync( readFileSync( path.join( dir, file ) ), { level: 9 } ).length;
	return { view: gz( 'view.js' ), editor: gz( 'index.js' ) };
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
	`\nOrder-status lookup, ${ ORDERS.toLocaleString( 'en' ) } orders, ${ REQUESTS } sequential requests each (floor: a tiny REST route, same run)\n`
);
console.log(
	'| store | floor p50 | floor p95 | lookup p50 | lookup p95 | over floor p50 | over floor p95 | p95 / floor |'
);
console.log( '|---|---|---|---|---|---|---|---|' );
for ( const r of results ) {
	const f50 = percentile( r.floor, 50 );
	const f95 = percentile( r.floor, 95 );
	const l50 = percentile( r.lookup, 50 );
	const l95 = percentile( r.lookup, 95 );
	console.log(
		`| ${ r.label } | ${ ms( f50 ) } | ${ ms( f95 ) } | ${ ms( l50 ) } | ${ ms( l95 ) } | ${ ms( l50 - f50 ) } | ${ ms( l95 - f95 ) } | ${ ( l95 / f95 ).toFixed( 2 ) }× |`
	);
}
console.log(
	'\nThe same lookup in PHP, without HTTP (OrderLookup::lookup, 40 each, rate limits cleared before each): failures are padded to one floor\n'
);
console.log( '| store | outcome | p50 | p95 |' );
console.log( '|---|---|---|---|' );
for ( const r of results ) {
	for ( const [ kind, values ] of Object.entries( r.inProcess ) ) {
		console.log(
			`| ${ r.label } | ${ kind } | ${ ms( percentile( values, 50 ) ) } | ${ ms( percentile( values, 95 ) ) } |`
		);
	}
}
const sizes = blockScriptSizes();
console.log( '\n| measure | value | target |' );
console.log( '|---|---|---|' );
console.log(
	`| order-status view script (own JS, gzip) | ${ sizes.view } B | ≤ 10240 B |`
);
console.log(
	`| order-status editor script (gzip, editor only) | ${ sizes.editor } B | |`
);
for ( const r of results ) {
	console.log(
		`| bytes Aftercare adds to a page without its blocks (${ r.label }) | ${ r.pageBytes } B (${ r.mentions } mentions of "aftercare") | 0 |`
	);
}
