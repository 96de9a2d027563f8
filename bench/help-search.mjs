// Help-center search beside WordPress's own `?s=` search on 10,000 articles:
//
//   node bench/help-search.mjs [--db mariadb|sqlite] [--articles 10000] [--rounds 10] [--fresh]
//
// Makes (once) a WordPress 7.1 site with Aftercare, seeds it with generated store articles, then
// runs bench/help-search.php there, which prints p50/p95 of both and the ratio. The site is kept
// under .cache/sites/, so later runs only measure. Its port is AFTERCARE_TEST_PORT_BASE + 32
// (AFTERCARE_BENCH_PORT overrides it).
import path from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT, ensureSystem, run } from '../scripts/lib/system.mjs';
import { benchSite, withMariaDB } from './lib/bench.mjs';

const { values: options } = parseArgs( {
	options: {
		db: { type: 'string', default: 'mariadb' },
		articles: { type: 'string', default: '10000' },
		rounds: { type: 'string', default: '10' },
		fresh: { type: 'boolean', default: false },
	},
} );
if ( ! [ 'mariadb', 'sqlite' ].includes( options.db ) ) {
	process.stderr.write(
		'Usage: node bench/help-search.mjs [--db mariadb|sqlite]\n'
	);
	process.exit( 2 );
}
const port = Number(
	process.env.AFTERCARE_BENCH_PORT ??
		Number( process.env.AFTERCARE_TEST_PORT_BASE ?? 8900 ) + 32
);

// One process times everything (no HTTP), so the floor is measured inside help-search.php.
async function bench() {
	const site = await benchSite(
		`bench-help-${ options.db }-${ port }`,
		port,
		{
			db: options.db,
			reuse: ! options.fresh,
		}
	);
	run(
		'php',
		[
			'-d',
			'memory_limit=1G',
			path.join( REPO_ROOT, 'bench', 'help-search.php' ),
			site.dir,
			options.articles,
			options.rounds,
		],
		{ stdio: 'inherit' }
	);
}

if ( options.db === 'mariadb' ) {
	await withMariaDB( bench );
} else {
	ensureSystem( [ 'php' ] );
	await bench();
}
