<?php
/**
 * Saved replies.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tickets;

use Aftercare\Infrastructure\Clock;
use Aftercare\Infrastructure\Database\Table;

final class SavedReplyRepository implements Table {

	public function __construct( private \wpdb $wpdb, private Clock $clock ) {}

	public function table_name(): string {
		return 'saved_replies';
	}

	public function schema_version(): int {
		return 1;
	}

	public function schema( string $table, string $collate ): string {
		return "CREATE TABLE {$table} (
  id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  title varchar(120) NOT NULL,
  body text NOT NULL,
  updated_at bigint(20) unsigned NOT NULL DEFAULT 0,
  PRIMARY KEY  (id),
  KEY title (title)
) {$collate};";
	}

	private function table(): string {
		return $this->wpdb->prefix . 'aftercare_saved_replies';
	}

	/**
	 * @return SavedReply[] Alphabetical.
	 */
	public function all(): array {
		$rows = $this->wpdb->get_results( "SELECT * FROM {$this->table()} ORDER BY title, id" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		return array_map( array( $this, 'hydrate' ), $rows );
	}

	public function find( int $id ): ?SavedReply {
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$row = $this->wpdb->get_row( $this->wpdb->prepare( "SELECT * FROM {$this->table()} WHERE id = %d", $id ) );
		return $row ? $this->hydrate( $row ) : null;
	}

	public function save( int $id, string $title, string $body ): SavedReply {
		$row = array(
			'title'      => $title,
			'body'       => $body,
			'updated_at' => $this->clock->now(),
		);
		if ( $id ) {
			$this->wpdb->update( $this->table(), $row, array( 'id' => $id ) );
		} else {
			$this->wpdb->insert( $this->table(), $row );
			$id = (int) $this->wpdb->insert_id;
		}
		return new SavedReply( $id, $title, $body, $row['updated_at'] );
	}

	public function delete( int $id ): void {
		$this->wpdb->delete( $this->table(), array( 'id' => $id ) );
	}

	private function hydrate( object $row ): SavedReply {
		return new SavedReply( (int) $row->id, (string) $row->title, (string) $row->body, (int) $row->updated_at );
	}
}
