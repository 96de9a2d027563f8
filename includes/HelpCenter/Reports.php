<?php
/**
 * The help-center analytics report: totals, top and zero-result queries, article helpfulness and
 * deflection, and daily trends.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\HelpCenter;

use Aftercare\Infrastructure\Clock;

final class Reports {

	public function __construct( private Clock $clock, private SearchLog $log, private ArticleVotes $votes, private Deflection $deflection ) {}

	/**
	 * @return array<string, mixed>
	 */
	public function build( int $days ): array {
		$now   = $this->clock->now();
		$today = $now - ( $now % DAY_IN_SECONDS );
		$since = $today - ( $days - 1 ) * DAY_IN_SECONDS;

		$query_deflection = $this->deflection->breakdown( 'query', $since, 200 );
		$top              = array();
		foreach ( $this->log->top_queries( $since, 20 ) as $row ) {
			$top[] = array(
				'query'     => $row['query'],
				'searches'  => $row['searches'],
				'zero'      => $row['zero'],
				'clicks'    => $row['clicks'],
				'visitors'  => $query_deflection[ $row['query'] ]['visitors'] ?? 0,
				'deflected' => $query_deflection[ $row['query'] ]['deflected'] ?? 0,
			);
		}
		$zero = array();
		foreach ( $this->log->top_queries( $since, 20, true ) as $row ) {
			$zero[] = array(
				'query'    => $row['query'],
				'searches' => $row['searches'],
				'last'     => gmdate( 'c', $row['last_at'] ),
			);
		}

		$votes      = $this->votes->by_article( $since, 100 );
		$clicks     = $this->log->clicks_by_article( $since, 100 );
		$deflection = $this->deflection->breakdown( 'post_id', $since, 100 );
		$ids        = array_unique( array_merge( array_keys( $votes ), array_keys( $clicks ), array_keys( $deflection ) ) );
		_prime_post_caches( $ids, false, false );
		$articles = array();
		foreach ( $ids as $id ) {
			$post = get_post( (int) $id );
			if ( ! $post || ArticleType::POST_TYPE !== $post->post_type ) {
				continue;
			}
			$articles[] = array(
				'id'        => (int) $id,
				'title'     => html_entity_decode( get_the_title( $post ), ENT_QUOTES, 'UTF-8' ),
				'url'       => (string) get_permalink( $post ),
				'edit_url'  => (string) get_edit_post_link( $post, 'raw' ),
				'helpful'   => $votes[ $id ]['helpful'] ?? 0,
				'unhelpful' => $votes[ $id ]['unhelpful'] ?? 0,
				'clicks'    => $clicks[ $id ] ?? 0,
				'visitors'  => $deflection[ $id ]['visitors'] ?? 0,
				'deflected' => $deflection[ $id ]['deflected'] ?? 0,
				'comments'  => array_map(
					static fn( array $c ): array => array(
						'helpful' => $c['helpful'],
						'comment' => $c['comment'],
						'date'    => gmdate( 'c', $c['created_at'] ),
					),
					( $votes[ $id ]['comments'] ?? 0 ) > 0 ? $this->votes->comments( (int) $id, 3 ) : array()
				),
			);
		}
		usort(
			$articles,
			static fn( array $a, array $b ): int =>
				( $b['helpful'] + $b['unhelpful'] + $b['clicks'] + $b['visitors'] ) <=> ( $a['helpful'] + $a['unhelpful'] + $a['clicks'] + $a['visitors'] )
					?: $a['id'] <=> $b['id']
		);
		$articles = array_slice( $articles, 0, 25 );

		$searches = $this->log->daily( $since );
		$voted    = $this->votes->daily( $since );
		$trend    = array();
		$totals   = array(
			'searches'  => 0,
			'zero'      => 0,
			'clicks'    => 0,
			'helpful'   => 0,
			'unhelpful' => 0,
		);
		for ( $day = $since; $day <= $today; $day += DAY_IN_SECONDS ) {
			$point = array(
				'date'      => gmdate( 'Y-m-d', $day ),
				'searches'  => $searches[ $day ]['searches'] ?? 0,
				'zero'      => $searches[ $day ]['zero'] ?? 0,
				'clicks'    => $searches[ $day ]['clicks'] ?? 0,
				'helpful'   => $voted[ $day ]['helpful'] ?? 0,
				'unhelpful' => $voted[ $day ]['unhelpful'] ?? 0,
			);
			foreach ( array_keys( $totals ) as $key ) {
				$totals[ $key ] += $point[ $key ];
			}
			$trend[] = $point;
		}
		$overall = $this->deflection->overall( $since );

		return array(
			'days'         => $days,
			'since'        => gmdate( 'Y-m-d', $since ),
			'totals'       => $totals + $overall,
			'top_queries'  => $top,
			'zero_results' => $zero,
			'articles'     => $articles,
			'trend'        => $trend,
		);
	}
}
