<?php
/**
 * Turns ticket and return events into queued mails, and works the queue in the background:
 * through Action Scheduler when WooCommerce is active, else through WP-Cron. Queueing happens in
 * the hooks that fire after the transaction commits; nothing is sent during the shopper's request.
 *
 * A return's conversation is a ticket thread, but the shopper hears about the return, not the
 * ticket: one acknowledgement with the return's number (never also the ticket's), one mail per
 * status, and an agent's message that comes with a status change inside that status mail.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Notifications;

use Aftercare\Feedback\FeedbackService;
use Aftercare\Feedback\Rating;
use Aftercare\Feedback\RatingRepository;
use Aftercare\Feedback\Survey;
use Aftercare\Infrastructure\AccessTokens;
use Aftercare\Infrastructure\Clock;
use Aftercare\Infrastructure\DomainError;
use Aftercare\Infrastructure\Jobs;
use Aftercare\Infrastructure\Registrable;
use Aftercare\Returns\ReturnRequest;
use Aftercare\Settings\Settings;
use Aftercare\Tickets\Channel;
use Aftercare\Tickets\Links;
use Aftercare\Tickets\Message;
use Aftercare\Tickets\MessageBody;
use Aftercare\Tickets\MessageRepository;
use Aftercare\Tickets\Sla;
use Aftercare\Tickets\Status;
use Aftercare\Tickets\Ticket;
use Aftercare\Tickets\TicketRepository;

final class Notifier implements Registrable {

	/** The background job that sends what is due. */
	public const HOOK = 'aftercare_send_notifications';

	/** Rows sent per run, so one run stays well inside a request's time. */
	private const BATCH = 25;

	public function __construct(
		private Outbox $outbox,
		private Mailer $mailer,
		private TicketRepository $tickets,
		private MessageRepository $messages,
		private AccessTokens $tokens,
		private Links $links,
		private Settings $settings,
		private Clock $clock,
		private ReturnMails $returns,
		private MailHeaders $headers,
		private FeedbackService $feedback,
		private RatingRepository $ratings,
		private Sla $sla
	) {}

	public function register(): void {
		add_action( 'aftercare_ticket_created', array( $this, 'ticket_created' ), 10, 2 );
		add_action( 'aftercare_message_created', array( $this, 'message_created' ), 10, 2 );
		add_action( 'aftercare_return_created', array( $this, 'return_created' ) );
		add_action( 'aftercare_return_updated', array( $this, 'return_updated' ), 10, 3 );
		add_action( 'aftercare_ticket_updated', array( $this, 'ticket_updated' ), 10, 2 );
		add_action( 'aftercare_ticket_rated', array( $this, 'ticket_rated' ), 10, 2 );
		add_action( 'aftercare_ticket_sla_warning', array( $this, 'sla_warning' ), 10, 2 );
		add_action( 'aftercare_ticket_sla_breached', array( $this, 'sla_breached' ), 10, 2 );
		add_action( self::HOOK, array( $this, 'run' ) );
		if ( $this->mailer instanceof WooCommerceMailer ) {
			$this->mailer->register();
		}
	}

	/**
	 * The acknowledgement to the customer, and the new ticket to the agents (unless an agent
	 * opened it on the customer's behalf).
	 */
	public function ticket_created( Ticket $ticket, Message $first_message ): void {
		if ( $this->returns->for_thread( $ticket->id ) ) {
			return; // A return's thread: return_created() announces the return instead.
		}
		$queued = false;
		if ( is_email( $ticket->customer_email ) ) {
			$queued = $this->outbox->enqueue( 'ack:' . $ticket->id, Kind::TicketReceived->value, $ticket->id, $first_message->id, $ticket->customer_email );
		}
		if ( ! in_array( $ticket->channel, array( Channel::Admin, Channel::Phone ), true ) ) {
			$queued = $this->queue_for_agents( Kind::NewTicket, $ticket, $first_message ) || $queued;
		}
		if ( $queued ) {
			$this->wake( $this->clock->now() );
		}
	}

	/**
	 * The shopper's acknowledgement with the return's number, and the new return to the agents
	 * (unless an agent filed it on the customer's behalf).
	 */
	public function return_created( ReturnRequest $return ): void {
		$queued = is_email( $return->customer_email )
			&& $this->outbox->enqueue(
				'return:' . $return->id . ':requested',
				Kind::ReturnRequested->value,
				$return->ticket_id,
				0,
				$return->customer_email,
				$return->id
			);
		$ticket = $this->tickets->find( $return->ticket_id );
		if ( $ticket && ! in_array( $ticket->channel, array( Channel::Admin, Channel::Phone ), true ) ) {
			foreach ( $this->agent_recipients( $ticket ) as $email ) {
				$queued = $this->outbox->enqueue( 'return:' . $return->id . ':agents:' . $email, Kind::NewReturn->value, $return->ticket_id, 0, $email, $return->id )
					|| $queued;
			}
		}
		if ( $queued ) {
			$this->wake( $this->clock->now() );
		}
	}

	/**
	 * A mail to the shopper for each status the return reaches. The agent's message that came
	 * with the change goes in it, queued under the key of that message's own reply mail, so
	 * the reply (announced just after) is not mailed a second time.
	 *
	 * @param array<string, array{0: mixed, 1: mixed}> $changes Field => [old, new].
	 */
	public function return_updated( ReturnRequest $return, array $changes, ?Message $message = null ): void {
		if ( ! isset( $changes['status'] ) || ! is_email( $return->customer_email ) ) {
			return;
		}
		$key = $message ? 'reply:' . $message->id : 'return:' . $return->id . ':' . $return->status->value;
		if (
			$this->outbox->enqueue(
				$key,
				Kind::for_return_status( $return->status )->value,
				$return->ticket_id,
				$message ? $message->id : 0,
				$return->customer_email,
				$return->id
			)
		) {
			$this->wake( $this->clock->now() );
		}
	}

	/**
	 * Agent replies go to the customer, customer replies to the agents; notes go nowhere. A reply
	 * that solves the ticket goes inside the solved mail (queued first under the solve's key, so
	 * ticket_updated() just after finds it there); a reply to a ticket solved before goes as a reply.
	 */
	public function message_created( Message $message, Ticket $ticket ): void {
		if ( $message->is_note() || $this->is_first_message( $message ) ) {
			return;
		}
		if ( 'customer' === $message->author_role ) {
			$queued = $this->queue_for_agents( Kind::CustomerReply, $ticket, $message );
		} else {
			$queued = ( Status::Solved === $ticket->status && $this->queue_solved( $ticket, $message->id ) )
				|| ( is_email( $ticket->customer_email )
					&& $this->outbox->enqueue( 'reply:' . $message->id, Kind::AgentReply->value, $ticket->id, $message->id, $ticket->customer_email ) );
		}
		if ( $queued ) {
			$this->wake( $this->clock->now() );
		}
	}

	/**
	 * The solved mail ("How did we do?") when a ticket becomes solved.
	 *
	 * @param array<string, array{0: mixed, 1: mixed}> $changes Field => [old, new].
	 */
	public function ticket_updated( Ticket $ticket, array $changes ): void {
		if ( Status::Solved->value === ( $changes['status'][1] ?? null ) && $this->queue_solved( $ticket, 0 ) ) {
			$this->wake( $this->clock->now() );
		}
	}

	/**
	 * A bad rating alerts the notification address (else the site admin email), once per ticket's
	 * rating, when the store wants that (`csat_bad_alert`). The mail says what the rating is when it
	 * goes out, so a comment added meanwhile is in it, and a changed mind sends nothing.
	 */
	public function ticket_rated( Ticket $ticket, Rating $rating ): void {
		if ( ! $rating->is_bad() || ! $this->settings->get( 'csat_bad_alert' ) ) {
			return;
		}
		$address = (string) $this->settings->get( 'notification_email' );
		$address = is_email( $address ) ? $address : (string) get_option( 'admin_email' );
		$key     = 'bad_rating:' . $ticket->id . ':' . $rating->created_at;
		if ( is_email( $address ) && $this->outbox->enqueue( $key, Kind::BadRating->value, $ticket->id, 0, $address ) ) {
			$this->wake( $this->clock->now() );
		}
	}

	/**
	 * A ticket entered the warning window of $target (SlaMonitor: once per ticket and target).
	 */
	public function sla_warning( Ticket $ticket, string $target ): void {
		$this->queue_sla( Kind::SlaWarning, $ticket, $target );
	}

	/**
	 * A ticket breached $target (SlaMonitor: once per ticket and target, after the escalation).
	 */
	public function sla_breached( Ticket $ticket, string $target ): void {
		$this->queue_sla( Kind::SlaBreached, $ticket, $target );
	}

	/**
	 * The alert to the assignee, else the notification address, else every agent; keyed by the due
	 * time too, since a warning may come again for a due time moved later.
	 */
	private function queue_sla( Kind $kind, Ticket $ticket, string $target ): void {
		$queued = false;
		foreach ( $this->agent_recipients( $ticket ) as $email ) {
			$key    = $kind->value . ':' . $ticket->id . ':' . $target . ':' . $ticket->due_at . ':' . $email;
			$queued = $this->outbox->enqueue( $key, $kind->value, $ticket->id, 0, $email ) || $queued;
		}
		if ( $queued ) {
			$this->wake( $this->clock->now() );
		}
	}

	/**
	 * Queues the solved mail of this solve (once: keyed by the solve's time), with the reply that
	 * solved it if any. Return threads are asked about the return instead.
	 *
	 * @return bool Whether it was queued now.
	 */
	private function queue_solved( Ticket $ticket, int $message_id ): bool {
		return is_email( $ticket->customer_email )
			&& ! $this->returns->for_thread( $ticket->id )
			&& $this->outbox->enqueue(
				'solved:' . $ticket->id . ':' . $ticket->solved_at,
				Kind::TicketSolved->value,
				$ticket->id,
				$message_id,
				$ticket->customer_email
			);
	}

	/**
	 * Sends what is due, then schedules the next run if anything waits (a retry, or the rest).
	 */
	public function run(): void {
		$this->outbox->release_abandoned();
		foreach ( $this->outbox->due( self::BATCH ) as $id ) {
			$this->deliver( $id );
		}
		$next = $this->outbox->next_due();
		if ( null !== $next ) {
			$this->wake( max( $next, $this->clock->now() ) );
		}
	}

	/**
	 * Sends one queued mail if this worker wins it.
	 *
	 * @return string|null The row's status afterwards, or null when another worker had it.
	 */
	public function deliver( int $id ): ?string {
		$row = $this->outbox->claim( $id );
		if ( null === $row ) {
			return null;
		}
		$kind = Kind::tryFrom( (string) $row->type );
		$mail = $kind ? $this->compose( $kind, $row ) : null;
		if ( null === $mail ) {
			$this->outbox->mark_skipped( $id, Outbox::GONE );
			return Outbox::SKIPPED;
		}
		if ( ! $this->mailer->is_enabled( $kind ) ) {
			$this->outbox->mark_skipped( $id, Outbox::TURNED_OFF );
			return Outbox::SKIPPED;
		}
		$error  = '';
		$listen = static function ( \WP_Error $failure ) use ( &$error ): void {
			$error = $failure->get_error_message();
		};
		add_action( 'wp_mail_failed', $listen );
		try {
			$sent = $this->mailer->send( $mail, $this->headers->for_row( $row, $mail ) );
		} catch ( \Throwable $failure ) {
			$sent  = false;
			$error = $failure->getMessage();
		} finally {
			remove_action( 'wp_mail_failed', $listen );
		}
		if ( $sent ) {
			$this->outbox->mark_sent( $id );
			return Outbox::SENT;
		}
		return null === $this->outbox->mark_failed( $row, '' !== $error ? $error : Outbox::REFUSED ) ? Outbox::FAILED : Outbox::PENDING;
	}

	/**
	 * Sends a failed mail again now, with a fresh set of attempts: should this one fail too, the
	 * queue retries it with the usual back-off (an operator's retry, from WP-CLI).
	 *
	 * @return string|null The row's status afterwards, or null when a queue worker took it first.
	 * @throws DomainError 404 when there is no such mail, 409 when it has not failed.
	 */
	public function retry( int $id ): ?string {
		$row = $this->outbox->find( $id );
		if ( null === $row ) {
			throw DomainError::not_found( 'not_found', __( 'That mail is not in the outbox.', 'aftercare' ) );
		}
		if ( ! $this->outbox->requeue( $id ) ) {
			throw DomainError::conflict( 'not_failed', __( 'Only a mail that failed can be tried again.', 'aftercare' ) );
		}
		$status = $this->deliver( $id );
		if ( Outbox::PENDING === $status ) {
			$this->wake( (int) $this->outbox->next_due() );
		}
		return $status;
	}

	/**
	 * Makes sure a run happens at $time (or sooner).
	 */
	public function wake( int $time ): void {
		Jobs::wake( self::HOOK, $time );
	}

	private function compose( Kind $kind, object $row ): ?Notification {
		$ticket  = $this->tickets->find( (int) $row->ticket_id );
		$message = (int) $row->message_id ? $this->messages->find( (int) $row->message_id ) : null;
		if ( null === $ticket || ( null === $message && $kind->needs_message() ) || $message?->is_note() ) {
			return null;
		}
		if ( Kind::BadRating === $kind ) {
			return $this->bad_rating( $ticket, (string) $row->recipient );
		}
		if ( Kind::SlaWarning === $kind || Kind::SlaBreached === $kind ) {
			return $this->sla_alert( $kind, $ticket, (string) $row->recipient );
		}
		if ( Kind::TicketSolved === $kind && Status::Solved !== $ticket->status ) {
			return null; // Reopened before the mail went out: nothing to rate yet.
		}
		$recipient = (string) $row->recipient;
		if ( $kind->is_return() ) {
			$return = $this->returns->find( (int) $row->return_id );
			return $return ? $this->returns->compose( $kind, $recipient, $return, $ticket, $message ) : null;
		}
		// Replies on a return's thread link to the return.
		$return = $this->returns->for_thread( $ticket->id );
		if ( $kind->to_customer() ) {
			// A fresh token per mail: tokens are only stored hashed, so the one shown on screen cannot be reused.
			$link  = $return
				? $this->returns->customer_link( $return )
				: $this->links->for_customer( $ticket, $ticket->customer_id > 0 ? '' : $this->tokens->issue( 'ticket', $ticket->id, true ) );
			$name  = $ticket->customer_name;
			$label = __( 'View your request and reply', 'aftercare' );
		} else {
			$user  = get_user_by( 'email', $recipient );
			$link  = $return ? $this->returns->agent_link( $return ) : $this->links->agent_ticket( $ticket->id );
			$name  = $user ? $user->display_name : '';
			$label = $return ? __( 'Open the return', 'aftercare' ) : __( 'Open the ticket', 'aftercare' );
		}
		$intro = match ( $kind ) {
			Kind::TicketSolved   => __( 'We have marked your request as solved. If anything is still not right, reply to this email and we will pick it up again.', 'aftercare' ), // phpcs:ignore Generic.Files.LineLength.TooLong -- one translatable string.
			Kind::TicketReceived => __( 'Thank you for contacting us. We have received your request and will reply as soon as we can. Your ticket number is below; you will get an email when we answer.', 'aftercare' ), // phpcs:ignore Generic.Files.LineLength.TooLong -- one translatable string.
			Kind::AgentReply     => __( 'We have replied to your request.', 'aftercare' ),
			/* translators: %s: customer name. */
			Kind::NewTicket      => sprintf( __( '%s opened a new ticket.', 'aftercare' ), $ticket->customer_name ),
			/* translators: %s: customer name. */
			Kind::CustomerReply  => sprintf( __( '%s replied to their ticket.', 'aftercare' ), $ticket->customer_name ),
			default              => '',
		};
		// A guest's own words going back to an address nobody has shown is theirs: never with links.
		$body = $message && $kind->to_customer() && 'customer' === $message->author_role && ! $ticket->email_verified()
			? MessageBody::without_links( $message->body )
			: (string) $message?->body;
		return new Notification(
			$kind,
			$recipient,
			$name,
			$ticket->number,
			$ticket->subject,
			$intro,
			(string) $message?->author_name,
			$body,
			$link,
			$label,
			array(),
			'',
			'',
			Kind::TicketSolved === $kind ? $this->feedback->ticket_question( $ticket ) : null
		);
	}

	/**
	 * An SLA alert as the ticket stands when it goes out; null when it no longer applies (solved,
	 * paused, the due time moved, or a warning overtaken by the breach, which has its own mail).
	 */
	private function sla_alert( Kind $kind, Ticket $ticket, string $recipient ): ?Notification {
		$sla = $this->sla->describe( $ticket );
		if ( $ticket->status->is_done() || ( Kind::SlaWarning === $kind ? 'warning' : 'breached' ) !== $sla['state'] ) {
			return null;
		}
		$due    = wp_date( (string) get_option( 'date_format' ) . ' ' . (string) get_option( 'time_format' ), (int) strtotime( (string) $sla['due'] ) );
		$target = 'first_response' === $sla['target'] ? __( 'the first reply', 'aftercare' ) : __( 'the resolution', 'aftercare' );
		$user   = get_user_by( 'email', $recipient );
		return new Notification(
			$kind,
			$recipient,
			$user ? $user->display_name : '',
			$ticket->number,
			$ticket->subject,
			Kind::SlaWarning === $kind
				/* translators: 1: "the first reply" or "the resolution", 2: date and time. */
				? sprintf( __( 'This ticket is about to breach its SLA: %1$s is due %2$s.', 'aftercare' ), $target, $due )
				/* translators: 1: "the first reply" or "the resolution", 2: date and time. */
				: sprintf( __( 'This ticket breached its SLA: %1$s was due %2$s.', 'aftercare' ), $target, $due ),
			'',
			'',
			$this->links->agent_ticket( $ticket->id ),
			__( 'Open the ticket', 'aftercare' ),
			array(
				array( __( 'Customer', 'aftercare' ), $ticket->customer_name . ' <' . $ticket->customer_email . '>' ),
				array( __( 'Priority', 'aftercare' ), $ticket->priority->label() ),
			)
		);
	}

	/**
	 * The alert about a bad rating, as the rating stands now; null when it is no longer bad.
	 */
	private function bad_rating( Ticket $ticket, string $recipient ): ?Notification {
		$rating = $this->ratings->find( Survey::Satisfaction, $ticket->id );
		if ( ! $rating || ! $rating->is_bad() ) {
			return null;
		}
		$user = get_user_by( 'email', $recipient );
		return new Notification(
			Kind::BadRating,
			$recipient,
			$user ? $user->display_name : '',
			$ticket->number,
			$ticket->subject,
			/* translators: %s: customer name. */
			sprintf( __( '%s rated their solved ticket Bad.', 'aftercare' ), $ticket->customer_name ),
			'',
			'',
			$this->links->agent_ticket( $ticket->id ),
			__( 'Open the ticket', 'aftercare' ),
			array(
				array( __( 'Customer', 'aftercare' ), $ticket->customer_name . ' <' . $ticket->customer_email . '>' ),
				array( __( 'Rating', 'aftercare' ), $rating->label() ),
				array( __( 'Comment', 'aftercare' ), '' !== $rating->comment ? $rating->comment : __( '(none yet)', 'aftercare' ) ),
			)
		);
	}

	/**
	 * @return bool Whether any mail was queued.
	 */
	private function queue_for_agents( Kind $kind, Ticket $ticket, Message $message ): bool {
		$queued = false;
		foreach ( $this->agent_recipients( $ticket ) as $email ) {
			$queued = $this->outbox->enqueue( 'agents:' . $message->id . ':' . $email, $kind->value, $ticket->id, $message->id, $email ) || $queued;
		}
		return $queued;
	}

	/**
	 * The assignee; else the store's notification address; else every agent.
	 *
	 * @return string[] Email addresses.
	 */
	private function agent_recipients( Ticket $ticket ): array {
		$assignee = $ticket->assignee_id ? get_userdata( $ticket->assignee_id ) : false;
		if ( $assignee && user_can( $assignee, 'edit_aftercare_tickets' ) ) {
			return array( $assignee->user_email );
		}
		$address = (string) $this->settings->get( 'notification_email' );
		if ( is_email( $address ) ) {
			return array( $address );
		}
		$agents = get_users(
			array(
				'capability' => 'edit_aftercare_tickets',
				'fields'     => array( 'user_email' ),
				'number'     => 50,
			)
		);
		return array_values( array_unique( array_filter( array_map( static fn( object $user ): string => (string) $user->user_email, $agents ), 'is_email' ) ) );
	}

	/**
	 * Whether the message opened its ticket (the creation hook already announced it).
	 */
	private function is_first_message( Message $message ): bool {
		$thread = $this->messages->for_ticket( $message->ticket_id, true );
		return isset( $thread[0] ) && $thread[0]->id === $message->id;
	}
}
