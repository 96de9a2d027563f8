<?php
/**
 * The timeline of tickets (and later returns): every status, priority, assignment, tag and SLA
 * change, with who made it.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tickets;

use Aftercare\Infrastructure\Clock;
use Aftercare\Infrastructure\Database\Table;

final class EventLog implements Table {

	public function __construct( private \wpdb $wpdb, private Clock $clock ) {}

	public function table_name(): string {
		return 'events';
	}

	public function schema_version(): int {
		return 2;
	}

	public function schema( string $table, string $collate ): string {
		return "CREATE TABLE {$table} (
  id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  object_type varchar(20) NOT NULL,
  object_id bigint(20) unsigned NOT NULL,
  type varchar(40) NOT NULL,
  actor_id bigint(20) unsigned NOT NULL DEFAULT 0,
  data text NOT NULL,
  created_at bigint(20) unsigned NOT NULL DEFAULT 0,
  PRIMARY KEY  (id),
  KEY object (object_type,object_id,id),
  KEY type_created (type,created_at)
) {$collate};";
	}

	public function table(): string {
		return $this->wpdb->prefix . 'aftercare_events';
	}

	/**
	 * @param array<string, mixed> $data What changed, e.g. `from` and `to`.
	 */
	public function record( string $object_type, int $object_id, string $type, int $actor_id, array $data = array() ): void {
		$this->wpdb->insert(
			$this->table(),
			array(
				'object_type' => $object_type,
				'object_id'   => $object_id,
				'type'        => $type,
				'actor_id'    => $actor_id,
				'data'        => (string) wp_json_encode( $data ),
				'created_at'  => $this->clock->now(),
			)
		);
	}

	/**
	 * @return array<int, array{id: int, type: string, actor_id: int, data: array<string, mixed>, created_at: int}>
	 */
	public function for_object( string $object_type, int $object_id ): array {
		$rows = $this->wpdb->get_results(
			// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
			$this->wpdb->prepare( "SELECT * FROM {$this->table()} WHERE object_type = %s AND object_id = %d ORDER BY id", $object_type, $object_id )
		);
		return array_map(
			static fn( object $row ): array => array(
				'id'         => (int) $row->id,
				'type'       => (string) $row->type,
				'actor_id'   => (int) $row->actor_id,
				'data'       => (array) json_decode( (string) $row->data, true ),
				'created_at' => (int) $row->created_at,
			),
			$rows
		);
	}

	/**
	 * Events of one type on objects of one type in [$from, $to), oldest first (the reports' rebuild).
	 *
	 * @return array<int, array{object_id: int, data: array<string, mixed>, created_at: int}>
	 */
	public function of_type_between( string $object_type, string $type, int $from, int $to ): array {
		$rows = $this->wpdb->get_results(
			$this->wpdb->prepare(
				// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name.
				"SELECT object_id, data, created_at FROM {$this->table()} WHERE type = %s AND created_at >= %d AND created_at < %d AND object_type = %s ORDER BY id",
				$type,
				$from,
				$to,
				$object_type
			)
		);
		return array_map(
			static fn( object $row ): array => array(
				'object_id'  => (int) $row->object_id,
				'data'       => (array) json_decode( (string) $row->data, true ),
				'created_at' => (int) $row->created_at,
			),
			$rows
		);
	}

	/**
	 * The tickets that were solved or closed at $at among those that have left solved or closed
	 * since (a reopen, or solved to closed): their solved time, which a reopen empties and a later
	 * solve sets anew, no longer tells whether they were open at $at (the reports' past backlog).
	 *
	 * @return int[]
	 */
	public function done_at_and_changed_since( int $at ): array {
		$done = array( Status::Solved->value, Status::Closed->value );
		// record() writes `from` first: a change out of solved or closed starts with one of these.
		$since = $this->wpdb->get_col(
			$this->wpdb->prepare(
				// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name.
				"SELECT DISTINCT object_id FROM {$this->table()} WHERE type = 'status' AND created_at > %d AND object_type = 'ticket' AND ( data LIKE %s OR data LIKE %s )",
				$at,
				$this->wpdb->esc_like( '{"from":"' . $done[0] . '"' ) . '%',
				$this->wpdb->esc_like( '{"from":"' . $done[1] . '"' ) . '%'
			)
		);
		if ( ! $since ) {
			return array();
		}
		$ids  = array_map( 'intval', $since );
		$in   = implode( ',', array_fill( 0, count( $ids ), '%d' ) );
		$rows = $this->wpdb->get_results(
			$this->wpdb->prepare(
				// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name, placeholders.
				"SELECT object_id, type, data FROM {$this->table()}
				WHERE object_type = 'ticket' AND object_id IN ({$in}) AND type IN ('created', 'status') AND created_at <= %d ORDER BY id",
				...array_merge( $ids, array( $at ) )
			)
		);
		// Each ticket's status after its last change by $at (or the one it was created with).
		$status = array();
		foreach ( $rows as $row ) {
			$data                              = (array) json_decode( (string) $row->data, true );
			$status[ (int) $row->object_id ] = (string) ( 'status' === $row->type ? ( $data['to'] ?? '' ) : ( $data['status'] ?? '' ) );
		}
		return array_keys( array_filter( $status, static fn( string $value ): bool => in_array( $value, $done, true ) ) );
	}

	/**
	 * Empties one field of an object's events of one type (a customer's comment, on erasure).
	 */
	public function redact( string $object_type, int $object_id, string $type, string $field ): void {
		$rows = $this->wpdb->get_results(
			$this->wpdb->prepare(
				// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name.
				"SELECT id, data FROM {$this->table()} WHERE object_type = %s AND object_id = %d AND type = %s",
				$object_type,
				$object_id,
				$type
			)
		);
		foreach ( $rows as $row ) {
			$data = (array) json_decode( (string) $row->data, true );
			if ( isset( $data[ $field ] ) && '' !== $data[ $field ] ) {
				$data[ $field ] = '';
				$this->wpdb->update( $this->table(), array( 'data' => (string) wp_json_encode( $data ) ), array( 'id' => (int) $row->id ) );
			}
		}
	}

	/**
	 * The user's steps on a timeline stay, no longer linked to their account.
	 */
	public function detach_actor( string $object_type, int $object_id, int $actor_id ): void {
		$this->wpdb->update(
			$this->table(),
			array( 'actor_id' => 0 ),
			array(
				'object_type' => $object_type,
				'object_id'   => $object_id,
				'actor_id'    => $actor_id,
			)
		);
	}
}
