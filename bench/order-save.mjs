// What Aftercare adds to a WooCommerce order save while the store has priority rules (each save
// announces aftercare_order_changed, which checks the open tickets of the order), against the same
// save without Aftercare's listener, interleaved in one run (bench/order-save.php does the saves).
//
//     node bench/order-save.mjs [--rounds 60] [--tickets 5] [--history 50] [--amount 10]
//
// Needs WooCommerce (WOOCOMMERCE_DIR, or ../shared/vendor/). Builds its site anew each run.
// Port: AFTERCARE_TEST_PORT_BASE + 44 (default 8944).
import { parseArgs } from 'node:util';
import { ensureWooCommerce, NO_WOOCOMMERCE } from '../scripts/lib/woocommerce.mjs';
import { benchSite, phpJson, withMariaDB } from './lib/bench.mjs';

const { values: options } = parseArgs( {
	options: {
		rounds: { type: 'string', default: '60' },
		tickets: { type: 'string', default: '5' },
		history: { type: 'string', default: '50' },
		amount: { type: 'string', default: '10' },
	},
} );
const PORT = Number( process.env.AFTERCARE_TEST_PORT_BASE ?? 8900 ) + 44;

const wooCommerceDir = ensureWooCommerce();
if ( ! wooCommerceDir ) {
	console.error( NO_WOOCOMMERCE );
	process.exit( 1 );
}
const result = await withMariaDB( async () => {
	const site = await benchSite( `bench-order-save-${ PORT }`, PORT, {
		woocommerce: wooCommerceDir,
	} );
	return phpJson( 'order-save.php', [
		site.dir,
		options.rounds,
		options.tickets,
		options.history,
		options.amount,
	] );
} );

const ms = ( v ) => `${ v.toFixed( 1 ) } ms`;
const pct = ( v ) => `${ Math.round( v * 100 ) } %`;
console.log(
	`\nWooCommerce order save with ${ result.rules } priority rules (amounts over ${ result.amount }), ${ result.open_tickets } open tickets on the order, ${ result.orders } orders of the customer; ${ result.rounds } rounds, interleaved with the floor (the same save without Aftercare's listener)\n`
);
console.log(
	'| save | floor p50 | floor p95 | with Aftercare p50 | with Aftercare p95 | added p50 | added p95 | Aftercare\'s share p50 / p95 | queries floor / with |'
);
console.log( '|---|---|---|---|---|---|---|---|---|' );
for ( const kind of [ 'meta save', 'status change' ] ) {
	const row = result[ kind ];
	console.log(
		`| ${ kind } | ${ ms( row.floor_p50_ms ) } | ${ ms( row.floor_p95_ms ) } | ${ ms( row.aftercare_p50_ms ) } | ${ ms( row.aftercare_p95_ms ) } | ${ ms( row.added_p50_ms ) } | ${ ms( row.added_p95_ms ) } | ${ pct( row.share_p50 ) } / ${ pct( row.share_p95 ) } | ${ row.queries.floor } / ${ row.queries.aftercare } |`
	);
}
console.log( `\nRules fired on the tickets (each once): ${ result.rules_fired }` );
