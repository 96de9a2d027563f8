<?php
/**
 * Help-center search against WordPress's own search (`?s=`, WP_Query's LIKE over title, excerpt
 * and content), in one process, on the same articles:
 *
 *     php bench/help-search.php <siteDir> [articles=10000] [rounds=10]
 *
 * Seeds the site with generated store articles up to the count (kept for later runs), then
 * times each query through the REST route (`rest_do_request`, rate limiter included) and through
 * WP_Query with `s`, and prints p50/p95 of both and their ratio. bench/help-search.mjs makes the
 * site and runs this.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

require __DIR__ . '/lib/wordpress.php';
require aftercare_bench_wp_load( $argv, 1, 'bench/help-search.php <siteDir> [articles] [rounds]' );
require_once __DIR__ . '/../scripts/demo/help-center.php';

$aftercare_target = (int) ( $argv[2] ?? 10000 );
$aftercare_rounds = (int) ( $argv[3] ?? 10 );

/**
 * Adds generated articles until the site has $target: each one a demo article's text with a
 * varied title and a few hundred words from the store's vocabulary (deterministic).
 */
function aftercare_bench_seed( int $target ): void {
	global $wpdb;
	$have = (int) $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM {$wpdb->posts} WHERE post_type = %s AND post_status = 'publish'", 'aftercare_article' ) );
	if ( $have >= $target ) {
		return;
	}
	$bases = array();
	foreach ( aftercare_demo_help_articles() as $category ) {
		foreach ( $category['articles'] as $title => $sections ) {
			$bases[] = array( $title, $sections );
		}
	}
	$words = array_values(
		array_unique( str_word_count( strtolower( implode( ' ', array_merge( ...array_map( static fn( $b ) => array_values( $b[1] ), $bases ) ) ) ), 1 ) )
	);
	$topics = array(
		'jackets',
		'sneakers',
		'dresses',
		'knitwear',
		'denim',
		'accessories',
		'outlet',
		'kids',
		'wholesale',
		'loyalty',
		'stores',
		'click and collect',
		'preorders',
		'bundles',
		'subscriptions',
	);
	mt_srand( 42 );
	wp_defer_term_counting( true );
	$started = microtime( true );
	for ( $i = $have; $i < $target; $i++ ) {
		$title    = $bases[ $i % count( $bases ) ][0];
		$sections = $bases[ $i % count( $bases ) ][1];
		$content = '';
		foreach ( $sections as $heading => $paragraph ) {
			$content .= ( '' !== $heading ? "<!-- wp:heading --><h2>{$heading}</h2><!-- /wp:heading -->" : '' )
				. "<!-- wp:paragraph --><p>{$paragraph}</p><!-- /wp:paragraph -->";
		}
		$filler = array();
		for ( $w = 0; $w < 250; $w++ ) {
			// phpcs:ignore Generic.PHP.ForbiddenFunctions.FoundWithAlternative -- seeded: the same articles on every machine.
			$filler[] = $words[ mt_rand( 0, count( $words ) - 1 ) ];
		}
		$content .= '<!-- wp:paragraph --><p>' . implode( ' ', $filler ) . '</p><!-- /wp:paragraph -->';
		wp_insert_post(
			array(
				'post_type'    => 'aftercare_article',
				'post_status'  => 'publish',
				'post_title'   => $title . ' (' . $topics[ $i % count( $topics ) ] . ' ' . ( intdiv( $i, count( $bases ) ) + 1 ) . ')',
				'post_content' => $content,
				'post_author'  => 1,
			)
		);
		if ( 0 === ( $i + 1 ) % 1000 ) {
			fwrite( STDERR, sprintf( "  seeded %d articles (%.0fs)\n", $i + 1, microtime( true ) - $started ) );
		}
	}
	wp_defer_term_counting( false );
}

/**
 * @param float[] $samples Milliseconds.
 */
function aftercare_bench_percentile( array $samples, float $p ): float {
	sort( $samples );
	return $samples[ (int) min( count( $samples ) - 1, max( 0, ceil( $p * count( $samples ) ) - 1 ) ) ];
}

aftercare_bench_seed( $aftercare_target );
wp_cache_flush();
add_filter( 'aftercare_help_rate_limit', static fn(): int => PHP_INT_MAX );

$aftercare_queries = array(
	'refund',
	'how long does delivery take',
	'track my parcel',
	'forgot password',
	'cancel my order',
	'size chart',
	'discount code',
	'gift card balance',
	'wrong item received',
	'exchange for another size',
	'retrun item',
	'shiping cost',
	'paypal',
	'delete account',
	'washing wool',
	'invoice',
	'money back',
	'jeans run small',
	'international shipping',
	'newsletter',
);
$aftercare_engines = array(
	'aftercare/v1/help/search' => static function ( string $q ): int {
		$request = new WP_REST_Request( 'GET', '/aftercare/v1/help/search' );
		$request->set_query_params( array( 'q' => $q, 'limit' => 8 ) );
		return count( rest_do_request( $request )->get_data() );
	},
	'search service (no REST)'    => static function ( string $q ): int {
		global $wpdb;
		static $articles = null;
		if ( null === $articles ) {
			$clock     = new Aftercare\Infrastructure\SystemClock();
			$tokenizer = new Aftercare\HelpCenter\Tokenizer();
			$index     = new Aftercare\HelpCenter\SearchIndex( $wpdb, $tokenizer, $clock );
			$searcher  = new Aftercare\HelpCenter\Searcher(
				$wpdb,
				$index,
				$tokenizer,
				new Aftercare\HelpCenter\Synonyms( new Aftercare\Settings\Settings(), $tokenizer )
			);
			$articles  = new Aftercare\HelpCenter\Articles(
				$searcher,
				$tokenizer,
				new Aftercare\HelpCenter\SearchLog( $wpdb, $clock ),
				new Aftercare\HelpCenter\Visitors(),
				$clock
			);
		}
		return count( $articles->search( $q, 8 ) );
	},
	'floor: one primary-key read' => static function (): int {
		global $wpdb;
		return (int) (bool) $wpdb->get_var( $wpdb->prepare( "SELECT option_value FROM {$wpdb->options} WHERE option_name = %s", 'blogname' ) );
	},
	'WordPress ?s= (WP_Query)' => static function ( string $q ): int {
		$query = new WP_Query(
			array(
				's'              => $q,
				'post_type'      => 'aftercare_article',
				'post_status'    => 'publish',
				'posts_per_page' => 8,
			)
		);
		return count( $query->posts );
	},
);

global $wpdb;
$aftercare_results = array();
foreach ( $aftercare_engines as $name => $run ) {
	foreach ( $aftercare_queries as $q ) {
		$run( $q ); // Warm-up: opcode and buffer caches.
	}
	$samples = array();
	$found   = 0;
	for ( $r = 0; $r < $aftercare_rounds; $r++ ) {
		foreach ( $aftercare_queries as $q ) {
			// No object cache between searches: each one reads the database, as on a cold page.
			wp_cache_flush();
			$t         = hrtime( true );
			$found    += $run( $q ) > 0 ? 1 : 0;
			$samples[] = ( hrtime( true ) - $t ) / 1e6;
		}
	}
	$aftercare_results[ $name ] = array(
		'p50'   => aftercare_bench_percentile( $samples, 0.5 ),
		'p95'   => aftercare_bench_percentile( $samples, 0.95 ),
		'found' => $found / count( $samples ),
		'n'     => count( $samples ),
	);
}

$aftercare_articles = (int) $wpdb->get_var(
	$wpdb->prepare( "SELECT COUNT(*) FROM {$wpdb->posts} WHERE post_type = %s AND post_status = 'publish'", 'aftercare_article' )
);
$aftercare_db       = defined( 'DB_ENGINE' ) || class_exists( 'WP_SQLite_DB' ) ? 'SQLite' : 'MariaDB ' . $wpdb->db_version();
printf(
	"\nHelp-center search, %d articles, %s, PHP %s, %d searches each (%d queries × %d rounds, object cache flushed before each)\n\n",
	$aftercare_articles,
	$aftercare_db,
	PHP_VERSION,
	$aftercare_results[ array_key_first( $aftercare_results ) ]['n'],
	count( $aftercare_queries ),
	$aftercare_rounds
);
printf( "| %-28s | %9s | %9s | %13s |\n", 'engine', 'p50 ms', 'p95 ms', 'found answers' );
printf( "|%s|%s|%s|%s|\n", str_repeat( '-', 30 ), str_repeat( '-', 11 ), str_repeat( '-', 11 ), str_repeat( '-', 15 ) );
foreach ( $aftercare_results as $name => $r ) {
	printf( "| %-28s | %9.2f | %9.2f | %12.0f%% |\n", $name, $r['p50'], $r['p95'], 100 * $r['found'] );
}
$ours    = $aftercare_results['aftercare/v1/help/search'];
$service = $aftercare_results['search service (no REST)'];
$floor   = $aftercare_results['floor: one primary-key read'];
$core    = $aftercare_results['WordPress ?s= (WP_Query)'];
printf(
	"\nAftercare is %.1f× faster than core search at p50 and %.1f× at p95 (target: p95 ≤ 30 ms and ≥ 10×).\n",
	$core['p50'] / $ours['p50'],
	$core['p95'] / $ours['p95']
);
printf(
	"Over the floor (one database round trip): route p50 +%.2f ms, p95 +%.2f ms; service p50 +%.2f ms, p95 +%.2f ms; core p50 +%.2f ms, p95 +%.2f ms.\n",
	$ours['p50'] - $floor['p50'],
	$ours['p95'] - $floor['p95'],
	$service['p50'] - $floor['p50'],
	$service['p95'] - $floor['p95'],
	$core['p50'] - $floor['p50'],
	$core['p95'] - $floor['p95']
);
printf( "Load average while measuring: %s\n", implode( ' ', array_map( static fn( $l ) => sprintf( '%.2f', $l ), sys_getloadavg() ?: array() ) ) );
