#!/usr/bin/env node
// The local environment from the command line; see USAGE.
import { parseArgs } from 'node:util';
import { ensureCore } from './lib/core.mjs';
import { startMariaDB, stopMariaDB } from './lib/mariadb.mjs';
import {
	createSite,
	startServer,
	stopServer,
	stopServers,
} from './lib/site.mjs';
import { requireWooCommerce } from './lib/woocommerce.mjs';

const USAGE = `Usage: node scripts/env.mjs <command>

  core <6.8|7.1>                     download and unpack WordPress core
  db start|stop                      the private MariaDB server
  site <name> [--core 7.1] [--db mariadb|sqlite] [--port 8890]
              [--multisite] [--demo] [--woocommerce] [--mu-plugin <file>]...
                                     create (or recreate) a site with Aftercare active
  serve <name> [--port N]            serve a site with php -S
  unserve <name>                     stop that site's server
  stop                               stop every site server and MariaDB

Sites live in .cache/sites/<name>; log in as admin / password.
--woocommerce activates WooCommerce (WOOCOMMERCE_DIR, or the tarball in ../shared/vendor/).
Set AFTERCARE_PLUGIN_DIR to link another plugin directory as aftercare.`;

const { positionals, values } = parseArgs( {
	allowPositionals: true,
	options: {
		core: { type: 'string', default: '7.1' },
		db: { type: 'string', default: 'mariadb' },
		port: { type: 'string' },
		multisite: { type: 'boolean', default: false },
		demo: { type: 'boolean', default: false },
		woocommerce: { type: 'boolean', default: false },
		'mu-plugin': { type: 'string', multiple: true, default: [] },
		help: { type: 'boolean', short: 'h' },
	},
} );
const [ command, argument ] = positionals;
const port = values.port === undefined ? undefined : Number( values.port );

try {
	switch ( values.help ? 'help' : command ) {
		case 'core':
			ensureCore( argument );
			break;
		case 'db':
			if ( argument === 'start' ) {
				await startMariaDB();
			} else if ( argument === 'stop' ) {
				await stopMariaDB();
			} else {
				throw new Error( 'db start|stop' );
			}
			break;
		case 'site':
			await createSite( {
				name: argument,
				core: values.core,
				db:
					values.db === 'sqlite'
						? { type: 'sqlite' }
						: {
								type: values.db,
								name: `wp_${ argument?.replaceAll( '-', '_' ) }`,
							},
				port: port ?? 8890,
				multisite: values.multisite,
				muPlugins: values[ 'mu-plugin' ],
				demo: values.demo,
				woocommerce: values.woocommerce ? requireWooCommerce() : null,
			} );
			break;
		case 'serve':
			await startServer( argument, port );
			break;
		case 'unserve':
			await stopServer( argument );
			break;
		case 'stop':
			await stopServers();
			await stopMariaDB();
			break;
		default:
			console.log( USAGE );
			process.exitCode = values.help ? 0 : 1;
	}
} catch ( error ) {
	console.error( error.message );
	process.exitCode = 1;
}
