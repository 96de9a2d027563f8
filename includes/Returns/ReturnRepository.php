<?php
/**
 * Returns: one row per request, its lines in ReturnItemRepository.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Returns;

use Aftercare\Infrastructure\Database\Table;

final class ReturnRepository implements Table {

	/** First public number is this plus one (R-1001). */
	public const NUMBER_OFFSET = 1000;

	/** Statuses after which nothing more happens to a return. */
	private const FINISHED = array( ReturnStatus::Rejected, ReturnStatus::Refunded, ReturnStatus::Credited, ReturnStatus::Exchanged, ReturnStatus::Closed );

	public function __construct( private \wpdb $wpdb, private ReturnItemRepository $items ) {}

	public function table_name(): string {
		return 'returns';
	}

	public function schema_version(): int {
		return 1;
	}

	public function schema( string $table, string $collate ): string {
		return "CREATE TABLE {$table} (
  id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  number bigint(20) unsigned DEFAULT NULL,
  status varchar(20) NOT NULL DEFAULT 'requested',
  order_id bigint(20) unsigned NOT NULL,
  order_number varchar(40) NOT NULL DEFAULT '',
  customer_id bigint(20) unsigned NOT NULL DEFAULT 0,
  customer_email varchar(100) NOT NULL DEFAULT '',
  customer_name varchar(190) NOT NULL DEFAULT '',
  ticket_id bigint(20) unsigned NOT NULL DEFAULT 0,
  outcome varchar(20) NOT NULL DEFAULT '',
  resolution varchar(20) NOT NULL DEFAULT '',
  refund_amount decimal(19,4) NOT NULL DEFAULT 0,
  restocking_fee decimal(19,4) NOT NULL DEFAULT 0,
  refund_reference varchar(100) NOT NULL DEFAULT '',
  coupon_code varchar(100) NOT NULL DEFAULT '',
  exchange_order_id bigint(20) unsigned NOT NULL DEFAULT 0,
  idempotency_key char(64) DEFAULT NULL,
  created_at bigint(20) unsigned NOT NULL DEFAULT 0,
  updated_at bigint(20) unsigned NOT NULL DEFAULT 0,
  received_at bigint(20) unsigned NOT NULL DEFAULT 0,
  closed_at bigint(20) unsigned NOT NULL DEFAULT 0,
  PRIMARY KEY  (id),
  UNIQUE KEY number (number),
  UNIQUE KEY idempotency_key (idempotency_key),
  KEY status_updated (status,updated_at,id),
  KEY updated (updated_at,id),
  KEY customer (customer_id,created_at),
  KEY customer_email (customer_email),
  KEY order_id (order_id),
  KEY ticket_id (ticket_id)
) {$collate};";
	}

	public function table(): string {
		return $this->wpdb->prefix . 'aftercare_returns';
	}

	public function find( int $id ): ?ReturnRequest {
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$row = $id > 0 ? $this->wpdb->get_row( $this->wpdb->prepare( "SELECT * FROM {$this->table()} WHERE id = %d", $id ) ) : null;
		return $row ? ReturnRequest::from_row( $row, $this->items->for_returns( array( $id ) )[ $id ] ?? array() ) : null;
	}

	/**
	 * The return whose conversation the ticket is.
	 */
	public function find_by_ticket( int $ticket_id ): ?ReturnRequest {
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$id = $ticket_id > 0 ? (int) $this->wpdb->get_var( $this->wpdb->prepare( "SELECT id FROM {$this->table()} WHERE ticket_id = %d", $ticket_id ) ) : 0;
		return $id ? $this->find( $id ) : null;
	}

	/**
	 * The return the key made since $since. A use before that is forgotten first, so an expired
	 * key may make a new return.
	 */
	public function find_by_idempotency_key( string $key, int $since ): ?ReturnRequest {
		$this->wpdb->query(
			// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
			$this->wpdb->prepare( "UPDATE {$this->table()} SET idempotency_key = NULL WHERE idempotency_key = %s AND created_at < %d", $key, $since )
		);
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$id = (int) $this->wpdb->get_var( $this->wpdb->prepare( "SELECT id FROM {$this->table()} WHERE idempotency_key = %s", $key ) );
		return $id ? $this->find( $id ) : null;
	}

	/**
	 * Stores a new return and its lines; gives it an id and a public number.
	 */
	public function insert( ReturnRequest $return, string $idempotency_key ): ReturnRequest {
		$this->wpdb->insert( $this->table(), $this->row( $return ) + array( 'idempotency_key' => '' === $idempotency_key ? null : $idempotency_key ) );
		if ( ! $this->wpdb->insert_id ) {
			throw new \RuntimeException( 'Return insert failed: ' . esc_html( $this->wpdb->last_error ) );
		}
		$return->id     = (int) $this->wpdb->insert_id;
		$return->number = $return->id + self::NUMBER_OFFSET;
		$this->wpdb->update( $this->table(), array( 'number' => $return->number ), array( 'id' => $return->id ) );
		$this->items->insert( $return->id, $return->order_id, $return->items );
		return $return;
	}

	public function update( ReturnRequest $return ): void {
		$this->wpdb->update( $this->table(), $this->row( $return ), array( 'id' => $return->id ) );
		foreach ( $return->items as $item ) {
			$this->items->update( $item );
		}
	}

	/**
	 * A page of returns, newest activity first unless told otherwise.
	 *
	 * @param array<string, mixed> $filter  status (string[]), customer_id, customer_email, order_id,
	 *                                      reason, outcome, after, before (Unix times), number.
	 * @param string               $orderby `updated` (last change) or `created` (requested).
	 * @param string               $order   `desc` or `asc`.
	 * @return array{returns: ReturnRequest[], total: int}
	 */
	public function query( array $filter, int $page = 1, int $per_page = 20, string $orderby = 'updated', string $order = 'desc' ): array {
		$where = array( '1=1' );
		$args  = array();
		if ( ! empty( $filter['status'] ) ) {
			$statuses = array_values( (array) $filter['status'] );
			$where[]  = 'status IN (' . implode( ',', array_fill( 0, count( $statuses ), '%s' ) ) . ')';
			array_push( $args, ...$statuses );
		}
		foreach ( array( 'customer_id' => '%d', 'customer_email' => '%s', 'order_id' => '%d', 'outcome' => '%s', 'number' => '%d' ) as $column => $format ) {
			if ( isset( $filter[ $column ] ) && '' !== $filter[ $column ] ) {
				$where[] = "{$column} = {$format}";
				$args[]  = $filter[ $column ];
			}
		}
		if ( ! empty( $filter['reason'] ) ) {
			$where[] = "EXISTS (SELECT 1 FROM {$this->items->table()} i WHERE i.return_id = {$this->table()}.id AND i.reason = %s)";
			$args[]  = (string) $filter['reason'];
		}
		if ( ! empty( $filter['after'] ) ) {
			$where[] = 'created_at >= %d';
			$args[]  = (int) $filter['after'];
		}
		if ( ! empty( $filter['before'] ) ) {
			$where[] = 'created_at < %d';
			$args[]  = (int) $filter['before'];
		}
		$where = implode( ' AND ', $where );
		$count = "SELECT COUNT(*) FROM {$this->table()} WHERE {$where}";
		$total = (int) $this->wpdb->get_var( $args ? $this->wpdb->prepare( $count, $args ) : $count ); // phpcs:ignore WordPress.DB.PreparedSQL
		// Both from fixed lists, never from input.
		$column    = 'created' === $orderby ? 'created_at' : 'updated_at';
		$direction = 'asc' === $order ? 'ASC' : 'DESC';
		$rows      = $this->wpdb->get_results(
			$this->wpdb->prepare(
				// phpcs:ignore WordPress.DB.PreparedSQL
				"SELECT * FROM {$this->table()} WHERE {$where} ORDER BY {$column} {$direction}, id {$direction} LIMIT %d OFFSET %d",
				array_merge( $args, array( $per_page, ( max( 1, $page ) - 1 ) * $per_page ) )
			)
		);
		$items = $this->items->for_returns( array_map( static fn( object $row ): int => (int) $row->id, $rows ) );
		return array(
			'returns' => array_map( static fn( object $row ): ReturnRequest => ReturnRequest::from_row( $row, $items[ (int) $row->id ] ?? array() ), $rows ),
			'total'   => $total,
		);
	}

	/**
	 * A page of a person's returns, oldest first: by their email (stored lower-case), and by their
	 * account when they have one (0: none).
	 *
	 * @return ReturnRequest[]
	 */
	public function of_person( string $email, int $customer_id, int $offset, int $limit ): array {
		$ids = $this->wpdb->get_col(
			$this->wpdb->prepare(
				"SELECT id FROM {$this->table()} WHERE (customer_email = %s OR (customer_id > 0 AND customer_id = %d))
				ORDER BY id LIMIT %d OFFSET %d", // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name.
				strtolower( $email ),
				$customer_id,
				$limit,
				$offset
			)
		);
		return array_values( array_filter( array_map( fn( $id ): ?ReturnRequest => $this->find( (int) $id ), $ids ) ) );
	}

	/**
	 * Takes the customer off a return (account, name, email); it keeps its number, items, status
	 * and amounts.
	 */
	public function anonymize_customer( int $id, string $name, string $email ): void {
		$this->wpdb->update(
			$this->table(),
			array(
				'customer_id'    => 0,
				'customer_name'  => $name,
				'customer_email' => $email,
			),
			array( 'id' => $id )
		);
	}

	/**
	 * Of these tickets, those that are returns' threads, each with whether its return finished
	 * (rejected, settled or closed) before $cutoff.
	 *
	 * @param int[] $ticket_ids Tickets.
	 * @return array<int, bool> Ticket id => finished before $cutoff.
	 */
	public function finished_before( array $ticket_ids, int $cutoff ): array {
		if ( ! $ticket_ids ) {
			return array();
		}
		$in       = implode( ',', array_fill( 0, count( $ticket_ids ), '%d' ) );
		$sql      = "SELECT ticket_id, status, updated_at FROM {$this->table()} WHERE ticket_id IN ({$in})";
		$finished = array();
		// phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- table name, placeholders.
		foreach ( $this->wpdb->get_results( $this->wpdb->prepare( $sql, $ticket_ids ) ) as $row ) {
			$status                            = ReturnStatus::tryFrom( (string) $row->status );
			$finished[ (int) $row->ticket_id ] = in_array( $status, self::FINISHED, true ) && (int) $row->updated_at < $cutoff;
		}
		return $finished;
	}

	/**
	 * How many returns each status holds (one grouped read of the status index).
	 *
	 * @return array<string, int> Every status => count, zeros included.
	 */
	public function status_counts(): array {
		$counts = array_fill_keys( array_column( ReturnStatus::cases(), 'value' ), 0 );
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- no input.
		$rows   = $this->wpdb->get_results( "SELECT status, COUNT(*) AS n FROM {$this->table()} GROUP BY status" );
		foreach ( $rows as $row ) {
			if ( isset( $counts[ $row->status ] ) ) {
				$counts[ $row->status ] = (int) $row->n;
			}
		}
		return $counts;
	}

	/**
	 * @return array<string, mixed>
	 */
	private function row( ReturnRequest $return ): array {
		return array(
			'status'            => $return->status->value,
			'order_id'          => $return->order_id,
			'order_number'      => $return->order_number,
			'customer_id'       => $return->customer_id,
			'customer_email'    => $return->customer_email,
			'customer_name'     => $return->customer_name,
			'ticket_id'         => $return->ticket_id,
			'outcome'           => $return->outcome,
			'resolution'        => $return->resolution,
			'refund_amount'     => $return->refund_amount,
			'restocking_fee'    => $return->restocking_fee,
			'refund_reference'  => $return->refund_reference,
			'coupon_code'       => $return->coupon_code,
			'exchange_order_id' => $return->exchange_order_id,
			'created_at'        => $return->created_at,
			'updated_at'        => $return->updated_at,
			'received_at'       => $return->received_at,
			'closed_at'         => $return->closed_at,
		);
	}
}
