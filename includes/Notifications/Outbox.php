<?php
/**
 * The mail queue: every notification is a row here before anything is sent, so a failed
 * wp_mail is retried with back-off and never lost, and a mail is never sent twice.
 *
 * A row is claimed with one conditional UPDATE (only one worker on any web node can win it),
 * sent, then marked. A worker that dies between sending and marking leaves the row `sending`;
 * it is then reported as failed instead of retried, because it may already have gone out.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Notifications;

use Aftercare\Infrastructure\Clock;
use Aftercare\Infrastructure\Database\Table;

final class Outbox implements Table {

	public const PENDING = 'pending';
	public const SENDING = 'sending';
	public const SENT    = 'sent';
	public const FAILED  = 'failed';
	public const SKIPPED = 'skipped';

	/** Seconds to wait before attempt n+1 (index n-1); after the last, the row is failed. */
	public const BACKOFF = array( 300, 900, 3600, 4 * 3600, 12 * 3600 );

	/** How long a claimed row may stay `sending` before its worker is presumed dead. */
	public const LEASE = 600;

	/** Our own reasons in `last_error`, stored as codes (words at display: describe_error()); any other text there is the mailer's. */
	public const GONE        = 'aftercare_gone';
	public const TURNED_OFF  = 'aftercare_turned_off';
	public const REFUSED     = 'aftercare_refused';
	public const INTERRUPTED = 'aftercare_interrupted';

	public function __construct( private \wpdb $wpdb, private Clock $clock ) {}

	public function table_name(): string {
		return 'outbox';
	}

	public function schema_version(): int {
		return 3;
	}

	public function schema( string $table, string $collate ): string {
		return "CREATE TABLE {$table} (
  id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  dedupe_key varchar(120) NOT NULL,
  type varchar(40) NOT NULL,
  ticket_id bigint(20) unsigned NOT NULL DEFAULT 0,
  message_id bigint(20) unsigned NOT NULL DEFAULT 0,
  return_id bigint(20) unsigned NOT NULL DEFAULT 0,
  recipient varchar(190) NOT NULL DEFAULT '',
  status varchar(10) NOT NULL DEFAULT 'pending',
  attempts smallint(5) unsigned NOT NULL DEFAULT 0,
  available_at bigint(20) unsigned NOT NULL DEFAULT 0,
  locked_until bigint(20) unsigned NOT NULL DEFAULT 0,
  last_error varchar(255) NOT NULL DEFAULT '',
  created_at bigint(20) unsigned NOT NULL DEFAULT 0,
  sent_at bigint(20) unsigned NOT NULL DEFAULT 0,
  mail_id varchar(190) NOT NULL DEFAULT '',
  PRIMARY KEY  (id),
  UNIQUE KEY dedupe_key (dedupe_key),
  KEY due (status,available_at),
  KEY recipient (recipient),
  KEY ticket (ticket_id),
  KEY mail_id (mail_id)
) {$collate};";
	}

	public function table(): string {
		return $this->wpdb->prefix . 'aftercare_outbox';
	}

	/**
	 * Queues a mail once: a second call with the same dedupe key changes nothing.
	 *
	 * @param int $message_id The message shown (0: none).
	 * @param int $return_id  The return the mail is about (0: a ticket mail).
	 * @return bool Whether a new row was queued.
	 */
	public function enqueue( string $dedupe_key, string $type, int $ticket_id, int $message_id, string $recipient, int $return_id = 0 ): bool {
		$inserted = $this->wpdb->query(
			$this->wpdb->prepare(
				"INSERT IGNORE INTO {$this->table()} (dedupe_key, type, ticket_id, message_id, return_id, recipient, status, available_at, created_at) VALUES (%s, %s, %d, %d, %d, %s, %s, %d, %d)", // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared,Generic.Files.LineLength.TooLong -- table name.
				substr( $dedupe_key, 0, 120 ),
				$type,
				$ticket_id,
				$message_id,
				$return_id,
				$recipient,
				self::PENDING,
				$this->clock->now(),
				$this->clock->now()
			)
		);
		return 1 === $inserted;
	}

	/**
	 * Ids of rows due now, oldest first.
	 *
	 * @return int[]
	 */
	public function due( int $limit ): array {
		return array_map(
			'intval',
			$this->wpdb->get_col(
				$this->wpdb->prepare(
					// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name.
					"SELECT id FROM {$this->table()} WHERE status = %s AND available_at <= %d ORDER BY available_at, id LIMIT %d",
					self::PENDING,
					$this->clock->now(),
					$limit
				)
			)
		);
	}

	/**
	 * Takes a due row for this worker. Only one concurrent caller gets it.
	 */
	public function claim( int $id ): ?object {
		$now     = $this->clock->now();
		$claimed = $this->wpdb->query(
			$this->wpdb->prepare(
				// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name.
				"UPDATE {$this->table()} SET status = %s, attempts = attempts + 1, locked_until = %d WHERE id = %d AND status = %s AND available_at <= %d",
				self::SENDING,
				$now + self::LEASE,
				$id,
				self::PENDING,
				$now
			)
		);
		return 1 === $claimed ? $this->find( $id ) : null;
	}

	public function find( int $id ): ?object {
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name.
		return $this->wpdb->get_row( $this->wpdb->prepare( "SELECT * FROM {$this->table()} WHERE id = %d", $id ) );
	}

	public function mark_sent( int $id ): void {
		$this->finish( $id, self::SENT, '' );
	}

	public function mark_skipped( int $id, string $reason ): void {
		$this->finish( $id, self::SKIPPED, $reason );
	}

	/**
	 * Records a failed attempt: due again after the back-off, or failed for good after the last.
	 *
	 * @return int|null When the row is due again, or null when it has failed for good.
	 */
	public function mark_failed( object $row, string $error ): ?int {
		$attempts = (int) $row->attempts;
		if ( $attempts > count( self::BACKOFF ) ) {
			$this->finish( (int) $row->id, self::FAILED, $error );
			return null;
		}
		$next = $this->clock->now() + self::BACKOFF[ $attempts - 1 ];
		$this->wpdb->update(
			$this->table(),
			array(
				'status'       => self::PENDING,
				'available_at' => $next,
				'locked_until' => 0,
				'last_error'   => mb_substr( $error, 0, 255 ),
			),
			array( 'id' => (int) $row->id )
		);
		return $next;
	}

	/**
	 * Gives a failed row a fresh set of attempts, due now (an operator's retry).
	 *
	 * @return bool False when the row is not failed (or another caller took it first).
	 */
	public function requeue( int $id ): bool {
		$requeued = $this->wpdb->query(
			$this->wpdb->prepare(
				// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name.
				"UPDATE {$this->table()} SET status = %s, attempts = 0, available_at = %d, locked_until = 0 WHERE id = %d AND status = %s",
				self::PENDING,
				$this->clock->now(),
				$id,
				self::FAILED
			)
		);
		return 1 === $requeued;
	}

	/**
	 * The newest rows, of one status or ('') any.
	 *
	 * @return object[]
	 */
	public function recent( string $status, int $limit ): array {
		$where = '' === $status ? '1=1' : $this->wpdb->prepare( 'status = %s', $status );
		$sql   = "SELECT id, type, ticket_id, return_id, recipient, status, attempts, available_at, created_at, sent_at, last_error
			FROM {$this->table()} WHERE {$where} ORDER BY id DESC LIMIT %d";
		// phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- table name and a prepared condition.
		return $this->wpdb->get_results( $this->wpdb->prepare( $sql, $limit ) );
	}

	/**
	 * Ids of every row of a status, oldest first.
	 *
	 * @return int[]
	 */
	public function ids( string $status ): array {
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name.
		return array_map( 'intval', $this->wpdb->get_col( $this->wpdb->prepare( "SELECT id FROM {$this->table()} WHERE status = %s ORDER BY id", $status ) ) );
	}

	/**
	 * Rows whose worker died mid-send: they may have gone out, so they are failed, not resent.
	 */
	public function release_abandoned(): int {
		return (int) $this->wpdb->query(
			$this->wpdb->prepare(
				// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name.
				"UPDATE {$this->table()} SET status = %s, last_error = %s WHERE status = %s AND locked_until < %d",
				self::FAILED,
				self::INTERRUPTED,
				self::SENDING,
				$this->clock->now()
			)
		);
	}

	/**
	 * A row's `last_error` in words: ours translated, the mailer's as it gave it.
	 */
	public static function describe_error( string $stored ): string {
		return match ( $stored ) {
			self::GONE        => __( 'The ticket or message no longer exists.', 'aftercare' ),
			self::TURNED_OFF  => __( 'This email is turned off in the store settings.', 'aftercare' ),
			self::REFUSED     => __( 'The mailer refused the message.', 'aftercare' ),
			self::INTERRUPTED => __( 'Interrupted while sending; it may or may not have been delivered.', 'aftercare' ),
			default           => $stored,
		};
	}

	/**
	 * The earliest time a pending row is due, or null when nothing waits.
	 */
	public function next_due(): ?int {
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name.
		$next = $this->wpdb->get_var( $this->wpdb->prepare( "SELECT MIN(available_at) FROM {$this->table()} WHERE status = %s", self::PENDING ) );
		return null === $next ? null : (int) $next;
	}

	/**
	 * Gives a row its Message-ID once: a retry sends the same one, so the shopper's reply matches
	 * whichever attempt reached them.
	 *
	 * @return string The row's Message-ID (an earlier one when it had one).
	 */
	public function assign_mail_id( int $id, string $mail_id ): string {
		$table = $this->table();
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$this->wpdb->query( $this->wpdb->prepare( "UPDATE {$table} SET mail_id = %s WHERE id = %d AND mail_id = ''", $mail_id, $id ) );
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		return (string) $this->wpdb->get_var( $this->wpdb->prepare( "SELECT mail_id FROM {$table} WHERE id = %d", $id ) );
	}

	/**
	 * The Message-IDs of the mails to $recipient about a ticket before row $before_id, newest first:
	 * part of the thread a new mail continues.
	 *
	 * @return array<string, int> Message-ID => when it was queued.
	 */
	public function thread( int $ticket_id, string $recipient, int $before_id, int $limit = 10 ): array {
		$sql  = "SELECT mail_id, created_at FROM {$this->table()}
			WHERE ticket_id = %d AND recipient = %s AND id < %d AND mail_id <> '' ORDER BY id DESC LIMIT %d";
		// phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- table name.
		$rows = $this->wpdb->get_results( $this->wpdb->prepare( $sql, $ticket_id, $recipient, $before_id, $limit ) );
		return array_column( array_map( static fn( object $row ): array => array( (string) $row->mail_id, (int) $row->created_at ), $rows ), 1, 0 );
	}

	/**
	 * The ticket of the newest of our mails among $mail_ids, 0 when none is ours.
	 *
	 * @param string[] $mail_ids Message-IDs (with angle brackets).
	 */
	public function ticket_of( array $mail_ids ): int {
		if ( ! $mail_ids ) {
			return 0;
		}
		$marks = implode( ', ', array_fill( 0, count( $mail_ids ), '%s' ) );
		$sql   = "SELECT ticket_id FROM {$this->table()} WHERE mail_id IN ({$marks}) ORDER BY id DESC LIMIT 1";
		// phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- table name and placeholders.
		return (int) $this->wpdb->get_var( $this->wpdb->prepare( $sql, ...$mail_ids ) );
	}

	/**
	 * Forgets delivered and skipped rows older than $age seconds (failed rows stay for review).
	 */
	public function purge( int $age ): int {
		return (int) $this->wpdb->query(
			// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name.
			$this->wpdb->prepare( "DELETE FROM {$this->table()} WHERE status IN (%s, %s) AND created_at < %d", self::SENT, self::SKIPPED, $this->clock->now() - $age )
		);
	}

	/**
	 * Forgets every mail to an address, whatever its state.
	 */
	public function forget_recipient( string $recipient ): void {
		$this->wpdb->delete( $this->table(), array( 'recipient' => $recipient ) );
	}

	private function finish( int $id, string $status, string $error ): void {
		$this->wpdb->update(
			$this->table(),
			array(
				'status'       => $status,
				'locked_until' => 0,
				'last_error'   => mb_substr( $error, 0, 255 ),
				'sent_at'      => self::SENT === $status ? $this->clock->now() : 0,
			),
			array( 'id' => $id )
		);
	}
}
