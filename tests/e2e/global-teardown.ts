/**
 * Stops the server global-setup started (by its process id).
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';

export default function globalTeardown(): void {
	execFileSync( 'node', [ 'scripts/env.mjs', 'unserve', 'e2e' ], {
		cwd: path.resolve( __dirname, '../..' ),
		stdio: 'inherit',
	} );
}
