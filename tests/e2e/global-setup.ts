/**
 * A fresh WordPress 7.1 on MariaDB with Aftercare active (and WooCommerce, with its test store,
 * for the @woocommerce specs), served for the run, and the admin's REST login saved for the
 * WordPress e2e fixtures.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { request } from '@playwright/test';
import { RequestUtils } from '@wordpress/e2e-test-utils-playwright';

const ROOT = path.resolve( __dirname, '../..' );

function env( ...args: string[] ): void {
	execFileSync( 'node', [ 'scripts/env.mjs', ...args ], {
		cwd: ROOT,
		stdio: 'inherit',
	} );
}

export default async function globalSetup(): Promise< void > {
	const port = new URL( process.env.WP_BASE_URL as string ).port;
	env(
		'site',
		`e2e-${ port }`,
		'--core',
		'7.1',
		'--db',
		'mariadb',
		'--port',
		port,
		// The order source of the test environment (tests/fixtures/orders/).
		'--mu-plugin',
		'tests/fixtures/mu-plugins/test-order-source.php',
		// Mail is kept instead of sent, for the specs that answer it (tests/e2e/mail/).
		'--mu-plugin',
		'tests/fixtures/mu-plugins/test-mail-capture.php',
		// Real orders paid through a gateway that refunds (tests/fixtures/mu-plugins/).
		...( process.env.AFTERCARE_E2E_WOOCOMMERCE
			? [
					'--woocommerce',
					'--mu-plugin',
					'tests/fixtures/mu-plugins/test-woocommerce.php',
				]
			: [] )
	);
	env( 'serve', `e2e-${ port }`, '--port', port );

	const requestContext = await request.newContext( {
		baseURL: process.env.WP_BASE_URL,
	} );
	const requestUtils = new RequestUtils( requestContext, {
		storageStatePath: process.env.STORAGE_STATE_PATH,
	} );
	await requestUtils.setupRest();
	await requestContext.dispose();
}
