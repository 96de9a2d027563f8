<?php
/**
 * Database transactions that nest (savepoints inside an open transaction), with callbacks that
 * run only once the outermost unit of work has committed, so hooks never announce a change that
 * was rolled back, and work queued for the end of the outermost unit, just before it commits
 * (writes to hot rows, so their locks are held for the shortest time and taken last).
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Infrastructure\Database;

final class Transaction {

	private int $depth = 0;

	/** @var callable[] */
	private array $after_commit = array();

	/** @var array<int, array{0: int, 1: callable}> Work for the end of the outermost unit, with the depth that queued it. */
	private array $before_commit = array();

	/** Whether something else (a test) holds a transaction open around all our work. */
	private bool $outer_open = false;

	public function __construct( private \wpdb $wpdb ) {}

	/**
	 * Tells the class a transaction is already open, so even the outermost unit uses a savepoint
	 * (START TRANSACTION would commit the open one).
	 */
	public function inside_open_transaction( bool $open ): void {
		$this->outer_open = $open;
	}

	/**
	 * Runs $work atomically; any exception rolls back everything it wrote and is rethrown.
	 *
	 * @template T
	 * @param callable(): T $work Unit of work.
	 * @return T
	 */
	public function run( callable $work ): mixed {
		$savepoint = $this->depth > 0 || $this->outer_open;
		$name      = 'aftercare_' . $this->depth;
		$this->wpdb->query( $savepoint ? "SAVEPOINT {$name}" : 'START TRANSACTION' );
		++$this->depth;
		try {
			$result = $work();
			// Inside the outermost unit, so a failure here rolls everything back.
			while ( 1 === $this->depth && $this->before_commit ) {
				$queued = array_shift( $this->before_commit );
				$queued[1]();
			}
		} catch ( \Throwable $error ) {
			--$this->depth;
			$this->wpdb->query( $savepoint ? "ROLLBACK TO SAVEPOINT {$name}" : 'ROLLBACK' );
			// What the rolled-back unit queued goes with it; an enclosing unit keeps its own.
			$this->before_commit = array_values( array_filter( $this->before_commit, fn( array $queued ): bool => $queued[0] <= $this->depth ) );
			if ( 0 === $this->depth ) {
				$this->after_commit = array();
			}
			throw $error;
		}
		--$this->depth;
		$this->wpdb->query( $savepoint ? "RELEASE SAVEPOINT {$name}" : 'COMMIT' );
		if ( 0 === $this->depth ) {
			$callbacks          = $this->after_commit;
			$this->after_commit = array();
			array_walk( $callbacks, static fn( callable $callback ) => $callback() );
		}
		return $result;
	}

	/**
	 * Queues $callback for the end of the outermost unit of work, before it commits (or runs it
	 * now outside one). Dropped if the unit that queued it rolls back.
	 */
	public function before_commit( callable $callback ): void {
		if ( 0 === $this->depth ) {
			$callback();
			return;
		}
		$this->before_commit[] = array( $this->depth, $callback );
	}

	/**
	 * Defers $callback until the current unit of work commits (or runs it now outside one).
	 */
	public function after_commit( callable $callback ): void {
		if ( 0 === $this->depth ) {
			$callback();
			return;
		}
		$this->after_commit[] = $callback;
	}
}
