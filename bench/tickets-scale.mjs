#!/usr/bin/env node
/* eslint-disable no-console -- a command-line report. */
// Queue at scale: `node bench/tickets-scale.mjs [--sizes 1000,100000,1000000] [--requests 100] [--reuse]`.
//
// On one WordPress 7.1 + MariaDB site served by php -S, grows the tickets table to each size in
// turn (bench/tickets-grow.php: INSERT … SELECT doublings), brings the counts up to date through
// the install migration (a recount, timed), then times the queue's requests as an agent over real
// HTTP, each right after the floor (a tiny REST route of the test mu-plugin, same site, same run):
// the admin queue's default (open view by due time, 25 a page), the REST default (`view=all`,
// by due time), the view counts, and each other view × sort the API allows. Prints p50, p95, time
// over the floor and SQL queries beyond the floor's. Port: AFTERCARE_TEST_PORT_BASE + 41.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT, run } from '../scripts/lib/system.mjs';
import { startServer, stopServer } from '../scripts/lib/site.mjs';
import {
	TEST_MU_PLUGIN,
	benchSite,
	fetchTimed,
	interleaved,
	percentile,
	withMariaDB,
} from './lib/bench.mjs';

const { values: options } = parseArgs( {
	options: {
		sizes: { type: 'string', default: '1000,100000,1000000' },
		requests: { type: 'string', default: '100' },
		// Measures the site a previous run grew, from its current size on.
		reuse: { type: 'boolean', default: false },
	},
} );
const SIZES = options.sizes.split( ',' ).map( Number );
const REQUESTS = Number( options.requests );
const PORT = Number( process.env.AFTERCARE_TEST_PORT_BASE ?? 8900 ) + 41;
const name = `bench-tickets-scale-${ PORT }`;
const MU_PLUGINS = [
	TEST_MU_PLUGIN,
	// Signs requests in as X-Aftercare-Bench-User and counts SQL queries.
	path.join( REPO_ROOT, 'bench/tickets-baseline.php' ),
];
const QUEUE = 'aftercare/v1/tickets?per_page=25&context=edit';
const rows = [];
await withMariaDB( async () => {
	const site = await benchSite( name, PORT, {
		muPlugins: MU_PLUGINS,
		reuse: options.reuse,
	} );
	for ( const size of SIZES ) {
		const grown = Date.now();
		// Its progress goes straight to the terminal; the JSON comes on stdout.
		const grow = spawnSync(
			'php',
			[
				path.join( REPO_ROOT, 'bench/tickets-grow.php' ),
				site.dir,
				String( size ),
			],
			{ stdio: [ 'ignore', 'pipe', 'inherit' ], encoding: 'utf8' }
		);
		if ( grow.status !== 0 ) {
			throw new Error( `tickets-grow.php failed: ${ grow.stdout }` );
		}
		const seed = JSON.parse( grow.stdout.trim().split( '\n' ).pop() );
		process.stderr.write(
			`${ seed.tickets.toLocaleString( 'en' ) } tickets (grown in ${ ( ( Date.now() - grown ) / 1000 ).toFixed( 1 ) }s)\n`
		);
		// The counts migration recounts every ticket (the install's and the repair's rebuild).
		run(
			'php',
			[ path.join( REPO_ROOT, 'bench/tickets-install.php' ), site.dir ],
			{
				stdio: 'inherit',
			}
		);
		const { url } = await startServer( site );
		try {
			const as = { 'X-Aftercare-Bench-User': String( seed.agents[ 0 ] ) };
			const get = ( route ) => () =>
				fetchTimed( `${ url }/wp-json/${ route }`, { headers: as } );
			const cases = [
				[
					'admin default: view=open, by due',
					`${ QUEUE }&view=open&orderby=due&order=asc`,
				],
				[ 'REST default: view=all, by due', QUEUE ],
				[ 'view counts', 'aftercare/v1/tickets/counts' ],
			];
			for ( const view of [
				'all',
				'mine',
				'unassigned',
				'awaiting',
				'open',
				'solved',
			] ) {
				for ( const orderby of [ 'updated', 'priority' ] ) {
					cases.push( [
						`view=${ view }, by ${ orderby }`,
						`${ QUEUE }&view=${ view }&orderby=${ orderby }`,
					] );
				}
				if ( ! [ 'all', 'open' ].includes( view ) ) {
					cases.push( [
						`view=${ view }, by due`,
						`${ QUEUE }&view=${ view }`,
					] );
				}
			}
			const floor = get( 'aftercare-test/v1/ping' );
			for ( const [ label, route ] of cases ) {
				await interleaved( 1, { ours: get( route ) } ); // Warm-up, and a check that it answers.
				const { ms, last } = await interleaved( REQUESTS, {
					floor,
					ours: get( route ),
				} );
				const queries = ( key ) =>
					Number(
						last[ key ].headers[ 'x-aftercare-bench-queries' ] ?? 0
					);
				rows.push( {
					size: seed.tickets,
					label,
					...ms,
					q: queries( 'ours' ) - queries( 'floor' ),
					total: last.ours.headers[ 'x-wp-total' ] ?? '',
				} );
			}
			process.stderr.write( `  measured ${ cases.length } requests\n` );
		} finally {
			await stopServer( site );
		}
	}
} );

const ms = ( v ) => v.toFixed( 1 );
console.log(
	`\nQueue requests by table size, ${ REQUESTS } each, as an agent over real HTTP (php -S, MariaDB), sequential; floor: a tiny REST route, interleaved. Times in ms.\n`
);
console.log(
	'| tickets | request | X-WP-Total | floor p50 / p95 | request p50 / p95 | over floor p50 / p95 | SQL queries (floor +) |'
);
console.log( '|---|---|---|---|---|---|---|' );
for ( const r of rows ) {
	const f50 = percentile( r.floor, 50 );
	const f95 = percentile( r.floor, 95 );
	const o50 = percentile( r.ours, 50 );
	const o95 = percentile( r.ours, 95 );
	console.log(
		`| ${ r.size.toLocaleString( 'en' ) } | ${ r.label } | ${ r.total } | ${ ms( f50 ) } / ${ ms( f95 ) } | ${ ms( o50 ) } / ${ ms( o95 ) } | ${ ms( o50 - f50 ) } / ${ ms( o95 - f95 ) } | ${ r.q } |`
	);
}
