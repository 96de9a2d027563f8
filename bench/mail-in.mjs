#!/usr/bin/env node
/* eslint-disable no-console -- a command-line report. */
// Mail in: `node bench/mail-in.mjs [--requests 200] [--rounds 10] [--per-round 24]`.
//
// On a fresh WordPress 7.1 + MariaDB site served by php -S:
// 1. the signed webhook, POST aftercare/v1/inbound/email over HTTP, timed request by request
//    interleaved with the floor (the test mu-plugin's tiny REST route, same site, same run). Each
//    mail is a corpus message (tests/fixtures/mail) made new (its own Message-ID and sender), so
//    each one is parsed, classified, threaded and written, as a store's new mail would be;
// 2. mails threaded into tickets per second through Inbox::receive() in PHP, beside web tickets
//    opened per second through TicketService::create() in the same process (bench/mail-receive.php).
// Port: AFTERCARE_TEST_PORT_BASE + 33 (default 8933).
import { createHmac } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
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
		requests: { type: 'string', default: '200' },
		rounds: { type: 'string', default: '10' },
		'per-round': { type: 'string', default: '24' },
	},
} );
const REQUESTS = Number( options.requests );
const PORT = Number( process.env.AFTERCARE_TEST_PORT_BASE ?? 8900 ) + 33;
const CORPUS_DIR = path.join( REPO_ROOT, 'tests/fixtures/mail' );
const corpus = readdirSync( CORPUS_DIR )
	.filter( ( file ) => file.endsWith( '.eml' ) )
	.map( ( file ) => readFileSync( path.join( CORPUS_DIR, file ), 'latin1' ) );

/**
 * The i-th mail: a corpus message with its own Message-ID and sender in front (the parser takes
 * the first of each header), its own From/To/Message-ID lines taken out.
 *
 * @param {number} i Request number.
 */
function mail( i ) {
	const raw = corpus[ i % corpus.length ].replace(
		/^(?:Message-I[dD]|From|To):.*(?:\r?\n[ \t].*)*\r?\n/gim,
		''
	);
	const tag = `${ i }.${ Date.now() }`;
	return `Message-ID: <http.${ tag }@bench.example>\r\nFrom: <sender.${ tag }@bench.example>\r\nTo: <help@shop.example>\r\n${ raw }`;
}

const results = await withMariaDB( async () => {
	const site = await benchSite( `bench-mail-${ PORT }`, PORT, {
		muPlugins: [ TEST_MU_PLUGIN ],
	} );
	const { secret } = phpJson( 'mail-in-setup.php', [ site.dir ] );
	const { url } = await startServer( site );
	try {
		const webhook = ( i ) => {
			const body = mail( i );
			const signature =
				'sha256=' +
				createHmac( 'sha256', secret )
					.update( Buffer.from( body, 'latin1' ) )
					.digest( 'hex' );
			return fetchTimed( `${ url }/wp-json/aftercare/v1/inbound/email`, {
				method: 'POST',
				headers: {
					'Content-Type': 'message/rfc822',
					'X-Aftercare-Signature': signature,
				},
				body: Buffer.from( body, 'latin1' ),
			} );
		};
		const floor = () =>
			fetchTimed( `${ url }/wp-json/aftercare-test/v1/ping`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: '{}',
			} );
		await interleaved( 10, {
			floor,
			webhook: ( i ) => webhook( 100000 + i ),
		} );
		const { ms } = await interleaved( REQUESTS, { floor, webhook } );
		const receive = phpJson( 'mail-receive.php', [
			site.dir,
			options.rounds,
			options[ 'per-round' ],
		] );
		return { http: ms, receive };
	} finally {
		await stopServer( site );
	}
} );

const f = ( v ) => `${ v.toFixed( 1 ) } ms`;
const f50 = percentile( results.http.floor, 50 );
const f95 = percentile( results.http.floor, 95 );
const w50 = percentile( results.http.webhook, 50 );
const w95 = percentile( results.http.webhook, 95 );
console.log(
	`\nSigned webhook, POST aftercare/v1/inbound/email, ${ REQUESTS } sequential requests (${ corpus.length } corpus messages in turn, each new), floor: a tiny REST route, same run\n`
);
console.log(
	'| | floor p50 | floor p95 | webhook p50 | webhook p95 | over floor p50 | over floor p95 | share of the request (p50) |'
);
console.log( '|---|---|---|---|---|---|---|---|' );
console.log(
	`| MariaDB | ${ f( f50 ) } | ${ f( f95 ) } | ${ f( w50 ) } | ${ f( w95 ) } | ${ f( w50 - f50 ) } | ${ f( w95 - f95 ) } | ${ Math.round( ( 100 * ( w50 - f50 ) ) / w50 ) }% |`
);

const { rates, rounds, per, outcomes } = results.receive;
const median = ( values ) => percentile( values, 50 );
const r = median( rates.receive );
const w = median( rates.floor );
console.log(
	`\nInbox::receive() into the database, ${ rounds } rounds of ${ per } mails (half replies by plus-tag), beside ${ per } web tickets per round through TicketService::create(), same process; medians\n`
);
console.log( '| way | per second | ms each |' );
console.log( '|---|---|---|' );
console.log(
	`| mails parsed, threaded and written (Inbox::receive) | ${ r.toFixed( 0 ) } | ${ ( 1000 / r ).toFixed( 2 ) } |`
);
console.log(
	`| floor: web tickets opened (TicketService::create) | ${ w.toFixed( 0 ) } | ${ ( 1000 / w ).toFixed( 2 ) } |`
);
console.log(
	`\nA mail costs ${ ( 1000 / r - 1000 / w ).toFixed( 2 ) } ms more than a web ticket (${ ( w / r ).toFixed( 2 ) }× its time). Outcomes: ${ Object.entries(
		outcomes
	)
		.map( ( [ k, v ] ) => `${ k } ${ v }` )
		.join( ', ' ) }`
);
