<?php
/**
 * Where every received mail goes in, whichever way it came (signed webhook, Postmark, IMAP):
 * parse → classify → thread → one write, in one transaction.
 *
 *     Plugin::instance()->inbox->receive( $raw, 'imap' )->outcome === Outcome::Stored
 *
 * Threading, first match wins: the verified plus-tag of our Reply-To; In-Reply-To/References
 * against the mails we sent and received; for a known sender, an open ticket of theirs named
 * `[#1042]` in the subject. A mail joins a ticket only from that ticket's customer address (or an
 * address an agent copied in on it, the ticket's `cc`) and never a closed ticket; otherwise it
 * opens a new ticket (channel email) for its sender.
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
use Aftercare\Tickets\AttachmentLinks;
use Aftercare\Tickets\AttachmentStore;
use Aftercare\Tickets\Channel;
use Aftercare\Tickets\MessageBody;
use Aftercare\Tickets\MessageRepository;
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
		private MessageRepository $messages,
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
		return $this->process( $raw, $source, 0 );
	}

	/**
	 * Runs a mail that needs attention through the pipeline again (say, once the store has changed
	 * a setting that refused it); its row is rewritten with the new outcome. Should it turn out to
	 * be a mail logged under another entry, this entry goes and the receipt names that one.
	 *
	 * @throws DomainError 404 when there is no such mail, 409 when it does not need attention.
	 */
	public function retry( int $received_id ): Receipt {
		$row = $this->received->find( $received_id );
		if ( ! $row ) {
			throw DomainError::not_found( 'not_found', __( 'That received mail no longer exists.', 'aftercare' ) );
		}
		if ( Outcome::NeedsAttention->value !== $row->outcome ) {
			throw DomainError::conflict( 'not_needing_attention', __( 'Only a mail that needs attention can be tried again.', 'aftercare' ) );
		}
		$receipt = $this->process( (string) $row->raw, (string) $row->source, (int) $row->id );
		if ( Outcome::Duplicate === $receipt->outcome && $receipt->received_id && $receipt->received_id !== (int) $row->id ) {
			$this->received->dismiss( (int) $row->id );
		}
		return $receipt;
	}

	/**
	 * @param int $again The row of an earlier run being retried (0: a new mail).
	 */
	private function process( string $raw, string $source, int $again ): Receipt {
		$hash    = hash( 'sha256', $raw );
		$earlier = $this->received->find_existing( 'sha256:' . $hash, $hash, $again );
		if ( $earlier ) {
			return self::duplicate( $earlier );
		}
		try {
			$message = MimeParser::parse( $raw );
		} catch ( UnparseableMessage $error ) {
			return $this->record( $again, 'sha256:' . $hash, $hash, $source, '', '', Outcome::NeedsAttention, array( $error->why ), $raw );
		}
		$mail_id = '' !== $message->message_id ? $message->message_id : 'sha256:' . $hash;
		$earlier = $this->received->find_existing( $mail_id, $hash, $again );
		if ( $earlier ) {
			return self::duplicate( $earlier );
		}
		$sender = strtolower( $message->from?->address ?? '' );
		$record = fn( Outcome $outcome, Reason $reason ): Receipt => $this->record(
			$again,
			$mail_id,
			$hash,
			$source,
			$sender,
			$message->subject,
			$outcome,
			array( $reason ),
			$raw
		);
		if ( ! is_email( $sender ) ) {
			return $record( Outcome::NeedsAttention, new Reason( 'no_sender' ) );
		}
		if ( $this->reply->is_ours( $sender ) ) {
			return $record( Outcome::Ignored, new Reason( 'own_address' ) );
		}
		$class = Classifier::classify( $message );
		if ( MailKind::Normal !== $class->kind ) {
			return $record( Outcome::Ignored, new Reason( $class->kind->value, array( 'evidence' => $class->reason ) ) );
		}
		$flood = $this->limiter->hit( 'inbound_mail_sender', $sender, self::SENDER_LIMIT, HOUR_IN_SECONDS )
			|| $this->limiter->hit( 'inbound_mail', 'all', self::GLOBAL_LIMIT, HOUR_IN_SECONDS );
		if ( $flood ) {
			return $record( Outcome::Ignored, new Reason( 'flood' ) );
		}
		list( $ticket, $why )    = $this->thread( $message, $sender );
		list( $files, $refused ) = $this->accept_files( $message, $ticket?->id ?? 0 );
		$reasons                 = array_values( array_filter( array( $why, $refused ) ) );
		try {
			return $this->transaction->run(
				function () use ( $again, $mail_id, $hash, $source, $sender, $message, $raw, $ticket, $files, $reasons ): Receipt {
					$row = $this->write_row( $again, $mail_id, $hash, $source, $sender, $message->subject, Outcome::Stored, $reasons, $raw );
					if ( ! $row ) {
						throw new DuplicateMail();
					}
					$trimmed = QuoteTrimmer::message( $message );
					$body    = self::body( $trimmed, array() );
					if ( $ticket ) {
						$written   = $this->service->reply( $ticket->id, 'reply', $body, 0 );
						$ticket_id = $ticket->id;
					} else {
						$created   = $this->service->create( self::new_ticket( $message, $sender, $body ), 0, Channel::Email );
						$written   = $created['message'];
						$ticket_id = $created['ticket']->id;
					}
					$stored = $this->attachments->insert( $ticket_id, $written->id, array_column( $files, 'file' ) );
					$this->show_inline_images( $trimmed, $written->id, $body, $files, $stored );
					$this->received->finish( $row, $ticket_id, $written->id, null !== $ticket, $trimmed->trimmed() );
					return new Receipt( Outcome::Stored, $ticket_id, $written->id, $reasons, $row );
				}
			);
		} catch ( DuplicateMail ) {
			$this->attachments->discard( array_column( $files, 'file' ) );
			$earlier = $this->received->find_existing( $mail_id, $hash, $again );
			return $earlier ? self::duplicate( $earlier ) : new Receipt( Outcome::Duplicate );
		} catch ( \Throwable $error ) {
			$this->attachments->discard( array_column( $files, 'file' ) );
			$detail = $error instanceof DomainError ? $error->getMessage() : get_class( $error );
			return $record( Outcome::NeedsAttention, new Reason( 'not_written', array( 'detail' => $detail ) ) );
		}
	}

	/**
	 * The ticket this mail continues, or null for a new one; and why, when a match was refused.
	 *
	 * @return array{0: ?Ticket, 1: ?Reason}
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
			$ticket = $named && self::may_reply( $named, $sender ) && ! $named->status->is_done() ? $named : null;
		}
		if ( ! $ticket ) {
			return array( null, null );
		}
		if ( ! self::may_reply( $ticket, $sender ) ) {
			return array( null, new Reason( 'not_customer', array( 'number' => $ticket->number ) ) );
		}
		if ( Status::Closed === $ticket->status ) {
			return array( null, new Reason( 'closed_ticket', array( 'number' => $ticket->number ) ) );
		}
		return array( $ticket, null );
	}

	/**
	 * The ticket's customer, or an address an agent copied in on it.
	 */
	private static function may_reply( Ticket $ticket, string $sender ): bool {
		return 0 === strcasecmp( $ticket->customer_email, $sender ) || in_array( strtolower( $sender ), $ticket->cc, true );
	}

	/**
	 * The mail's files through the attachment store's rules, one by one: a refused file is noted,
	 * never fatal to the message.
	 *
	 * @return array{0: list<array{file: array{file: string, name: string, mime: string, size: int}, cid: string}>, 1: ?Reason} Stored files; what was refused.
	 */
	private function accept_files( InboundMessage $message, int $ticket_id ): array {
		$stored  = array();
		$refused = array();
		if ( $message->attachments && ! function_exists( 'wp_tempnam' ) ) {
			require_once ABSPATH . 'wp-admin/includes/file.php'; // wp_tempnam(): REST and cron requests do not load it.
		}
		foreach ( $message->attachments as $attachment ) {
			if ( count( $stored ) >= AttachmentStore::MAX_FILES ) {
				$refused[] = array(
					'name' => $attachment->filename,
					'why'  => 'too_many_files',
				);
				continue;
			}
			$kept_bytes = array_sum( array_map( static fn( array $kept ): int => (int) $kept['file']['size'], $stored ) );
			if ( $kept_bytes + $attachment->size() > $this->attachments->max_message_bytes() ) {
				$refused[] = array(
					'name' => $attachment->filename,
					'why'  => 'message_too_large',
				);
				continue;
			}
			$tmp = wp_tempnam( 'aftercare-mail' );
			// phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_file_put_contents -- a temporary file the store copies.
			file_put_contents( $tmp, $attachment->bytes );
			try {
				$file     = array(
					'name'     => $attachment->filename,
					'tmp_name' => $tmp,
					'size'     => $attachment->size(),
					'error'    => UPLOAD_ERR_OK,
				);
				$stored[] = array(
					'file' => $this->attachments->accept( array( $file ), 0, $ticket_id )[0],
					'cid'  => $attachment->inline ? $attachment->content_id : '',
				);
			} catch ( DomainError $error ) {
				$refused[] = array(
					'name' => $attachment->filename,
					'why'  => $error->reason,
				);
			} finally {
				wp_delete_file( $tmp );
			}
		}
		return array( $stored, $refused ? new Reason( 'attachments_refused', array( 'files' => $refused ) ) : null );
	}

	/**
	 * What the agent reads first: the text without quoted history and signature, as message HTML.
	 * Inline images (`cid:`) become links to their stored files; one that was not stored leaves
	 * its alt text.
	 *
	 * @param array<string, string> $images Content-ID => the stored file's address.
	 */
	private static function body( Trimmed $trimmed, array $images ): string {
		$html = $trimmed->html ? Html::sanitize( Html::inline_images( $trimmed->visible, $images ) ) : '';
		if ( '' === $html || mb_strlen( $html ) > MessageBody::MAX_LENGTH ) {
			$text = trim( mb_substr( $trimmed->text(), 0, MessageBody::MAX_LENGTH / 2 ) );
			$html = '' !== $text ? wpautop( esc_html( $text ) ) : '';
		}
		return '' !== trim( wp_strip_all_tags( $html ) ) ? $html : '<p>' . esc_html__( '(This email has no text.)', 'aftercare' ) . '</p>';
	}

	/**
	 * Once the files have ids, links the message's inline images to them.
	 *
	 * @param list<array{file: array<string, mixed>, cid: string}> $files  From accept_files().
	 * @param \Aftercare\Tickets\Attachment[]                     $stored The same files, recorded.
	 */
	private function show_inline_images( Trimmed $trimmed, int $message_id, string $written, array $files, array $stored ): void {
		$images = array();
		foreach ( $files as $i => $file ) {
			if ( '' !== $file['cid'] && isset( $stored[ $i ] ) ) {
				$images[ $file['cid'] ] = AttachmentLinks::address( $stored[ $i ]->id );
			}
		}
		$body = $images ? self::body( $trimmed, $images ) : $written;
		if ( $body !== $written ) {
			$this->messages->replace_body( $message_id, $body );
		}
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

	/**
	 * Records a mail that went into no ticket.
	 *
	 * @param int      $again   The row being retried, or 0.
	 * @param Reason[] $reasons Why.
	 */
	private function record(
		int $again,
		string $mail_id,
		string $hash,
		string $source,
		string $sender,
		string $subject,
		Outcome $outcome,
		array $reasons,
		string $raw
	): Receipt {
		$row = $this->write_row( $again, $mail_id, $hash, $source, $sender, $subject, $outcome, $reasons, $raw );
		if ( ! $row ) {
			$earlier = $this->received->find_existing( $mail_id, $hash, $again );
			return $earlier ? self::duplicate( $earlier ) : new Receipt( Outcome::Duplicate );
		}
		return new Receipt( $outcome, 0, 0, $reasons, $row );
	}

	/**
	 * A new row, or the retried one rewritten.
	 *
	 * @param Reason[] $reasons Why.
	 * @return int The row's id; 0 when the mail is already recorded (or the retried row was taken).
	 */
	private function write_row(
		int $again,
		string $mail_id,
		string $hash,
		string $source,
		string $sender,
		string $subject,
		Outcome $outcome,
		array $reasons,
		string $raw
	): int {
		if ( $again ) {
			return $this->received->redo( $again, $mail_id, $hash, $sender, $subject, $outcome, Reason::encode( $reasons ) ) ? $again : 0;
		}
		return $this->received->insert( $mail_id, $hash, $source, $sender, $subject, $outcome, Reason::encode( $reasons ), $raw );
	}

	private static function duplicate( object $earlier ): Receipt {
		$why = array( new Reason( 'duplicate' ) );
		return new Receipt( Outcome::Duplicate, (int) $earlier->ticket_id, (int) $earlier->ticket_message_id, $why, (int) $earlier->id );
	}
}
