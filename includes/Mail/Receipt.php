<?php
/**
 * What Inbox::receive() did with one raw message.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Mail;

final class Receipt {

	/**
	 * @param Outcome $outcome     What became of it.
	 * @param int     $ticket_id   The ticket it went to (or went to the first time, for a duplicate); 0 for none.
	 * @param int     $message_id  The ticket message it became; 0 for none.
	 * @param Reason[] $reasons    Why, when it was not simply stored (or stored with a remark).
	 * @param int     $received_id Its row in the received-mail log.
	 */
	public function __construct(
		public readonly Outcome $outcome,
		public readonly int $ticket_id = 0,
		public readonly int $message_id = 0,
		public readonly array $reasons = array(),
		public readonly int $received_id = 0,
	) {}

	/**
	 * @return array{outcome: string, ticket_id: int, message_id: int, reason: string, reason_code: string, received_id: int}
	 */
	public function to_array(): array {
		return array(
			'outcome'     => $this->outcome->value,
			'ticket_id'   => $this->ticket_id,
			'message_id'  => $this->message_id,
			'reason'      => Reason::describe_all( $this->reasons ),
			'reason_code' => $this->reasons[0]->code ?? '',
			'received_id' => $this->received_id,
		);
	}
}
