<?php
/**
 * What a queue request asks for; built from validated REST parameters by Rest\Tickets\Query.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tickets;

final class TicketFilter {

	/**
	 * @param string[]          $statuses   Status values.
	 * @param string[]          $priorities Priority values.
	 * @param string[]          $channels   Channel values.
	 * @param array{0:int,1:int}|null $cursor Keyset position: sort value and id of the last row seen.
	 * @param int               $due_before The `at_risk` view: open tickets due before this (Sla::at_risk_before()).
	 */
	public function __construct(
		public string $view = 'all',
		public int $agent_id = 0,
		public array $statuses = array(),
		public array $priorities = array(),
		public array $channels = array(),
		public ?int $assignee = null,
		public ?int $customer_id = null,
		public ?int $order_id = null,
		public ?bool $has_order = null,
		public string $tag = '',
		public string $search = '',
		public string $orderby = 'due',
		public bool $reverse = false,
		public int $per_page = 25,
		public ?array $cursor = null,
		public int $due_before = 0
	) {}

	/**
	 * @param array{0:int,1:int} $position Sort value and id.
	 */
	public static function encode_cursor( array $position ): string {
		// phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_encode -- an opaque paging token.
		return rtrim( strtr( base64_encode( $position[0] . ':' . $position[1] ), '+/', '-_' ), '=' );
	}

	/**
	 * @return array{0:int,1:int}|null Null when the cursor is not one we issued.
	 */
	public static function decode_cursor( string $cursor ): ?array {
		$raw = base64_decode( strtr( $cursor, '-_', '+/' ), true ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_decode
		if ( false === $raw || ! preg_match( '/^(\d{1,20}):(\d{1,20})$/', $raw, $m ) ) {
			return null;
		}
		return array( (int) $m[1], (int) $m[2] );
	}
}
