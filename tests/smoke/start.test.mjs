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

let adminSession;

/**
 * GETs an Aftercare route as the admin (one login: each login writes the user's session list,
 * so parallel logins would lose each other's sessions).
 *
 * @param {string} route Path under /wp-json/aftercare/v1.
 */
async function asAdmin( route ) {
	adminSession ??= login().then( async ( cookie ) => ( {
		cookie,
		nonce: await (
			await fetch(
				`${ BASE }/wp-admin/admin-ajax.php?action=rest-nonce`,
				{
					headers: { Cookie: cookie },
				}
			)
		).text(),
	} ) );
	const { cookie, nonce } = await adminSession;
	const response = await fetch( `${ BASE }/wp-json/aftercare/v1${ route }`, {
		headers: { Cookie: cookie, 'X-WP-Nonce': nonce },
	} );
	assert.equal( response.status, 200, route );
	return response.json();
}

const kinds = ( items, field ) => [ ...new Set( items.map( field ) ) ].sort();

test( 'the demo desk has tickets in every view, status, priority, channel and SLA state', async () => {
	const counts = await asAdmin( '/tickets/counts' );
	for ( const view of [
		'mine',
		'unassigned',
		'awaiting',
		'open',
		'solved',
	] ) {
		assert.ok( counts[ view ] > 0, `the ${ view } view has tickets` );
	}
	const tickets = await asAdmin(
		'/tickets?view=all&per_page=100&context=edit'
	);
	assert.ok( tickets.length >= 40, `${ tickets.length } tickets` );
	assert.deepEqual(
		kinds( tickets, ( t ) => t.status ),
		[ 'closed', 'new', 'on_hold', 'open', 'pending', 'solved' ]
	);
	assert.deepEqual(
		kinds( tickets, ( t ) => t.priority ),
		[ 'high', 'low', 'normal', 'urgent' ]
	);
	assert.deepEqual(
		kinds( tickets, ( t ) => t.channel ),
		[ 'admin', 'email', 'phone', 'web' ]
	);
	for ( const state of [ 'ok', 'warning', 'breached', 'paused', 'met' ] ) {
		assert.ok(
			tickets.some( ( t ) => t.sla?.state === state ),
			`a ticket whose SLA is ${ state }`
		);
	}
	assert.ok(
		tickets.some( ( t ) => t.tags.length > 0 ),
		'tagged tickets'
	);
	assert.ok(
		tickets.some( ( t ) => t.assignee_id > 0 ),
		'assigned tickets'
	);

	const messages = [];
	for ( const ticket of tickets ) {
		messages.push(
			...( await asAdmin( `/tickets/${ ticket.id }/messages` ) )
		);
	}
	assert.ok(
		messages.some( ( m ) => m.type === 'note' ),
		'internal notes'
	);
	assert.ok(
		messages.some( ( m ) => m.attachments?.length > 0 ),
		'an attachment'
	);
} );

test( 'the demo has a return in every status and a month of help-center use', async () => {
	const returns = await asAdmin( '/returns?per_page=100' );
	assert.deepEqual(
		kinds( returns, ( r ) => r.status ),
		[
			'approved',
			'awaiting_items',
			'closed',
			'credited',
			'exchanged',
			'received',
			'refunded',
			'rejected',
			'requested',
		]
	);
	const { totals } = await asAdmin( '/help/reports?days=30' );
	for ( const total of [ 'searches', 'zero', 'clicks', 'helpful' ] ) {
		assert.ok( totals[ total ] > 0, `help reports count ${ total }` );
	}
} );

test( 'every block has a demo page in the navigation', async () => {
	const home = await ( await fetch( `${ BASE }/` ) ).text();
	for ( const [ slug, block ] of [
		[ 'contact-us', 'contact' ],
		[ 'order-status', 'order-status' ],
		[ 'returns', 'returns' ],
		[ 'help', 'help-center' ],
	] ) {
		assert.match( home, new RegExp( `href="${ BASE }/${ slug }/"` ) );
		const page = await fetch( `${ BASE }/${ slug }/` );
		assert.equal( page.status, 200, slug );
		assert.match(
			await page.text(),
			new RegExp( `wp-block-aftercare-${ block }` )
		);
	}
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
