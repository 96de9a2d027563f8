<?php
/**
 * Where every received mail goes in, whichever way it came (signed webhook, Postmark, IMAP):
 * parse → classify → thread → one write, in one transaction.
 *
 *     Plugin::instance()->inbox->receive( $raw, 'imap' )->outcome === Outcome::Stored
 *
 * Threading, first match wins: the verified plus-tag of our Reply-To; In-Reply-To/References
 * against the mails we sent and received; for a known sender, an open ticket of theirs named
 * `[#1042]` in the subject. A mail joins a ticket only from that ticket's customer address and
 * never a closed ticket; otherwise it opens a new ticket (channel email) for its sender.
 *
 * Nothing is answered twice or in a loop: the same mail (Message-ID or bytes) is stored once;
 * auto-replies, bounces and our own mail are recorded but never become tickets, so they trigger
 * no acknowledgement. Nothing is lost: a mail that cannot be read or written is kept, raw, as
 * needing attention.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Mail;

use Aftercare\Infrastructure\Database\Transaction;
use Aftercare\Infrastructure\DomainError;
use Aftercare\Infrastructure\RateLimiter;
use Aftercare\Notifications\Outbox;
use Aftercare\Tickets\AttachmentStore;
use Aftercare\Tickets\Channel;
use Aftercare\Tickets\MessageBody;
use Aftercare\Tickets\Status;
use Aftercare\Tickets\Ticket;
use Aftercare\Tickets\TicketRepository;
use Aftercare\Tickets\TicketService;

final class Inbox implements Receiver {

	/** Where mail may come from. */
	public const SOURCES = array( 'webhook', 'imap', 'postmark' );

	/** Mails a sender may open or add to per hour, and all senders together. */
	public const SENDER_LIMIT = 30;
	public const GLOBAL_LIMIT = 600;

	public function __construct(
		private ReceivedMailRepository $received,
		private ReplyAddress $reply,
		private Outbox $outbox,
		private TicketRepository $tickets,
		private TicketService $service,
		private AttachmentStore $attachments,
		private RateLimiter $limiter,
		private Transaction $transaction
	) {}

	/**
	 * The mailbox poller's way in: a message is durably handled once receive() has returned,
	 * whatever its outcome (a bad message is kept for an agent), so it may be marked seen.
	 *
	 * @param string $raw    The message as the mailbox holds it.
	 * @param string $source One of SOURCES.
	 */
	public function take( string $raw, string $source ): bool {
		$this->receive( $raw, $source );
		return true;
	}

	/**
	 * Takes one raw RFC 5322 message. Returns after the outcome is durably written.
	 *
	 * @param string $raw    The message as the MTA handed it over.
	 * @param string $source One of SOURCES.
	 */
	public function receive( string $raw, string $source ): Receipt {
		if ( ! in_array( $source, self::SOURCES, true ) ) {
			throw new \InvalidArgumentException( 'Unknown mail source: ' . esc_html( $source ) );
		}
		$hash    = hash( 'sha256', $raw );
		$earlier = $this->received->find_existing( 'sha256:' . $hash, $hash );
		if ( $earlier ) {
			return self::duplicate( $earlier );
		}
		try {
			$message = MimeParser::parse( $raw );
		} catch ( UnparseableMessage $error ) {
			return $this->record( 'sha256:' . $hash, $hash, $source, '', '', Outcome::NeedsAttention, 'Unparseable: ' . $error->reason, $raw );
		}
		$mail_id = '' !== $message->message_id ? $message->message_id : 'sha256:' . $hash;
		$earlier = $this->received->find_existing( $mail_id, $hash );
		if ( $earlier ) {
			return self::duplicate( $earlier );
		}
		$sender = strtolower( $message->from?->address ?? '' );
		$record = fn( Outcome $outcome, string $reason ): Receipt => $this->record( $mail_id, $hash, $source, $sender, $message->subject, $outcome, $reason, $raw );
		if ( ! is_email( $sender ) ) {
			return $record( Outcome::NeedsAttention, 'No sender address.' );
		}
		if ( $this->reply->is_ours( $sender ) ) {
			return $record( Outcome::Ignored, 'From our own support address.' );
		}
		$class = Classifier::classify( $message );
		if ( MailKind::Normal !== $class->kind ) {
			return $record( Outcome::Ignored, ucfirst( str_replace( '_', '-', $class->kind->value ) ) . ': ' . $class->reason );
		}
		$flood = $this->limiter->hit( 'inbound_mail_sender', $sender, self::SENDER_LIMIT, HOUR_IN_SECONDS )
			|| $this->limiter->hit( 'inbound_mail', 'all', self::GLOBAL_LIMIT, HOUR_IN_SECONDS );
		if ( $flood ) {
			return $record( Outcome::Ignored, 'Over the hourly limit of received mail.' );
		}
		list( $ticket, $why ) = $this->thread( $message, $sender );
		list( $files, $refused ) = $this->accept_files( $message, $ticket?->id ?? 0 );
		$reason = trim( $why . ' ' . $refused );
		try {
			return $this->transaction->run(
				function () use ( $mail_id, $hash, $source, $sender, $message, $raw, $ticket, $files, $reason ): Receipt {
					$row = $this->received->insert( $mail_id, $hash, $source, $sender, $message->subject, Outcome::Stored, $reason, $raw );
					if ( ! $row ) {
						throw new DuplicateMail();
					}
					$body = self::body( $message );
					if ( $ticket ) {
						$written   = $this->service->reply( $ticket->id, 'reply', $body, 0 );
						$ticket_id = $ticket->id;
					} else {
						$created   = $this->service->create( self::new_ticket( $message, $sender, $body ), 0, Channel::Email );
						$written   = $created['message'];
						$ticket_id = $created['ticket']->id;
					}
					$this->attachments->insert( $ticket_id, $written->id, $files );
					$this->received->finish( $row, Outcome::Stored, $ticket_id, $written->id, $reason );
					return new Receipt( Outcome::Stored, $ticket_id, $written->id, $reason, $row );
				}
			);
		} catch ( DuplicateMail ) {
			$this->attachments->discard( $files );
			$earlier = $this->received->find_existing( $mail_id, $hash );
			return $earlier ? self::duplicate( $earlier ) : new Receipt( Outcome::Duplicate );
		} catch ( \Throwable $error ) {
			$this->attachments->discard( $files );
			return $record( Outcome::NeedsAttention, 'Not written: ' . ( $error instanceof DomainError ? $error->getMessage() : get_class( $error ) ) );
		}
	}

	/**
	 * The ticket this mail continues, or null for a new one; and why, when a match was refused.
	 *
	 * @return array{0: ?Ticket, 1: string}
	 */
	private function thread( InboundMessage $message, string $sender ): array {
		$recipients = array_map( static fn( Address $to ): string => $to->address, array( ...$message->to, ...$message->cc ) );
		foreach ( array( 'delivered-to', 'x-original-to' ) as $header ) {
			$recipients = array( ...$recipients, ...array_map( static fn( Address $to ): string => $to->address, Address::parse_list( $message->header( $header ) ) ) );
		}
		$number = $this->reply->ticket_number( $recipients );
		$ticket = $number ? $this->tickets->find_by_number( $number ) : null;
		if ( ! $ticket ) {
			$ids    = array( ...$message->in_reply_to, ...$message->references );
			$found  = $this->outbox->ticket_of( array_map( static fn( string $id ): string => '<' . $id . '>', $ids ) ) ?: $this->received->ticket_of( $ids );
			$ticket = $found ? $this->tickets->find( $found ) : null;
		}
		if ( ! $ticket && preg_match( '/\[#(\d{1,18})\]/', $message->subject, $named ) ) {
			$named  = $this->tickets->find_by_number( (int) $named[1] );
			$ticket = $named && self::is_customer( $named, $sender ) && ! $named->status->is_done() ? $named : null;
		}
		if ( ! $ticket ) {
			return array( null, '' );
		}
		if ( ! self::is_customer( $ticket, $sender ) ) {
			return array( null, sprintf( 'A reply to ticket #%d from someone other than its customer: opened a new ticket.', $ticket->number ) );
		}
		if ( Status::Closed === $ticket->status ) {
			return array( null, sprintf( 'A reply to closed ticket #%d: opened a new ticket.', $ticket->number ) );
		}
		return array( $ticket, '' );
	}

	private static function is_customer( Ticket $ticket, string $sender ): bool {
		return 0 === strcasecmp( $ticket->customer_email, $sender );
	}

	/**
	 * The mail's files through the attachment store's rules, one by one: a refused file is noted,
	 * never fatal to the message.
	 *
	 * @return array{0: array<int, array{file: string, name: string, mime: string, size: int}>, 1: string} Stored files; what was refused.
	 */
	private function accept_files( InboundMessage $message, int $ticket_id ): array {
		$stored  = array();
		$refused = array();
		foreach ( $message->attachments as $attachment ) {
			if ( count( $stored ) >= AttachmentStore::MAX_FILES ) {
				$refused[] = $attachment->filename . ' (too many files)';
				continue;
			}
			if ( array_sum( array_column( $stored, 'size' ) ) + $attachment->size() > $this->attachments->max_message_bytes() ) {
				$refused[] = $attachment->filename . ' (over the limit for one message)';
				continue;
			}
			$tmp = wp_tempnam( 'aftercare-mail' );
			// phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_file_put_contents -- a temporary file the store copies.
			file_put_contents( $tmp, $attachment->bytes );
			try {
				$file   = array(
					'name'     => $attachment->filename,
					'tmp_name' => $tmp,
					'size'     => $attachment->size(),
					'error'    => UPLOAD_ERR_OK,
				);
				$stored = array( ...$stored, ...$this->attachments->accept( array( $file ), 0, $ticket_id ) );
			} catch ( DomainError $error ) {
				$refused[] = $attachment->filename . ' (' . $error->getMessage() . ')';
			} finally {
				wp_delete_file( $tmp );
			}
		}
		return array( $stored, $refused ? 'Attachments refused: ' . implode( '; ', $refused ) : '' );
	}

	/**
	 * What the agent reads first: the text without quoted history and signature, as message HTML.
	 */
	private static function body( InboundMessage $message ): string {
		$trimmed = QuoteTrimmer::message( $message );
		$html    = $trimmed->html ? Html::sanitize( $trimmed->visible ) : '';
		if ( '' === $html || mb_strlen( $html ) > MessageBody::MAX_LENGTH ) {
			$text = trim( mb_substr( $trimmed->text(), 0, MessageBody::MAX_LENGTH / 2 ) );
			$html = '' !== $text ? wpautop( esc_html( $text ) ) : '';
		}
		return '' !== trim( wp_strip_all_tags( $html ) ) ? $html : '<p>' . esc_html__( '(This email has no text.)', 'aftercare' ) . '</p>';
	}

	/**
	 * @return array<string, string> TicketService::create() input for a guest.
	 */
	private static function new_ticket( InboundMessage $message, string $sender, string $body ): array {
		$name    = trim( sanitize_text_field( $message->from?->name ?? '' ) );
		$subject = trim( sanitize_text_field( $message->subject ) );
		return array(
			'name'    => mb_substr( '' !== $name ? $name : strstr( $sender, '@', true ), 0, 190 ),
			'email'   => $sender,
			'subject' => '' !== $subject ? mb_substr( $subject, 0, 200 ) : __( '(no subject)', 'aftercare' ),
			'message' => $body,
		);
	}

	private function record(
		string $mail_id,
		string $hash,
		string $source,
		string $sender,
		string $subject,
		Outcome $outcome,
		string $reason,
		string $raw
	): Receipt {
		$row = $this->received->insert( $mail_id, $hash, $source, $sender, $subject, $outcome, $reason, $raw );
		if ( ! $row ) {
			$earlier = $this->received->find_existing( $mail_id, $hash );
			return $earlier ? self::duplicate( $earlier ) : new Receipt( Outcome::Duplicate );
		}
		return new Receipt( $outcome, 0, 0, $reason, $row );
	}

	private static function duplicate( object $earlier ): Receipt {
		return new Receipt( Outcome::Duplicate, (int) $earlier->ticket_id, (int) $earlier->ticket_message_id, 'Received before.', (int) $earlier->id );
	}
}
