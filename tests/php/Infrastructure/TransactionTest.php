<?php
/**
 * Transaction's queue for the end of the outermost unit: it runs last, inside the unit (a failure
 * there rolls the unit back), and work queued by a unit that rolls back goes with it.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Infrastructure;

use Aftercare\Infrastructure\Database\Transaction;
use Aftercare\Tests\TestCase;

/**
 * Also on SQLite, the database `npm start` uses.
 *
 * @group sqlite
 */
final class TransactionTest extends TestCase {

	private Transaction $transaction;

	/** @var string[] What ran, in order. */
	private array $ran = array();

	protected function setUp(): void {
		parent::setUp();
		global $wpdb;
		$this->transaction = new Transaction( $wpdb );
		$this->transaction->inside_open_transaction( true );
	}

	public function test_outside_a_unit_queued_work_runs_at_once(): void {
		$this->transaction->before_commit( $this->note( 'now' ) );
		$this->assertSame( array( 'now' ), $this->ran );
	}

	public function test_queued_work_runs_after_the_units_own_work_and_before_its_hooks(): void {
		$this->transaction->run(
			function (): void {
				$this->transaction->after_commit( $this->note( 'hook' ) );
				$this->transaction->run(
					function (): void {
						$this->transaction->before_commit( $this->note( 'queued inside' ) );
						$this->ran[] = 'inner work';
					}
				);
				$this->assertSame( array( 'inner work' ), $this->ran, 'not at the end of the inner unit' );
				$this->transaction->before_commit( $this->note( 'queued outside' ) );
				$this->ran[] = 'outer work';
			}
		);
		$this->assertSame( array( 'inner work', 'outer work', 'queued inside', 'queued outside', 'hook' ), $this->ran );
	}

	public function test_work_queued_by_a_unit_that_rolls_back_is_dropped_and_the_enclosing_units_kept(): void {
		$this->transaction->run(
			function (): void {
				$this->transaction->before_commit( $this->note( 'kept' ) );
				try {
					$this->transaction->run(
						function (): void {
							$this->transaction->before_commit( $this->note( 'dropped' ) );
							throw new \RuntimeException( 'inner failure' );
						}
					);
				} catch ( \RuntimeException $failure ) {
					$this->assertSame( 'inner failure', $failure->getMessage() );
				}
			}
		);
		$this->assertSame( array( 'kept' ), $this->ran );
	}

	public function test_a_failure_in_queued_work_rolls_the_unit_back(): void {
		try {
			$this->transaction->run(
				function (): void {
					update_option( 'aftercare_transaction_probe', 'written', false );
					$this->transaction->after_commit( $this->note( 'hook' ) );
					$this->transaction->before_commit(
						static function (): void {
							throw new \RuntimeException( 'queued failure' );
						}
					);
				}
			);
			$this->fail( 'the failure reaches the caller' );
		} catch ( \RuntimeException $failure ) {
			$this->assertSame( 'queued failure', $failure->getMessage() );
		}
		wp_cache_delete( 'aftercare_transaction_probe', 'options' );
		wp_cache_delete( 'notoptions', 'options' );
		$this->assertFalse( get_option( 'aftercare_transaction_probe' ), 'the unit\'s write is rolled back' );
		$this->assertSame( array(), $this->ran, 'no hook announces it' );
		// The next unit starts with nothing queued.
		$this->transaction->run( fn() => $this->transaction->before_commit( $this->note( 'next' ) ) );
		$this->assertSame( array( 'next' ), $this->ran );
	}

	private function note( string $what ): callable {
		return function () use ( $what ): void {
			$this->ran[] = $what;
		};
	}
}
