<?php
/**
 * The lines of returns, and what earlier returns took out of an order.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Returns;

use Aftercare\Infrastructure\Database\Table;

final class ReturnItemRepository implements Table, ReturnedQuantities {

	public function __construct( private \wpdb $wpdb ) {}

	public function table_name(): string {
		return 'return_items';
	}

	public function schema_version(): int {
		return 1;
	}

	public function schema( string $table, string $collate ): string {
		return "CREATE TABLE {$table} (
  id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  return_id bigint(20) unsigned NOT NULL,
  order_id bigint(20) unsigned NOT NULL,
  order_item_id bigint(20) unsigned NOT NULL,
  product_id bigint(20) unsigned NOT NULL DEFAULT 0,
  name varchar(200) NOT NULL DEFAULT '',
  quantity int(10) unsigned NOT NULL DEFAULT 0,
  reason varchar(40) NOT NULL DEFAULT '',
  reason_label varchar(120) NOT NULL DEFAULT '',
  received_quantity int(10) unsigned NOT NULL DEFAULT 0,
  restocked_quantity int(10) unsigned NOT NULL DEFAULT 0,
  refunded_quantity int(10) unsigned NOT NULL DEFAULT 0,
  PRIMARY KEY  (id),
  KEY return_id (return_id),
  KEY order_item (order_id,order_item_id),
  KEY reason (reason,return_id)
) {$collate};";
	}

	public function table(): string {
		return $this->wpdb->prefix . 'aftercare_return_items';
	}

	/**
	 * @param ReturnItem[] $items Lines of a new return.
	 */
	public function insert( int $return_id, int $order_id, array $items ): void {
		foreach ( $items as $item ) {
			$row = array(
				'return_id'     => $return_id,
				'order_id'      => $order_id,
				'order_item_id' => $item->order_item_id,
				'product_id'    => $item->product_id,
				'name'          => mb_substr( $item->name, 0, 200 ),
				'quantity'      => $item->quantity,
				'reason'        => $item->reason,
				'reason_label'  => mb_substr( $item->reason_label, 0, 120 ),
			);
			if ( ! $this->wpdb->insert( $this->table(), $row ) ) {
				throw new \RuntimeException( 'Return item insert failed: ' . esc_html( $this->wpdb->last_error ) );
			}
			$item->id        = (int) $this->wpdb->insert_id;
			$item->return_id = $return_id;
		}
	}

	public function update( ReturnItem $item ): void {
		$this->wpdb->update(
			$this->table(),
			array(
				'received_quantity'  => $item->received_quantity,
				'restocked_quantity' => $item->restocked_quantity,
				'refunded_quantity'  => $item->refunded_quantity,
			),
			array( 'id' => $item->id )
		);
	}

	/**
	 * @param int[] $return_ids Returns.
	 * @return array<int, ReturnItem[]> By return id.
	 */
	public function for_returns( array $return_ids ): array {
		if ( ! $return_ids ) {
			return array();
		}
		$placeholders = implode( ',', array_fill( 0, count( $return_ids ), '%d' ) );
		$rows         = $this->wpdb->get_results(
			// phpcs:ignore WordPress.DB.PreparedSQL
			$this->wpdb->prepare( "SELECT * FROM {$this->table()} WHERE return_id IN ({$placeholders}) ORDER BY id", $return_ids )
		);
		$by_return    = array();
		foreach ( $rows as $row ) {
			$by_return[ (int) $row->return_id ][] = ReturnItem::from_row( $row );
		}
		return $by_return;
	}

	/**
	 * Lines count while their return stands: not when rejected, nor when withdrawn (closed
	 * before anything was received or settled); once items arrived, only those that did.
	 */
	public function returned_quantities( array $order_ids ): array {
		$order_ids = array_values( array_unique( array_map( 'intval', $order_ids ) ) );
		if ( ! $order_ids ) {
			return array();
		}
		$returns      = $this->wpdb->prefix . 'aftercare_returns';
		$placeholders = implode( ',', array_fill( 0, count( $order_ids ), '%d' ) );
		$rows         = $this->wpdb->get_results(
			$this->wpdb->prepare(
				// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table names and placeholders.
				"SELECT i.order_id, i.order_item_id,
					SUM(CASE WHEN r.received_at > 0 THEN i.received_quantity ELSE i.quantity END) AS returned, SUM(i.refunded_quantity) AS refunded
				FROM {$this->table()} i INNER JOIN {$returns} r ON r.id = i.return_id
				WHERE i.order_id IN ({$placeholders}) AND r.status <> 'rejected' AND NOT ( r.status = 'closed' AND r.resolution = '' AND r.received_at = 0 )
				GROUP BY i.order_id, i.order_item_id",
				$order_ids
			)
		);
		$counts = array();
		foreach ( $rows as $row ) {
			$counts[ (int) $row->order_id ][ (int) $row->order_item_id ] = array(
				'returned' => (int) $row->returned,
				'refunded' => (int) $row->refunded,
			);
		}
		return $counts;
	}
}
