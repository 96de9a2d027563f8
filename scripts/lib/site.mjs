// Local WordPress sites under .cache/sites/<name>, with Aftercare linked in, and
// the php -S servers that serve them.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
	closeSync,
	existsSync,
	mkdirSync,
	openSync,
	readdirSync,
	readFileSync,
	renameSync,
	rmSync,
	symlinkSync,
	writeFileSync,
} from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { ensureCore } from './core.mjs';
import { createDatabase, startMariaDB } from './mariadb.mjs';
import {
	CACHE_DIR,
	REPO_ROOT,
	ensureSystem,
	isAlive,
	log,
	rel,
	run,
	sleep,
} from './system.mjs';

const SITES_DIR = path.join( CACHE_DIR, 'sites' );
const ROUTER = path.join( REPO_ROOT, 'scripts', 'router.php' );
const INSTALLER = path.join( REPO_ROOT, 'scripts', 'install-site.php' );
const LOCAL_MU_PLUGIN = path.join(
	REPO_ROOT,
	'scripts',
	'local-environment.php'
);

/**
 * Builds .cache/sites/<name> afresh and installs WordPress there with Aftercare active.
 *
 * @param {Object}                                           site
 * @param {string}                                           site.name          Directory name (letters, digits, _ and -).
 * @param {'6.8'|'7.1'}                                      site.core          WordPress branch.
 * @param {{type: 'mariadb', name: string}|{type: 'sqlite'}} site.db            Database.
 * @param {number}                                           site.port          Port of its URL, http://127.0.0.1:<port>.
 * @param {boolean}                                          [site.multisite]   Subdirectory network with a second site at /second/.
 * @param {string[]}                                         [site.muPlugins]   Files to link into wp-content/mu-plugins.
 * @param {boolean}                                          [site.demo]        Run the aftercare_seed_demo action.
 * @param {string|null}                                      [site.woocommerce] A built WooCommerce plugin directory to link and activate first.
 * @param {boolean}                                          [site.plugin]      Link and activate Aftercare (false: a clean site to install it into).
 * @return {Promise<Object>} name, dir, url, port, core, multisite and db (with how to connect).
 */
export async function createSite( {
	name,
	core,
	db,
	port,
	multisite = false,
	muPlugins = [],
	demo = false,
	woocommerce = null,
	plugin = true,
} ) {
	if ( ! /^[\w-]+$/.test( name ?? '' ) ) {
		throw new Error( `Invalid site name "${ name }"` );
	}
	if ( ! Number.isInteger( port ) ) {
		throw new Error(
			'createSite needs a port: the site URL is http://127.0.0.1:<port>'
		);
	}
	if ( db?.type !== 'mariadb' && db?.type !== 'sqlite' ) {
		throw new Error(
			'createSite needs db: { type: "mariadb", name } or { type: "sqlite" }'
		);
	}
	if ( multisite && db.type === 'sqlite' ) {
		throw new Error( 'Multisite sites run on MariaDB' );
	}

	const started = Date.now();
	ensureSystem( [ 'php' ] );
	const coreDir = ensureCore( core );
	const dir = path.join( SITES_DIR, name );
	await stopServer( name );
	rmSync( dir, { recursive: true, force: true } );
	mkdirSync( SITES_DIR, { recursive: true } );
	run( 'cp', [ '-al', coreDir, dir ] );
	// The core's marker is not part of a site.
	rmSync( path.join( dir, '.aftercare-core' ) );

	const content = path.join( dir, 'wp-content' );
	const pluginDir = process.env.AFTERCARE_PLUGIN_DIR
		? path.resolve( process.env.AFTERCARE_PLUGIN_DIR )
		: REPO_ROOT;
	if ( plugin ) {
		symlinkSync( pluginDir, path.join( content, 'plugins', 'aftercare' ) );
	}
	if ( woocommerce ) {
		symlinkSync(
			path.resolve( woocommerce ),
			path.join( content, 'plugins', 'woocommerce' )
		);
	}
	mkdirSync( path.join( content, 'mu-plugins' ) );
	for ( const file of [ LOCAL_MU_PLUGIN, ...muPlugins ] ) {
		symlinkSync(
			path.resolve( file ),
			path.join( content, 'mu-plugins', path.basename( file ) )
		);
	}

	const site = {
		name,
		dir,
		url: `http://127.0.0.1:${ port }`,
		port,
		core,
		multisite,
		woocommerce: Boolean( woocommerce ),
		db: { type: db.type },
	};
	if ( db.type === 'mariadb' ) {
		// Whether this call started the server is not part of the site.
		const { started: startedNow, ...server } = await startMariaDB();
		await createDatabase( db.name );
		site.db = { type: 'mariadb', name: db.name, ...server };
	} else {
		installSqlite( content );
		site.db = {
			type: 'sqlite',
			file: path.join( content, 'database', '.ht.sqlite' ),
		};
	}
	writeFileSync( path.join( dir, 'wp-config.php' ), wpConfig( site ) );
	run(
		'php',
		[
			INSTALLER,
			dir,
			JSON.stringify( { url: site.url, multisite, demo } ),
		],
		{ stdio: [ 'ignore', 2, 2 ] }
	);
	// Written last: a site whose install failed has none, so `npm start` builds it again.
	writeFileSync(
		path.join( dir, 'site.json' ),
		`${ JSON.stringify( site, null, '\t' ) }\n`
	);
	log(
		`Site ${ name } ready in ${ rel( dir ) }: WordPress ${ core }, ${ db.type }${ multisite ? ', multisite' : '' } (${ ( ( Date.now() - started ) / 1000 ).toFixed( 1 ) }s)`
	);
	return site;
}

/**
 * Reads back what createSite returned for a site.
 *
 * @param {string} name Site name.
 * @return {Object} The site.
 */
export function readSite( name ) {
	const file = path.join( SITES_DIR, name, 'site.json' );
	if ( ! existsSync( file ) ) {
		throw new Error(
			`No site "${ name }" in ${ rel( SITES_DIR ) }: create it first`
		);
	}
	return JSON.parse( readFileSync( file, 'utf8' ) );
}

function wpConfig( site ) {
	const php = ( value ) =>
		`'${ String( value ).replace( /[\\']/g, '\\$&' ) }'`;
	const define = ( constant, value ) =>
		`define( '${ constant }', ${ typeof value === 'string' ? php( value ) : JSON.stringify( value ) } );`;
	const database =
		site.db.type === 'mariadb'
			? [
					define( 'DB_NAME', site.db.name ),
					define( 'DB_USER', site.db.user ),
					define( 'DB_PASSWORD', site.db.password ),
					define( 'DB_HOST', `localhost:${ site.db.socket }` ),
				]
			: [
					// The SQLite driver names its emulated information schema after DB_NAME.
					define( 'DB_NAME', 'wordpress' ),
					define( 'DB_DIR', path.dirname( site.db.file ) ),
					define( 'DB_FILE', path.basename( site.db.file ) ),
				];
	const salts = [
		'AUTH_KEY',
		'SECURE_AUTH_KEY',
		'LOGGED_IN_KEY',
		'NONCE_KEY',
		'AUTH_SALT',
		'SECURE_AUTH_SALT',
		'LOGGED_IN_SALT',
		'NONCE_SALT',
	];
	return `<?php
// Local "${ site.name }" site, written by scripts/lib/site.mjs each time the site is created.

${ database.join( '\n' ) }
${ define( 'DB_CHARSET', 'utf8mb4' ) }
${ define( 'DB_COLLATE', '' ) }

${ salts.map( ( salt ) => define( salt, randomBytes( 48 ).toString( 'base64' ) ) ).join( '\n' ) }

$table_prefix = 'wp_';

${ define( 'WP_ENVIRONMENT_TYPE', 'local' ) }
${ define( 'WP_DEBUG', true ) }
${ define( 'WP_DEBUG_LOG', path.join( site.dir, 'debug.log' ) ) }
${ define( 'WP_DEBUG_DISPLAY', false ) }
${ define( 'SCRIPT_DEBUG', false ) }
${ define( 'DISABLE_WP_CRON', false ) }
${ define( 'FS_METHOD', 'direct' ) }
${ define( 'AUTOMATIC_UPDATER_DISABLED', true ) }
// Only this machine is reachable: never wait on wordpress.org.
${ define( 'WP_HTTP_BLOCK_EXTERNAL', true ) }

/* That's all, stop editing! Happy publishing. */

if ( ! defined( 'ABSPATH' ) ) {
	define( 'ABSPATH', __DIR__ . '/' );
}
require_once ABSPATH . 'wp-settings.php';
`;
}

/**
 * Puts the SQLite Database Integration plugin, shipped as a zip inside the
 * npm package `@wp-playground/cli`, into a site with its db.php drop-in.
 *
 * @param {string} content The site's wp-content directory.
 */
function installSqlite( content ) {
	const source = sqlitePlugin();
	const target = path.join(
		content,
		'plugins',
		'sqlite-database-integration'
	);
	run( 'cp', [ '-al', source, target ] );
	const dropIn = readFileSync( path.join( source, 'db.copy' ), 'utf8' )
		.replaceAll( '{SQLITE_IMPLEMENTATION_FOLDER_PATH}', target )
		.replaceAll(
			'{SQLITE_PLUGIN}',
			'sqlite-database-integration/load.php'
		);
	writeFileSync( path.join( content, 'db.php' ), dropIn );
	mkdirSync( path.join( content, 'database' ) );
}

// The SQLite Database Integration plugin comes as a zip inside this npm package. Only its own
// tarball is fetched (npm pack), not its dependencies: those are half a gigabyte of PHP builds
// for WebAssembly that native PHP does not need. Pinned: 3.1.55 and later need Node 24.
const SQLITE_SOURCE = '@wp-playground/cli@3.1.54';

/**
 * Extracts the SQLite plugin once under .cache.
 *
 * @return {string} The plugin directory.
 */
function sqlitePlugin() {
	const dir = path.join(
		CACHE_DIR,
		'sqlite-database-integration',
		SQLITE_SOURCE.replace( /^@/, '' ).replace( /[^\w.-]+/g, '-' )
	);
	if ( existsSync( dir ) ) {
		return dir;
	}
	const work = `${ dir }.tmp`;
	rmSync( work, { recursive: true, force: true } );
	mkdirSync( work, { recursive: true } );
	const tarball = run(
		'npm',
		[ 'pack', SQLITE_SOURCE, '--silent', '--pack-destination', work ],
		{ cwd: work }
	).trim();
	run(
		'tar',
		[ '-xzf', tarball, 'package/sqlite-database-integration.zip' ],
		{
			cwd: work,
		}
	);
	run( 'php', [
		'-r',
		'$z = new ZipArchive(); exit($z->open($argv[1]) === true && $z->extractTo($argv[2]) ? 0 : 1);',
		path.join( work, 'package', 'sqlite-database-integration.zip' ),
		path.join( work, 'plugin' ),
	] );
	// The zip holds one folder (plugin-sqlite-database-integration/).
	const [ top ] = readdirSync( path.join( work, 'plugin' ) );
	renameSync( path.join( work, 'plugin', top ), dir );
	rmSync( work, { recursive: true } );
	return dir;
}

/**
 * Serves a site with php -S (unless it already is); resolves once it answers.
 *
 * @param {string|{name: string}} site   Site name, or what createSite returned.
 * @param {number}                [port] The site's port (the one it was created for).
 * @return {Promise<{url: string, pid: number}>} Its URL and server process.
 */
export async function startServer( site, port ) {
	const info = readSite( typeof site === 'string' ? site : site.name );
	port ??= info.port;
	if ( port !== info.port ) {
		throw new Error(
			`Site ${ info.name } was installed for port ${ info.port } (its URL is stored in the database): recreate it for port ${ port }`
		);
	}
	const running = serverPid( info.dir );
	if ( running ) {
		log(
			`Serving ${ info.name } at ${ info.url }/ (pid ${ running }, already running)`
		);
		return { url: info.url, pid: running };
	}
	if ( await isListening( port ) ) {
		throw new Error( `Port ${ port } is already in use` );
	}

	ensureSystem( [ 'php' ] );
	if ( info.db.type === 'mariadb' ) {
		await startMariaDB();
	}
	const logFile = path.join( info.dir, 'server.log' );
	const logFd = openSync( logFile, 'a' );
	const server = spawn(
		'php',
		[
			'-d',
			'upload_max_filesize=64M',
			'-d',
			'post_max_size=64M',
			// Edits to PHP files show up on the next request.
			'-d',
			'opcache.revalidate_freq=0',
			'-S',
			`127.0.0.1:${ port }`,
			'-t',
			info.dir,
			ROUTER,
		],
		{
			cwd: info.dir,
			// Its own process group, so stopping it also stops its workers.
			detached: true,
			stdio: [ 'ignore', logFd, logFd ],
			env: {
				...process.env,
				PHP_CLI_SERVER_WORKERS: '4',
				AFTERCARE_MULTISITE: info.multisite ? '1' : '',
			},
		}
	);
	closeSync( logFd );
	server.unref();
	let exited = false;
	server.on( 'exit', () => {
		exited = true;
	} );
	writeFileSync( path.join( info.dir, 'server.pid' ), `${ server.pid }\n` );

	const started = Date.now();
	let answer;
	while (
		( answer = await status( `${ info.url }/wp-login.php` ) ) !== 200
	) {
		if ( exited || Date.now() - started > 20_000 ) {
			const reason = exited
				? 'php -S exited'
				: `timed out${ answer ? `, last status ${ answer }` : '' }`;
			await stopServer( info.name );
			const tail = readFileSync( logFile, 'utf8' )
				.trim()
				.split( '\n' )
				.slice( -15 )
				.join( '\n' );
			throw new Error(
				`${ info.url }/wp-login.php did not answer 200 (${ reason }); ${ rel( logFile ) }:\n${ tail }`
			);
		}
		await sleep( 50 );
	}
	log( `Serving ${ info.name } at ${ info.url }/ (pid ${ server.pid })` );
	return { url: info.url, pid: server.pid };
}

/**
 * Stops the server of a site, if one runs.
 *
 * @param {string|{name: string}} site Site name, or what createSite returned.
 */
export async function stopServer( site ) {
	const dir = path.join(
		SITES_DIR,
		typeof site === 'string' ? site : site.name
	);
	const pid = serverPid( dir );
	if ( pid ) {
		process.kill( -pid, 'SIGTERM' );
		for ( let waited = 0; isAlive( pid ); waited += 50 ) {
			if ( waited === 5000 ) {
				process.kill( -pid, 'SIGKILL' );
			}
			await sleep( 50 );
		}
		log( `Stopped the server of ${ path.basename( dir ) }` );
	}
	rmSync( path.join( dir, 'server.pid' ), { force: true } );
}

/** Stops the servers of every site under .cache/sites. */
export async function stopServers() {
	if ( ! existsSync( SITES_DIR ) ) {
		return;
	}
	for ( const name of readdirSync( SITES_DIR ) ) {
		await stopServer( name );
	}
}

/**
 * The pid in a site's server.pid, if it is still that site's php -S (pids get reused).
 *
 * @param {string} dir Site directory.
 * @return {number|null} The pid.
 */
function serverPid( dir ) {
	const pidFile = path.join( dir, 'server.pid' );
	if ( ! existsSync( pidFile ) ) {
		return null;
	}
	const pid = Number( readFileSync( pidFile, 'utf8' ).trim() );
	try {
		return readFileSync( `/proc/${ pid }/cmdline`, 'utf8' )
			.split( '\0' )
			.includes( dir )
			? pid
			: null;
	} catch {
		return null;
	}
}

function status( url ) {
	return new Promise( ( resolve ) => {
		http.get( url, { timeout: 5000 }, ( response ) => {
			response.resume();
			resolve( response.statusCode );
		} )
			.on( 'error', () => resolve( null ) )
			.on( 'timeout', function () {
				this.destroy();
			} );
	} );
}

function isListening( port ) {
	return new Promise( ( resolve ) => {
		const socket = net.connect( port, '127.0.0.1' );
		socket.once( 'connect', () => {
			socket.destroy();
			resolve( true );
		} );
		socket.once( 'error', () => resolve( false ) );
	} );
}
