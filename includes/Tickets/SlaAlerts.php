<?php
/**
 * Which SLA alerts have gone out: one row per ticket, target (first response, resolution) and
 * kind (warning, breach). The row is the claim: it is inserted in the transaction that records the
 * alert (its timeline event, its escalation), and the unique key lets only one sweep win it, so a
 * cron run that repeats, overlaps or is retried after a failure alerts once. A table rather than a
 * column of the ticket: it remembers both targets and both kinds, and what the warning was for.
 *
 * A met target ends its alerts (the next target has its own rows). A warning can come again only
 * when the due time has since moved later by more than the warning window (a lowered priority,
 * days waiting on the customer): the earlier warning no longer describes the ticket. A breach is
 * alerted once per target, whatever happens to the due time afterwards.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tickets;

use Aftercare\Infrastructure\Clock;
use Aftercare\Infrastructure\Database\Table;

final class SlaAlerts implements Table {

	public const WARNING = 'warning';
	public const BREACH  = 'breach';

	public function __construct( private \wpdb $wpdb, private TicketRepository $tickets, private Clock $clock ) {}

	public function table_name(): string {
		return 'sla_alerts';
	}

	public function schema_version(): int {
		return 1;
	}

	public function schema( string $table, string $collate ): string {
		return "CREATE TABLE {$table} (
  ticket_id bigint(20) unsigned NOT NULL,
  target varchar(20) NOT NULL,
  kind varchar(10) NOT NULL,
  due_at bigint(20) unsigned NOT NULL DEFAULT 0,
  alerted_at bigint(20) unsigned NOT NULL DEFAULT 0,
  PRIMARY KEY  (ticket_id,target,kind)
) {$collate};";
	}

	public function table(): string {
		return $this->wpdb->prefix . 'aftercare_' . $this->table_name();
	}

	/**
	 * Open tickets due before $before (at risk or breached) whose alert for their current target
	 * and state has not gone out: an index range of the open tickets by due time, as long as the
	 * tickets at risk, whatever the backlog.
	 *
	 * @param int $now    Now: due before it is breached.
	 * @param int $before Sla::at_risk_before( $now ).
	 * @param int $rearm  The warning window in seconds: how much later a due time must move to warn again.
	 * @return int[] Ticket ids, soonest due first.
	 */
	public function pending( int $now, int $before, int $rearm, int $limit ): array {
		$sql = "SELECT t.id FROM {$this->tickets->table()} t WHERE t.is_open = 1 AND t.due_at < %d AND NOT EXISTS (
				SELECT 1 FROM {$this->table()} a WHERE a.ticket_id = t.id
				AND a.target = (CASE WHEN t.first_response_at > 0 THEN 'resolution' ELSE 'first_response' END)
				AND ( ( a.kind = 'breach' AND t.due_at < %d ) OR ( a.kind = 'warning' AND t.due_at >= %d AND t.due_at <= a.due_at + %d ) )
			) ORDER BY t.due_at, t.id LIMIT %d";
		// phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- table names, placeholders.
		return array_map( 'intval', $this->wpdb->get_col( $this->wpdb->prepare( $sql, $before, $now, $now, $rearm, $limit ) ) );
	}

	/**
	 * Takes the alert for this worker: true for exactly one caller per ticket, target and kind (a
	 * warning again when $due is later than the warned one by more than $rearm seconds).
	 */
	public function claim( int $ticket_id, string $target, string $kind, int $due, int $rearm ): bool {
		$now = $this->clock->now();
		// phpcs:disable WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name.
		$inserted = $this->wpdb->query(
			$this->wpdb->prepare(
				"INSERT IGNORE INTO {$this->table()} (ticket_id, target, kind, due_at, alerted_at) VALUES (%d, %s, %s, %d, %d)",
				$ticket_id,
				$target,
				$kind,
				$due,
				$now
			)
		);
		if ( 1 === $inserted || self::WARNING !== $kind ) {
			return 1 === $inserted;
		}
		$moved = $this->wpdb->query(
			$this->wpdb->prepare(
				"UPDATE {$this->table()} SET due_at = %d, alerted_at = %d WHERE ticket_id = %d AND target = %s AND kind = %s AND due_at + %d < %d",
				$due,
				$now,
				$ticket_id,
				$target,
				$kind,
				$rearm,
				$due
			)
		);
		// phpcs:enable
		return 1 === $moved;
	}

	/**
	 * Migration: breaches reported before this table (the tickets' old `sla_breach_due` column)
	 * count as alerted, so upgrading mails nobody about old news; then the column goes.
	 */
	public function adopt_reported_breaches(): bool {
		$tickets = $this->tickets->table();
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		if ( $this->wpdb->get_results( "SHOW COLUMNS FROM {$tickets} LIKE 'sla_breach_due'" ) ) {
			$this->wpdb->query(
				// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table names.
				"INSERT IGNORE INTO {$this->table()} (ticket_id, target, kind, due_at, alerted_at)
				SELECT id, CASE WHEN first_response_at > 0 THEN 'resolution' ELSE 'first_response' END, 'breach', due_at, 0
				FROM {$tickets} WHERE is_open = 1 AND sla_breach_due > 0"
			);
		}
		return $this->tickets->drop_column( 'sla_breach_due' );
	}
}
