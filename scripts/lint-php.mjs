// PHP lint: `php -l` over every PHP file we own, then phpcs with the project ruleset.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, run } from './lib/system.mjs';

const SKIP = new Set( [
	'node_modules',
	'build',
	'.cache',
	'.git',
	'test-results',
	'playwright-report',
] );

function phpFiles( dir ) {
	return readdirSync( dir, { withFileTypes: true } ).flatMap( ( entry ) => {
		if ( SKIP.has( entry.name ) ) {
			return [];
		}
		const full = path.join( dir, entry.name );
		if ( entry.isDirectory() ) {
			return phpFiles( full );
		}
		return entry.name.endsWith( '.php' ) ? [ full ] : [];
	} );
}

const files = phpFiles( REPO_ROOT );
let failures = 0;
for ( const file of files ) {
	try {
		run( 'php', [ '-l', file ] );
	} catch ( error ) {
		failures++;
		console.error( error.message );
	}
}
console.log(
	`php -l: ${ files.length } files, ${ failures } with syntax errors`
);
try {
	console.log(
		// Warnings (line length) fail too, whatever the machine's phpcs config says.
		run(
			'phpcs',
			[
				'-q',
				'--standard=phpcs.xml.dist',
				'--report=full',
				'--runtime-set',
				'ignore_warnings_on_exit',
				'0',
			],
			{ cwd: REPO_ROOT }
		) || 'phpcs: clean'
	);
} catch ( error ) {
	failures++;
	console.error( error.message );
}
process.exitCode = failures ? 1 : 0;
