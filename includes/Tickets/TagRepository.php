<?php
/**
 * Ticket tags, one row per tag, indexed both ways (a ticket's tags; a tag's tickets).
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tickets;

use Aftercare\Infrastructure\Database\Table;

final class TagRepository implements Table {

	public function __construct( private \wpdb $wpdb ) {}

	public function table_name(): string {
		return 'ticket_tags';
	}

	public function schema_version(): int {
		return 1;
	}

	public function schema( string $table, string $collate ): string {
		return "CREATE TABLE {$table} (
  ticket_id bigint(20) unsigned NOT NULL,
  tag varchar(64) NOT NULL,
  PRIMARY KEY  (ticket_id,tag),
  KEY tag (tag,ticket_id)
) {$collate};";
	}

	public function table(): string {
		return $this->wpdb->prefix . 'aftercare_ticket_tags';
	}

	/**
	 * @return string[]
	 */
	public function for_ticket( int $ticket_id ): array {
		return $this->for_tickets( array( $ticket_id ) )[ $ticket_id ] ?? array();
	}

	/**
	 * @param int[] $ticket_ids Tickets.
	 * @return array<int, string[]> Tags by ticket id.
	 */
	public function for_tickets( array $ticket_ids ): array {
		if ( ! $ticket_ids ) {
			return array();
		}
		$placeholders = implode( ',', array_fill( 0, count( $ticket_ids ), '%d' ) );
		$rows         = $this->wpdb->get_results(
			// phpcs:ignore WordPress.DB.PreparedSQL
			$this->wpdb->prepare( "SELECT ticket_id, tag FROM {$this->table()} WHERE ticket_id IN ({$placeholders}) ORDER BY tag", $ticket_ids )
		);
		$tags         = array();
		foreach ( $rows as $row ) {
			$tags[ (int) $row->ticket_id ][] = (string) $row->tag;
		}
		return $tags;
	}

	/**
	 * @param string[] $tags The ticket's full tag list.
	 */
	public function replace( int $ticket_id, array $tags ): void {
		$current = $this->for_ticket( $ticket_id );
		foreach ( array_diff( $current, $tags ) as $tag ) {
			$this->wpdb->delete( $this->table(), array( 'ticket_id' => $ticket_id, 'tag' => $tag ) );
		}
		foreach ( array_diff( $tags, $current ) as $tag ) {
			$this->wpdb->insert( $this->table(), array( 'ticket_id' => $ticket_id, 'tag' => $tag ) );
		}
	}

	/**
	 * Tags in use, most used first, for pickers and filters.
	 *
	 * @return string[]
	 */
	public function popular( int $limit = 50 ): array {
		// phpcs:ignore WordPress.DB.PreparedSQL
		return $this->wpdb->get_col( $this->wpdb->prepare( "SELECT tag FROM {$this->table()} GROUP BY tag ORDER BY COUNT(*) DESC, tag LIMIT %d", $limit ) );
	}
}
