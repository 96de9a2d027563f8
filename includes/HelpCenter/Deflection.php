<?php
/**
 * Deflection: of the visitors who searched the help center or were shown suggestions, how many did
 * not open a ticket within 7 days. When the tickets domain announces a new ticket
 * (`aftercare_ticket_created`), the anonymous visitor id of the shopper's request (its cookie) is
 * noted here, as an HMAC; tickets agents open for someone else, or that arrive without a browser
 * (email), are not linked to any visitor.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\HelpCenter;

use Aftercare\Infrastructure\Clock;
use Aftercare\Infrastructure\Database\Table;
use Aftercare\Infrastructure\Registrable;

final class Deflection implements Table, Registrable {

	use VisitorRecords;

	/** When a row was recorded (see VisitorRecords). */
	private const TIME_COLUMN = 'opened_at';

	public const WINDOW = 7 * DAY_IN_SECONDS;

	public function __construct( private \wpdb $wpdb, private Clock $clock, private Visitors $visitors, private SearchLog $log ) {}

	public function table_name(): string {
		return 'visitor_tickets';
	}

	public function schema_version(): int {
		return 1;
	}

	public function schema( string $table, string $collate ): string {
		return "CREATE TABLE {$table} (
  id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  visitor char(64) NOT NULL,
  ticket_id bigint(20) unsigned NOT NULL DEFAULT 0,
  opened_at bigint(20) unsigned NOT NULL DEFAULT 0,
  PRIMARY KEY  (id),
  KEY visitor_time (visitor,opened_at)
) {$collate};";
	}

	public function register(): void {
		add_action( 'aftercare_ticket_created', array( $this, 'ticket_created' ) );
	}

	public function table(): string {
		return $this->wpdb->prefix . 'aftercare_' . $this->table_name();
	}

	/**
	 * @param object $ticket The new ticket (Tickets\Ticket).
	 */
	public function ticket_created( object $ticket ): void {
		// An agent opening a ticket for a shopper carries the agent's cookie, not the shopper's.
		if ( current_user_can( 'edit_aftercare_tickets' ) ) {
			return;
		}
		$this->link( $this->visitors->from_request(), isset( $ticket->id ) ? (int) $ticket->id : 0 );
	}

	/**
	 * Notes that a visitor opened a ticket now.
	 */
	public function link( string $visitor, int $ticket_id ): void {
		$hash = $this->visitors->hash( $visitor );
		if ( '' === $hash ) {
			return;
		}
		$this->wpdb->insert(
			$this->table(),
			array(
				'visitor'   => $hash,
				'ticket_id' => $ticket_id,
				'opened_at' => $this->clock->now(),
			),
			array( '%s', '%d', '%d' )
		);
	}

	/**
	 * The visitors (their hashes) that opened these tickets.
	 *
	 * @param int[] $ticket_ids Tickets.
	 * @return string[]
	 */
	public function visitors_of_tickets( array $ticket_ids ): array {
		if ( ! $ticket_ids ) {
			return array();
		}
		$in  = implode( ',', array_fill( 0, count( $ticket_ids ), '%d' ) );
		$sql = "SELECT DISTINCT visitor FROM {$this->table()} WHERE ticket_id IN ({$in})";
		return $this->wpdb->get_col( $this->wpdb->prepare( $sql, $ticket_ids ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- table name, placeholders.
	}

	/**
	 * Per query or per article: visitors who searched it (or were shown / clicked it), and how many
	 * of them opened no ticket within 7 days of their first such event.
	 *
	 * @param string $by    `query` or `post_id`.
	 * @param int    $since Events since this time.
	 * @param int    $limit Rows.
	 * @return array<string|int, array{visitors: int, deflected: int}>
	 */
	public function breakdown( string $by, int $since, int $limit ): array {
		$column  = 'post_id' === $by ? 'post_id' : 'query';
		$filter  = 'post_id' === $by ? "post_id > 0 AND kind IN ('click', 'suggest')" : "query <> '' AND kind IN ('search', 'suggest')";
		$log     = $this->log->table();
		$tickets = $this->table();
		$rows    = $this->wpdb->get_results(
			$this->wpdb->prepare(
				"SELECT v.subject, COUNT(*) AS visitors,
					SUM(CASE WHEN EXISTS (
						SELECT 1 FROM {$tickets} t WHERE t.visitor = v.visitor AND t.opened_at >= v.first_at AND t.opened_at < v.first_at + %d
					) THEN 0 ELSE 1 END) AS deflected
				FROM (
					SELECT {$column} AS subject, visitor, MIN(created_at) AS first_at
					FROM {$log}
					WHERE created_at >= %d AND visitor <> '' AND {$filter}
					GROUP BY {$column}, visitor
				) v
				GROUP BY v.subject
				ORDER BY visitors DESC, v.subject ASC
				LIMIT %d", // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table names and fixed clauses.
				self::WINDOW,
				$since,
				$limit
			)
		);
		$out = array();
		foreach ( $rows as $row ) {
			$out[ 'post_id' === $by ? (int) $row->subject : (string) $row->subject ] = array(
				'visitors'  => (int) $row->visitors,
				'deflected' => (int) $row->deflected,
			);
		}
		return $out;
	}

	/**
	 * Overall: visitors who searched or saw suggestions, and those who opened no ticket in 7 days.
	 *
	 * @return array{visitors: int, deflected: int}
	 */
	public function overall( int $since ): array {
		$log     = $this->log->table();
		$tickets = $this->table();
		$row     = $this->wpdb->get_row(
			$this->wpdb->prepare(
				"SELECT COUNT(*) AS visitors,
					SUM(CASE WHEN EXISTS (
						SELECT 1 FROM {$tickets} t WHERE t.visitor = v.visitor AND t.opened_at >= v.first_at AND t.opened_at < v.first_at + %d
					) THEN 0 ELSE 1 END) AS deflected
				FROM (
					SELECT visitor, MIN(created_at) AS first_at FROM {$log}
					WHERE created_at >= %d AND visitor <> '' AND kind IN ('search', 'suggest')
					GROUP BY visitor
				) v", // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table names.
				self::WINDOW,
				$since
			)
		);
		return array(
			'visitors'  => (int) ( $row->visitors ?? 0 ),
			'deflected' => (int) ( $row->deflected ?? 0 ),
		);
	}
}
