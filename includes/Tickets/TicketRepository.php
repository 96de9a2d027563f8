<?php
/**
 * Tickets table: storage and the queue's queries. Every query is prepared; the indexes follow
 * the queue's real questions: every view the REST API lists (all, open or solved, an agent's,
 * unassigned, waiting on the store) has an index per sort (due time, last update, priority), so a
 * page reads its 25 rows whatever the backlog; a customer's and an order's tickets. Every insert
 * and update moves the ticket in TicketCounts, which answers the counts of unfiltered lists.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tickets;

use Aftercare\Infrastructure\Database\Table;

final class TicketRepository implements Table {

	/** Due time of a ticket with no running SLA clock; sorts after every real due time. */
	public const NO_DUE = 4102444800;

	/** Keyset columns per sort: column, direction. The id breaks ties in the same direction. */
	public const SORTS = array(
		'due'      => array( 'due_at', 'ASC' ),
		'updated'  => array( 'updated_at', 'DESC' ),
		'created'  => array( 'created_at', 'DESC' ),
		'priority' => array( 'priority_rank', 'DESC' ),
	);

	/** The index prefix that serves each view; with the sort's name it names the view's index. */
	private const VIEW_INDEXES = array(
		'all'        => 'all',
		'open'       => 'open',
		'solved'     => 'open',
		'mine'       => 'assignee',
		'unassigned' => 'assignee',
		'awaiting'   => 'awaiting',
		'at_risk'    => 'open',
	);

	/** Option holding the last ticket id the search-terms backfill reached. */
	public const REINDEX_CURSOR = 'aftercare_ticket_terms_cursor';

	/** Tickets per backfill step, so each request stays short. */
	private const REINDEX_BATCH = 500;

	public function __construct(
		private \wpdb $wpdb,
		private TagRepository $tags,
		private TicketTerms $terms,
		private MessageRepository $messages,
		private TicketCounts $counts
	) {}

	public function table_name(): string {
		return 'tickets';
	}

	public function schema_version(): int {
		return 6;
	}

	public function schema( string $table, string $collate ): string {
		return "CREATE TABLE {$table} (
  id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  number bigint(20) unsigned DEFAULT NULL,
  subject varchar(200) NOT NULL DEFAULT '',
  status varchar(20) NOT NULL DEFAULT 'new',
  is_open tinyint(1) unsigned NOT NULL DEFAULT 1,
  priority varchar(20) NOT NULL DEFAULT 'normal',
  priority_rank tinyint(3) unsigned NOT NULL DEFAULT 2,
  channel varchar(20) NOT NULL DEFAULT 'web',
  customer_id bigint(20) unsigned NOT NULL DEFAULT 0,
  customer_email varchar(100) NOT NULL DEFAULT '',
  customer_name varchar(190) NOT NULL DEFAULT '',
  order_id bigint(20) unsigned NOT NULL DEFAULT 0,
  assignee_id bigint(20) unsigned NOT NULL DEFAULT 0,
  awaiting varchar(10) NOT NULL DEFAULT 'agent',
  created_at bigint(20) unsigned NOT NULL DEFAULT 0,
  updated_at bigint(20) unsigned NOT NULL DEFAULT 0,
  first_response_at bigint(20) unsigned NOT NULL DEFAULT 0,
  solved_at bigint(20) unsigned NOT NULL DEFAULT 0,
  due_at bigint(20) unsigned NOT NULL DEFAULT 4102444800,
  sla_paused_at bigint(20) unsigned NOT NULL DEFAULT 0,
  sla_paused_seconds int(10) unsigned NOT NULL DEFAULT 0,
  sla_pauses text,
  message_count int(10) unsigned NOT NULL DEFAULT 0,
  email_verified_at bigint(20) unsigned NOT NULL DEFAULT 0,
  cc varchar(1100) NOT NULL DEFAULT '',
  rules text,
  idempotency_key char(64) DEFAULT NULL,
  PRIMARY KEY  (id),
  UNIQUE KEY number (number),
  UNIQUE KEY idempotency_key (idempotency_key),
  KEY all_due (due_at,id),
  KEY all_updated (updated_at,id),
  KEY all_priority (priority_rank,id),
  KEY open_due (is_open,due_at,id),
  KEY open_updated (is_open,updated_at,id),
  KEY open_priority (is_open,priority_rank,id),
  KEY assignee_due (assignee_id,is_open,due_at,id),
  KEY assignee_updated (assignee_id,is_open,updated_at,id),
  KEY assignee_priority (assignee_id,is_open,priority_rank,id),
  KEY awaiting_due (awaiting,is_open,due_at,id),
  KEY awaiting_updated (awaiting,is_open,updated_at,id),
  KEY awaiting_priority (awaiting,is_open,priority_rank,id),
  KEY status_updated (status,updated_at,id),
  KEY customer (customer_id,updated_at),
  KEY customer_email (customer_email),
  KEY order_id (order_id),
  KEY created (created_at),
  KEY first_response (first_response_at)
) {$collate};";
	}

	public function table(): string {
		return $this->wpdb->prefix . 'aftercare_tickets';
	}

	public function find( int $id ): ?Ticket {
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$row = $this->wpdb->get_row( $this->wpdb->prepare( "SELECT * FROM {$this->table()} WHERE id = %d", $id ) );
		return $row ? Ticket::from_row( $row, $this->tags->for_ticket( $id ) ) : null;
	}

	/**
	 * A ticket read under a row lock held to the end of the transaction: a change decided from
	 * what it reads cannot be decided twice at once.
	 */
	public function find_for_update( int $id ): ?Ticket {
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$this->wpdb->query( $this->wpdb->prepare( "SELECT id FROM {$this->table()} WHERE id = %d FOR UPDATE", $id ) );
		return $this->find( $id );
	}

	/**
	 * The ids of an order's open tickets.
	 *
	 * @return int[]
	 */
	public function open_of_order( int $order_id ): array {
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$ids = $this->wpdb->get_col( $this->wpdb->prepare( "SELECT id FROM {$this->table()} WHERE order_id = %d AND is_open = 1 ORDER BY id", $order_id ) );
		return array_map( 'intval', $ids );
	}

	/**
	 * A ticket by its public number (#1042).
	 */
	public function find_by_number( int $number ): ?Ticket {
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$id = (int) $this->wpdb->get_var( $this->wpdb->prepare( "SELECT id FROM {$this->table()} WHERE number = %d", $number ) );
		return $id ? $this->find( $id ) : null;
	}

	/**
	 * The ticket the key made since $since. A use before that is forgotten first, so an expired
	 * key may make a new ticket.
	 */
	public function find_by_idempotency_key( string $key, int $since ): ?Ticket {
		$this->wpdb->query(
			// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
			$this->wpdb->prepare( "UPDATE {$this->table()} SET idempotency_key = NULL WHERE idempotency_key = %s AND created_at < %d", $key, $since )
		);
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$id = (int) $this->wpdb->get_var( $this->wpdb->prepare( "SELECT id FROM {$this->table()} WHERE idempotency_key = %s", $key ) );
		return $id ? $this->find( $id ) : null;
	}

	/**
	 * Inserts a ticket and gives it its public number (id + the store's number offset).
	 */
	public function insert( Ticket $ticket, string $idempotency_key ): Ticket {
		$this->wpdb->insert(
			$this->table(),
			$this->row( $ticket ) + array( 'idempotency_key' => '' === $idempotency_key ? null : $idempotency_key )
		);
		if ( ! $this->wpdb->insert_id ) {
			throw new \RuntimeException( 'Ticket insert failed: ' . esc_html( $this->wpdb->last_error ) );
		}
		$ticket->id     = (int) $this->wpdb->insert_id;
		$ticket->number = $ticket->id + (int) get_option( 'aftercare_ticket_number_offset', 1000 );
		$this->wpdb->update( $this->table(), array( 'number' => $ticket->number ), array( 'id' => $ticket->id ) );
		$this->tags->replace( $ticket->id, $ticket->tags );
		$this->counts->move( null, TicketCounts::key( $ticket ) );
		return $ticket;
	}

	/**
	 * Marks the ticket's email as the customer's, once (the first proof's time stays).
	 */
	public function confirm_email( int $id, int $at ): void {
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$this->wpdb->query( $this->wpdb->prepare( "UPDATE {$this->table()} SET email_verified_at = %d WHERE id = %d AND email_verified_at = 0", $at, $id ) );
	}

	/**
	 * Data migration for tickets written before the column: account holders' and guests' whose
	 * order number matched their email (web tickets with an order) count as verified.
	 */
	public function backfill_email_verified(): bool {
		$this->wpdb->query(
			// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
			"UPDATE {$this->table()} SET email_verified_at = created_at WHERE email_verified_at = 0 AND ( customer_id > 0 OR ( channel = 'web' AND order_id > 0 ) )"
		);
		return true;
	}

	/**
	 * Writes the ticket back. Its count moves from what is stored, read under a row lock (held to
	 * the end of the transaction), not from what the caller read earlier: a concurrent change of
	 * the same ticket waits, and each count moves once.
	 */
	public function update( Ticket $ticket ): void {
		$stored = $this->wpdb->get_row(
			// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
			$this->wpdb->prepare( "SELECT status, priority, assignee_id FROM {$this->table()} WHERE id = %d FOR UPDATE", $ticket->id ),
			ARRAY_N
		);
		if ( ! $stored && '' !== $this->wpdb->last_error ) {
			throw new \RuntimeException( 'Ticket could not be locked: ' . esc_html( $this->wpdb->last_error ) );
		}
		$this->wpdb->update( $this->table(), $this->row( $ticket ), array( 'id' => $ticket->id ) );
		$this->tags->replace( $ticket->id, $ticket->tags );
		if ( $stored ) {
			$this->counts->move( array( (string) $stored[0], (string) $stored[1], (int) $stored[2] ), TicketCounts::key( $ticket ) );
		}
	}

	/**
	 * Adds text (a subject, a reply, a note) to what queue search finds the ticket by.
	 */
	public function add_search_text( int $id, string $text ): void {
		$this->terms->add( array( $id => $text ) );
	}

	/**
	 * Rebuilds tickets' search terms from their subject and every message as stored now (after
	 * an erasure rewrote them, or for tickets written before the terms existed).
	 */
	public function reindex( int ...$ids ): void {
		if ( ! $ids ) {
			return;
		}
		$in    = implode( ',', array_fill( 0, count( $ids ), '%d' ) );
		$texts = array_fill_keys( $ids, '' );
		// phpcs:ignore WordPress.DB.PreparedSQL
		foreach ( $this->wpdb->get_results( $this->wpdb->prepare( "SELECT id, subject FROM {$this->table()} WHERE id IN ({$in})", $ids ) ) as $row ) {
			$texts[ (int) $row->id ] = (string) $row->subject;
		}
		foreach ( $this->wpdb->get_results(
			$this->wpdb->prepare( "SELECT ticket_id, body FROM {$this->messages->table()} WHERE ticket_id IN ({$in})", $ids ) // phpcs:ignore WordPress.DB.PreparedSQL
		) as $row ) {
			$texts[ (int) $row->ticket_id ] .= ' ' . $row->body;
		}
		$this->terms->delete( $ids );
		$this->terms->add( $texts );
	}

	/**
	 * Migration: indexes tickets written before the search terms existed, a batch per call.
	 * Resumes after the last id reached; reindexing is idempotent, so a repeated batch is harmless.
	 *
	 * @return bool True once every ticket is indexed.
	 */
	public function reindex_batch(): bool {
		$cursor = (int) get_option( self::REINDEX_CURSOR, 0 );
		$ids    = array_map(
			'intval',
			// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
			$this->wpdb->get_col( $this->wpdb->prepare( "SELECT id FROM {$this->table()} WHERE id > %d ORDER BY id LIMIT %d", $cursor, self::REINDEX_BATCH ) )
		);
		$this->reindex( ...$ids );
		if ( count( $ids ) < self::REINDEX_BATCH ) {
			delete_option( self::REINDEX_CURSOR );
			return true;
		}
		update_option( self::REINDEX_CURSOR, end( $ids ), false );
		return false;
	}

	/**
	 * Migration: drops the search text column the terms replaced (dbDelta never drops columns).
	 */
	public function drop_search_text(): bool {
		return $this->drop_column( 'search_text' );
	}

	/**
	 * Drops a column the table no longer has, if a site still has it.
	 */
	public function drop_column( string $column ): bool {
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		if ( $this->wpdb->get_results( $this->wpdb->prepare( "SHOW COLUMNS FROM {$this->table()} LIKE %s", $column ) ) ) {
			$this->wpdb->query( "ALTER TABLE {$this->table()} DROP COLUMN " . sanitize_key( $column ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		}
		return true;
	}

	public static function searchable( string $text ): string {
		return mb_strtolower( trim( (string) preg_replace( '/\s+/', ' ', wp_strip_all_tags( $text ) ) ) );
	}

	/**
	 * One page of tickets, in keyset order, and how many the filter lists: from TicketCounts
	 * when it can say, else counted (filters by channel, customer, order, tag and search are
	 * bounded by what they match).
	 *
	 * @param TicketFilter $filter What to list.
	 * @return array{tickets: Ticket[], total: int, next_cursor: string|null}
	 */
	public function query( TicketFilter $filter ): array {
		list( $column, $direction ) = self::SORTS[ $filter->orderby ];
		$direction              = $filter->reverse ? ( 'ASC' === $direction ? 'DESC' : 'ASC' ) : $direction;
		list( $where, $args )       = $this->where( $filter );
		$count                  = "SELECT COUNT(*) FROM {$this->table()} WHERE {$where}";
		// phpcs:ignore WordPress.DB.PreparedSQL
		$total                  = $this->counts->count( $filter ) ?? (int) $this->wpdb->get_var( $args ? $this->wpdb->prepare( $count, $args ) : $count );

		if ( null !== $filter->cursor ) {
			$op     = 'ASC' === $direction ? '>' : '<';
			// Written as an OR, MariaDB reads it as two index ranges, (col op v) and (col = v, id op last): ties included.
			$where .= " AND ({$column} {$op} %d OR ({$column} = %d AND id {$op} %d))";
			array_push( $args, $filter->cursor[0], $filter->cursor[0], $filter->cursor[1] );
		}
		$args[] = $filter->per_page + 1;
		$page   = "SELECT * FROM {$this->table()}{$this->index_hint( $filter )} WHERE {$where} ORDER BY {$column} {$direction}, id {$direction} LIMIT %d";
		$rows   = $this->wpdb->get_results( $this->wpdb->prepare( $page, $args ) ); // phpcs:ignore WordPress.DB.PreparedSQL

		$next = null;
		if ( count( $rows ) > $filter->per_page ) {
			array_pop( $rows );
			$last = end( $rows );
			$next = array( (int) $last->{$column}, (int) $last->id );
		}
		$tags = $this->tags->for_tickets( array_map( static fn( object $row ): int => (int) $row->id, $rows ) );
		return array(
			'tickets'     => array_map( static fn( object $row ): Ticket => Ticket::from_row( $row, $tags[ (int) $row->id ] ?? array() ), $rows ),
			'total'       => $total,
			'next_cursor' => $next ? TicketFilter::encode_cursor( $next ) : null,
		);
	}

	/**
	 * A bare view (no other filter) reads its own index. Left to itself, MariaDB's ORDER BY … LIMIT
	 * heuristic may walk a wider index in order and skip rows (at a million tickets, an agent's
	 * view by due time read 6,000 rows of the open tickets' index for 26). Filters leave the
	 * choice to the optimizer: a customer's, an order's or a search's rows are better found first.
	 */
	private function index_hint( TicketFilter $filter ): string {
		$bare = ! $filter->statuses && ! $filter->priorities && ! $filter->channels && null === $filter->assignee && null === $filter->customer_id
			&& null === $filter->order_id && null === $filter->has_order && '' === $filter->tag && '' === $filter->search;
		$indexed = in_array( $filter->orderby, array( 'due', 'updated', 'priority' ), true ) && isset( self::VIEW_INDEXES[ $filter->view ] );
		// The at-risk view is a range of due times, whatever it is sorted by: the few rows it holds are sorted after.
		$sort = 'at_risk' === $filter->view ? 'due' : $filter->orderby;
		return $bare && $indexed ? ' FORCE INDEX (' . self::VIEW_INDEXES[ $filter->view ] . '_' . $sort . ')' : '';
	}

	/**
	 * How many open tickets are due before $before (at risk or breached: Sla::at_risk_before()),
	 * read from the open tickets' due-time index.
	 */
	public function count_due_before( int $before ): int {
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		return (int) $this->wpdb->get_var( $this->wpdb->prepare( "SELECT COUNT(*) FROM {$this->table()} WHERE is_open = 1 AND due_at < %d", $before ) );
	}

	/**
	 * Tickets by id, with their tags (ids that are gone are left out).
	 *
	 * @param int[] $ids Tickets.
	 * @return array<int, Ticket> By id.
	 */
	public function find_many( array $ids ): array {
		$found = array();
		foreach ( array_chunk( array_values( array_unique( $ids ) ), self::REINDEX_BATCH ) as $chunk ) {
			$in   = implode( ',', array_fill( 0, count( $chunk ), '%d' ) );
			$tags = $this->tags->for_tickets( $chunk );
			// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name, placeholders.
			foreach ( $this->wpdb->get_results( $this->wpdb->prepare( "SELECT * FROM {$this->table()} WHERE id IN ({$in})", $chunk ) ) as $row ) {
				$found[ (int) $row->id ] = Ticket::from_row( $row, $tags[ (int) $row->id ] ?? array() );
			}
		}
		return $found;
	}

	/**
	 * Ids of the tickets whose time in $column (created_at or first_response_at) is in [$from, $to).
	 *
	 * @return int[]
	 */
	public function ids_between( string $column, int $from, int $to ): array {
		$column = 'first_response_at' === $column ? 'first_response_at' : 'created_at';
		return array_map(
			'intval',
			// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table and column names.
			$this->wpdb->get_col( $this->wpdb->prepare( "SELECT id FROM {$this->table()} WHERE {$column} >= %d AND {$column} < %d", $from, $to ) )
		);
	}

	/**
	 * The tickets open at $at (created before it, not solved or closed by then), counted by
	 * assignee, channel, priority and calendar age, and by tag and age.
	 *
	 * @param array<int, string> $ages Upper edge in seconds => age name, ascending; $oldest above the last.
	 * @param int[]              $done Tickets that were solved or closed at $at whatever their solved time says.
	 * @return array{0: array<int, object{assignee_id: string, channel: string, priority: string, age: string, n: string}>,
	 *               1: array<int, object{tag: string, age: string, n: string}>}
	 */
	public function open_at( int $at, array $ages, string $oldest, array $done ): array {
		$case = 'CASE';
		$args = array();
		foreach ( $ages as $seconds => $name ) {
			$case  .= ' WHEN t.created_at > %d THEN %s';
			$args[] = $at - $seconds;
			$args[] = $name;
		}
		$case  .= ' ELSE %s END';
		$args[] = $oldest;
		$open   = 't.created_at <= %d AND ( t.solved_at = 0 OR t.solved_at > %d )';
		$after  = array( $at, $at );
		if ( $done ) {
			$open .= ' AND t.id NOT IN (' . implode( ',', array_fill( 0, count( $done ), '%d' ) ) . ')';
			$after = array_merge( $after, $done );
		}
		$tags   = $this->wpdb->prefix . 'aftercare_ticket_tags'; // TagRepository's table.
		$rows   = $this->wpdb->get_results(
			$this->wpdb->prepare(
				// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name, fixed SQL.
				"SELECT t.assignee_id, t.channel, t.priority, {$case} AS age, COUNT(*) AS n FROM {$this->table()} t WHERE {$open} GROUP BY 1, 2, 3, 4",
				...array_merge( $args, $after )
			)
		);
		$tagged = $this->wpdb->get_results(
			$this->wpdb->prepare(
				// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table names, fixed SQL.
				"SELECT g.tag, {$case} AS age, COUNT(*) AS n FROM {$this->table()} t JOIN {$tags} g ON g.ticket_id = t.id WHERE {$open} GROUP BY 1, 2",
				...array_merge( $args, $after )
			)
		);
		return array( $rows, $tagged );
	}

	/**
	 * Open tickets with an id above $after, by id: a batch for jobs that walk them all (tags not loaded).
	 *
	 * @return Ticket[]
	 */
	public function open_after( int $after, int $limit ): array {
		$rows = $this->wpdb->get_results(
			// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
			$this->wpdb->prepare( "SELECT * FROM {$this->table()} WHERE is_open = 1 AND id > %d ORDER BY id LIMIT %d", $after, $limit )
		);
		return array_map( static fn( object $row ): Ticket => Ticket::from_row( $row ), $rows );
	}

	/**
	 * Stores a new due time unless the ticket's due time changed since it was read as $was (then
	 * whoever changed it computed it under the same settings).
	 */
	public function replace_due( int $id, int $was, int $due ): void {
		$this->wpdb->update(
			$this->table(),
			array( 'due_at' => $due ?: self::NO_DUE ),
			array(
				'id'     => $id,
				'due_at' => $was ?: self::NO_DUE,
			)
		);
	}

	/**
	 * The customer's other tickets (by account, or by email for guests), latest first.
	 *
	 * @return Ticket[]
	 */
	public function others_of_customer( Ticket $ticket, int $limit ): array {
		$by   = $ticket->customer_id ? 'customer_id = %d' : 'customer_id = 0 AND customer_email = %s';
		$rows = $this->wpdb->get_results(
			$this->wpdb->prepare(
				"SELECT * FROM {$this->table()} WHERE {$by} AND id <> %d ORDER BY updated_at DESC, id DESC LIMIT %d", // phpcs:ignore WordPress.DB.PreparedSQL
				$ticket->customer_id ?: $ticket->customer_email,
				$ticket->id,
				$limit
			)
		);
		return array_map( static fn( object $row ): Ticket => Ticket::from_row( $row ), $rows );
	}

	/**
	 * A page of a person's tickets, oldest first: by their email, and by their account when they
	 * have one (0: none).
	 *
	 * @return Ticket[]
	 */
	public function of_person( string $email, int $customer_id, int $offset, int $limit ): array {
		$rows = $this->wpdb->get_results(
			$this->wpdb->prepare(
				"SELECT * FROM {$this->table()} WHERE (customer_email = %s OR (customer_id > 0 AND customer_id = %d))
				ORDER BY id LIMIT %d OFFSET %d", // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name.
				$email,
				$customer_id,
				$limit,
				$offset
			)
		);
		return array_map( static fn( object $row ): Ticket => Ticket::from_row( $row ), $rows );
	}

	/**
	 * How many tickets of_person() pages through.
	 */
	public function count_of_person( string $email, int $customer_id ): int {
		$sql = "SELECT COUNT(*) FROM {$this->table()} WHERE (customer_email = %s OR (customer_id > 0 AND customer_id = %d))";
		// phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- table name, placeholders.
		return (int) $this->wpdb->get_var( $this->wpdb->prepare( $sql, $email, $customer_id ) );
	}

	/**
	 * Takes the customer off a ticket (account, name, email) and replaces the subject they wrote;
	 * the ticket keeps its number, status, dates and counts.
	 */
	public function anonymize_customer( int $id, string $name, string $email, string $subject ): void {
		$this->wpdb->update(
			$this->table(),
			array(
				'subject'        => $subject,
				'customer_id'    => 0,
				'customer_name'  => $name,
				'customer_email' => $email,
			),
			array( 'id' => $id )
		);
	}

	/**
	 * Of these tickets, those not updated since $cutoff, each with whether it is done (solved or
	 * closed).
	 *
	 * @param int[] $ids Tickets.
	 * @return array<int, bool> Ticket id => done.
	 */
	public function untouched_since( array $ids, int $cutoff ): array {
		if ( ! $ids ) {
			return array();
		}
		$in   = implode( ',', array_fill( 0, count( $ids ), '%d' ) );
		$sql  = "SELECT id, is_open FROM {$this->table()} WHERE id IN ({$in}) AND updated_at < %d";
		$done = array();
		// phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- table name, placeholders.
		foreach ( $this->wpdb->get_results( $this->wpdb->prepare( $sql, ...array_merge( $ids, array( $cutoff ) ) ) ) as $row ) {
			$done[ (int) $row->id ] = 0 === (int) $row->is_open;
		}
		return $done;
	}

	/**
	 * The views here and in TicketCounts::scope() must agree (TicketCountsTest compares them).
	 *
	 * @return array{0: string, 1: array<int, int|string>} WHERE clause with placeholders, and its values.
	 */
	private function where( TicketFilter $filter ): array {
		$where = array( '1=1' );
		$args  = array();
		$in    = function ( string $column, array $values ) use ( &$where, &$args ): void {
			$where[] = $column . ' IN (' . implode( ',', array_fill( 0, count( $values ), '%s' ) ) . ')';
			array_push( $args, ...$values );
		};
		if ( 'mine' === $filter->view ) {
			$where[] = 'assignee_id = %d';
			$args[]  = $filter->agent_id;
		}
		$where[] = match ( $filter->view ) {
			'unassigned' => 'assignee_id = 0 AND is_open = 1',
			'awaiting'   => "awaiting = 'agent' AND is_open = 1",
			'mine', 'open' => 'is_open = 1',
			'solved'     => 'is_open = 0',
			'at_risk'    => 'is_open = 1 AND due_at < ' . (int) $filter->due_before,
			default      => '1=1',
		};
		if ( $filter->statuses ) {
			$in( 'status', $filter->statuses );
		}
		if ( $filter->priorities ) {
			$in( 'priority', $filter->priorities );
		}
		if ( $filter->channels ) {
			$in( 'channel', $filter->channels );
		}
		if ( null !== $filter->assignee ) {
			$where[] = 'assignee_id = %d';
			$args[]  = $filter->assignee;
		}
		if ( null !== $filter->customer_id ) {
			$where[] = 'customer_id = %d';
			$args[]  = $filter->customer_id;
		}
		if ( null !== $filter->order_id ) {
			$where[] = 'order_id = %d';
			$args[]  = $filter->order_id;
		}
		if ( null !== $filter->has_order ) {
			$where[] = $filter->has_order ? 'order_id > 0' : 'order_id = 0';
		}
		if ( '' !== $filter->tag ) {
			$where[] = "id IN (SELECT ticket_id FROM {$this->tags->table()} WHERE tag = %s)";
			$args[]  = $filter->tag;
		}
		if ( '' !== $filter->search ) {
			$number = (int) ltrim( $filter->search, '#' );
			$terms  = $this->terms->matching( $filter->search ) ?? array( '1=0', array() );
			// "#1042" or "1042" finds that ticket too. Without an OR, MariaDB runs the term lookups as semi-joins.
			$where[] = $number > 0 ? "(number = %d OR ({$terms[0]}))" : $terms[0];
			array_push( $args, ...( $number > 0 ? array( $number ) : array() ), ...$terms[1] );
		}
		return array( implode( ' AND ', $where ), $args );
	}

	/**
	 * Takes an address off every ticket it was copied in on (personal-data erasure).
	 *
	 * @return bool Whether any ticket had it.
	 */
	public function forget_cc( string $email ): bool {
		$email = strtolower( $email );
		$like  = '%' . $this->wpdb->esc_like( $email ) . '%';
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name.
		$rows  = $this->wpdb->get_results( $this->wpdb->prepare( "SELECT id, cc FROM {$this->table()} WHERE cc LIKE %s", $like ) );
		$found = false;
		foreach ( $rows as $row ) {
			$cc = explode( ',', (string) $row->cc );
			if ( in_array( $email, $cc, true ) ) {
				$this->wpdb->update( $this->table(), array( 'cc' => implode( ',', array_diff( $cc, array( $email ) ) ) ), array( 'id' => (int) $row->id ) );
				$found = true;
			}
		}
		return $found;
	}

	/**
	 * @return array<string, int|string>
	 */
	private function row( Ticket $ticket ): array {
		return array(
			'subject'            => $ticket->subject,
			'status'             => $ticket->status->value,
			'is_open'            => $ticket->status->is_done() ? 0 : 1,
			'priority'           => $ticket->priority->value,
			'priority_rank'      => $ticket->priority->rank(),
			'channel'            => $ticket->channel->value,
			'customer_id'        => $ticket->customer_id,
			'customer_email'     => $ticket->customer_email,
			'customer_name'      => $ticket->customer_name,
			'order_id'           => $ticket->order_id,
			'assignee_id'        => $ticket->assignee_id,
			'awaiting'           => $ticket->awaiting,
			'created_at'         => $ticket->created_at,
			'updated_at'         => $ticket->updated_at,
			'first_response_at'  => $ticket->first_response_at,
			'solved_at'          => $ticket->solved_at,
			'due_at'             => $ticket->due_at ?: self::NO_DUE,
			'sla_paused_at'      => $ticket->sla_paused_at,
			'sla_paused_seconds' => $ticket->sla_paused_seconds,
			'sla_pauses'         => (string) wp_json_encode( $ticket->sla_pauses ),
			'message_count'      => $ticket->message_count,
			'email_verified_at'  => $ticket->email_verified_at,
			'cc'                 => implode( ',', $ticket->cc ),
			'rules'              => $ticket->rules ? (string) wp_json_encode( $ticket->rules ) : '',
		);
	}
}
