#!/usr/bin/env node
/* eslint-disable no-console -- a command-line report. */
// Tickets bench: `node bench/tickets.mjs [--tickets 100000] [--messages 10] [--requests 200] [--baseline-requests 5] [--reuse] [--only search]`.
//
// On a fresh WordPress 7.1 + MariaDB site served by php -S, seeds the same tickets twice (bulk
// multi-row INSERTs): into Aftercare's tables, and as the baseline stores them (a custom post
// type with post meta, replies as child posts, as Awesome Support does; bench/tickets-baseline.php).
// Then times the queue's default requests (the open view by due time, 25 a page, and the view
// counts) through real HTTP, as an agent, beside the baseline's equivalents and the floor (a tiny
// REST route of the test mu-plugin), interleaved request by request so all see the same machine.
// Also times search and ticket creation. Prints p50, p95, time over the floor and SQL queries per
// request. Port: AFTERCARE_TEST_PORT_BASE + 40 (default 8940).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
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
	phpJson,
	withMariaDB,
} from './lib/bench.mjs';

const { values: options } = parseArgs( {
	options: {
		tickets: { type: 'string', default: '100000' },
		messages: { type: 'string', default: '10' },
		requests: { type: 'string', default: '200' },
		'baseline-requests': { type: 'string', default: '5' },
		reuse: { type: 'boolean', default: false },
		// Times only the rows whose label starts with this, e.g. `--only search`.
		only: { type: 'string', default: '' },
	},
} );
const TICKETS = Number( options.tickets );
const MESSAGES = Number( options.messages );
const REQUESTS = Number( options.requests );
// The baseline takes seconds to minutes a request at 100k tickets: fewer samples of it.
const BASELINE_REQUESTS = Number( options[ 'baseline-requests' ] );
const PORT = Number( process.env.AFTERCARE_TEST_PORT_BASE ?? 8900 ) + 40;
const MU_PLUGINS = [
	TEST_MU_PLUGIN,
	path.join( REPO_ROOT, 'bench/tickets-baseline.php' ),
];
const name = `bench-tickets-${ PORT }`;
const rows = [];
let seed;
await withMariaDB( async () => {
	// --reuse measures the site a previous run seeded (same sizes), without seeding again.
	const seedFile = path.join(
		REPO_ROOT,
		'.cache/sites',
		name,
		'bench-seed.json'
	);
	const reuse = options.reuse && existsSync( seedFile );
	const site = await benchSite( name, PORT, {
		muPlugins: MU_PLUGINS,
		reuse,
	} );
	if ( reuse ) {
		seed = JSON.parse( readFileSync( seedFile ) );
	} else {
		const seeded = Date.now();
		seed = phpJson( 'tickets-seed.php', [
			site.dir,
			String( TICKETS ),
			String( MESSAGES ),
		] );
		writeFileSync( seedFile, JSON.stringify( seed ) );
		process.stderr.write(
			`Seeded ${ seed.tickets } tickets and ${ seed.messages } messages (and the same as posts) in ${ ( ( Date.now() - seeded ) / 1000 ).toFixed( 1 ) }s\n`
		);
	}
	// Schema and data migrations (the search-terms backfill) run to the end before timing.
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
		const json = { ...as, 'Content-Type': 'application/json' };
		const get = ( route ) => () =>
			fetchTimed( `${ url }/wp-json/${ route }`, { headers: as } );
		const word = ( i ) =>
			encodeURIComponent( seed.search[ i % seed.search.length ] );
		let created = 0;
		const create = ( route ) => () =>
			fetchTimed( `${ url }/wp-json/${ route }`, {
				method: 'POST',
				headers: json,
				body: JSON.stringify( {
					subject: 'Parcel arrived damaged',
					message:
						'<p>The box was crushed and the mug inside broke.</p>',
					customer_email: `bench${ created++ }@example.test`,
					customer_name: 'Bench Customer',
				} ),
			} );
		// [ label, ours, baseline ] — each request of a row runs right after the floor.
		const cases = [
			[
				'queue: open view by due, 25 (default)',
				get(
					'aftercare/v1/tickets?view=open&per_page=25&context=edit'
				),
				get( 'aftercare-bench/v1/tickets?view=open' ),
			],
			[
				'queue: view counts (default)',
				get( 'aftercare/v1/tickets/counts' ),
				get( 'aftercare-bench/v1/tickets/counts' ),
			],
			[
				'queue: mine',
				get(
					'aftercare/v1/tickets?view=mine&per_page=25&context=edit'
				),
				get( 'aftercare-bench/v1/tickets?view=mine' ),
			],
			[ 'search (2 words, open view)', null, null ],
			[
				'create a ticket (agent, on behalf)',
				create( 'aftercare/v1/tickets' ),
				create( 'aftercare-bench/v1/tickets' ),
			],
		];
		let searchIndex = 0;
		cases[ 3 ][ 1 ] = () =>
			get(
				`aftercare/v1/tickets?view=open&per_page=25&context=edit&search=${ word( searchIndex ) }`
			)();
		cases[ 3 ][ 2 ] = () =>
			get(
				`aftercare-bench/v1/tickets?view=open&search=${ word( searchIndex++ ) }`
			)();
		const floor = get( 'aftercare-test/v1/ping' );

		const chosen = cases.filter( ( row ) =>
			row[ 0 ].startsWith( options.only )
		);
		for ( const [ label, ours, baseline ] of chosen ) {
			await interleaved( 1, { [ label ]: ours } ); // Warm-up, and a check that it answers.
			const count = label.startsWith( 'search' )
				? Math.min( REQUESTS, 40 )
				: REQUESTS;
			const { ms: times, last } = await interleaved( count, {
				floor,
				ours,
				baseline: ( i ) =>
					i < BASELINE_REQUESTS ? baseline() : null,
			} );
			// SQL queries of one request, as the bench mu-plugin counts them.
			const q = Object.fromEntries(
				Object.entries( last ).map( ( [ key, answer ] ) => [
					key,
					Number(
						answer.headers[ 'x-aftercare-bench-queries' ] ?? 0
					),
				] )
			);
			rows.push( { label, count, ...times, q } );
			process.stderr.write( `  measured: ${ label }\n` );
		}
	} finally {
		await stopServer( site );
	}
} );

const ms = ( v ) => `${ v.toFixed( 1 ) }`;
console.log(
	`\nTickets: ${ seed.tickets.toLocaleString( 'en' ) } tickets, ${ seed.messages.toLocaleString( 'en' ) } messages; baseline: the same as posts + postmeta; floor: a tiny REST route (same run). Times in ms over real HTTP (php -S, MariaDB), sequential.\n`
);
console.log(
	'| request | n (ours / baseline) | floor p50 / p95 | Aftercare p50 / p95 | over floor p50 / p95 | SQL queries (floor +) | baseline p50 / p95 | baseline over floor p95 | baseline SQL (floor +) | p95 over floor: baseline ÷ Aftercare |'
);
console.log( '|---|---|---|---|---|---|---|---|---|---|' );
for ( const r of rows ) {
	const f50 = percentile( r.floor, 50 );
	const f95 = percentile( r.floor, 95 );
	const o50 = percentile( r.ours, 50 );
	const o95 = percentile( r.ours, 95 );
	const b50 = percentile( r.baseline, 50 );
	const b95 = percentile( r.baseline, 95 );
	console.log(
		`| ${ r.label } | ${ r.count } / ${ r.baseline.length } | ${ ms( f50 ) } / ${ ms( f95 ) } | ${ ms( o50 ) } / ${ ms( o95 ) } | ${ ms( o50 - f50 ) } / ${ ms( o95 - f95 ) } | ${ r.q.ours - r.q.floor } | ${ ms( b50 ) } / ${ ms( b95 ) } | ${ ms( b95 - f95 ) } | ${ r.q.baseline - r.q.floor } | ${ ( ( b95 - f95 ) / Math.max( 0.1, o95 - f95 ) ).toFixed( 1 ) }× |`
	);
}
