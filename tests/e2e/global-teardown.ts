/**
 * Stops the server global-setup started (by its process id).
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';

export default function globalTeardown(): void {
	const port = new URL( process.env.WP_BASE_URL as string ).port;
	execFileSync( 'node', [ 'scripts/env.mjs', 'unserve', `e2e-${ port }` ], {
		cwd: path.resolve( __dirname, '../..' ),
		stdio: 'inherit',
	} );
}
