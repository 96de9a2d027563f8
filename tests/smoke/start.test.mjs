// Boots exactly what `npm start` boots (native PHP on SQLite, demo content) and checks that
// Aftercare's REST namespace, admin page and a block page answer; then stops it with Ctrl-C.
import { spawn } from 'node:child_process';
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

const PORT = Number( process.env.AFTERCARE_SMOKE_PORT ?? 8921 );
const BASE = `http://127.0.0.1:${ PORT }`;
let server;
let output = '';

before( async () => {
	server = spawn(
		'node',
		[
			'scripts/start.mjs',
			'--port',
			String( PORT ),
			'--name',
			`smoke-${ PORT }`,
			'--fresh',
		],
		{ stdio: [ 'ignore', 'pipe', 'pipe' ] }
	);
	server.stdout.on( 'data', ( d ) => ( output += d ) );
	server.stderr.on( 'data', ( d ) => ( output += d ) );
	const deadline = Date.now() + 240_000;
	while ( ! output.includes( 'Press Ctrl-C to stop.' ) ) {
		assert.ok(
			server.exitCode === null,
			`npm start exited early:\n${ output }`
		);
		assert.ok(
			Date.now() < deadline,
			`npm start did not get ready:\n${ output }`
		);
		await new Promise( ( r ) => setTimeout( r, 200 ) );
	}
} );

after( async () => {
	if ( server?.exitCode === null ) {
		server.kill( 'SIGINT' );
		await new Promise( ( r ) => server.once( 'exit', r ) );
	}
} );

async function login() {
	const response = await fetch( `${ BASE }/wp-login.php`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			'Content-Type': 'application/x-www-form-urlencoded',
			Cookie: 'wordpress_test_cookie=WP%20Cookie%20check',
		},
		body: new URLSearchParams( {
			log: 'admin',
			pwd: 'password',
			testcookie: '1',
		} ),
	} );
	assert.equal( response.status, 302, 'login redirects' );
	return response.headers
		.getSetCookie()
		.map( ( c ) => c.split( ';' )[ 0 ] )
		.join( '; ' );
}

test( 'the REST namespace answers', async () => {
	const response = await fetch( `${ BASE }/wp-json/aftercare/v1` );
	assert.equal( response.status, 200 );
	const body = await response.json();
	assert.equal( body.namespace, 'aftercare/v1' );
	assert.ok( '/aftercare/v1/settings' in body.routes );
} );

test( 'the admin page mounts the app for the admin', async () => {
	const cookie = await login();
	const response = await fetch(
		`${ BASE }/wp-admin/admin.php?page=aftercare`,
		{ headers: { Cookie: cookie } }
	);
	assert.equal( response.status, 200 );
	const html = await response.text();
	assert.match( html, /id="aftercare-admin-app"/ );
	assert.match( html, /aftercare\/build\/admin\/index\.js/ );
} );

test( 'the demo contact page renders the block', async () => {
	const response = await fetch( `${ BASE }/contact-us/` );
	assert.equal( response.status, 200 );
	const html = await response.text();
	assert.match( html, /wp-block-aftercare-contact/ );
	assert.match( html, /<form/ );
} );

test( 'the demo order-status page looks a sample order up', async () => {
	const page = await fetch( `${ BASE }/order-status/` );
	assert.equal( page.status, 200 );
	assert.match( await page.text(), /wp-block-aftercare-order-status/ );

	const response = await fetch(
		`${ BASE }/wp-json/aftercare/v1/order-status`,
		{
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify( {
				number: '1001',
				email: 'guest@example.test',
			} ),
		}
	);
	assert.equal( response.status, 200 );
	assert.equal( ( await response.json() ).title, 'Order #1001' );
} );

test( 'Ctrl-C stops the server', async () => {
	server.kill( 'SIGINT' );
	const code = await new Promise( ( r ) => server.once( 'exit', r ) );
	assert.equal( code, 0 );
	await assert.rejects(
		fetch( `${ BASE }/wp-login.php` ),
		'nothing answers on the port any more'
	);
} );
