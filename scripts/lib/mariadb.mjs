// A private MariaDB server on .cache/mariadb, never the machine's service.
import { spawn } from 'node:child_process';
import {
	closeSync,
	existsSync,
	mkdirSync,
	openSync,
	readFileSync,
	rmSync,
	statSync,
} from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import {
	CACHE_DIR,
	ensureSystem,
	isAlive,
	log,
	rel,
	run,
	sleep,
	which,
} from './system.mjs';

const DIR = path.join( CACHE_DIR, 'mariadb' );
const DATADIR = path.join( DIR, 'data' );
const SOCKET = path.join( DIR, 'mysqld.sock' );
const PID_FILE = path.join( DIR, 'mysqld.pid' );
const LOG_FILE = path.join( DIR, 'mysqld.log' );

// Socket only, no TCP port: two clones of the project (a developer's and CI's) can each run
// their own server on one machine.
function connection() {
	return { socket: SOCKET, user: 'root', password: '' };
}

/**
 * Starts the server unless it already runs.
 *
 * @return {Promise<{socket: string, user: string, password: string, started: boolean}>} How to connect to it, and whether this call started it.
 */
export async function startMariaDB() {
	mkdirSync( DIR, { recursive: true } );
	const lock = path.join( DIR, 'start.lock' );
	// Parallel callers (test runners) must not both clean up and start a server.
	for (;;) {
		try {
			mkdirSync( lock );
			break;
		} catch ( error ) {
			if ( error.code !== 'EEXIST' ) {
				throw error;
			}
			if (
				Date.now() -
					statSync( lock, { throwIfNoEntry: false } )?.mtimeMs >
				120_000
			) {
				rmSync( lock, { recursive: true, force: true } );
			}
			await sleep( 50 );
		}
	}
	try {
		return await startUnlocked();
	} finally {
		rmSync( lock, { recursive: true, force: true } );
	}
}

async function startUnlocked() {
	const running = runningServer();
	if ( running && ( await acceptsConnections() ) ) {
		return { ...connection(), started: false };
	}
	if ( running ) {
		await stopPid( running.pid );
	}
	const info = connection();

	ensureSystem( [ 'mariadb' ] );
	// A unix socket path is limited to 107 bytes.
	if ( Buffer.byteLength( SOCKET ) > 107 ) {
		throw new Error(
			`Socket path too long for MariaDB (${ SOCKET }); move the repository to a shorter path`
		);
	}
	rmSync( SOCKET, { force: true } );
	rmSync( PID_FILE, { force: true } );
	if ( ! existsSync( path.join( DATADIR, 'mysql' ) ) ) {
		log( `Initializing MariaDB data directory ${ rel( DATADIR ) }` );
		rmSync( DATADIR, { recursive: true, force: true } );
		run( 'mariadb-install-db', [
			'--no-defaults',
			`--datadir=${ DATADIR }`,
			'--user=root',
			'--auth-root-authentication-method=normal',
			'--skip-test-db',
			'--skip-name-resolve',
		] );
	}

	const started = Date.now();
	const logFd = openSync( LOG_FILE, 'a' );
	const server = spawn(
		which( 'mariadbd' ),
		[
			'--no-defaults',
			`--datadir=${ DATADIR }`,
			`--socket=${ SOCKET }`,
			`--pid-file=${ PID_FILE }`,
			`--log-error=${ LOG_FILE }`,
			'--skip-networking',
			'--user=root',
			'--skip-name-resolve',
			'--character-set-server=utf8mb4',
			'--collation-server=utf8mb4_unicode_ci',
			'--max-connections=500',
			'--innodb-buffer-pool-size=256M',
			// Throwaway development data: trade crash durability for speed.
			'--innodb-flush-log-at-trx-commit=0',
			'--innodb-doublewrite=0',
			'--sync-binlog=0',
		],
		{ detached: true, stdio: [ 'ignore', logFd, logFd ] }
	);
	closeSync( logFd );
	server.unref();
	let exited = false;
	server.on( 'exit', () => {
		exited = true;
	} );

	while ( ! ( await acceptsConnections() ) ) {
		if ( exited || Date.now() - started > 60_000 ) {
			const tail = readFileSync( LOG_FILE, 'utf8' )
				.trim()
				.split( '\n' )
				.slice( -15 )
				.join( '\n' );
			throw new Error(
				`MariaDB did not start (${ exited ? 'it exited' : 'timed out' }); ${ rel( LOG_FILE ) }:\n${ tail }`
			);
		}
		await sleep( 50 );
	}
	log( `MariaDB ready on ${ rel( SOCKET ) } (${ Date.now() - started }ms)` );
	return { ...info, started: true };
}

/**
 * Drops and creates a database, starting the server when needed.
 *
 * @param {string} name Database name (letters, digits, _).
 */
export async function createDatabase( name ) {
	if ( ! /^\w+$/.test( name ) ) {
		throw new Error( `Invalid database name "${ name }"` );
	}
	await startMariaDB();
	query(
		`DROP DATABASE IF EXISTS \`${ name }\`; CREATE DATABASE \`${ name }\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;`
	);
}

/**
 * Runs SQL through the mariadb client as root on the private server.
 *
 * @param {string} sql Statements.
 * @return {string} Their tab-separated output.
 */
export function query( sql ) {
	return run(
		'mariadb',
		[
			'--no-defaults',
			`--socket=${ SOCKET }`,
			'--user=root',
			'--batch',
			'--skip-column-names',
		],
		{ input: sql }
	);
}

export async function stopMariaDB() {
	const running = runningServer();
	if ( running ) {
		await stopPid( running.pid );
		log( 'MariaDB stopped' );
	}
	rmSync( SOCKET, { force: true } );
	rmSync( PID_FILE, { force: true } );
}

/**
 * The process in the pid file, if it is our mariadbd (pids get reused).
 *
 * @return {{pid: number}|null} Its process.
 */
function runningServer() {
	if ( ! existsSync( PID_FILE ) ) {
		return null;
	}
	const pid = Number( readFileSync( PID_FILE, 'utf8' ).trim() );
	try {
		const args = readFileSync( `/proc/${ pid }/cmdline`, 'utf8' ).split(
			'\0'
		);
		return args.includes( `--datadir=${ DATADIR }` ) ? { pid } : null;
	} catch {
		return null;
	}
}

async function stopPid( pid ) {
	process.kill( pid, 'SIGTERM' );
	for ( let waited = 0; isAlive( pid ); waited += 50 ) {
		if ( waited === 30_000 ) {
			process.kill( pid, 'SIGKILL' );
		}
		await sleep( 50 );
	}
}

function acceptsConnections() {
	return new Promise( ( resolve ) => {
		// The server greets every new client with a handshake packet.
		const socket = net.connect( SOCKET );
		socket.setTimeout( 2000, () => {
			socket.destroy();
			resolve( false );
		} );
		socket.once( 'data', () => {
			socket.destroy();
			resolve( true );
		} );
		socket.once( 'error', () => resolve( false ) );
	} );
}
