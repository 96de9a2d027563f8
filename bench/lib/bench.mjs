// What every bench shares: its site, the database under it, requests timed over HTTP
// interleaved with the floor (a tiny REST route of the test mu-plugin, same site, same run),
// percentiles, and the JSON the PHP helpers in bench/ print.
import http from 'node:http';
import path from 'node:path';
import { REPO_ROOT, ensureSystem, run } from '../../scripts/lib/system.mjs';
import { startMariaDB, stopMariaDB } from '../../scripts/lib/mariadb.mjs';
import { createSite, readSite } from '../../scripts/lib/site.mjs';

/** The test environment's order source and floor route (`aftercare-test/v1/ping`). */
export const TEST_MU_PLUGIN = path.join(
	REPO_ROOT,
	'tests/fixtures/mu-plugins/test-order-source.php'
);

/**
 * Runs `bench` with the project's MariaDB up, and stops it afterwards if this started it.
 *
 * @param {Function} bench Async work.
 */
export async function withMariaDB( bench ) {
	ensureSystem( [ 'php', 'mariadb' ] );
	const database = await startMariaDB();
	try {
		return await bench();
	} finally {
		if ( database.started ) {
			await stopMariaDB();
		}
	}
}

/**
 * A WordPress 7.1 site with Aftercare for a bench, under .cache/sites/<name>.
 *
 * @param {string}      name                  Site name.
 * @param {number}      port                  Its port.
 * @param {Object}      [options]             Options.
 * @param {string}      [options.db]          'mariadb' (default) or 'sqlite'.
 * @param {string[]}    [options.muPlugins]   Must-use plugins.
 * @param {string|null} [options.woocommerce] A WooCommerce plugin directory.
 * @param {boolean}     [options.reuse]       Take the site a previous run made, if there is one.
 */
export async function benchSite(
	name,
	port,
	{ db = 'mariadb', muPlugins = [], woocommerce = null, reuse = false } = {}
) {
	if ( reuse ) {
		try {
			return readSite( name );
		} catch {
			// Not made yet: make it below.
		}
	}
	return createSite( {
		name,
		core: '7.1',
		db:
			db === 'sqlite'
				? { type: 'sqlite' }
				: {
						type: 'mariadb',
						name: `aftercare_${ name.replace( /-/g, '_' ) }`,
					},
		port,
		muPlugins,
		woocommerce,
	} );
}

/**
 * Runs a PHP helper of bench/ and parses the JSON of its last line of output.
 *
 * @param {string}   script File name under bench/.
 * @param {string[]} args   Its arguments.
 */
export function phpJson( script, args ) {
	return JSON.parse(
		run( 'php', [ path.join( REPO_ROOT, 'bench', script ), ...args ] )
			.trim()
			.split( '\n' )
			.pop()
	);
}

const agent = new http.Agent( { keepAlive: true, maxSockets: 1 } );

/**
 * One HTTP request; resolves with status, headers, body and milliseconds taken.
 *
 * @param {string} url               URL.
 * @param {Object} [request]         The request.
 * @param {string} [request.method]  HTTP method.
 * @param {Object} [request.headers] Request headers.
 * @param {string} [request.body]    Request body.
 */
export function fetchTimed( url, { method = 'GET', headers = {}, body } = {} ) {
	return new Promise( ( resolve, reject ) => {
		const started = process.hrtime.bigint();
		const req = http.request( url, { method, headers, agent }, ( res ) => {
			const chunks = [];
			res.on( 'data', ( chunk ) => chunks.push( chunk ) );
			res.on( 'end', () =>
				resolve( {
					status: res.statusCode,
					headers: res.headers,
					body: Buffer.concat( chunks ).toString(),
					ms: Number( process.hrtime.bigint() - started ) / 1e6,
				} )
			);
		} );
		req.on( 'error', reject );
		req.end( body );
	} );
}

/**
 * Times requests round by round, each round calling every one of `calls` in order (the floor
 * first), so all of them see the same machine. A call answers null to sit a round out; an
 * answer of 300 or more stops the bench.
 *
 * @param {number}                   rounds Rounds.
 * @param {Object<string, Function>} calls  Named calls, each given the round number.
 * @return {Promise<{ms: Object<string, number[]>, last: Object<string, Object>}>} Milliseconds
 *         per call, and each call's last answer.
 */
export async function interleaved( rounds, calls ) {
	const ms = Object.fromEntries(
		Object.keys( calls ).map( ( key ) => [ key, [] ] )
	);
	const last = {};
	for ( let i = 0; i < rounds; i++ ) {
		for ( const [ key, call ] of Object.entries( calls ) ) {
			const answer = await call( i );
			if ( ! answer ) {
				continue;
			}
			if ( answer.status >= 300 ) {
				throw new Error(
					`${ key } (round ${ i }) answered ${ answer.status }: ${ answer.body.slice( 0, 300 ) }`
				);
			}
			ms[ key ].push( answer.ms );
			last[ key ] = answer;
		}
	}
	return { ms, last };
}

/**
 * The p-th percentile (nearest rank) of some numbers.
 *
 * @param {number[]} values Numbers.
 * @param {number}   p      0–100.
 */
export function percentile( values, p ) {
	const sorted = [ ...values ].sort( ( a, b ) => a - b );
	return sorted[
		Math.min(
			sorted.length - 1,
			Math.ceil( ( p / 100 ) * sorted.length ) - 1
		)
	];
}
