// A private Dovecot IMAP server under .cache/dovecot/<port>/, never the machine's service: the
// mailbox-polling tests talk real IMAP (implicit TLS and STARTTLS) to it.
import { spawn } from 'node:child_process';
import {
	closeSync,
	existsSync,
	mkdirSync,
	openSync,
	readFileSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import net from 'node:net';
import os from 'node:os';
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

const USER = 'aftercare';
const PASSWORD = 'imap-test-password';

/**
 * Starts a Dovecot of its own on two ports: `port` speaks implicit TLS (993-style), `port + 1`
 * plain IMAP that offers STARTTLS. Its certificate is self-signed, made once.
 *
 * @param {number} port First of the two ports.
 * @return {Promise<{host: string, port: number, starttlsPort: number, user: string, password: string, stop: Function}>}
 *         How to reach it (tests deliver mail by IMAP APPEND), and how to stop it.
 */
export async function startDovecot( port ) {
	ensureSystem( [ 'dovecot' ] );
	const dir = path.join( CACHE_DIR, 'dovecot', String( port ) );
	const runDir = path.join( dir, 'run' );
	const maildir = path.join( dir, 'mail', USER );
	const logFile = path.join( dir, 'dovecot.log' );
	const config = path.join( dir, 'dovecot.conf' );
	const pidFile = path.join( runDir, 'master.pid' );
	await stop( pidFile );
	// Every run starts from empty mailboxes.
	rmSync( path.join( dir, 'mail' ), { recursive: true, force: true } );
	mkdirSync( maildir, { recursive: true } );
	mkdirSync( runDir, { recursive: true } );

	const cert = path.join( CACHE_DIR, 'dovecot', 'cert.pem' );
	const key = path.join( CACHE_DIR, 'dovecot', 'key.pem' );
	if ( ! existsSync( cert ) || ! existsSync( key ) ) {
		run( 'openssl', [
			'req',
			'-x509',
			'-newkey',
			'rsa:2048',
			'-nodes',
			'-days',
			'3650',
			'-subj',
			'/CN=localhost',
			'-keyout',
			key,
			'-out',
			cert,
		] );
	}

	// Mail is read and written as the current user. Dovecot refuses root for that and for its
	// login and internal processes, so under root it uses the users its package creates.
	const me = os.userInfo();
	const root = me.uid === 0;
	const id = ( flag ) => Number( run( 'id', [ flag, 'dovecot' ] ).trim() );
	const [ uid, gid ] = root ? [ id( '-u' ), id( '-g' ) ] : [ me.uid, me.gid ];
	if ( root ) {
		run( 'chown', [ '-R', `${ uid }:${ gid }`, path.join( dir, 'mail' ) ] );
	}
	const users = path.join( dir, 'users' );
	writeFileSync(
		users,
		`${ USER }:{PLAIN}${ PASSWORD }:${ uid }:${ gid }::${ maildir }::\n`
	);
	writeFileSync(
		config,
		`# Written by scripts/lib/dovecot.mjs for the tests; rewritten on every start.
base_dir = ${ runDir }
state_dir = ${ path.join( dir, 'state' ) }
instance_name = aftercare-${ port }
protocols = imap
listen = 127.0.0.1
log_path = ${ logFile }
default_internal_user = ${ root ? 'dovecot' : me.username }
default_login_user = ${ root ? 'dovenull' : me.username }
first_valid_uid = ${ uid }
last_valid_uid = ${ uid }
ssl = yes
ssl_cert = <${ cert }
ssl_key = <${ key }
auth_mechanisms = plain login
# The wrong-password test must not slow down (auth penalty) the logins after it.
auth_failure_delay = 0
login_trusted_networks = 127.0.0.0/8
passdb {
  driver = passwd-file
  args = ${ users }
}
userdb {
  driver = passwd-file
  args = ${ users }
}
mail_location = maildir:~
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${ port + 1 }
  }
  inet_listener imaps {
    address = 127.0.0.1
    port = ${ port }
    ssl = yes
  }
}
service stats {
  unix_listener stats-reader {
    user = ${ root ? 'dovecot' : me.username }
  }
  unix_listener stats-writer {
    user = ${ root ? 'dovecot' : me.username }
  }
}
`
	);
	mkdirSync( path.join( dir, 'state' ), { recursive: true } );

	const started = Date.now();
	const logFd = openSync( logFile, 'a' );
	const server = spawn( which( 'dovecot' ), [ '-F', '-c', config ], {
		detached: true,
		stdio: [ 'ignore', logFd, logFd ],
	} );
	closeSync( logFd );
	server.unref();
	let exited = false;
	server.on( 'exit', () => {
		exited = true;
	} );
	while ( ! ( await greets( port + 1 ) ) ) {
		if ( exited || Date.now() - started > 30_000 ) {
			const tail = readFileSync( logFile, 'utf8' )
				.trim()
				.split( '\n' )
				.slice( -15 )
				.join( '\n' );
			throw new Error(
				`Dovecot did not start (${ exited ? 'it exited' : 'timed out' }); ${ rel( logFile ) }:\n${ tail }`
			);
		}
		await sleep( 50 );
	}
	log( `Dovecot ready on 127.0.0.1:${ port } (${ Date.now() - started }ms)` );
	return {
		host: '127.0.0.1',
		port,
		starttlsPort: port + 1,
		user: USER,
		password: PASSWORD,
		stop: () => stop( pidFile ),
	};
}

// Stops the master in the pid file (left by this run or a crashed one); it stops its children.
async function stop( pidFile ) {
	if ( ! existsSync( pidFile ) ) {
		return;
	}
	const pid = Number( readFileSync( pidFile, 'utf8' ).trim() );
	let ours = false;
	try {
		// Pids get reused: only a dovecot started with this folder's config is ours.
		ours = readFileSync( `/proc/${ pid }/cmdline`, 'utf8' ).includes(
			path.dirname( path.dirname( pidFile ) )
		);
	} catch {
		// No such process.
	}
	if ( ours && isAlive( pid ) ) {
		process.kill( pid, 'SIGTERM' );
		for ( let waited = 0; isAlive( pid ); waited += 50 ) {
			if ( waited === 10_000 ) {
				process.kill( pid, 'SIGKILL' );
			}
			await sleep( 50 );
		}
	}
	rmSync( pidFile, { force: true } );
}

function greets( port ) {
	return new Promise( ( resolve ) => {
		const socket = net.connect( port, '127.0.0.1' );
		socket.setTimeout( 2000, () => {
			socket.destroy();
			resolve( false );
		} );
		socket.once( 'data', ( data ) => {
			socket.destroy();
			resolve( data.toString().startsWith( '* OK' ) );
		} );
		socket.once( 'error', () => resolve( false ) );
	} );
}
