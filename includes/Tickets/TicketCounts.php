<?php
/**
 * How many tickets there are per status, priority and assignee: a small table kept current by
 * every ticket write, so the queue's view counts and the totals of its unfiltered lists cost the
 * same at a thousand tickets and at a million.
 *
 * TicketRepository moves a ticket between rows in the transaction that writes the ticket, with
 * increments in SQL (no read-modify-write), so concurrent writers never lose a count. rebuild()
 * recounts from the tickets (the install migration, and the managers' repair route). The at-risk
 * view's members change with the clock alone, so writes cannot count it: AtRiskCount does.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tickets;

use Aftercare\Infrastructure\Database\Table;
use Aftercare\Infrastructure\Database\Transaction;

final class TicketCounts implements Table {

	/** Rows per INSERT when a rebuild writes the counts back. */
	private const REBUILD_BATCH = 500;

	public function __construct( private \wpdb $wpdb, private Transaction $transaction ) {}

	public function table_name(): string {
		return 'ticket_counts';
	}

	public function schema_version(): int {
		return 1;
	}

	public function schema( string $table, string $collate ): string {
		return "CREATE TABLE {$table} (
  status varchar(20) NOT NULL DEFAULT '',
  priority varchar(20) NOT NULL DEFAULT '',
  assignee_id bigint(20) unsigned NOT NULL DEFAULT 0,
  tickets bigint(20) NOT NULL DEFAULT 0,
  PRIMARY KEY  (status,priority,assignee_id)
) {$collate};";
	}

	public function table(): string {
		return $this->wpdb->prefix . 'aftercare_' . $this->table_name();
	}

	/**
	 * Where a ticket is counted: its status, priority and assignee.
	 *
	 * @return array{0: string, 1: string, 2: int}
	 */
	public static function key( Ticket $ticket ): array {
		return array( $ticket->status->value, $ticket->priority->value, $ticket->assignee_id );
	}

	/**
	 * Moves one ticket from one row to another (null: a ticket that was not, or is no more, counted).
	 * Called inside the transaction that writes the ticket; the counts are written at its end, just
	 * before it commits (or at once outside a transaction), and go if it rolls back.
	 *
	 * @param array{0: string, 1: string, 2: int}|null $from Where it was counted.
	 * @param array{0: string, 1: string, 2: int}|null $to   Where it is counted now.
	 */
	public function move( ?array $from, ?array $to ): void {
		if ( $from !== $to ) {
			$this->transaction->before_commit( fn() => $this->write( array( array( $from, -1 ), array( $to, 1 ) ) ) );
		}
	}

	/**
	 * Adds to the rows, in SQL. Every writer first locks one row (the blank key, counted in no view):
	 * the counts' row locks are taken one transaction at a time, after all its ticket locks, so two
	 * writers never wait on each other in a cycle, and each holds them only while it commits.
	 *
	 * @param array<int, array{0: array{0: string, 1: string, 2: int}|null, 1: int}> $deltas Rows and what to add.
	 */
	private function write( array $deltas ): void {
		array_unshift( $deltas, array( array( '', '', 0 ), 0 ) );
		foreach ( $deltas as list( $key, $delta ) ) {
			if ( null === $key ) {
				continue;
			}
			$written = $this->wpdb->query(
				$this->wpdb->prepare(
					// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name.
					"INSERT INTO {$this->table()} (status, priority, assignee_id, tickets) VALUES (%s, %s, %d, %d) ON DUPLICATE KEY UPDATE tickets = tickets + %d",
					$key[0],
					$key[1],
					$key[2],
					$delta,
					$delta
				)
			);
			if ( false === $written ) {
				// The ticket's write must not commit without its count.
				throw new \RuntimeException( 'Ticket counts could not be written: ' . esc_html( $this->wpdb->last_error ) );
			}
		}
	}

	/**
	 * How many tickets the filter lists, when everything it filters by is counted here (view,
	 * statuses, priorities, assignee); null when the rows must be counted (channel, customer,
	 * order, tag or search).
	 */
	public function count( TicketFilter $filter ): ?int {
		// The at-risk view changes with the clock alone: AtRiskCount keeps its count.
		$uncounted = $filter->channels || '' !== $filter->tag || '' !== $filter->search || 'at_risk' === $filter->view;
		if ( $uncounted || null !== $filter->customer_id || null !== $filter->order_id || null !== $filter->has_order ) {
			return null;
		}
		list( $statuses, $assignee ) = self::scope( $filter->view, $filter->agent_id );
		if ( $filter->statuses ) {
			$statuses = array_values( array_intersect( $statuses, $filter->statuses ) );
		}
		if ( null !== $filter->assignee ) {
			if ( null !== $assignee && $assignee !== $filter->assignee ) {
				return 0;
			}
			$assignee = $filter->assignee;
		}
		if ( ! $statuses ) {
			return 0;
		}
		$where = array( 'status IN (' . implode( ',', array_fill( 0, count( $statuses ), '%s' ) ) . ')' );
		$args  = $statuses;
		if ( $filter->priorities ) {
			$where[] = 'priority IN (' . implode( ',', array_fill( 0, count( $filter->priorities ), '%s' ) ) . ')';
			array_push( $args, ...$filter->priorities );
		}
		if ( null !== $assignee ) {
			$where[] = 'assignee_id = %d';
			$args[]  = $assignee;
		}
		$sql = "SELECT COALESCE(SUM(tickets), 0) FROM {$this->table()} WHERE " . implode( ' AND ', $where );
		// phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- table name, placeholders.
		return (int) $this->wpdb->get_var( $this->wpdb->prepare( $sql, $args ) );
	}

	/**
	 * Recounts every row from the tickets. The tickets are read with a shared lock, so a ticket
	 * write waits until the new counts are in, and none is missed or counted twice.
	 *
	 * @return bool True (a migration that finishes in one step).
	 */
	public function rebuild(): bool {
		$this->transaction->run(
			function (): void {
				$tickets = $this->wpdb->prefix . 'aftercare_tickets'; // TicketRepository's table.
				$rows    = $this->wpdb->get_results(
					// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name.
					"SELECT status, priority, assignee_id, COUNT(*) AS tickets FROM {$tickets} GROUP BY status, priority, assignee_id LOCK IN SHARE MODE",
					ARRAY_N
				);
				$this->wpdb->query( "DELETE FROM {$this->table()}" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name.
				foreach ( array_chunk( $rows, self::REBUILD_BATCH ) as $chunk ) {
					$values = implode( ',', array_fill( 0, count( $chunk ), '(%s, %s, %d, %d)' ) );
					$sql    = "INSERT INTO {$this->table()} (status, priority, assignee_id, tickets) VALUES {$values}";
					// phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- table name, placeholders.
					if ( false === $this->wpdb->query( $this->wpdb->prepare( $sql, array_merge( ...$chunk ) ) ) ) {
						throw new \RuntimeException( 'Ticket counts could not be rebuilt: ' . esc_html( $this->wpdb->last_error ) );
					}
				}
			}
		);
		return true;
	}

	/**
	 * The statuses a built-in view holds, and its assignee (null: anyone). The tickets table
	 * answers the same views with its is_open and awaiting columns (TicketRepository::where()).
	 *
	 * @return array{0: string[], 1: int|null}
	 */
	private static function scope( string $view, int $agent_id ): array {
		$open = array();
		$done = array();
		$next = array();
		foreach ( Status::cases() as $status ) {
			if ( $status->is_done() ) {
				$done[] = $status->value;
			} else {
				$open[] = $status->value;
			}
			if ( 'agent' === Ticket::awaiting_for( $status ) ) {
				$next[] = $status->value;
			}
		}
		return match ( $view ) {
			'mine'       => array( $open, $agent_id ),
			'unassigned' => array( $open, 0 ),
			'awaiting'   => array( $next, null ),
			'open'       => array( $open, null ),
			'solved'     => array( $done, null ),
			default      => array( Status::values(), null ),
		};
	}
}
