<?php
/**
 * The log of received mail: one row per message, whatever became of it, with the raw message
 * kept (for "show original" and for the agent to open what could not be read). Unique on the
 * Message-ID and on the hash of the bytes, so the same mail delivered twice is stored once.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Mail;

use Aftercare\Infrastructure\Clock;
use Aftercare\Infrastructure\Database\Table;

final class ReceivedMailRepository implements Table {

	public function __construct( private \wpdb $wpdb, private Clock $clock ) {}

	public function table_name(): string {
		return 'received_mail';
	}

	public function schema_version(): int {
		return 2;
	}

	public function schema( string $table, string $collate ): string {
		return "CREATE TABLE {$table} (
  id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  mail_id varchar(190) NOT NULL,
  raw_hash char(64) NOT NULL,
  source varchar(20) NOT NULL DEFAULT '',
  sender varchar(190) NOT NULL DEFAULT '',
  subject varchar(255) NOT NULL DEFAULT '',
  outcome varchar(20) NOT NULL DEFAULT '',
  ticket_id bigint(20) unsigned NOT NULL DEFAULT 0,
  ticket_message_id bigint(20) unsigned NOT NULL DEFAULT 0,
  reason text NOT NULL,
  matched tinyint(1) NOT NULL DEFAULT 0,
  quoted tinyint(1) NOT NULL DEFAULT 0,
  raw longblob NOT NULL,
  received_at bigint(20) unsigned NOT NULL DEFAULT 0,
  PRIMARY KEY  (id),
  UNIQUE KEY raw_hash (raw_hash),
  UNIQUE KEY mail_id (mail_id),
  KEY outcome (outcome,received_at),
  KEY ticket (ticket_id),
  KEY message (ticket_message_id),
  KEY sender (sender),
  KEY received (received_at)
) {$collate};";
	}

	public function table(): string {
		return $this->wpdb->prefix . 'aftercare_' . $this->table_name();
	}

	/**
	 * Records a message once.
	 *
	 * @param string $mail_id Its Message-ID without brackets, or 'sha256:<hash>' when it has none.
	 * @param string $reason  Why, as Reason::encode() stores it.
	 * @return int The new row's id, or 0 when a row with this Message-ID or hash exists.
	 */
	public function insert(
		string $mail_id,
		string $raw_hash,
		string $source,
		string $sender,
		string $subject,
		Outcome $outcome,
		string $reason,
		string $raw
	): int {
		$inserted = $this->wpdb->query(
			$this->wpdb->prepare(
				// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name.
				"INSERT IGNORE INTO {$this->table()} (mail_id, raw_hash, source, sender, subject, outcome, reason, raw, received_at)
					VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %d)",
				mb_substr( $mail_id, 0, 190 ),
				$raw_hash,
				$source,
				mb_substr( $sender, 0, 190 ),
				mb_substr( $subject, 0, 255 ),
				$outcome->value,
				$reason,
				$raw,
				$this->clock->now()
			)
		);
		return 1 === $inserted ? (int) $this->wpdb->insert_id : 0;
	}

	/**
	 * Sets what became of a row written into a ticket.
	 *
	 * @param bool $matched Whether it continued an existing ticket (else it opened one).
	 * @param bool $quoted  Whether quoted history or a signature was trimmed from it.
	 */
	public function finish( int $id, int $ticket_id, int $ticket_message_id, bool $matched, bool $quoted ): void {
		$this->wpdb->update(
			$this->table(),
			array(
				'ticket_id'         => $ticket_id,
				'ticket_message_id' => $ticket_message_id,
				'matched'           => (int) $matched,
				'quoted'            => (int) $quoted,
			),
			array( 'id' => $id )
		);
	}

	/**
	 * Rewrites a row that needs attention with what a second run through the inbox made of it.
	 *
	 * @return bool False when the row is gone or no longer needs attention (another run took it).
	 */
	public function redo( int $id, string $mail_id, string $raw_hash, string $sender, string $subject, Outcome $outcome, string $reason ): bool {
		$updated = $this->wpdb->update(
			$this->table(),
			array(
				'mail_id' => mb_substr( $mail_id, 0, 190 ),
				'sender'  => mb_substr( $sender, 0, 190 ),
				'subject' => mb_substr( $subject, 0, 255 ),
				'outcome' => $outcome->value,
				'reason'  => $reason,
			),
			array(
				'id'       => $id,
				'raw_hash' => $raw_hash,
				'outcome'  => Outcome::NeedsAttention->value,
			)
		);
		return 1 === $updated;
	}

	/**
	 * The row holding this Message-ID or these bytes, without its raw text.
	 */
	public function find_existing( string $mail_id, string $raw_hash ): ?object {
		$sql = "SELECT id, mail_id, outcome, ticket_id, ticket_message_id FROM {$this->table()} WHERE raw_hash = %s OR mail_id = %s LIMIT 1";
		return $this->wpdb->get_row( $this->wpdb->prepare( $sql, $raw_hash, $mail_id ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- table name.
	}

	/**
	 * The ticket of the newest stored mail among these Message-IDs (without brackets), 0 when none.
	 *
	 * @param string[] $mail_ids Message-IDs.
	 */
	public function ticket_of( array $mail_ids ): int {
		if ( ! $mail_ids ) {
			return 0;
		}
		$marks = implode( ', ', array_fill( 0, count( $mail_ids ), '%s' ) );
		$sql   = "SELECT ticket_id FROM {$this->table()} WHERE ticket_id > 0 AND mail_id IN ({$marks}) ORDER BY id DESC LIMIT 1";
		// phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- table name and placeholders.
		return (int) $this->wpdb->get_var( $this->wpdb->prepare( $sql, ...$mail_ids ) );
	}

	/**
	 * The Message-IDs of the mails a sender wrote into a ticket, newest first: the other half of
	 * the thread our next mail to them continues.
	 *
	 * @return array<string, int> Message-ID (in angle brackets) => when it was received.
	 */
	public function thread( int $ticket_id, string $sender, int $limit = 10 ): array {
		$sql  = "SELECT mail_id, received_at FROM {$this->table()}
			WHERE ticket_id = %d AND sender = %s AND mail_id NOT LIKE 'sha256:%%' ORDER BY id DESC LIMIT %d";
		// phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- table name.
		$rows = $this->wpdb->get_results( $this->wpdb->prepare( $sql, $ticket_id, strtolower( $sender ), $limit ) );
		return array_column( array_map( static fn( object $row ): array => array( '<' . $row->mail_id . '>', (int) $row->received_at ), $rows ), 1, 0 );
	}

	/**
	 * One row with its raw message and its ticket's number (for the agent who opens it, and for a retry).
	 */
	public function find( int $id ): ?object {
		$sql = "SELECT r.*, t.number AS ticket_number FROM {$this->table()} r {$this->join_tickets()} WHERE r.id = %d";
		return $this->wpdb->get_row( $this->wpdb->prepare( $sql, $id ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- table names.
	}

	/**
	 * A page of the log, newest first, without the raw messages.
	 *
	 * @param string $outcome An Outcome value, or '' for all.
	 * @return array{rows: object[], total: int}
	 */
	public function page( string $outcome, int $page, int $per_page ): array {
		$where = '' === $outcome ? '1=1' : $this->wpdb->prepare( 'r.outcome = %s', $outcome );
		// phpcs:disable WordPress.DB.PreparedSQL -- table names and a prepared condition.
		$rows  = $this->wpdb->get_results(
			$this->wpdb->prepare(
				"SELECT r.id, r.source, r.sender, r.subject, r.outcome, r.reason, r.ticket_id, r.ticket_message_id, r.received_at, t.number AS ticket_number
					FROM {$this->table()} r {$this->join_tickets()} WHERE {$where} ORDER BY r.id DESC LIMIT %d OFFSET %d",
				$per_page,
				( $page - 1 ) * $per_page
			)
		);
		$total = (int) $this->wpdb->get_var( "SELECT COUNT(*) FROM {$this->table()} r WHERE {$where}" );
		// phpcs:enable WordPress.DB.PreparedSQL
		return array(
			'rows'  => $rows,
			'total' => $total,
		);
	}

	/**
	 * The number of the ticket a row went to, for the log (the ticket may have been deleted since).
	 */
	private function join_tickets(): string {
		return "LEFT JOIN {$this->wpdb->prefix}aftercare_tickets t ON t.id = r.ticket_id AND r.ticket_id > 0";
	}

	public function count( Outcome $outcome ): int {
		$sql = "SELECT COUNT(*) FROM {$this->table()} WHERE outcome = %s";
		return (int) $this->wpdb->get_var( $this->wpdb->prepare( $sql, $outcome->value ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- table name.
	}

	/**
	 * Drops a row that needs attention, raw message and all.
	 *
	 * @return bool False when there was no such row needing attention.
	 */
	public function dismiss( int $id ): bool {
		return 1 === $this->wpdb->delete(
			$this->table(),
			array(
				'id'      => $id,
				'outcome' => Outcome::NeedsAttention->value,
			)
		);
	}

	/**
	 * How the given ticket messages came by mail (only those that did), without the raw text.
	 *
	 * @param int[] $message_ids Ticket message ids.
	 * @return array<int, object> By ticket message id: id, sender, matched, quoted.
	 */
	public function of_messages( array $message_ids ): array {
		$message_ids = array_values( array_filter( array_map( 'intval', $message_ids ) ) );
		if ( ! $message_ids ) {
			return array();
		}
		$marks = implode( ', ', array_fill( 0, count( $message_ids ), '%d' ) );
		$sql   = "SELECT id, sender, matched, quoted, ticket_message_id FROM {$this->table()} WHERE ticket_message_id IN ({$marks})";
		// phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- table name and placeholders.
		$rows = $this->wpdb->get_results( $this->wpdb->prepare( $sql, ...$message_ids ) );
		return array_column( $rows, null, 'ticket_message_id' );
	}

	/**
	 * The row (with its raw message) a ticket message was made from, or null.
	 */
	public function of_message( int $message_id ): ?object {
		$sql = "SELECT * FROM {$this->table()} WHERE ticket_message_id = %d AND ticket_message_id > 0 LIMIT 1";
		return $this->wpdb->get_row( $this->wpdb->prepare( $sql, $message_id ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- table name.
	}

	/**
	 * Deletes up to $limit rows received before $cutoff (retention), oldest first.
	 *
	 * @return int Rows deleted.
	 */
	public function delete_before( int $cutoff, int $limit ): int {
		// Ids first, then by id: DELETE … LIMIT is not portable to SQLite.
		$sql = "SELECT id FROM {$this->table()} WHERE received_at < %d ORDER BY id LIMIT %d";
		// phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- table name.
		$ids = array_map( 'intval', $this->wpdb->get_col( $this->wpdb->prepare( $sql, $cutoff, $limit ) ) );
		if ( $ids ) {
			// phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- integers.
			$this->wpdb->query( "DELETE FROM {$this->table()} WHERE id IN (" . implode( ',', $ids ) . ')' );
		}
		return count( $ids );
	}

	/**
	 * The mails received from an address (personal-data export), oldest first, without raw text.
	 *
	 * @return object[]
	 */
	public function of_sender( string $email, int $offset, int $limit ): array {
		$sql = "SELECT id, source, sender, subject, outcome, ticket_id, received_at FROM {$this->table()} WHERE sender = %s ORDER BY id LIMIT %d OFFSET %d";
		// phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- table name.
		return $this->wpdb->get_results( $this->wpdb->prepare( $sql, strtolower( $email ), $limit, $offset ) );
	}

	/**
	 * Deletes every mail received from an address, raw text and all (personal-data erasure).
	 *
	 * @return bool Whether anything was deleted.
	 */
	public function forget_sender( string $email ): bool {
		return (bool) $this->wpdb->delete( $this->table(), array( 'sender' => strtolower( $email ) ) );
	}
}
