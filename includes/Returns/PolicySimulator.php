<?php
/**
 * What a proposed return policy would do on the store's real past orders, beside the current one:
 * one batch of the orders placed in a period per call (the caller walks the cursor), each line
 * checked under both policies by the same Eligibility the returns block uses. Reads only: orders
 * through the OrderSource port, earlier returns in one query per batch.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Returns;

use Aftercare\Orders\OrderSource;

final class PolicySimulator {

	public function __construct( private OrderSource $orders, private Eligibility $eligibility, private Policy $policy, private ReturnedQuantities $returned ) {}

	/**
	 * Checks the next batch of orders placed from $from to $to (both included) with ids after $after.
	 *
	 * @param array<string, mixed> $changes      Proposed return_* settings, already validated.
	 * @param bool                 $changed_only List only the lines whose verdict differs.
	 * @return array{
	 *   total: int|null,
	 *   orders: int,
	 *   last_id: int,
	 *   done: bool,
	 *   current: array{orders: int, lines: int},
	 *   proposed: array{orders: int, lines: int},
	 *   lines: array<int, array<string, mixed>>
	 * } total: the period's orders (first batch only); orders: checked in this batch; current and
	 *   proposed: how many of them, and of their lines, could be returned; lines: per line, both verdicts.
	 */
	public function run( array $changes, int $from, int $to, int $after, int $batch, bool $changed_only ): array {
		$checks   = array(
			'current'  => $this->eligibility->under( $this->policy->with( array() ) ),
			'proposed' => $this->eligibility->under( $this->policy->with( $changes ) ),
		);
		$orders   = $this->orders->orders_created_between( $from, $to, $after, $batch );
		$returned = $this->returned->returned_quantities( array_map( static fn( $order ) => $order->id, $orders ) );
		$counts   = array_fill_keys(
			array_keys( $checks ),
			array(
				'orders' => 0,
				'lines'  => 0,
			)
		);
		$lines    = array();
		foreach ( $orders as $order ) {
			$verdicts = array();
			foreach ( $checks as $which => $check ) {
				$result              = $check->check( $order, $returned[ $order->id ] ?? array() );
				$verdicts[ $which ]  = $result->items;
				$counts[ $which ]['orders'] += $result->any_returnable() ? 1 : 0;
				$counts[ $which ]['lines']  += count( array_filter( $result->items, static fn( ItemEligibility $item ) => $item->returnable > 0 ) );
			}
			foreach ( $verdicts['current'] as $index => $now ) {
				$then    = $verdicts['proposed'][ $index ];
				$changed = ( $now->returnable > 0 ) !== ( $then->returnable > 0 ) || $now->reason !== $then->reason;
				if ( $changed_only && ! $changed ) {
					continue;
				}
				$lines[] = array(
					'order_id'     => $order->id,
					'order_number' => $order->number,
					'order_date'   => $order->created,
					'item_id'      => $now->item->id,
					'product_id'   => $now->item->product_id,
					'name'         => $now->item->name,
					'quantity'     => $now->item->quantity,
					'current'      => self::verdict( $now ),
					'proposed'     => self::verdict( $then ),
					'changed'      => $changed,
				);
			}
		}
		$last = $orders ? end( $orders )->id : $after;
		return array(
			'total'    => 0 === $after ? $this->orders->count_orders_created_between( $from, $to ) : null,
			'orders'   => count( $orders ),
			'last_id'  => $last,
			'done'     => count( $orders ) < $batch,
			'current'  => $counts['current'],
			'proposed' => $counts['proposed'],
			'lines'    => $lines,
		);
	}

	/**
	 * @return array{returnable: int, reason: string}
	 */
	private static function verdict( ItemEligibility $item ): array {
		return array(
			'returnable' => $item->returnable,
			'reason'     => $item->reason,
		);
	}
}
