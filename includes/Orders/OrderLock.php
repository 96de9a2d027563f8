<?php
/**
 * One request at a time per order, across requests and web nodes: returns and order actions
 * take the same lock, so a refund from a ticket and a return's refund cannot both pass their
 * checks before either commits. Re-entrant within a request (an order action that starts a
 * return already holds it). Taken outside any transaction, so others see it.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Orders;

use Aftercare\Infrastructure\Database\Lock;
use Aftercare\Infrastructure\DomainError;

final class OrderLock {

	/** The lock's option name, before the order id. */
	public const PREFIX = 'aftercare_order_lock_';

	/** Seconds after which an order's lock is presumed left by a request that died. */
	private const TTL = 60;

	/** Seconds a request waits for another one working on the same order. */
	private const WAIT = 10;

	/** @var array<int, string> Order id => value of a lock this request holds. */
	private array $held = array();

	public function __construct( private Lock $lock ) {}

	/**
	 * Runs $work holding the order's lock.
	 *
	 * @template T
	 * @param callable(): T $work Work on the order.
	 * @return T
	 * @throws DomainError 409 when another request kept the order for the whole wait.
	 */
	public function run( int $order_id, callable $work ): mixed {
		if ( isset( $this->held[ $order_id ] ) ) {
			return $work();
		}
		$name = self::PREFIX . $order_id;
		$held = $this->lock->wait( $name, self::TTL, self::WAIT );
		if ( null === $held ) {
			throw DomainError::conflict(
				'order_busy',
				__( 'Someone else is working on this order right now (a return or an order action). Please try again in a moment.', 'aftercare' )
			);
		}
		$this->held[ $order_id ] = $held;
		try {
			return $work();
		} finally {
			unset( $this->held[ $order_id ] );
			$this->lock->release( $name, $held );
		}
	}
}
