<?php
/**
 * A support ticket. Times are Unix seconds (UTC); 0 means "not yet".
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tickets;

final class Ticket {

	/**
	 * @param string[]      $tags              Tags.
	 * @param int           $email_verified_at When the customer's email was shown to be theirs (0: not yet,
	 *                                         a guest's claim only): see TicketService::create() and
	 *                                         TicketAccess::confirm_email().
	 * @param array<int[]>  $sla_pauses        The finished SLA pauses as [start, end] pairs (their total is
	 *                                         $sla_paused_seconds, with pauses from before they were kept).
	 * @param string[]      $cc                Addresses an agent copied in: our mails to the customer go
	 *                                         to them too, and their replies by mail join the ticket.
	 * @param array<int, array<string, mixed>> $rules The priority rules that fired on the ticket, oldest first: each
	 *                                         the rule as it stood then (PriorityRules::normalize()) with the
	 *                                         order's `currency`, `at` (Unix time), `from` and `to` priorities.
	 */
	public function __construct(
		public int $id,
		public int $number,
		public string $subject,
		public Status $status,
		public Priority $priority,
		public Channel $channel,
		public int $customer_id,
		public string $customer_email,
		public string $customer_name,
		public int $order_id,
		public int $assignee_id,
		public string $awaiting,
		public int $created_at,
		public int $updated_at,
		public int $first_response_at = 0,
		public int $solved_at = 0,
		public int $due_at = 0,
		public int $sla_paused_at = 0,
		public int $sla_paused_seconds = 0,
		public int $message_count = 0,
		public array $tags = array(),
		public int $email_verified_at = 0,
		public array $sla_pauses = array(),
		public array $cc = array(),
		public array $rules = array()
	) {}

	/** The share of the SLA targets the fired rules leave (100: untouched; the tightest rule wins). */
	public function sla_percent(): int {
		return (int) min( array_merge( array( 100 ), array_column( $this->rules, 'sla_percent' ) ) );
	}

	/** The first-reply time a fired rule set, in minutes (0: none; the tightest wins). */
	public function first_response_cap(): int {
		$caps = array_filter( array_map( 'intval', array_column( $this->rules, 'first_response_minutes' ) ) );
		return $caps ? min( $caps ) : 0;
	}

	/**
	 * Whether the email is known to be the customer's: an account's, one an order matched, or a
	 * guest's who opened a link mailed there. Until then it is only what someone typed.
	 */
	public function email_verified(): bool {
		return $this->email_verified_at > 0;
	}

	/**
	 * Who acts next in a status: the store, the customer (pending), or nobody (on hold, done).
	 */
	public static function awaiting_for( Status $status ): string {
		return match ( $status ) {
			Status::New, Status::Open => 'agent',
			Status::Pending           => 'customer',
			default                   => 'none',
		};
	}

	/**
	 * @param object $row A row of the tickets table.
	 * @param string[] $tags Its tags.
	 */
	public static function from_row( object $row, array $tags = array() ): self {
		return new self(
			(int) $row->id,
			(int) $row->number,
			(string) $row->subject,
			Status::from( (string) $row->status ),
			Priority::from( (string) $row->priority ),
			Channel::from( (string) $row->channel ),
			(int) $row->customer_id,
			(string) $row->customer_email,
			(string) $row->customer_name,
			(int) $row->order_id,
			(int) $row->assignee_id,
			(string) $row->awaiting,
			(int) $row->created_at,
			(int) $row->updated_at,
			(int) $row->first_response_at,
			(int) $row->solved_at,
			(int) $row->due_at >= TicketRepository::NO_DUE ? 0 : (int) $row->due_at,
			(int) $row->sla_paused_at,
			(int) $row->sla_paused_seconds,
			(int) $row->message_count,
			$tags,
			(int) $row->email_verified_at,
			self::pauses( $row->sla_pauses ?? '' ),
			array_values( array_filter( explode( ',', (string) ( $row->cc ?? '' ) ) ) ),
			self::rules( $row->rules ?? '' )
		);
	}

	/**
	 * @param mixed $stored The stored JSON list of fired rules.
	 * @return array<int, array<string, mixed>>
	 */
	private static function rules( mixed $stored ): array {
		$rules = json_decode( (string) $stored, true );
		return is_array( $rules ) ? array_values( array_filter( $rules, static fn( $rule ): bool => is_array( $rule ) && isset( $rule['key'] ) ) ) : array();
	}

	/**
	 * @param mixed $stored The stored JSON list of [start, end] pairs.
	 * @return array<int[]>
	 */
	private static function pauses( mixed $stored ): array {
		$pairs = json_decode( (string) $stored, true );
		$valid = static fn( $pair ): bool => is_array( $pair ) && 2 === count( $pair ) && is_int( $pair[0] ?? null ) && is_int( $pair[1] ?? null );
		return is_array( $pairs ) ? array_values( array_filter( $pairs, $valid ) ) : array();
	}
}
