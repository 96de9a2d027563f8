<?php
/**
 * What makes a mail threadable, for both mailers: a stable Message-ID per outbox row, In-Reply-To
 * and References to the earlier mails of the same thread (ticket and recipient, both ways: what we
 * sent them and what they wrote us, so our answer to a shopper's mail sits under it), and for the
 * shopper a Reply-To that leads back to the ticket (the support address with a signed plus-tag),
 * and a Cc to the addresses an agent copied in on the ticket.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Notifications;

use Aftercare\Infrastructure\Registrable;
use Aftercare\Mail\ReceivedMailRepository;
use Aftercare\Mail\ReplyAddress;
use Aftercare\Tickets\TicketRepository;

final class MailHeaders implements Registrable {

	/** Our Message-IDs, so phpmailer_init touches no one else's. */
	private const OURS = '<aftercare.';

	/** Message-IDs a mail refers to at most (the newest). */
	private const REFERENCES = 10;

	public function __construct(
		private Outbox $outbox,
		private ReceivedMailRepository $received,
		private ReplyAddress $reply,
		private TicketRepository $tickets
	) {}

	public function register(): void {
		add_action( 'phpmailer_init', array( $this, 'stamp' ) );
	}

	/**
	 * Header lines for the mail of outbox row $row.
	 *
	 * @return string[]
	 */
	public function for_row( object $row, Notification $mail ): array {
		$host    = (string) wp_parse_url( home_url(), PHP_URL_HOST );
		$random  = bin2hex( random_bytes( 6 ) );
		$mine    = sprintf( '%st%d.m%d.%s@%s>', self::OURS, (int) $row->ticket_id, (int) $row->message_id, $random, '' !== $host ? $host : 'localhost' );
		$headers = array( 'Message-ID: ' . $this->outbox->assign_mail_id( (int) $row->id, $mine ) );
		// The thread: our earlier mails to this recipient and theirs to us about the ticket, oldest first.
		$thread = $this->outbox->thread( (int) $row->ticket_id, (string) $row->recipient, (int) $row->id )
			+ $this->received->thread( (int) $row->ticket_id, (string) $row->recipient );
		asort( $thread );
		$thread = array_slice( array_keys( $thread ), -self::REFERENCES );
		if ( $thread ) {
			$headers[] = 'In-Reply-To: ' . end( $thread );
			$headers[] = 'References: ' . implode( ' ', $thread );
		}
		if ( $mail->kind->to_customer() && is_email( $this->reply->support() ) ) {
			// Only the shopper's mails: an agent answering a notification by mail would become a "customer".
			$headers[] = 'Reply-To: ' . $this->reply->for_ticket( $mail->ticket_number );
		}
		$cc = $mail->kind->to_customer() ? ( $this->tickets->find( (int) $row->ticket_id )?->cc ?? array() ) : array();
		if ( $cc ) {
			// The addresses an agent copied in see what the customer sees (their replies join the ticket).
			$headers[] = 'Cc: ' . implode( ', ', $cc );
		}
		return $headers;
	}

	/**
	 * wp_mail passes unknown headers on as custom ones, and PHPMailer writes its own Message-ID as
	 * well; ours replaces it, so the mail carries exactly one.
	 *
	 * @param \PHPMailer\PHPMailer\PHPMailer $mailer The mailer wp_mail is about to send with.
	 */
	public function stamp( $mailer ): void {
		$custom = $mailer->getCustomHeaders();
		$ours   = array_filter(
			$custom,
			static fn( array $pair ): bool => 0 === strcasecmp( $pair[0], 'Message-ID' ) && str_starts_with( trim( $pair[1] ), self::OURS )
		);
		if ( ! $ours ) {
			return;
		}
		$mailer->clearCustomHeaders();
		foreach ( array_diff_key( $custom, $ours ) as $pair ) {
			$mailer->addCustomHeader( $pair[0], $pair[1] );
		}
		// phpcs:ignore WordPress.NamingConventions.ValidVariableName.UsedPropertyNotSnakeCase -- PHPMailer's property.
		$mailer->MessageID = trim( reset( $ours )[1] );
	}
}
