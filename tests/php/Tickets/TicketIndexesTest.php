<?php
/**
 * Every view × sort × direction the REST API allows reads its page from an index: the page's
 * query reads per_page + 1 rows (MariaDB's handler counters), on the first page and on a later
 * one (keyset cursor), whatever the table holds. MariaDB only: SQLite has no such counters.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Tickets;

use Aftercare\Plugin;
use Aftercare\Tests\TestCase;
use Aftercare\Tickets\Rest\TicketQuery;
use Aftercare\Tickets\TicketFilter;

final class TicketIndexesTest extends TestCase {

	private const PER_PAGE = 10;

	public function test_every_view_and_sort_reads_only_its_page(): void {
		global $wpdb;
		$tickets = self::ticket_repository();
		$agent = 4242;
		$this->seed( $tickets->table(), 600, $agent );

		$page_sql = '';
		$capture  = static function ( string $query ) use ( &$page_sql, $tickets ): string {
			if ( str_starts_with( $query, "SELECT * FROM {$tickets->table()}" ) ) {
				$page_sql = $query;
			}
			return $query;
		};
		add_filter( 'query', $capture );
		try {
			// The at-risk view is a range of due times sorted after (AtRiskViewTest), not an index per sort.
			foreach ( array_diff( TicketQuery::VIEWS, array( 'at_risk' ) ) as $view ) {
				foreach ( array( 'due', 'updated', 'priority' ) as $orderby ) {
					foreach ( array( false, true ) as $reverse ) {
						$cursor = null;
						for ( $page = 1; $page <= 3; $page++ ) {
							$result = $tickets->query( new TicketFilter( $view, $agent, orderby: $orderby, reverse: $reverse, per_page: self::PER_PAGE, cursor: $cursor ) );
							$this->assertCount( self::PER_PAGE, $result['tickets'], "{$view} by {$orderby}: a full page" );
							$reads = $this->rows_read( $page_sql );
							$this->assertLessThanOrEqual(
								self::PER_PAGE + 2,
								$reads,
								"{$view} by {$orderby}" . ( $reverse ? ' reversed' : '' ) . ", page {$page} reads only its rows: {$page_sql}"
							);
							$cursor = TicketFilter::decode_cursor( (string) $result['next_cursor'] );
						}
					}
				}
			}
		} finally {
			remove_filter( 'query', $capture );
		}
	}

	/**
	 * Rows the storage engine handed over for one query: the handler counters' growth across it,
	 * less what reading the counters adds (FLUSH STATUS would commit the test's transaction).
	 */
	private function rows_read( string $sql ): int {
		global $wpdb;
		$counters = static fn(): int => (int) $wpdb->get_var(
			"SELECT SUM(VARIABLE_VALUE) FROM information_schema.SESSION_STATUS WHERE VARIABLE_NAME IN
			('HANDLER_READ_FIRST', 'HANDLER_READ_KEY', 'HANDLER_READ_LAST', 'HANDLER_READ_NEXT', 'HANDLER_READ_PREV', 'HANDLER_READ_RND', 'HANDLER_READ_RND_NEXT')"
		);
		$before = $counters();
		$idle   = $counters() - $before;
		$before = $counters();
		$wpdb->get_results( $sql ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- the repository's own, already prepared.
		return $counters() - $before - $idle;
	}

	/**
	 * Tickets in every status, priority and assignee, with ties in every sort column (many share a
	 * due time, an update time and a priority), so pages end inside runs of equal values.
	 */
	private function seed( string $table, int $count, int $agent ): void {
		global $wpdb;
		$statuses = array( 'new', 'open', 'pending', 'on_hold', 'solved', 'closed' );
		$rows     = array();
		for ( $i = 1; $i <= $count; $i++ ) {
			$status   = $statuses[ $i % 6 ];
			$open     = in_array( $status, array( 'solved', 'closed' ), true ) ? 0 : 1;
			$awaiting = in_array( $status, array( 'new', 'open' ), true ) ? 'agent' : ( 'pending' === $status ? 'customer' : 'none' );
			$rows[]   = $wpdb->prepare(
				'(%s, %s, %d, %s, %d, %s, %d, %d, %d, %d)',
				'Indexed ' . $i,
				$status,
				$open,
				$awaiting,
				array( 0, $agent, $agent + 1 )[ $i % 3 ],
				array( 'low', 'normal', 'high', 'urgent' )[ $i % 4 ],
				$i % 4 + 1,
				1000 + intdiv( $i, 7 ),
				2000 + intdiv( $i, 5 ),
				$open && 'pending' !== $status ? 3000 + intdiv( $i, 4 ) : 4102444800
			);
		}
		$columns = 'subject, status, is_open, awaiting, assignee_id, priority, priority_rank, created_at, updated_at, due_at';
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- values prepared above.
		$this->assertNotFalse( $wpdb->query( "INSERT INTO {$table} ({$columns}) VALUES " . implode( ',', $rows ) ) );
	}
}
