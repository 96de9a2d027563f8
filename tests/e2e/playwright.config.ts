/**
 * End-to-end tests: Debian's Chromium against a real WordPress 7.1 on MariaDB, served by
 * `php -S` from the site that global-setup creates. With AFTERCARE_E2E_WOOCOMMERCE that site
 * has WooCommerce (HPOS on) and only the specs tagged @woocommerce run; without it, the others.
 */
import path from 'node:path';
import { defineConfig } from '@playwright/test';

const port = Number( process.env.AFTERCARE_E2E_PORT ?? 8920 );
process.env.WP_BASE_URL = `http://127.0.0.1:${ port }`;
// Everything of a run lives under its port, so runs on other ports never collide.
const runDir = path.resolve( __dirname, `../../.cache/e2e/${ port }` );
process.env.STORAGE_STATE_PATH = path.join( runDir, 'admin.json' );

export default defineConfig( {
	testDir: '.',
	testMatch: '**/*.spec.ts',
	...( process.env.AFTERCARE_E2E_WOOCOMMERCE
		? { grep: /@woocommerce/ }
		: { grepInvert: /@woocommerce/ } ),
	outputDir: path.join( runDir, 'results' ),
	globalSetup: require.resolve( './global-setup.ts' ),
	globalTeardown: require.resolve( './global-teardown.ts' ),
	fullyParallel: false,
	workers: 1,
	retries: 0,
	// Generous: opening the block editor alone takes 20 s and more on a busy 2-core machine.
	timeout: 120_000,
	expect: { timeout: 15_000 },
	forbidOnly: !! process.env.CI,
	reporter: [
		[ 'list' ],
		[
			'junit',
			{
				outputFile:
					process.env.PLAYWRIGHT_JUNIT_OUTPUT_NAME ??
					path.join( runDir, 'e2e.xml' ),
			},
		],
	],
	use: {
		baseURL: process.env.WP_BASE_URL,
		storageState: process.env.STORAGE_STATE_PATH,
		trace: 'retain-on-failure',
		screenshot: 'only-on-failure',
		launchOptions: {
			executablePath: '/usr/bin/chromium',
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-quic',
				'--no-first-run',
			],
		},
	},
} );
