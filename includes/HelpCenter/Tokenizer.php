<?php
/**
 * Text → search terms: lower case, accents folded, split on anything that is not a letter or a
 * digit, stop words dropped, and each word reduced to a light English stem so that plurals and
 * verb forms meet ("returns", "returned", "returning" → "return"; "sizes", "sizing" → "siz").
 *
 * The same pipeline runs when an article is indexed and when a shopper searches, so the stems only
 * have to agree with each other, not be dictionary words.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\HelpCenter;

final class Tokenizer {

	/** Longest term kept; the terms table column is this wide. */
	public const MAX_TERM = 40;


	/**
	 * A query as the search log keeps it: lower case, single spaces, at most 190 characters.
	 */
	public function normalize_query( string $query ): string {
		$query = mb_strtolower( trim( (string) preg_replace( '/\s+/u', ' ', wp_strip_all_tags( $query ) ) ) );
		return mb_substr( $query, 0, 190 );
	}

	/**
	 * Words of a text, folded but not stemmed, in order (stop words kept out).
	 *
	 * @return string[]
	 */
	public function words( string $text ): array {
		$text  = mb_strtolower( remove_accents( $text ) );
		$parts = preg_split( '/[^\p{L}\p{N}]+/u', $text, -1, PREG_SPLIT_NO_EMPTY );
		$words = array();
		foreach ( $parts ?: array() as $word ) {
			if ( ! isset( self::STOP_WORD_SET[ $word ] ) && mb_strlen( $word ) <= self::MAX_TERM ) {
				$words[] = $word;
			}
		}
		return $words;
	}

	/**
	 * Stemmed terms of a text, in order, repeats kept (the indexer counts them).
	 *
	 * @return string[]
	 */
	public function terms( string $text ): array {
		return array_map( array( $this, 'stem' ), $this->words( $text ) );
	}

	/**
	 * A light English stemmer (plural, -ed, -ing, final e), after the first steps of Porter's.
	 */
	public function stem( string $word ): string {
		if ( strlen( $word ) <= 3 || ! preg_match( '/^[a-z]+$/', $word ) ) {
			return $word;
		}
		if ( str_ends_with( $word, 'ies' ) && strlen( $word ) > 4 ) {
			$word = substr( $word, 0, -3 ) . 'y';
		} elseif ( str_ends_with( $word, 'sses' ) || preg_match( '/(?:x|ch|sh|zz)es$/', $word ) ) {
			$word = substr( $word, 0, -2 );
		} elseif ( str_ends_with( $word, 's' ) && ! preg_match( '/(?:ss|us|is)$/', $word ) ) {
			$word = substr( $word, 0, -1 );
		}
		// "internationally" → "international".
		if ( strlen( $word ) > 6 && str_ends_with( $word, 'ally' ) ) {
			$word = substr( $word, 0, -2 );
		}
		if ( preg_match( '/^([a-z]{3,}?)(?:ing|ed)$/', $word, $match ) && preg_match( '/[aeiouy]/', $match[1] ) ) {
			$word = $match[1];
			// "shipping" → "shipp" → "ship".
			if ( preg_match( '/([^aeiouylsz])\1$/', $word ) ) {
				$word = substr( $word, 0, -1 );
			}
		}
		if ( strlen( $word ) > 3 && str_ends_with( $word, 'e' ) && ! str_ends_with( $word, 'ee' ) ) {
			$word = substr( $word, 0, -1 );
		}
		return $word;
	}

	/**
	 * Padded character trigrams of a term, for finding terms one typo away.
	 *
	 * @return string[]
	 */
	public function trigrams( string $term ): array {
		$padded = '^' . $term . '$';
		$grams  = array();
		$length = mb_strlen( $padded );
		for ( $i = 0; $i + 3 <= $length; $i++ ) {
			$grams[] = mb_substr( $padded, $i, 3 );
		}
		return array_values( array_unique( $grams ) );
	}

	/**
	 * Optimal string alignment distance (Levenshtein plus adjacent transpositions), stopping early
	 * once it exceeds $max.
	 */
	public function distance( string $a, string $b, int $max ): int {
		$a  = mb_str_split( $a );
		$b  = mb_str_split( $b );
		$la = count( $a );
		$lb = count( $b );
		if ( abs( $la - $lb ) > $max ) {
			return $max + 1;
		}
		$d = array();
		for ( $i = 0; $i <= $la; $i++ ) {
			$d[ $i ][0] = $i;
		}
		for ( $j = 0; $j <= $lb; $j++ ) {
			$d[0][ $j ] = $j;
		}
		for ( $i = 1; $i <= $la; $i++ ) {
			$row_min = PHP_INT_MAX;
			for ( $j = 1; $j <= $lb; $j++ ) {
				$cost         = $a[ $i - 1 ] === $b[ $j - 1 ] ? 0 : 1;
				$d[ $i ][ $j ] = min( $d[ $i - 1 ][ $j ] + 1, $d[ $i ][ $j - 1 ] + 1, $d[ $i - 1 ][ $j - 1 ] + $cost );
				if ( $i > 1 && $j > 1 && $a[ $i - 1 ] === $b[ $j - 2 ] && $a[ $i - 2 ] === $b[ $j - 1 ] ) {
					$d[ $i ][ $j ] = min( $d[ $i ][ $j ], $d[ $i - 2 ][ $j - 2 ] + 1 );
				}
				$row_min = min( $row_min, $d[ $i ][ $j ] );
			}
			if ( $row_min > $max ) {
				return $max + 1;
			}
		}
		return $d[ $la ][ $lb ];
	}

	private const STOP_WORD_SET = array(
		'a'     => 1,
		'an'    => 1,
		'and'   => 1,
		'are'   => 1,
		'as'    => 1,
		'at'    => 1,
		'be'    => 1,
		'by'    => 1,
		'can'   => 1,
		'do'    => 1,
		'does'  => 1,
		'for'   => 1,
		'from'  => 1,
		'how'   => 1,
		'i'     => 1,
		'if'    => 1,
		'in'    => 1,
		'into'  => 1,
		'is'    => 1,
		'it'    => 1,
		'its'   => 1,
		'me'    => 1,
		'my'    => 1,
		'of'    => 1,
		'on'    => 1,
		'or'    => 1,
		'our'   => 1,
		'so'    => 1,
		'that'  => 1,
		'the'   => 1,
		'their' => 1,
		'then'  => 1,
		'there' => 1,
		'this'  => 1,
		'to'    => 1,
		'was'   => 1,
		'we'    => 1,
		'what'  => 1,
		'when'  => 1,
		'where' => 1,
		'which' => 1,
		'who'   => 1,
		'why'   => 1,
		'will'  => 1,
		'with'  => 1,
		'you'   => 1,
		'your'  => 1,
	);
}
