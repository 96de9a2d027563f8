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
		return 1;
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
  reason varchar(255) NOT NULL DEFAULT '',
  raw longblob NOT NULL,
  received_at bigint(20) unsigned NOT NULL DEFAULT 0,
  PRIMARY KEY  (id),
  UNIQUE KEY raw_hash (raw_hash),
  UNIQUE KEY mail_id (mail_id),
  KEY outcome (outcome,received_at),
  KEY ticket (ticket_id)
) {$collate};";
	}

	public function table(): string {
		return $this->wpdb->prefix . 'aftercare_' . $this->table_name();
	}

	/**
	 * Records a message once.
	 *
	 * @param string $mail_id Its Message-ID without brackets, or 'sha256:<hash>' when it has none.
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
				mb_substr( $reason, 0, 255 ),
				$raw,
				$this->clock->now()
			)
		);
		return 1 === $inserted ? (int) $this->wpdb->insert_id : 0;
	}

	/**
	 * Sets what became of a row.
	 */
	public function finish( int $id, Outcome $outcome, int $ticket_id, int $ticket_message_id, string $reason ): void {
		$this->wpdb->update(
			$this->table(),
			array(
				'outcome'           => $outcome->value,
				'ticket_id'         => $ticket_id,
				'ticket_message_id' => $ticket_message_id,
				'reason'            => mb_substr( $reason, 0, 255 ),
			),
			array( 'id' => $id )
		);
	}

	/**
	 * The row holding this Message-ID or these bytes, without its raw text.
	 */
	public function find_existing( string $mail_id, string $raw_hash ): ?object {
		$sql = "SELECT id, mail_id, outcome, ticket_id, ticket_message_id, reason FROM {$this->table()} WHERE raw_hash = %s OR mail_id = %s LIMIT 1";
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
	 * One row with its raw message (for "show original" and the needs-attention list).
	 */
	public function find( int $id ): ?object {
		$sql = "SELECT * FROM {$this->table()} WHERE id = %d";
		return $this->wpdb->get_row( $this->wpdb->prepare( $sql, $id ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- table name.
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
