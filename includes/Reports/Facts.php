<?php
/**
 * What each thing that happens adds to the rollup: the one translation from a ticket's or a
 * return's change to `dimension|value|measure` amounts, used alike by the events that keep today
 * current and by the rebuild of a day, so the two cannot count differently.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Reports;

use Aftercare\Returns\ReturnRequest;
use Aftercare\Tickets\Sla;
use Aftercare\Tickets\Status;
use Aftercare\Tickets\Ticket;

final class Facts {

	/** The CSAT scores' measures (Survey::Satisfaction: 3 good, 2 okay, 1 bad). */
	private const CSAT = array(
		3 => 'csat_good',
		2 => 'csat_okay',
		1 => 'csat_bad',
	);

	/** Open tickets' calendar age buckets: upper edge in days => name. */
	public const AGES = array(
		1  => 'lt1d',
		3  => '1to3d',
		7  => '3to7d',
		30 => '7to30d',
	);

	/** The age bucket above the last edge. */
	public const OLDEST = 'gt30d';

	public function __construct( private Sla $sla ) {}

	/** The day (site time zone) an instant falls on. */
	public static function day( int $time ): string {
		return wp_date( 'Y-m-d', $time );
	}

	/** A ticket's creation. */
	public function created( Ticket $ticket ): array {
		return self::spread( self::keys( $ticket ), array( 'created' => 1 ) );
	}

	/** The first public agent reply: its time in business hours and the first-response target. */
	public function first_response( Ticket $ticket ): array {
		$seconds = $this->sla->business_seconds( $ticket->created_at, $ticket->first_response_at );
		$met     = $ticket->first_response_at <= $this->sla->due_for( $ticket, 'first_response', $ticket->first_response_at );
		return self::spread(
			self::keys( $ticket ),
			array(
				'first_response:' . Histogram::bucket( $seconds ) => 1,
				$met ? 'sla_met' : 'sla_missed'                   => 1,
			)
		);
	}

	/**
	 * A change of status: a solve (open to solved or closed) or a reopen (back again); nothing else.
	 *
	 * @param int $at            When it changed.
	 * @param int $agent_replies Public agent replies the ticket had by then.
	 */
	public function status_changed( Ticket $ticket, Status $from, Status $to, int $at, int $agent_replies ): array {
		if ( $from->is_done() === $to->is_done() ) {
			return array();
		}
		if ( ! $to->is_done() ) {
			return self::spread( self::keys( $ticket ), array( 'reopened' => 1 ) );
		}
		$seconds = $this->sla->business_seconds( $ticket->created_at, $at );
		$met     = $at <= $this->sla->due_for( $ticket, 'resolution', $at );
		return self::spread(
			self::keys( $ticket ),
			array(
				'solved'                                      => 1,
				'resolution:' . Histogram::bucket( $seconds ) => 1,
				'fcr'                                         => 1 === $agent_replies ? 1 : 0,
				$met ? 'sla_met' : 'sla_missed'               => 1,
			)
		);
	}

	/**
	 * A CSAT vote, or a changed one ($before: the earlier score, taken back).
	 */
	public function rated( Ticket $ticket, int $score, ?int $before ): array {
		$measures = array();
		if ( null !== $before && isset( self::CSAT[ $before ] ) ) {
			$measures[ self::CSAT[ $before ] ] = -1;
		}
		if ( isset( self::CSAT[ $score ] ) ) {
			$measures[ self::CSAT[ $score ] ] = ( $measures[ self::CSAT[ $score ] ] ?? 0 ) + 1;
		}
		return self::spread( self::keys( $ticket ), $measures );
	}

	/**
	 * An effort score for a settled return, or a changed one.
	 */
	public function effort( ReturnRequest $return, int $score, ?int $before ): array {
		return self::spread(
			self::return_keys( $return ),
			array(
				'ces_sum'   => $score - (int) $before,
				'ces_count' => null === $before ? 1 : 0,
			)
		);
	}

	/**
	 * A return's settlement: its outcome, each line's reason (each product only its own lines), and
	 * the refund (under the total only: a refund is not split between products).
	 */
	public function settled( ReturnRequest $return ): array {
		$amounts = self::spread(
			array( array( 'total', '' ) ),
			array(
				'returns_settled'                        => 1,
				'return_outcome:' . $return->status->value => 1,
				'refund_cents'                           => (int) round( $return->refund_amount * 100 ),
			)
		);
		$products = array();
		foreach ( $return->items as $item ) {
			$reason                               = 'return_reason:' . ( '' !== $item->reason ? $item->reason : 'other' );
			$amounts[ 'total||' . $reason ]       = ( $amounts[ 'total||' . $reason ] ?? 0 ) + 1;
			$key                                  = 'product|' . $item->product_id . '|';
			$amounts[ $key . $reason ]            = ( $amounts[ $key . $reason ] ?? 0 ) + 1;
			$products[ $item->product_id ]        = true;
		}
		foreach ( array_keys( $products ) as $product ) {
			$amounts[ 'product|' . $product . '|returns_settled' ]                          = 1;
			$amounts[ 'product|' . $product . '|return_outcome:' . $return->status->value ] = 1;
		}
		return $amounts;
	}

	/**
	 * Adds two sets of amounts.
	 *
	 * @param array<string, int> $a Amounts.
	 * @param array<string, int> $b Amounts.
	 * @return array<string, int>
	 */
	public static function merge( array $a, array $b ): array {
		foreach ( $b as $key => $amount ) {
			$a[ $key ] = ( $a[ $key ] ?? 0 ) + $amount;
		}
		return $a;
	}

	/**
	 * Where a ticket is counted: the total, its assignee, channel, priority and each tag.
	 *
	 * @return array<int, array{0: string, 1: string}>
	 */
	private static function keys( Ticket $ticket ): array {
		$keys = array(
			array( 'total', '' ),
			array( 'agent', (string) $ticket->assignee_id ),
			array( 'channel', $ticket->channel->value ),
			array( 'priority', $ticket->priority->value ),
		);
		foreach ( $ticket->tags as $tag ) {
			$keys[] = array( 'tag', $tag );
		}
		return $keys;
	}

	/**
	 * Where a return's effort score is counted: the total and each returned product.
	 *
	 * @return array<int, array{0: string, 1: string}>
	 */
	private static function return_keys( ReturnRequest $return ): array {
		$keys = array( array( 'total', '' ) );
		foreach ( array_unique( array_map( static fn( $item ): int => $item->product_id, $return->items ) ) as $product ) {
			$keys[] = array( 'product', (string) $product );
		}
		return $keys;
	}

	/**
	 * The same measures under every key.
	 *
	 * @param array<int, array{0: string, 1: string}> $keys     Dimension and value.
	 * @param array<string, int>                      $measures Measure => amount.
	 * @return array<string, int>
	 */
	private static function spread( array $keys, array $measures ): array {
		$amounts = array();
		foreach ( $keys as list( $dimension, $value ) ) {
			foreach ( array_filter( $measures ) as $measure => $amount ) {
				$amounts[ $dimension . '|' . $value . '|' . $measure ] = $amount;
			}
		}
		return $amounts;
	}
}
