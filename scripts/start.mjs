// `npm start`: the latest WordPress with Aftercare active and demo content, served until Ctrl-C.
// Default: native PHP on SQLite (no database server). `--db mariadb` uses the private MariaDB.
// `--woocommerce` adds WooCommerce (HPOS on, on MariaDB) with a demo store instead of the test
// order source.
// The site is kept between runs; `--fresh` rebuilds it.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
	REPO_ROOT,
	ensureSystem,
	isAlive,
	log,
	runInBackground,
	sleep,
} from './lib/system.mjs';
import { stopMariaDB } from './lib/mariadb.mjs';
import { createSite, readSite, startServer, stopServer } from './lib/site.mjs';
import { requireWooCommerce } from './lib/woocommerce.mjs';

const { values: options } = parseArgs( {
	options: {
		db: { type: 'string' },
		port: { type: 'string', default: process.env.AFTERCARE_PORT ?? '8888' },
		fresh: { type: 'boolean', default: false },
		woocommerce: { type: 'boolean', default: false },
		name: { type: 'string' },
	},
} );
const CORE = '7.1';
const DEMO_DIR = path.join( REPO_ROOT, 'scripts', 'demo' );
const port = Number( options.port );
// WooCommerce needs MySQL or MariaDB: on SQLite its unbounded queries (LIMIT 0, 2^64-1) fail,
// so an order's refunds, for one, would read as none.
options.db ??= options.woocommerce ? 'mariadb' : 'sqlite';
// Each kind of store keeps its own site, so switching between them rebuilds nothing.
options.name ??= options.woocommerce ? 'start-woocommerce' : 'start';
if (
	! [ 'sqlite', 'mariadb' ].includes( options.db ) ||
	( options.woocommerce && options.db !== 'mariadb' ) ||
	! Number.isInteger( port )
) {
	console.error(
		'Usage: npm start [-- --db sqlite|mariadb] [--port 8888] [--fresh]\n' +
			'       npm start -- --woocommerce [--port 8888] [--fresh]   (on MariaDB)'
	);
	process.exit( 2 );
}

/**
 * Newest modification time below a folder.
 *
 * @param {string} dir Folder.
 */
function newest( dir ) {
	return readdirSync( dir, { withFileTypes: true } ).reduce(
		( latest, entry ) => {
			const full = path.join( dir, entry.name );
			return Math.max(
				latest,
				entry.isDirectory() ? newest( full ) : statSync( full ).mtimeMs
			);
		},
		0
	);
}

/**
 * Builds the admin app and blocks unless the build is newer than their sources.
 *
 * @return {Promise<void>|undefined} The running build, if one was needed.
 */
function buildIfStale() {
	const manifest = path.join( REPO_ROOT, 'build', 'blocks-manifest.php' );
	const sources = Math.max(
		newest( path.join( REPO_ROOT, 'src' ) ),
		newest( path.join( REPO_ROOT, 'blocks' ) )
	);
	if ( existsSync( manifest ) && statSync( manifest ).mtimeMs >= sources ) {
		return undefined;
	}
	log( 'Building the admin app and blocks…' );
	return runInBackground( 'npm', [ 'run', 'build' ], { cwd: REPO_ROOT } );
}

function existingSite() {
	try {
		const site = readSite( options.name );
		return site.core === CORE &&
			site.db.type === options.db &&
			site.port === port &&
			site.woocommerce === options.woocommerce
			? site
			: null;
	} catch {
		return null;
	}
}

// What scripts/demo/support-desk.php seeded, and where to see it.
const DEMO_TOUR = ( url ) => `
What to try (seeded by scripts/demo/support-desk.php), log in as:
  admin      Support: the views, overdue and at-risk tickets, notes, attachments, bulk actions
             Returns, one in every status: ${ url }/wp-admin/admin.php?page=aftercare-returns
             Help center, a month of analytics: ${ url }/wp-admin/admin.php?page=aftercare-help-center
  agent      Support → Mine: the tickets assigned to them
  customer1  ${ url }/returns/ (return an item), ${ url }/order-status/ (their orders)
  (nobody)   ${ url }/help/ (search "delivery"), ${ url }/contact-us/ (suggestions as you type)`;

const started = Date.now();
// On a new machine the build and the WordPress download run while apt installs PHP.
const building = buildIfStale();
const downloading = runInBackground( process.execPath, [
	path.join( REPO_ROOT, 'scripts', 'env.mjs' ),
	'core',
	CORE,
] );
ensureSystem( options.db === 'mariadb' ? [ 'php', 'mariadb' ] : [ 'php' ] );
const woocommerce = options.woocommerce ? requireWooCommerce() : null;
await Promise.all( [ building, downloading ] );
const site =
	( ! options.fresh && existingSite() ) ||
	( await createSite( {
		name: options.name,
		core: CORE,
		db:
			options.db === 'sqlite'
				? { type: 'sqlite' }
				: {
						type: 'mariadb',
						name: `aftercare_${ options.name.replaceAll( '-', '_' ) }`,
					},
		port,
		demo: true,
		woocommerce,
		// Each domain seeds its own demo content from a file in scripts/demo/.
		muPlugins: readdirSync( DEMO_DIR )
			.filter( ( file ) => file.endsWith( '.php' ) )
			.map( ( file ) => path.join( DEMO_DIR, file ) ),
	} ) );
const { url, pid } = await startServer( site );

console.log( `
Aftercare is running at ${ url }/  (WordPress ${ CORE }${ site.woocommerce ? ', WooCommerce' : '' }, ${ options.db }, ready in ${ ( ( Date.now() - started ) / 1000 ).toFixed( 1 ) }s)
  Support desk:  ${ url }/wp-admin/admin.php?page=aftercare
  Contact page:  ${ url }/contact-us/
  Order status:  ${ url }/order-status/  (order 1001, guest@example.test)${
		site.woocommerce
			? `
  Orders:        ${ url }/wp-admin/admin.php?page=wc-orders
  My Account:    ${ url }/my-account/  (Support and Returns, as customer1)`
			: ''
  }
  Log in as admin / password (also agent, customer1, customer2; same password).
${ DEMO_TOUR( url ) }
Press Ctrl-C to stop.` );

let stopping = false;
async function stop( code ) {
	if ( stopping ) {
		return;
	}
	stopping = true;
	await stopServer( site );
	if ( options.db === 'mariadb' ) {
		await stopMariaDB();
	}
	process.exit( code );
}
process.on( 'SIGINT', () => stop( 0 ) );
process.on( 'SIGTERM', () => stop( 0 ) );

// The server runs in its own process group; stay in the foreground while it lives.
while ( isAlive( pid ) ) {
	await sleep( 1000 );
}
log( `The server stopped; see ${ path.join( site.dir, 'server.log' ) }` );
await stop( 1 );
