// WordPress core from Debian's `wordpress` package, unpacked into a self-contained
// directory that sites are copied from.
import {
	cpSync,
	existsSync,
	lstatSync,
	mkdirSync,
	readdirSync,
	readFileSync,
	readlinkSync,
	renameSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { CACHE_DIR, isAlive, log, rel, run } from './system.mjs';

const SUITES = { 6.8: 'trixie', 7.1: 'sid' };
const CORE_IN_PACKAGE = 'usr/share/wordpress';
const MARKER = '.aftercare-core';

/**
 * Makes a WordPress core directory ready, building it on first use.
 *
 * @param {'6.8'|'7.1'} version WordPress branch.
 * @return {string} The core directory.
 */
export function ensureCore( version ) {
	const suite = SUITES[ version ];
	if ( ! suite ) {
		throw new Error(
			`Unknown WordPress core "${ version }" (known: ${ Object.keys( SUITES ).join( ', ' ) })`
		);
	}
	const dir = path.join( CACHE_DIR, 'wordpress', version );
	const marker = path.join( dir, MARKER );
	if ( existsSync( marker ) ) {
		log(
			`WordPress ${ readFileSync( marker, 'utf8' ).trim() } ready in ${ rel( dir ) } (cached)`
		);
		return dir;
	}

	const started = Date.now();
	const parent = path.join( CACHE_DIR, 'wordpress' );
	mkdirSync( parent, { recursive: true } );
	// Builds are per process; those of processes that died are leftovers.
	for ( const entry of readdirSync( parent ) ) {
		const pid = entry.match( /^\.build-.+-(\d+)$/ )?.[ 1 ];
		if ( pid && ! isAlive( Number( pid ) ) ) {
			rmSync( path.join( parent, entry ), {
				recursive: true,
				force: true,
			} );
		}
	}
	const build = path.join( parent, `.build-${ version }-${ process.pid }` );
	const debs = path.join( build, 'debs' );
	const root = path.join( build, 'root' );
	mkdirSync( debs, { recursive: true } );
	mkdirSync( root, { recursive: true } );

	const apt = privateApt( suite );
	log( `Downloading WordPress ${ version } from Debian ${ suite }…` );
	apt.download( [ 'wordpress' ], debs );
	const wordpressDeb = path.join(
		debs,
		readdirSync( debs ).find( ( f ) => f.startsWith( 'wordpress_' ) )
	);
	// The package's files symlink into the packages it depends on by name (libjs-*,
	// php-getid3, …); alternatives ("apache2 | httpd") are runtime choices, never
	// file providers. The default theme is only recommended.
	const companions = [
		...dependencyNames( wordpressDeb, 'Depends' )
			.filter( ( d ) => ! d.alternatives )
			.map( ( d ) => d.name ),
		...dependencyNames( wordpressDeb, 'Recommends' )
			.map( ( d ) => d.name )
			.filter( ( name ) => name.startsWith( 'wordpress-theme-' ) ),
	];
	apt.download( [ ...new Set( companions ) ], debs );
	for ( const deb of readdirSync( debs ) ) {
		run( 'dpkg', [ '-x', path.join( debs, deb ), root ] );
	}

	const core = path.join( root, CORE_IN_PACKAGE );
	// Debian's wp-config.php reads /etc/wordpress/config-<host>.php, and .htaccess
	// points into /etc: each site writes its own wp-config.php and php -S needs no .htaccess.
	rmSync( path.join( core, 'wp-config.php' ) );
	rmSync( path.join( core, '.htaccess' ) );
	dereferenceSymlinks( root, core );
	mkdirSync( path.join( core, 'wp-content', 'uploads' ), {
		recursive: true,
	} );

	const wpVersion = readWordPressVersion( core );
	if ( wpVersion !== version && ! wpVersion.startsWith( `${ version }.` ) ) {
		throw new Error(
			`Debian ${ suite } ships WordPress ${ wpVersion }, expected ${ version }.x`
		);
	}
	// The rename publishes the finished directory, marker included, at once; a
	// directory without a marker is what an interrupted build left.
	writeFileSync( path.join( core, MARKER ), `${ wpVersion }\n` );
	if ( ! existsSync( marker ) ) {
		rmSync( dir, { recursive: true, force: true } );
		renameSync( core, dir );
	}
	rmSync( build, { recursive: true, force: true } );
	log(
		`WordPress ${ wpVersion } ready in ${ rel( dir ) } (${ ( ( Date.now() - started ) / 1000 ).toFixed( 1 ) }s)`
	);
	return dir;
}

export function readWordPressVersion( coreDir ) {
	const source = readFileSync(
		path.join( coreDir, 'wp-includes', 'version.php' ),
		'utf8'
	);
	const match = source.match( /^\$wp_version\s*=\s*'([^']+)'/m );
	if ( ! match ) {
		throw new Error(
			`No $wp_version in ${ coreDir }/wp-includes/version.php`
		);
	}
	return match[ 1 ];
}

/**
 * apt-get with its own sources, lists and cache under .cache/apt/<suite>, so the
 * machine's apt configuration and installed packages are left alone.
 *
 * Trust: Release files are checked against the machine's
 * /usr/share/keyrings/debian-archive-keyring.gpg. On bookworm that keyring already
 * holds the trixie archive signing keys, and both trixie and sid are signed with
 * them, so no extra key material is needed. Should a future key rotation leave a
 * machine's keyring behind, `apt-get update` fails with NO_PUBKEY and the fix is a
 * newer debian-archive-keyring from the machine's own (stable-updates) archive;
 * fetching keys from the suite itself would trust unverified data.
 *
 * @param {string} suite Debian suite.
 * @return {{download: function(string[], string): void}} Downloads packages into a directory.
 */
function privateApt( suite ) {
	const state = path.join( CACHE_DIR, 'apt', suite );
	for ( const sub of [
		'lists/partial',
		'archives/partial',
		'sources.list.d',
		'preferences.d',
	] ) {
		mkdirSync( path.join( state, sub ), { recursive: true } );
	}
	writeFileSync( path.join( state, 'status' ), '' );
	writeFileSync(
		path.join( state, 'sources.list' ),
		`deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] ${ debianMirror() } ${ suite } main\n`
	);
	const options = {
		'Dir::State': state,
		'Dir::State::status': path.join( state, 'status' ),
		'Dir::Cache': state,
		'Dir::Etc::SourceList': path.join( state, 'sources.list' ),
		'Dir::Etc::SourceParts': path.join( state, 'sources.list.d' ),
		'Dir::Etc::Preferences': path.join( state, 'preferences' ),
		'Dir::Etc::PreferencesParts': path.join( state, 'preferences.d' ),
		'Acquire::Languages': 'none',
		// Downloads land in directories the unprivileged _apt user cannot write to.
		'APT::Sandbox::User': 'root',
	};
	const args = Object.entries( options ).flatMap( ( [ key, value ] ) => [
		'-o',
		`${ key }=${ value }`,
	] );
	run( 'apt-get', [ ...args, '-q', 'update' ] );
	return {
		download( packages, into ) {
			run( 'apt-get', [ ...args, '-q', 'download', ...packages ], {
				cwd: into,
			} );
		},
	};
}

/** The Debian mirror the machine's own apt sources use. */
function debianMirror() {
	const files = [ '/etc/apt/sources.list' ];
	const partsDir = '/etc/apt/sources.list.d';
	if ( existsSync( partsDir ) ) {
		files.push(
			...readdirSync( partsDir )
				.filter( ( f ) => /\.(list|sources)$/.test( f ) )
				.map( ( f ) => path.join( partsDir, f ) )
		);
	}
	const uris = [];
	for ( const file of files.filter( ( f ) => existsSync( f ) ) ) {
		const text = readFileSync( file, 'utf8' );
		if ( file.endsWith( '.sources' ) ) {
			for ( const stanza of text.split( /\n\s*\n/ ) ) {
				if (
					/^Enabled:\s*no/im.test( stanza ) ||
					! /^Types:.*\bdeb\b/im.test( stanza )
				) {
					continue;
				}
				uris.push(
					...( stanza
						.match( /^URIs:\s*(.+)$/im )?.[ 1 ]
						.split( /\s+/ ) ?? [] )
				);
			}
		} else {
			for ( const line of text.split( '\n' ) ) {
				const match = line.match( /^\s*deb\s+(?:\[[^\]]*\]\s+)?(\S+)/ );
				if ( match ) {
					uris.push( match[ 1 ] );
				}
			}
		}
	}
	const mirror = uris.find( ( uri ) =>
		/^https?:\/\/.*\/debian\/?$/.test( uri )
	);
	return ( mirror ?? 'http://deb.debian.org/debian' ).replace( /\/$/, '' );
}

/**
 * Reads a dependency field of a .deb.
 *
 * @param {string} deb   Package file.
 * @param {string} field Depends, Recommends, …
 * @return {{name: string, alternatives: boolean}[]} Each entry's first package, and whether it has alternatives.
 */
function dependencyNames( deb, field ) {
	const value = run( 'dpkg-deb', [ '--field', deb, field ] ).trim();
	if ( ! value ) {
		return [];
	}
	return value.split( ',' ).map( ( entry ) => {
		const options = entry
			.split( '|' )
			.map( ( option ) => option.trim().split( /[\s(:]/ )[ 0 ] );
		return { name: options[ 0 ], alternatives: options.length > 1 };
	} );
}

/**
 * Replaces every symlink under `dir` by a real copy of what it points to, resolving
 * absolute and relative targets inside the unpacked `root`. Files in /etc that no
 * package ships, like the CA bundle ca-certificates generates at install time, are
 * taken from this machine.
 *
 * @param {string} root Where the packages were unpacked.
 * @param {string} dir  Directory inside `root`.
 */
function dereferenceSymlinks( root, dir ) {
	for ( const entry of readdirSync( dir, { withFileTypes: true } ) ) {
		const full = path.join( dir, entry.name );
		if ( entry.isSymbolicLink() ) {
			const target =
				resolveInRoot( root, `/${ path.relative( root, full ) }` ) ??
				hostFallback( root, full );
			rmSync( full );
			cpSync( target, full, { recursive: true, dereference: true } );
		} else if ( entry.isDirectory() ) {
			dereferenceSymlinks( root, full );
		}
	}
}

/**
 * Resolves a path as it would be once the packages are installed, within `root`.
 *
 * @param {string} root       Where the packages were unpacked.
 * @param {string} systemPath Absolute path on the installed system.
 * @param {number} [hops]     Symlinks followed so far.
 * @return {string|null} The file in `root`, or null when absent.
 */
function resolveInRoot( root, systemPath, hops = 0 ) {
	if ( hops > 40 ) {
		throw new Error( `Symlink loop at ${ systemPath }` );
	}
	const parts = systemPath.split( '/' ).filter( Boolean );
	let current = '/';
	for ( const [ index, part ] of parts.entries() ) {
		const next = path.posix.join( current, part );
		const stat = lstatSync( path.join( root, next ), {
			throwIfNoEntry: false,
		} );
		if ( ! stat ) {
			return null;
		}
		if ( stat.isSymbolicLink() ) {
			const link = readlinkSync( path.join( root, next ) );
			const target = link.startsWith( '/' )
				? link
				: path.posix.join( current, link );
			return resolveInRoot(
				root,
				path.posix.join( target, ...parts.slice( index + 1 ) ),
				hops + 1
			);
		}
		current = next;
	}
	return path.join( root, current );
}

function hostFallback( root, link ) {
	const target = readlinkSync( link );
	if ( ! target.startsWith( '/etc/' ) || ! existsSync( target ) ) {
		throw new Error(
			`${ rel( link ) } points to ${ target }, which neither the downloaded packages nor this machine's /etc provide`
		);
	}
	return target;
}
