<?php
/**
 * Queue search index: one row per distinct word of a ticket (subject, replies and internal notes),
 * so a search is a few index range scans (`term LIKE 'abc%'`) instead of reading every ticket's
 * text. Plain SQL, the same on MariaDB and SQLite. Only agents search (notes are indexed).
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tickets;

use Aftercare\HelpCenter\Tokenizer;
use Aftercare\Infrastructure\Database\Table;

final class TicketTerms implements Table {

	/** Words of a query that are looked up; the rest are ignored. */
	private const MAX_QUERY_WORDS = 8;

	public function __construct( private \wpdb $wpdb, private Tokenizer $tokenizer ) {}

	public function table_name(): string {
		return 'ticket_terms';
	}

	public function schema_version(): int {
		return 1;
	}

	public function schema( string $table, string $collate ): string {
		return "CREATE TABLE {$table} (
  term varchar(40) NOT NULL,
  ticket_id bigint(20) unsigned NOT NULL,
  PRIMARY KEY  (term,ticket_id),
  KEY ticket_term (ticket_id,term)
) {$collate};";
	}

	public function table(): string {
		return $this->wpdb->prefix . 'aftercare_ticket_terms';
	}

	/**
	 * Adds the words of texts to tickets' terms (words already there are kept once).
	 *
	 * @param array<int, string> $texts Text by ticket id.
	 */
	public function add( array $texts ): void {
		$rows = array();
		foreach ( $texts as $ticket_id => $text ) {
			foreach ( array_unique( $this->words( $text ) ) as $word ) {
				$rows[] = $this->wpdb->prepare( '(%s, %d)', $word, $ticket_id );
			}
		}
		foreach ( array_chunk( $rows, 1000 ) as $chunk ) {
			// phpcs:ignore WordPress.DB.PreparedSQL -- rows prepared above.
			$this->wpdb->query( "INSERT IGNORE INTO {$this->table()} (term, ticket_id) VALUES " . implode( ', ', $chunk ) );
		}
	}

	/**
	 * @param int[] $ticket_ids Tickets whose terms go.
	 */
	public function delete( array $ticket_ids ): void {
		if ( $ticket_ids ) {
			$this->wpdb->query(
				// phpcs:ignore WordPress.DB.PreparedSQL
				$this->wpdb->prepare( "DELETE FROM {$this->table()} WHERE ticket_id IN (" . implode( ',', array_fill( 0, count( $ticket_ids ), '%d' ) ) . ')', $ticket_ids )
			);
		}
	}

	/**
	 * A condition on tickets.id: every word of the query starts a word of the ticket.
	 *
	 * @return array{0: string, 1: string[]}|null Condition with placeholders and its values; null when the query has no words.
	 */
	public function matching( string $query ): ?array {
		$words = array_slice( array_values( array_unique( $this->words( $query ) ) ), 0, self::MAX_QUERY_WORDS );
		if ( ! $words ) {
			return null;
		}
		$sql = array_fill( 0, count( $words ), "id IN (SELECT ticket_id FROM {$this->table()} WHERE term LIKE %s)" );
		return array( implode( ' AND ', $sql ), array_map( fn( string $word ): string => $this->wpdb->esc_like( $word ) . '%', $words ) );
	}

	/**
	 * @return string[]
	 */
	private function words( string $text ): array {
		return $this->tokenizer->words( TicketRepository::searchable( $text ) );
	}
}
