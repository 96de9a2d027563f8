#!/usr/bin/env node
/* eslint-disable no-console -- a command-line report. */
// Support reports at scale: `node bench/reports.mjs [--tickets 100000] [--requests 50] [--reuse]`.
//
// On one WordPress 7.1 + MariaDB site served by php -S, seeds a year of history in bulk SQL
// (bench/reports-seed.php: the tickets, ten messages each, events, tags, ratings, returns), times
// the rollup of single days and of the whole year, then times the reports screen's requests as an
// administrator over real HTTP, each right after the floor (a tiny REST route of the test
// mu-plugin, same site, same run): the summary, breakdowns, trends and a CSV for 30 days with the
// 30 before, and the summary, trend and every breakdown of a whole year with the year before.
// Prints p50, p95, time over the floor, its share of the request, and SQL queries beyond the
// floor's. Port: AFTERCARE_TEST_PORT_BASE + 43.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT } from '../scripts/lib/system.mjs';
import { startServer, stopServer } from '../scripts/lib/site.mjs';
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
		tickets: { type: 'string', default: '100000' },
		requests: { type: 'string', default: '50' },
		// Measures the site a previous run seeded (the rollup is rebuilt and timed again).
		reuse: { type: 'boolean', default: false },
	},
} );
const REQUESTS = Number( options.requests );
const PORT = Number( process.env.AFTERCARE_TEST_PORT_BASE ?? 8900 ) + 43;
const name = `bench-reports-${ PORT }`;

const day = ( offset ) =>
	new Date( Date.now() + offset * 86400000 ).toISOString().slice( 0, 10 );
const month = `from=${ day( -29 ) }&to=${ day( 0 ) }`;
const year = `from=${ day( -365 ) }&to=${ day( 0 ) }`;
const CASES = [
	[ 'summary, 30 days + the 30 before', `summary?${ month }` ],
	[ 'trend, 30 days', `trend?${ month }` ],
	[ 'breakdown by agent', `breakdown?${ month }&group=agent` ],
	[ 'breakdown by channel', `breakdown?${ month }&group=channel` ],
	[ 'breakdown by priority', `breakdown?${ month }&group=priority` ],
	[ 'breakdown by tag', `breakdown?${ month }&group=tag` ],
	[ 'breakdown by product', `breakdown?${ month }&group=product` ],
	[ 'summary CSV (figures)', `summary?${ month }&format=csv` ],
	[ 'rebuild progress', 'rebuild' ],
	[ 'summary, 366 days + the 366 before', `summary?${ year }` ],
	[ 'trend, 366 days', `trend?${ year }` ],
	...[ 'agent', 'channel', 'priority', 'tag', 'product' ].map( ( group ) => [
		`breakdown by ${ group }, 366 days`,
		`breakdown?${ year }&group=${ group }`,
	] ),
];

let seed;
const rows = [];
await withMariaDB( async () => {
	const site = await benchSite( name, PORT, {
		muPlugins: [
			TEST_MU_PLUGIN,
			// Signs requests in as X-Aftercare-Bench-User and counts SQL queries.
			path.join( REPO_ROOT, 'bench/tickets-baseline.php' ),
		],
		reuse: options.reuse,
	} );
	seed = phpJson( 'reports-seed.php', [ site.dir, options.tickets ] );
	const { url } = await startServer( site );
	try {
		const as = { 'X-Aftercare-Bench-User': String( seed.admin ) };
		const get = ( route ) => () =>
			fetchTimed( `${ url }/wp-json/${ route }`, { headers: as } );
		const floor = get( 'aftercare-test/v1/ping' );
		for ( const [ label, route ] of CASES ) {
			const ours = get( `aftercare/v1/reports/${ route }` );
			await interleaved( 2, { ours } ); // Warm-up, and a check that it answers.
			const { ms, last } = await interleaved( REQUESTS, { floor, ours } );
			const queries = ( key ) =>
				Number(
					last[ key ].headers[ 'x-aftercare-bench-queries' ] ?? 0
				);
			rows.push( {
				label,
				...ms,
				q: queries( 'ours' ) - queries( 'floor' ),
				bytes: last.ours.body.length,
			} );
		}
	} finally {
		await stopServer( site );
	}
} );

const f = ( v ) => v.toFixed( 1 );
console.log(
	`\n${ seed.tickets.toLocaleString( 'en' ) } tickets (${ seed.open.toLocaleString( 'en' ) } open), ${ seed.messages.toLocaleString( 'en' ) } messages, seeded in ${ seed.seed_seconds } s.`
);
console.log(
	`Rollup of one day (rebuild): ${ Object.entries( seed.day_seconds )
		.map( ( [ d, s ] ) => `${ d } ${ s.toFixed( 2 ) } s` )
		.join( ', ' ) }.`
);
console.log(
	`Rollup of the whole year: ${ seed.year_days } days in ${ seed.year_seconds } s (${ ( seed.year_seconds / seed.year_days ).toFixed( 2 ) } s a day), ${ seed.rollup_rows.toLocaleString( 'en' ) } rows.`
);
console.log(
	`\nReports requests, ${ REQUESTS } each, as an administrator over real HTTP (php -S, MariaDB), sequential; floor: a tiny REST route, interleaved. Times in ms.\n`
);
console.log(
	'| request | bytes | floor p50 / p95 | request p50 / p95 | over floor p50 / p95 | share of request p50 | SQL queries (floor +) |'
);
console.log( '|---|---|---|---|---|---|---|' );
for ( const r of rows ) {
	const f50 = percentile( r.floor, 50 );
	const f95 = percentile( r.floor, 95 );
	const o50 = percentile( r.ours, 50 );
	const o95 = percentile( r.ours, 95 );
	console.log(
		`| ${ r.label } | ${ r.bytes.toLocaleString( 'en' ) } | ${ f( f50 ) } / ${ f( f95 ) } | ${ f( o50 ) } / ${ f( o95 ) } | ${ f( o50 - f50 ) } / ${ f( o95 - f95 ) } | ${ Math.round( ( 100 * ( o50 - f50 ) ) / o50 ) } % | ${ r.q } |`
	);
}
