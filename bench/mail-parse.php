<?php
/**
 * Inbound mail parsing speed over the corpus (tests/fixtures/mail), beside a floor measured in
 * the same run:
 *
 *     php bench/mail-parse.php [rounds=15] [ms-per-round=300]
 *
 * "Aftercare" is what the pipeline will do to each message: MimeParser::parse, Classifier and
 * QuoteTrimmer (with the HTML read as text); the malformed message counts, its throw included.
 * The floor is PHP's own C functions over the same bytes: iconv_mime_decode_headers on the
 * header block and quoted_printable_decode on the body, which decode but do not parse MIME.
 * Rounds alternate between the two; the figures are the medians. No WordPress needed (Html's
 * kses step is not timed: it is WordPress's, the same as for web messages).
 *
 * @package Aftercare
 */

declare( strict_types=1 );

spl_autoload_register(
	static function ( string $class_name ): void {
		if ( str_starts_with( $class_name, 'Aftercare\\' ) ) {
			require __DIR__ . '/../includes/' . str_replace( '\\', '/', substr( $class_name, 10 ) ) . '.php';
		}
	}
);

$aftercare_rounds   = max( 1, (int) ( $argv[1] ?? 15 ) );
$aftercare_round_ms = max( 10, (int) ( $argv[2] ?? 300 ) );
$aftercare_corpus   = array_map( 'file_get_contents', glob( __DIR__ . '/../tests/fixtures/mail/*.eml' ) ?: array() );

$aftercare_ways = array(
	'Aftercare (parse, classify, trim)'                    => static function ( string $raw ): void {
		try {
			$message = Aftercare\Mail\MimeParser::parse( $raw );
			Aftercare\Mail\Classifier::classify( $message );
			Aftercare\Mail\QuoteTrimmer::message( $message )->text();
		} catch ( Aftercare\Mail\UnparseableMessage ) {
			return;
		}
	},
	'Aftercare (parse only)'                               => static function ( string $raw ): void {
		try {
			Aftercare\Mail\MimeParser::parse( $raw );
		} catch ( Aftercare\Mail\UnparseableMessage ) {
			return;
		}
	},
	'floor: iconv_mime_decode_headers + quoted_printable' => static function ( string $raw ): void {
		$end = strpos( $raw, "\r\n\r\n" );
		iconv_mime_decode_headers( false === $end ? $raw : substr( $raw, 0, $end ), ICONV_MIME_DECODE_CONTINUE_ON_ERROR, 'UTF-8' );
		quoted_printable_decode( false === $end ? '' : substr( $raw, $end + 4 ) );
	},
);

/**
 * Messages per second for one way over the corpus, for about $ms milliseconds.
 */
function aftercare_bench_round( callable $way, array $corpus, int $ms ): float {
	$count   = 0;
	$started = hrtime( true );
	$until   = $started + $ms * 1000000;
	do {
		foreach ( $corpus as $raw ) {
			$way( $raw );
		}
		$count += count( $corpus );
	} while ( hrtime( true ) < $until );
	return $count / ( ( hrtime( true ) - $started ) / 1e9 );
}

$aftercare_rates = array_fill_keys( array_keys( $aftercare_ways ), array() );
foreach ( $aftercare_ways as $aftercare_way ) {
	aftercare_bench_round( $aftercare_way, $aftercare_corpus, 50 ); // Warm-up.
}
for ( $aftercare_i = 0; $aftercare_i < $aftercare_rounds; $aftercare_i++ ) {
	foreach ( $aftercare_ways as $aftercare_name => $aftercare_way ) {
		$aftercare_rates[ $aftercare_name ][] = aftercare_bench_round( $aftercare_way, $aftercare_corpus, $aftercare_round_ms );
	}
}

$aftercare_bytes = array_sum( array_map( 'strlen', $aftercare_corpus ) );
printf(
	"Corpus: %d messages, %.1f KB; PHP %s; %d rounds of %d ms each, medians\n\n",
	count( $aftercare_corpus ),
	$aftercare_bytes / 1024,
	PHP_VERSION,
	$aftercare_rounds,
	$aftercare_round_ms
);
printf( "| %-52s | %12s | %12s |\n|%s|%s|%s|\n", 'way', 'messages/s', 'µs/message', str_repeat( '-', 54 ), str_repeat( '-', 14 ), str_repeat( '-', 14 ) );
foreach ( $aftercare_rates as $aftercare_name => $aftercare_list ) {
	sort( $aftercare_list );
	$aftercare_median = $aftercare_list[ intdiv( count( $aftercare_list ), 2 ) ];
	printf( "| %-52s | %12s | %12.1f |\n", $aftercare_name, number_format( $aftercare_median ), 1e6 / $aftercare_median );
}
