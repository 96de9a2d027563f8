// `npm test`: every test layer in order, a line per layer, then one "N passed, N failed" line.
// Layers keep going after a failure so one run shows everything that is wrong.
import { spawn } from 'node:child_process';
import {
	existsSync,
	mkdirSync,
	readFileSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, CACHE_DIR, ensureSystem, run } from './lib/system.mjs';
import { ensureCore } from './lib/core.mjs';
import { startDovecot } from './lib/dovecot.mjs';
import { startMariaDB, stopMariaDB } from './lib/mariadb.mjs';
import { createSite } from './lib/site.mjs';
import { NO_WOOCOMMERCE, ensureWooCommerce } from './lib/woocommerce.mjs';

const WP_VERSIONS = [ '6.8', '7.1' ];
const only = process.argv.slice( 2 ); // e.g. `npm test -- phpunit e2e` runs those layers only.
// Sites and ports of one run; another base lets two runs share the machine (and its MariaDB).
const PORT_BASE = Number( process.env.AFTERCARE_TEST_PORT_BASE ?? 8900 );
const E2E_PORT = PORT_BASE + 20;
const SMOKE_PORT = PORT_BASE + 21;
const ZIP_PORT = PORT_BASE + 22; // and up: one clean site per WordPress (and WooCommerce)
const E2E_WOOCOMMERCE_PORT = PORT_BASE + 25;
const IMAP_PORT = PORT_BASE + 30; // and + 31 (STARTTLS)
const RESULTS = path.join( CACHE_DIR, 'results', String( PORT_BASE ) );
// Test sites get an order source without WooCommerce (the OrderSource test adapter).
const TEST_MU_PLUGINS = [ 'tests/fixtures/mu-plugins/test-order-source.php' ];

/**
 * Runs a command, keeping its output in a log file; resolves with its exit code and output.
 *
 * @param {string}   name Log file name.
 * @param {string}   cmd  Command.
 * @param {string[]} args Arguments.
 * @param {Object}   env  Extra environment.
 */
function exec( name, cmd, args, env = {} ) {
	const logFile = path.join( RESULTS, `${ name }.log` );
	return new Promise( ( resolve ) => {
		const child = spawn( cmd, args, {
			cwd: REPO_ROOT,
			env: { ...process.env, ...env },
			stdio: [ 'ignore', 'pipe', 'pipe' ],
		} );
		const chunks = [];
		child.stdout.on( 'data', ( d ) => chunks.push( d ) );
		child.stderr.on( 'data', ( d ) => chunks.push( d ) );
		child.on( 'close', ( code ) => {
			const output = Buffer.concat( chunks ).toString();
			writeFileSync( logFile, output );
			resolve( { code: code ?? 1, output, logFile } );
		} );
	} );
}

/**
 * Counts test cases in a JUnit XML report.
 *
 * @param {string} file Report path.
 */
function junitCounts( file ) {
	if ( ! existsSync( file ) ) {
		return null;
	}
	const xml = readFileSync( file, 'utf8' );
	// Playwright totals on the root <testsuites>; PHPUnit on its first <testsuite>.
	const suite =
		xml.match( /<testsuites\b[^>]*\btests="[^>]*>/ ) ??
		xml.match( /<testsuite\b[^>]*>/ );
	if ( ! suite ) {
		return null;
	}
	const attr = ( n ) =>
		Number(
			( suite[ 0 ].match( new RegExp( `\\b${ n }="(\\d+)"` ) ) ?? [
				0, 0,
			] )[ 1 ]
		);
	const failed = attr( 'failures' ) + attr( 'errors' );
	const skipped = attr( 'skipped' );
	return { passed: attr( 'tests' ) - failed - skipped, failed, skipped };
}

const layers = [];
function layer( name, fn ) {
	if ( only.length === 0 || only.some( ( o ) => name.startsWith( o ) ) ) {
		layers.push( { name, fn } );
	}
}

/**
 * A check with no test count of its own (a build, a linter) counts as one test.
 *
 * @param {string}   name Log file name.
 * @param {string}   cmd  Command.
 * @param {string[]} args Arguments.
 * @param {Object}   env  Extra environment.
 */
async function check( name, cmd, args, env ) {
	const { code, logFile } = await exec( name, cmd, args, env );
	return { passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1, logFile };
}

layer( 'build', () => check( 'build', 'npm', [ 'run', 'build' ] ) );
layer( 'lint:js', () => check( 'lint-js', 'npm', [ 'run', 'lint:js' ] ) );
layer( 'lint:css', () => check( 'lint-css', 'npm', [ 'run', 'lint:css' ] ) );
layer( 'lint:types', () =>
	check( 'lint-types', 'npm', [ 'run', 'lint:types' ] )
);
layer( 'lint:php', () =>
	check( 'lint-php', 'node', [ 'scripts/lint-php.mjs' ] )
);
layer( 'types:fresh', () =>
	check( 'types-fresh', 'node', [ 'scripts/generate-types.mjs', '--check' ] )
);
layer( 'jest', async () => {
	const report = path.join( RESULTS, 'jest.json' );
	const { code, logFile } = await exec( 'jest', 'npx', [
		'wp-scripts',
		'test-unit-js',
		'--ci',
		'--json',
		`--outputFile=${ report }`,
	] );
	if ( ! existsSync( report ) ) {
		return { passed: 0, failed: 1, logFile };
	}
	const r = JSON.parse( readFileSync( report, 'utf8' ) );
	return {
		passed: r.numPassedTests,
		failed:
			r.numFailedTests + ( code !== 0 && r.numFailedTests === 0 ? 1 : 0 ),
		logFile,
	};
} );

/**
 * PHPUnit on a fresh site of its own. `groups` picks the suite: the default one, the multisite
 * group on a network, or everything plus the woocommerce group beside a real WooCommerce.
 *
 * @param {string}   name               Layer name.
 * @param {Object}   site               The site to test on.
 * @param {string}   site.core          WordPress version.
 * @param {boolean}  [site.multisite]   A subdirectory network.
 * @param {boolean}  [site.woocommerce] Beside WooCommerce (skipped when there is none).
 * @param {string[]} site.groups        PHPUnit group arguments.
 * @param {boolean}  [site.sqlite]      On SQLite (what `npm start` runs) instead of MariaDB.
 * @param {boolean}  [site.imap]        With a private Dovecot for the `imap` group.
 */
function phpunitLayer(
	name,
	{
		core,
		multisite = false,
		woocommerce = false,
		groups,
		sqlite = false,
		imap = false,
	}
) {
	layer( name, async () => {
		const wooCommerceDir = woocommerce ? ensureWooCommerce() : null;
		if ( woocommerce && ! wooCommerceDir ) {
			return { passed: 0, failed: 0, skipped: NO_WOOCOMMERCE };
		}
		const port = PORT_BASE + layers.findIndex( ( l ) => l.name === name );
		const slug = `${ name.replace( /[^a-z0-9]+/g, '-' ) }-${ port }`;
		const site = await createSite( {
			name: slug,
			core,
			db: sqlite
				? { type: 'sqlite' }
				: {
						type: 'mariadb',
						name: `aftercare_${ slug.replace( /-/g, '_' ) }`,
					},
			port,
			multisite,
			woocommerce: wooCommerceDir,
			muPlugins: TEST_MU_PLUGINS,
		} );
		const report = path.join( RESULTS, `${ slug }.xml` );
		const dovecot = imap ? await startDovecot( IMAP_PORT ) : null;
		const { code, logFile } = await exec(
			slug,
			'phpunit',
			[ '-c', 'tests/php/phpunit.xml', ...groups, '--log-junit', report ],
			{
				AFTERCARE_WP_DIR: site.dir,
				AFTERCARE_WP_HOST: `127.0.0.1:${ port }`,
				...( dovecot && {
					AFTERCARE_IMAP_HOST: dovecot.host,
					AFTERCARE_IMAP_PORT: String( dovecot.port ),
					AFTERCARE_IMAP_STARTTLS_PORT: String(
						dovecot.starttlsPort
					),
					AFTERCARE_IMAP_USER: dovecot.user,
					AFTERCARE_IMAP_PASSWORD: dovecot.password,
				} ),
			}
		).finally( () => dovecot?.stop() );
		const counts = junitCounts( report ) ?? { passed: 0, failed: 1 };
		return {
			...counts,
			failed: counts.failed || ( code !== 0 ? 1 : 0 ),
			logFile,
		};
	} );
}

// The `imap` group needs a Dovecot; it runs once, on the newest WordPress.
for ( const core of WP_VERSIONS ) {
	const imap = core === WP_VERSIONS.at( -1 );
	phpunitLayer( `phpunit:wp-${ core }`, {
		core,
		imap,
		groups: [
			'--exclude-group',
			imap ? 'multisite,woocommerce' : 'multisite,woocommerce,imap',
		],
	} );
	phpunitLayer( `phpunit:wp-${ core }-multisite`, {
		core,
		multisite: true,
		groups: [ '--exclude-group', 'woocommerce', '--group', 'multisite' ],
	} );
}
// The `sqlite` group must answer the same on the SQLite database `npm start` uses.
phpunitLayer( 'phpunit:sqlite', {
	core: '7.1',
	sqlite: true,
	groups: [ '--group', 'sqlite' ],
} );
phpunitLayer( 'phpunit:woocommerce', {
	core: '7.1',
	woocommerce: true,
	groups: [ '--exclude-group', 'multisite,imap' ],
} );

/**
 * Playwright on a fresh site of its own (tests/e2e/global-setup.ts makes it). The WooCommerce
 * site runs the specs tagged @woocommerce, the default one every other spec.
 *
 * @param {string}  name          Layer name.
 * @param {number}  port          The site's port.
 * @param {boolean} [woocommerce] On a WooCommerce site (skipped when there is none).
 */
function e2eLayer( name, port, woocommerce = false ) {
	layer( name, async () => {
		if ( woocommerce && ! ensureWooCommerce() ) {
			return { passed: 0, failed: 0, skipped: NO_WOOCOMMERCE };
		}
		const slug = name.replace( /[^a-z0-9]+/g, '-' );
		const report = path.join( RESULTS, `${ slug }.xml` );
		const { code, logFile } = await exec(
			slug,
			'npx',
			[ 'playwright', 'test', '-c', 'tests/e2e/playwright.config.ts' ],
			{
				PLAYWRIGHT_JUNIT_OUTPUT_NAME: report,
				AFTERCARE_E2E_PORT: String( port ),
				AFTERCARE_E2E_WOOCOMMERCE: woocommerce ? '1' : '',
			}
		);
		const counts = junitCounts( report ) ?? { passed: 0, failed: 1 };
		return {
			...counts,
			failed: counts.failed || ( code !== 0 ? 1 : 0 ),
			logFile,
		};
	} );
}
e2eLayer( 'e2e', E2E_PORT );
e2eLayer( 'e2e:woocommerce', E2E_WOOCOMMERCE_PORT, true );

layer( 'smoke', async () => {
	const { code, output, logFile } = await exec(
		'smoke',
		'node',
		[ '--test', '--test-reporter=tap', 'tests/smoke/' ],
		{ AFTERCARE_SMOKE_PORT: String( SMOKE_PORT ) }
	);
	const count = ( k ) =>
		Number(
			( output.match( new RegExp( `^# ${ k } (\\d+)`, 'm' ) ) ?? [
				0, 0,
			] )[ 1 ]
		);
	return {
		passed: count( 'pass' ),
		failed: count( 'fail' ) || ( code !== 0 ? 1 : 0 ),
		logFile,
	};
} );

// What a store owner uploads: aftercare.zip (`npm run plugin-zip`) must hold only
// runtime files, then install through core's upgrader and activate on a clean WordPress of each
// version (and beside WooCommerce) with nothing in debug.log: no notice, warning or deprecation.
layer( 'zip', async () => {
	// `npm run plugin-zip` is build + zip; the `build` layer has built already (else build here).
	if (
		! existsSync( path.join( REPO_ROOT, 'build', 'blocks-manifest.php' ) )
	) {
		await exec( 'build', 'npm', [ 'run', 'build' ] );
	}
	const built = await exec( 'plugin-zip', 'npx', [
		'wp-scripts',
		'plugin-zip',
	] );
	if ( built.code !== 0 ) {
		return { passed: 0, failed: 1, logFile: built.logFile };
	}
	const zip = path.join( REPO_ROOT, 'aftercare.zip' );
	const report = [];
	const counts = { passed: 0, failed: 0 };
	const result = ( ok, what ) => {
		counts[ ok ? 'passed' : 'failed' ]++;
		report.push( `${ ok ? 'ok' : 'not ok' } ${ what }` );
	};

	const entries = run( 'php', [
		'-r',
		'$z = new ZipArchive(); $z->open( $argv[1] ); for ( $i = 0; $i < $z->numFiles; $i++ ) { echo $z->getNameIndex( $i ), "\n"; }',
		zip,
	] )
		.trim()
		.split( '\n' );
	// npm-packlist, behind wp-scripts plugin-zip, always adds package.json and README.md.
	const runtime =
		/^aftercare\/(plugin\.php|uninstall\.php|readme\.txt|package\.json|README\.md|includes\/.+\.(php|html)|build\/.+)$/;
	const stray = entries.filter(
		( entry ) => ! runtime.test( entry ) || entry.endsWith( '.map' )
	);
	const needed = [
		'aftercare/plugin.php',
		'aftercare/readme.txt',
		'aftercare/build/blocks-manifest.php',
		'aftercare/build/admin/index.js',
	].filter( ( file ) => ! entries.includes( file ) );
	result(
		! stray.length && ! needed.length,
		`aftercare.zip holds the runtime files only (${ entries.length } files)${ stray.length ? `; not runtime: ${ stray.join( ', ' ) }` : '' }${ needed.length ? `; missing: ${ needed.join( ', ' ) }` : '' }`
	);

	const sites = WP_VERSIONS.map( ( core ) => ( {
		core,
		woocommerce: null,
	} ) );
	const wooCommerceDir = ensureWooCommerce();
	if ( wooCommerceDir ) {
		sites.push( { core: '7.1', woocommerce: wooCommerceDir } );
	}
	for ( const [ i, { core, woocommerce } ] of sites.entries() ) {
		const port = ZIP_PORT + i;
		const name = `zip-${ core.replace( '.', '' ) }${ woocommerce ? '-woocommerce' : '' }-${ port }`;
		const what = `WordPress ${ core }${ woocommerce ? ' beside WooCommerce' : '' }`;
		try {
			const site = await createSite( {
				name,
				core,
				db: {
					type: 'mariadb',
					name: `aftercare_${ name.replace( /-/g, '_' ) }`,
				},
				port,
				woocommerce,
				plugin: false,
			} );
			// Only what happens from the upload on counts (not what WooCommerce's install logged).
			const debugLog = path.join( site.dir, 'debug.log' );
			rmSync( debugLog, { force: true } );
			for ( const step of [ 'install', 'load' ] ) {
				const { code, output } = await exec(
					`${ name }-${ step }`,
					'php',
					[ 'tests/zip/install-zip.php', site.dir, zip, step ]
				);
				report.push( output.trim() );
				if ( code !== 0 ) {
					throw new Error( `the ${ step } step failed` );
				}
			}
			const logged = existsSync( debugLog )
				? readFileSync( debugLog, 'utf8' ).trim()
				: '';
			result(
				! logged,
				`${ what }: installs from the zip and activates ${ logged ? `but debug.log has:\n${ logged }` : 'with an empty debug.log' }`
			);
		} catch ( error ) {
			result( false, `${ what }: ${ error.message }` );
		}
	}
	const logFile = path.join( RESULTS, 'zip.log' );
	writeFileSync( logFile, `${ report.join( '\n' ) }\n` );
	return { ...counts, logFile };
} );

async function main() {
	rmSync( RESULTS, { recursive: true, force: true } );
	mkdirSync( RESULTS, { recursive: true } );
	ensureSystem( [ 'php', 'mariadb', 'phpunit', 'phpcs', 'chromium' ] );
	for ( const version of WP_VERSIONS ) {
		await ensureCore( version );
	}
	const database = await startMariaDB();

	let passed = 0;
	let failed = 0;
	for ( const { name, fn } of layers ) {
		const started = Date.now();
		let result;
		try {
			result = await fn();
		} catch ( error ) {
			result = { passed: 0, failed: 1, error };
		}
		passed += result.passed;
		failed += result.failed;
		const seconds = ( ( Date.now() - started ) / 1000 ).toFixed( 1 );
		// A reason (string) skips the layer; a count of skipped tests does not.
		if ( typeof result.skipped === 'string' ) {
			console.log(
				`- ${ name.padEnd( 28 ) } skipped: ${ result.skipped }`
			);
			continue;
		}
		const mark = result.failed ? '✘' : '✔';
		console.log(
			`${ mark } ${ name.padEnd( 28 ) } ${ result.passed } passed, ${ result.failed } failed (${ seconds }s)`
		);
		if ( result.failed ) {
			const detail = result.error
				? String( result.error.stack ?? result.error )
				: readFileSync( result.logFile, 'utf8' );
			console.log(
				detail
					.trim()
					.split( '\n' )
					.slice( -60 )
					.map( ( line ) => `    ${ line }` )
					.join( '\n' )
			);
		}
	}
	// A MariaDB someone else started (e.g. `npm start -- --db mariadb`) keeps running.
	if ( database.started ) {
		await stopMariaDB();
	}
	console.log( `${ passed } passed, ${ failed } failed` );
	process.exitCode = failed ? 1 : 0;
}

await main();
