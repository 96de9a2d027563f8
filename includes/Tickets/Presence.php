<?php
/**
 * Who is looking at or answering a ticket right now. Agents' screens send a heartbeat; a row
 * expires when the heartbeats stop. Kept in the database so every web node sees the same.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tickets;

use Aftercare\Infrastructure\Clock;
use Aftercare\Infrastructure\Database\Table;

final class Presence implements Table {

	/** Seconds a heartbeat counts for; screens beat well within it. */
	public const TTL = 60;

	public const STATES = array( 'viewing', 'replying' );

	public function __construct( private \wpdb $wpdb, private Clock $clock ) {}

	public function table_name(): string {
		return 'presence';
	}

	public function schema_version(): int {
		return 1;
	}

	public function schema( string $table, string $collate ): string {
		return "CREATE TABLE {$table} (
  ticket_id bigint(20) unsigned NOT NULL,
  user_id bigint(20) unsigned NOT NULL,
  state varchar(10) NOT NULL DEFAULT 'viewing',
  expires_at bigint(20) unsigned NOT NULL DEFAULT 0,
  PRIMARY KEY  (ticket_id,user_id),
  KEY expires_at (expires_at)
) {$collate};";
	}

	private function table(): string {
		return $this->wpdb->prefix . 'aftercare_presence';
	}

	/**
	 * Records the user's heartbeat ('' state = they left) and returns everyone else present.
	 *
	 * @return array<int, array{user_id: int, name: string, state: string}>
	 */
	public function beat( int $ticket_id, int $user_id, string $state ): array {
		$now = $this->clock->now();
		$this->wpdb->query(
			// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
			$this->wpdb->prepare( "DELETE FROM {$this->table()} WHERE (ticket_id = %d AND user_id = %d) OR expires_at < %d", $ticket_id, $user_id, $now )
		);
		if ( '' !== $state ) {
			$this->wpdb->insert(
				$this->table(),
				array(
					'ticket_id'  => $ticket_id,
					'user_id'    => $user_id,
					'state'      => $state,
					'expires_at' => $now + self::TTL,
				)
			);
		}
		$rows = $this->wpdb->get_results(
			$this->wpdb->prepare(
				// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
				"SELECT user_id, state FROM {$this->table()} WHERE ticket_id = %d AND user_id <> %d AND expires_at >= %d ORDER BY user_id",
				$ticket_id,
				$user_id,
				$now
			)
		);
		return array_map(
			static function ( object $row ): array {
				$user = get_userdata( (int) $row->user_id );
				return array(
					'user_id' => (int) $row->user_id,
					'name'    => $user ? $user->display_name : '',
					'state'   => (string) $row->state,
				);
			},
			$rows
		);
	}
}
