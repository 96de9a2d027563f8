<?php
/**
 * The received-mail resource: one entry of the log of received mail, as supervisors read it (the
 * reason in their language), with the raw message when one entry is opened.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Mail\Rest;

use Aftercare\Mail\Inbox;
use Aftercare\Mail\Outcome;
use Aftercare\Mail\Reason;
use Aftercare\Tickets\Rest\TicketSchema;

final class ReceivedMailSchema {

	/** How much of a raw message one entry shows: enough to see what went wrong. */
	public const RAW_BYTES = 262144;

	/**
	 * @return array<string, mixed>
	 */
	public function item_schema(): array {
		$view = array( 'view', 'edit' );
		$prop = static fn( string $description, string|array $type, array $more = array() ): array => array(
			'description' => $description,
			'type'        => $type,
			'context'     => $view,
			'readonly'    => true,
		) + $more;
		return array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'aftercare_received_mail',
			'type'       => 'object',
			'properties' => array(
				'id'            => $prop( __( 'Internal id.', 'aftercare' ), 'integer' ),
				'received'      => $prop( __( 'When it was received (UTC).', 'aftercare' ), 'string', array( 'format' => 'date-time' ) ),
				'source'        => $prop(
					__( 'How it came in: the signed webhook, Postmark, or the mailbox (IMAP).', 'aftercare' ),
					'string',
					array( 'enum' => Inbox::SOURCES )
				),
				'sender'        => $prop( __( 'The sender\'s address (empty when the mail could not be read).', 'aftercare' ), 'string' ),
				'subject'       => $prop( __( 'Subject line.', 'aftercare' ), 'string' ),
				'outcome'       => $prop(
					__( 'What became of it: stored in a ticket, ignored (auto-reply, bounce, our own mail, over a limit) or kept for an agent.', 'aftercare' ),
					'string',
					array( 'enum' => self::outcomes() )
				),
				'reason'        => $prop( __( 'Why, in words (empty when simply stored).', 'aftercare' ), 'string' ),
				'reason_code'   => $prop( __( 'The first reason as a code, e.g. not_customer or attachments_refused (empty: none).', 'aftercare' ), 'string' ),
				'ticket_id'     => $prop( __( 'The ticket it went to (0: none).', 'aftercare' ), 'integer' ),
				'ticket_number' => $prop( __( 'That ticket\'s number (null: none, or deleted since).', 'aftercare' ), array( 'integer', 'null' ) ),
				'raw'           => array(
					'description' => __( 'One entry only: the raw message as received, as text (cut after 256 KB).', 'aftercare' ),
					'type'        => 'string',
					'context'     => array( 'edit' ),
					'readonly'    => true,
				),
				'raw_truncated' => array(
					'description' => __( 'One entry only: whether the raw message was cut.', 'aftercare' ),
					'type'        => 'boolean',
					'context'     => array( 'edit' ),
					'readonly'    => true,
				),
			),
		);
	}

	/**
	 * The outcomes a log entry can have (a duplicate is never logged twice).
	 *
	 * @return string[]
	 */
	public static function outcomes(): array {
		$all = array_map( static fn( Outcome $outcome ): string => $outcome->value, Outcome::cases() );
		return array_values( array_diff( $all, array( Outcome::Duplicate->value ) ) );
	}

	/**
	 * @param object $row  A log row (with `ticket_number`, and `raw` when $full).
	 * @param bool   $full Whether to add the raw message.
	 * @return array<string, mixed>
	 */
	public function prepare( object $row, bool $full ): array {
		$reasons = Reason::decode( (string) $row->reason );
		$data    = array(
			'id'            => (int) $row->id,
			'received'      => TicketSchema::date( (int) $row->received_at ),
			'source'        => (string) $row->source,
			'sender'        => (string) $row->sender,
			'subject'       => (string) $row->subject,
			'outcome'       => (string) $row->outcome,
			'reason'        => Reason::describe_all( $reasons ),
			'reason_code'   => $reasons[0]->code ?? '',
			'ticket_id'     => (int) $row->ticket_id,
			'ticket_number' => null !== ( $row->ticket_number ?? null ) ? (int) $row->ticket_number : null,
		);
		if ( $full ) {
			$raw                   = (string) $row->raw;
			$data['raw']           = mb_convert_encoding( substr( $raw, 0, self::RAW_BYTES ), 'UTF-8', 'UTF-8' );
			$data['raw_truncated'] = strlen( $raw ) > self::RAW_BYTES;
		}
		return $data;
	}
}
