<?php
/**
 * Ticket messages: public replies and internal notes, each with sanitized HTML.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tickets;

use Aftercare\Infrastructure\Database\Table;

final class MessageRepository implements Table {

	public function __construct( private \wpdb $wpdb ) {}

	public function table_name(): string {
		return 'messages';
	}

	public function schema_version(): int {
		return 1;
	}

	public function schema( string $table, string $collate ): string {
		return "CREATE TABLE {$table} (
  id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  ticket_id bigint(20) unsigned NOT NULL,
  type varchar(10) NOT NULL DEFAULT 'reply',
  author_id bigint(20) unsigned NOT NULL DEFAULT 0,
  author_role varchar(10) NOT NULL DEFAULT 'customer',
  author_name varchar(190) NOT NULL DEFAULT '',
  body longtext NOT NULL,
  created_at bigint(20) unsigned NOT NULL DEFAULT 0,
  PRIMARY KEY  (id),
  KEY ticket (ticket_id,id)
) {$collate};";
	}

	public function table(): string {
		return $this->wpdb->prefix . 'aftercare_messages';
	}

	public function insert( int $ticket_id, string $type, int $author_id, string $author_role, string $author_name, string $body, int $created_at ): Message {
		$this->wpdb->insert(
			$this->table(),
			array(
				'ticket_id'   => $ticket_id,
				'type'        => $type,
				'author_id'   => $author_id,
				'author_role' => $author_role,
				'author_name' => $author_name,
				'body'        => $body,
				'created_at'  => $created_at,
			)
		);
		if ( ! $this->wpdb->insert_id ) {
			throw new \RuntimeException( 'Message insert failed: ' . esc_html( $this->wpdb->last_error ) );
		}
		return new Message( (int) $this->wpdb->insert_id, $ticket_id, $type, $author_id, $author_role, $author_name, $body, $created_at );
	}

	/**
	 * Rewrites a message's body (an email's, once its inline images have stored files to link).
	 *
	 * @param string $body Sanitized HTML.
	 */
	public function replace_body( int $id, string $body ): void {
		$this->wpdb->update( $this->table(), array( 'body' => $body ), array( 'id' => $id ) );
	}

	public function find( int $id ): ?Message {
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$row = $this->wpdb->get_row( $this->wpdb->prepare( "SELECT * FROM {$this->table()} WHERE id = %d", $id ) );
		return $row ? Message::from_row( $row ) : null;
	}

	/**
	 * A ticket's thread, oldest first.
	 *
	 * @return Message[]
	 */
	public function for_ticket( int $ticket_id, bool $include_notes ): array {
		$notes = $include_notes ? '' : " AND type = 'reply'";
		// phpcs:ignore WordPress.DB.PreparedSQL
		$rows  = $this->wpdb->get_results( $this->wpdb->prepare( "SELECT * FROM {$this->table()} WHERE ticket_id = %d{$notes} ORDER BY id", $ticket_id ) );
		return array_map( array( Message::class, 'from_row' ), $rows );
	}

	/**
	 * What the customer wrote on a ticket, oldest first.
	 *
	 * @return Message[]
	 */
	public function from_customer( int $ticket_id ): array {
		$sql  = "SELECT * FROM {$this->table()} WHERE ticket_id = %d AND type = 'reply' AND author_role = 'customer' ORDER BY id";
		// phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- table name, placeholders.
		$rows = $this->wpdb->get_results( $this->wpdb->prepare( $sql, $ticket_id ) );
		return array_map( array( Message::class, 'from_row' ), $rows );
	}

	/**
	 * Replaces the customer's words and name on a ticket, unlinked from their account; the
	 * messages stay, and agents' replies and notes are untouched.
	 */
	public function anonymize_customer( int $ticket_id, string $name, string $body ): void {
		$this->wpdb->update(
			$this->table(),
			array(
				'author_id'   => 0,
				'author_name' => $name,
				'body'        => $body,
			),
			array(
				'ticket_id'   => $ticket_id,
				'author_role' => 'customer',
			)
		);
	}

	/**
	 * When each of these tickets had its public agent replies, the opening message left out (an
	 * agent who opens a ticket for a customer writes the customer's words).
	 *
	 * @param int[] $ticket_ids Tickets.
	 * @return array<int, int[]> Ticket id => reply times.
	 */
	public function agent_reply_times( array $ticket_ids ): array {
		$times = array();
		foreach ( array_chunk( array_values( array_unique( $ticket_ids ) ), 500 ) as $chunk ) {
			$in     = implode( ',', array_fill( 0, count( $chunk ), '%d' ) );
			$sql    = "SELECT ticket_id, author_role, created_at FROM {$this->table()} WHERE ticket_id IN ({$in}) AND type = 'reply' ORDER BY id";
			$opened = array();
			// phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- table name, placeholders.
			foreach ( $this->wpdb->get_results( $this->wpdb->prepare( $sql, $chunk ), ARRAY_N ) as list( $ticket, $role, $at ) ) {
				if ( isset( $opened[ $ticket ] ) && 'agent' === $role ) {
					$times[ (int) $ticket ][] = (int) $at;
				}
				$opened[ $ticket ] = true;
			}
		}
		return $times;
	}
}
