// Machine-level helpers: repository paths, running commands, and installing the
// Debian packages the local environment needs.
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(
	path.dirname( fileURLToPath( import.meta.url ) ),
	'../..'
);
export const CACHE_DIR = path.join( REPO_ROOT, '.cache' );

export function log( ...parts ) {
	process.stderr.write( `${ parts.join( ' ' ) }\n` );
}

export function sleep( ms ) {
	return new Promise( ( resolve ) => setTimeout( resolve, ms ) );
}

/**
 * Whether a process runs; a zombie (exited, not yet reaped) does not.
 *
 * @param {number} pid Process id.
 * @return {boolean} Whether it runs.
 */
export function isAlive( pid ) {
	let stat;
	try {
		stat = readFileSync( `/proc/${ pid }/stat`, 'utf8' );
	} catch {
		return false;
	}
	return stat[ stat.lastIndexOf( ')' ) + 2 ] !== 'Z';
}

/**
 * Path relative to the repository, for messages.
 *
 * @param {string} p Absolute path.
 * @return {string} The path from the repository root.
 */
export function rel( p ) {
	return path.relative( REPO_ROOT, p ) || '.';
}

/**
 * Runs a command to completion; throws with the tail of its output when it fails.
 *
 * @param {string}       cmd             Command.
 * @param {string[]}     [args]          Arguments.
 * @param {Object}       [options]
 * @param {string}       [options.cwd]   Working directory.
 * @param {Object}       [options.env]   Variables added to the environment.
 * @param {string}       [options.input] Standard input.
 * @param {string|Array} [options.stdio] Where output goes (spawnSync's stdio); captured by default.
 * @return {string} Its standard output, when captured.
 */
export function run(
	cmd,
	args = [],
	{ cwd, env, input, stdio = 'pipe' } = {}
) {
	const result = spawnSync( cmd, args, {
		cwd,
		env: env ? { ...process.env, ...env } : process.env,
		input,
		stdio: input === undefined ? stdio : [ 'pipe', stdio, stdio ],
		encoding: 'utf8',
		maxBuffer: 256 * 1024 * 1024,
	} );
	if ( result.error ) {
		throw new Error( `${ cmd }: ${ result.error.message }` );
	}
	if ( result.status !== 0 ) {
		const output = `${ result.stdout ?? '' }${ result.stderr ?? '' }`
			.trim()
			.split( '\n' )
			.slice( -40 )
			.join( '\n' );
		const how = result.signal
			? `signal ${ result.signal }`
			: `exit ${ result.status }`;
		throw new Error(
			`${ cmd } ${ args.join( ' ' ) } failed (${ how })${ output ? `\n${ output }` : '' }`
		);
	}
	return result.stdout ?? '';
}

/**
 * Starts a command whose output goes to this process's stderr, so it can run while
 * this process is busy with synchronous work (nothing is piped through its event loop).
 *
 * @param {string}   cmd           Command.
 * @param {string[]} [args]        Arguments.
 * @param {Object}   [options]
 * @param {string}   [options.cwd] Working directory.
 * @return {Promise<void>} Settles when it exits; rejects unless it exits with 0.
 */
export function runInBackground( cmd, args = [], { cwd } = {} ) {
	return new Promise( ( resolve, reject ) => {
		const child = spawn( cmd, args, { cwd, stdio: [ 'ignore', 2, 2 ] } );
		child.on( 'error', reject );
		child.on( 'exit', ( code, signal ) =>
			code === 0
				? resolve()
				: reject(
						new Error(
							`${ cmd } ${ args.join( ' ' ) } failed (${ signal ?? `exit ${ code }` })`
						)
					)
		);
	} );
}

// sbin directories are searched too: mariadbd lives there and is not on a normal user's PATH.
const SEARCH_PATH = [
	...( process.env.PATH ?? '' ).split( ':' ).filter( Boolean ),
	'/usr/local/sbin',
	'/usr/sbin',
	'/sbin',
];

/**
 * Finds an executable.
 *
 * @param {string} command Command name.
 * @return {string|null} Its absolute path, or null.
 */
export function which( command ) {
	for ( const dir of SEARCH_PATH ) {
		const candidate = path.join( dir, command );
		try {
			accessSync( candidate, constants.X_OK );
			return candidate;
		} catch {
			// Not in this directory.
		}
	}
	return null;
}

// What each need requires: commands that must exist, PHP extensions that must be
// loaded, each mapped to the Debian package that provides it.
const NEEDS = {
	php: {
		commands: { php: 'php-cli' },
		extensions: {
			mysqli: 'php-mysql',
			sqlite3: 'php-sqlite3',
			pdo_sqlite: 'php-sqlite3',
			xml: 'php-xml',
			dom: 'php-xml',
			mbstring: 'php-mbstring',
			curl: 'php-curl',
			gd: 'php-gd',
			intl: 'php-intl',
			zip: 'php-zip',
			bcmath: 'php-bcmath',
		},
	},
	mariadb: {
		commands: {
			mariadbd: 'mariadb-server',
			'mariadb-install-db': 'mariadb-server',
			mariadb: 'mariadb-client',
		},
	},
	phpunit: { commands: { phpunit: 'phpunit' } },
	phpcs: { commands: { phpcs: 'php-codesniffer' } },
	chromium: { commands: { chromium: 'chromium' } },
	// The mailbox-polling tests' IMAP server (dovecot-imapd pulls in dovecot-core).
	dovecot: { commands: { dovecot: 'dovecot-imapd', openssl: 'openssl' } },
};

function missingPackages( needs ) {
	const missing = new Set();
	for ( const need of needs ) {
		const spec = NEEDS[ need ];
		if ( ! spec ) {
			throw new Error(
				`ensureSystem: unknown need "${ need }" (known: ${ Object.keys( NEEDS ).join( ', ' ) })`
			);
		}
		for ( const [ command, pkg ] of Object.entries( spec.commands ) ) {
			if ( ! which( command ) ) {
				missing.add( pkg );
			}
		}
		if ( spec.extensions ) {
			const loaded = which( 'php' ) ? phpExtensions() : new Set();
			for ( const [ extension, pkg ] of Object.entries(
				spec.extensions
			) ) {
				if ( ! loaded.has( extension ) ) {
					missing.add( pkg );
				}
			}
		}
	}
	return [ ...missing ].sort();
}

function phpExtensions() {
	const out = run( 'php', [
		'-r',
		'echo implode("\\n", get_loaded_extensions());',
	] );
	return new Set(
		out.split( '\n' ).map( ( name ) => name.trim().toLowerCase() )
	);
}

let aptUpdated = false;

/**
 * Makes sure tools are installed, installing the missing Debian packages when
 * root; otherwise throws naming them.
 *
 * @param {Array<'php'|'mariadb'|'phpunit'|'phpcs'|'chromium'|'dovecot'>} needs What is needed.
 */
export function ensureSystem( needs ) {
	const missing = missingPackages( needs );
	if ( missing.length === 0 ) {
		return;
	}

	const command = `apt-get install -y --no-install-recommends ${ missing.join( ' ' ) }`;
	if ( process.getuid?.() !== 0 ) {
		throw new Error(
			`Missing Debian packages: ${ missing.join( ', ' ) }.\nInstall them with: sudo ${ command }`
		);
	}
	log( `Installing Debian packages: ${ missing.join( ' ' ) }` );
	const env = { DEBIAN_FRONTEND: 'noninteractive' };
	if ( ! aptUpdated ) {
		run( 'apt-get', [ 'update', '-q' ], { env } );
		aptUpdated = true;
	}
	run(
		'apt-get',
		[ 'install', '-y', '-q', '--no-install-recommends', ...missing ],
		{ env }
	);

	const stillMissing = missingPackages( needs );
	if ( stillMissing.length > 0 ) {
		throw new Error(
			`Still missing after apt-get install: ${ stillMissing.join( ', ' ) }`
		);
	}
}
