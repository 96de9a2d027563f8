<?php
/**
 * The one place tickets change: creation, replies and notes, and updates by agents. Each change is
 * one transaction (ticket, messages, tags, attachments and events together or not at all), and the
 * `aftercare_ticket_*` / `aftercare_message_created` hooks fire only after it has committed.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tickets;

use Aftercare\Infrastructure\AccessTokens;
use Aftercare\Infrastructure\Clock;
use Aftercare\Infrastructure\Database\Transaction;
use Aftercare\Infrastructure\DomainError;
use Aftercare\Orders\Order;
use Aftercare\Orders\OrderLookup;
use Aftercare\Orders\OrderSource;

final class TicketService {

	public const MAX_TAGS = 20;

	/** Most addresses an agent may copy in on a ticket. */
	public const MAX_CC = 10;

	/** How long an idempotency key answers with what it made (tickets and returns). */
	public const IDEMPOTENCY_TTL = DAY_IN_SECONDS;

	public function __construct(
		private TicketRepository $tickets,
		private MessageRepository $messages,
		private EventLog $events,
		private AttachmentStore $attachments,
		private AccessTokens $tokens,
		private Sla $sla,
		private Transaction $transaction,
		private Clock $clock,
		private ?OrderSource $orders,
		private ?OrderLookup $lookup
	) {}

	public static function is_agent( int $user_id ): bool {
		return $user_id > 0 && user_can( $user_id, 'edit_aftercare_tickets' );
	}

	/**
	 * Opens a ticket with its first message.
	 *
	 * Guests (actor 0) give `name`, `email` and optionally `order_number` (checked against the email);
	 * customers optionally `order_id` (one of their own orders); agents create on behalf of someone
	 * (`customer_id`, or `customer_email` + `customer_name`) with `channel`, `order_id`, `priority`,
	 * `status`, `assignee_id` and `tags`. Everyone gives `subject`, `message`, optionally
	 * `idempotency_key` and `attachments` (uploads as PHP lists them).
	 *
	 * @param array<string, mixed> $input  See above.
	 * @param int                  $actor_id Who creates it (0 = guest).
	 * @param Channel              $channel  How a guest's or customer's ticket came in (web form, or email through Mail\Inbox).
	 * @return array{ticket: Ticket, message: Message, token: string, replayed: bool} token: the raw guest
	 *         access token ('' when the customer is a user, and on a replay); replayed: an earlier
	 *         request with the same idempotency key made this ticket in the last day.
	 */
	public function create( array $input, int $actor_id, Channel $channel = Channel::Web ): array {
		$agent    = self::is_agent( $actor_id );
		$subject  = self::subject( (string) ( $input['subject'] ?? '' ) );
		$body     = self::body( (string) ( $input['message'] ?? '' ) );
		$customer = $this->customer( $input, $actor_id, $agent );
		$order    = $this->order( $input, $customer, $actor_id, $agent );
		$key      = (string) ( $input['idempotency_key'] ?? '' );
		$key_hash = '' === $key ? '' : hash( 'sha256', implode( '|', array( $key, $actor_id, strtolower( $customer['email'] ) ) ) );

		if ( '' !== $key_hash ) {
			$earlier = $this->tickets->find_by_idempotency_key( $key_hash, $this->clock->now() - self::IDEMPOTENCY_TTL );
			if ( $earlier ) {
				return $this->replay( $earlier );
			}
		}

		$now      = $this->clock->now();
		$priority = $agent && isset( $input['priority'] ) ? Priority::from( (string) $input['priority'] ) : Priority::Normal;
		$status   = $agent && isset( $input['status'] ) ? Status::from( (string) $input['status'] ) : Status::New;
		$ticket   = new Ticket(
			0,
			0,
			$subject,
			$status,
			$priority,
			$agent ? Channel::from( (string) ( $input['channel'] ?? 'admin' ) ) : $channel,
			$customer['id'],
			$customer['email'],
			$customer['name'],
			$order ? $order->id : 0,
			$agent ? $this->assignee( (int) ( $input['assignee_id'] ?? 0 ) ) : 0,
			Ticket::awaiting_for( $status ),
			$now,
			$now,
			0,
			$status->is_done() ? $now : 0,
			0,
			0,
			0,
			1,
			$agent ? self::tags( (array) ( $input['tags'] ?? array() ) ) : array(),
			// An account's email, or one the order was placed with, is the customer's; a guest's bare claim is not.
			$customer['id'] || ( $order && 0 === strcasecmp( $order->billing_email, $customer['email'] ) ) ? $now : 0,
			array(),
			$agent ? self::cc( (array) ( $input['cc'] ?? array() ) ) : array()
		);
		$this->sla->apply( $ticket );
		$files = $this->attachments->accept( (array) ( $input['attachments'] ?? array() ), $actor_id );

		try {
			return $this->transaction->run(
				function () use ( $ticket, $body, $files, $key_hash, $actor_id, $agent, $customer ): array {
					$ticket  = $this->tickets->insert( $ticket, $key_hash );
					$this->tickets->add_search_text( $ticket->id, $ticket->subject . ' ' . $body );
					$message = $this->messages->insert(
						$ticket->id,
						'reply',
						$actor_id,
						$agent ? 'agent' : 'customer',
						$agent ? self::user_name( $actor_id ) : $customer['name'],
						$body,
						$ticket->created_at
					);
					$this->attachments->insert( $ticket->id, $message->id, $files );
					$this->events->record(
						'ticket',
						$ticket->id,
						'created',
						$actor_id,
						array( 'status' => $ticket->status->value, 'priority' => $ticket->priority->value, 'channel' => $ticket->channel->value )
					);
					$this->record_sla( $ticket, $actor_id, null );
					$token = $ticket->customer_id ? '' : $this->tokens->issue( 'ticket', $ticket->id );
					$this->transaction->after_commit( static fn() => do_action( 'aftercare_ticket_created', $ticket, $message, $token ) );
					return array(
						'ticket'   => $ticket,
						'message'  => $message,
						'token'    => $token,
						'replayed' => false,
					);
				}
			);
		} catch ( \Throwable $error ) {
			$this->attachments->discard( $files );
			// Two submits with one key at once: the unique index let one through; answer with it.
			$earlier = '' !== $key_hash ? $this->tickets->find_by_idempotency_key( $key_hash, $this->clock->now() - self::IDEMPOTENCY_TTL ) : null;
			if ( $earlier ) {
				return $this->replay( $earlier );
			}
			throw $error;
		}
	}

	/**
	 * Adds a public reply or an internal note. Agents' replies set the status to `$status` (default
	 * pending: waiting on the customer) and count as the first response; a customer's reply reopens
	 * the ticket. Closed tickets take no customer replies.
	 *
	 * @param array<int, array<string, mixed>> $attachments Uploads, as PHP lists them.
	 * @param string                           $status      Agents: status after the reply ('' = the default).
	 */
	public function reply( int $ticket_id, string $type, string $body_html, int $actor_id, array $attachments = array(), string $status = '' ): Message {
		$ticket = $this->get( $ticket_id );
		$agent  = self::is_agent( $actor_id );
		if ( 'note' === $type && ! $agent ) {
			throw DomainError::forbidden( 'forbidden', __( 'Sorry, you are not allowed to do that.', 'aftercare' ) );
		}
		if ( ! in_array( $type, array( 'reply', 'note' ), true ) ) {
			throw DomainError::invalid( 'invalid_type', __( 'A message is a reply or a note.', 'aftercare' ) );
		}
		if ( ! $agent && Status::Closed === $ticket->status ) {
			throw DomainError::conflict( 'ticket_closed', __( 'This ticket is closed. Please open a new one.', 'aftercare' ) );
		}
		$body  = self::body( $body_html );
		$after = $ticket->status;
		if ( 'reply' === $type ) {
			$after = $agent ? ( '' !== $status ? Status::from( $status ) : ( Status::OnHold === $ticket->status ? Status::OnHold : Status::Pending ) ) : Status::Open;
		} elseif ( '' !== $status && $agent ) {
			$after = Status::from( $status );
		}
		$files = $this->attachments->accept( $attachments, $actor_id, $ticket->id );
		try {
			return $this->transaction->run(
				function () use ( $ticket, $type, $body, $actor_id, $agent, $files, $after ): Message {
					$before  = clone $ticket;
					$now     = $this->clock->now();
					$message = $this->messages->insert(
						$ticket->id,
						$type,
						$actor_id,
						$agent ? 'agent' : 'customer',
						$agent ? self::user_name( $actor_id ) : $ticket->customer_name,
						$body,
						$now
					);
					$this->attachments->insert( $ticket->id, $message->id, $files );
					$this->tickets->add_search_text( $ticket->id, $body );
					++$ticket->message_count;
					if ( $agent && 'reply' === $type && ! $ticket->first_response_at ) {
						$ticket->first_response_at = $now;
					}
					$changes = $this->change_status( $ticket, $after, $actor_id );
					$ticket->updated_at = $now;
					$this->sla->apply( $ticket );
					$this->tickets->update( $ticket );
					$this->record_sla( $ticket, $actor_id, $before );
					$this->transaction->after_commit(
						static function () use ( $message, $ticket, $changes ): void {
							do_action( 'aftercare_message_created', $message, $ticket );
							if ( $changes ) {
								do_action( 'aftercare_ticket_updated', $ticket, $changes );
							}
						}
					);
					return $message;
				}
			);
		} catch ( \Throwable $error ) {
			$this->attachments->discard( $files );
			throw $error;
		}
	}

	/**
	 * Agents change status, priority, assignee and tags (`tags` replaces the list; `add_tags` and
	 * `remove_tags` edit it, for bulk actions).
	 *
	 * @param array<string, mixed> $changes Fields to change.
	 */
	public function update( int $ticket_id, array $changes, int $actor_id ): Ticket {
		return $this->update_many( array( $ticket_id ), $changes, $actor_id )[0];
	}

	/**
	 * The same change to several tickets, all or none.
	 *
	 * @param int[]                $ticket_ids Tickets.
	 * @param array<string, mixed> $changes    As update().
	 * @return Ticket[]
	 */
	public function update_many( array $ticket_ids, array $changes, int $actor_id ): array {
		if ( ! self::is_agent( $actor_id ) ) {
			throw DomainError::forbidden( 'forbidden', __( 'Sorry, you are not allowed to do that.', 'aftercare' ) );
		}
		$tickets  = array_map( array( $this, 'get' ), $ticket_ids );
		$assignee = array_key_exists( 'assignee_id', $changes ) ? $this->assignee( (int) $changes['assignee_id'] ) : null;
		$tags     = isset( $changes['tags'] ) ? self::tags( (array) $changes['tags'] ) : null;
		$add      = self::tags( (array) ( $changes['add_tags'] ?? array() ) );
		$remove   = self::tags( (array) ( $changes['remove_tags'] ?? array() ) );
		$status   = isset( $changes['status'] ) ? Status::from( (string) $changes['status'] ) : null;
		$priority = isset( $changes['priority'] ) ? Priority::from( (string) $changes['priority'] ) : null;
		$cc       = isset( $changes['cc'] ) ? self::cc( (array) $changes['cc'] ) : null;

		$updates = $this->transaction->run(
			function () use ( $tickets, $assignee, $tags, $add, $remove, $status, $priority, $cc, $actor_id ): array {
				$done = array();
				foreach ( $tickets as $ticket ) {
					$before = clone $ticket;
					$diff   = $status ? $this->change_status( $ticket, $status, $actor_id ) : array();
					if ( $priority && $priority !== $ticket->priority ) {
						$diff['priority']  = array( $ticket->priority->value, $priority->value );
						$ticket->priority = $priority;
					}
					if ( null !== $assignee && $assignee !== $ticket->assignee_id ) {
						$diff['assignee_id']  = array( $ticket->assignee_id, $assignee );
						$ticket->assignee_id = $assignee;
					}
					$new_tags = array_values( array_diff( array_unique( array_merge( $tags ?? $ticket->tags, $add ) ), $remove ) );
					sort( $new_tags );
					if ( count( $new_tags ) > self::MAX_TAGS ) {
						/* translators: %d: maximum number of tags. */
						throw DomainError::invalid( 'too_many_tags', sprintf( __( 'A ticket can have at most %d tags.', 'aftercare' ), self::MAX_TAGS ) );
					}
					if ( $new_tags !== $ticket->tags ) {
						$diff['tags']  = array( $ticket->tags, $new_tags );
						$ticket->tags = $new_tags;
					}
					if ( null !== $cc && $cc !== $ticket->cc ) {
						$diff['cc'] = array( $ticket->cc, $cc );
						$ticket->cc = $cc;
					}
					if ( $diff ) {
						$this->save( $ticket, $before, $diff, $actor_id );
					}
					$done[] = array( $ticket, $diff );
				}
				foreach ( $done as list( $ticket, $diff ) ) {
					if ( $diff ) {
						$this->transaction->after_commit( static fn() => do_action( 'aftercare_ticket_updated', $ticket, $diff ) );
					}
				}
				return $done;
			}
		);
		return array_map( static fn( array $pair ): Ticket => $pair[0], $updates );
	}

	/**
	 * Escalates a ticket whose SLA target was breached, as the store asked: a higher priority
	 * (never a lower one) and/or another assignee (0: back to the unassigned pool). The changes are
	 * the system's (actor 0) and their events carry the reason's code, translated where shown.
	 *
	 * @param int|null $assignee The new assignee, null to keep the current one.
	 * @return array<string, array{0: mixed, 1: mixed}> What changed.
	 */
	public function escalate( int $ticket_id, ?Priority $priority, ?int $assignee, string $reason ): array {
		return $this->transaction->run(
			function () use ( $ticket_id, $priority, $assignee, $reason ): array {
				$ticket = $this->get( $ticket_id );
				$before = clone $ticket;
				$diff   = array();
				if ( $priority && $priority->rank() > $ticket->priority->rank() ) {
					$diff['priority'] = array( $ticket->priority->value, $priority->value );
					$ticket->priority = $priority;
				}
				if ( null !== $assignee && $assignee !== $ticket->assignee_id ) {
					$diff['assignee_id'] = array( $ticket->assignee_id, $assignee );
					$ticket->assignee_id = $assignee;
				}
				if ( $diff ) {
					$this->save( $ticket, $before, $diff, 0, array( 'reason' => $reason ) );
					$this->transaction->after_commit( static fn() => do_action( 'aftercare_ticket_updated', $ticket, $diff ) );
				}
				return $diff;
			}
		);
	}

	/**
	 * Records the changed fields' events (with $extra in each), then stores the ticket with its SLA clock.
	 *
	 * @param array<string, array{0: mixed, 1: mixed}> $diff  Field => [old, new].
	 * @param array<string, string>                    $extra More to record with each event.
	 */
	private function save( Ticket $ticket, Ticket $before, array $diff, int $actor_id, array $extra = array() ): void {
		foreach ( array( 'priority', 'assignee_id', 'tags', 'cc' ) as $field ) {
			if ( isset( $diff[ $field ] ) ) {
				$this->events->record(
					'ticket',
					$ticket->id,
					'assignee_id' === $field ? 'assignee' : $field,
					$actor_id,
					array( 'from' => $diff[ $field ][0], 'to' => $diff[ $field ][1] ) + $extra
				);
			}
		}
		$ticket->updated_at = $this->clock->now();
		$this->sla->apply( $ticket );
		$this->tickets->update( $ticket );
		$this->record_sla( $ticket, $actor_id, $before );
	}

	/**
	 * Puts a solved ticket back in the queue on the customer's behalf (a bad rating, when the store
	 * wants that); any other status stays as it is.
	 *
	 * @param int $actor_id The customer (0 for a guest).
	 */
	public function reopen( int $ticket_id, int $actor_id ): Ticket {
		$ticket = $this->get( $ticket_id );
		if ( Status::Solved !== $ticket->status ) {
			return $ticket;
		}
		return $this->transaction->run(
			function () use ( $ticket, $actor_id ): Ticket {
				$before             = clone $ticket;
				$changes            = $this->change_status( $ticket, Status::Open, $actor_id );
				$ticket->updated_at = $this->clock->now();
				$this->sla->apply( $ticket );
				$this->tickets->update( $ticket );
				$this->record_sla( $ticket, $actor_id, $before );
				$this->transaction->after_commit( static fn() => do_action( 'aftercare_ticket_updated', $ticket, $changes ) );
				return $ticket;
			}
		);
	}

	/**
	 * Fires priority rules on an open ticket (PriorityRules): $due picks, from the ticket as read
	 * under its row lock, the rules that match and have not fired on it, so two evaluations at
	 * once fire each rule once. Each fired rule is kept on the ticket and is a `rule` event; the
	 * priority rises to the highest any of them asks for (never lower than it is), and the SLA
	 * due time is computed again with the tightened targets. Recorded as the system (actor 0).
	 *
	 * @param callable(Ticket): array<int, array<string, mixed>> $due      Normalized rules to fire.
	 * @param string                                            $currency The order's currency, kept with amounts.
	 * @return Ticket|null The ticket when a rule fired, else null.
	 */
	public function apply_rules( int $ticket_id, callable $due, string $currency ): ?Ticket {
		return $this->transaction->run(
			function () use ( $ticket_id, $due, $currency ): ?Ticket {
				$ticket = $this->tickets->find_for_update( $ticket_id );
				$rules  = $ticket && ! $ticket->status->is_done() ? $due( $ticket ) : array();
				if ( ! $ticket || ! $rules ) {
					return null;
				}
				$before = clone $ticket;
				$now    = $this->clock->now();
				// The highest raise last (the sort is stable), so the timeline ends on the priority the ticket has.
				$fire = array_map( static fn( array $rule ): array => array( $rule, PriorityRules::target( $rule, $before->priority ) ), $rules );
				usort( $fire, static fn( array $a, array $b ): int => $a[1]->rank() <=> $b[1]->rank() );
				foreach ( $fire as list( $rule, $to ) ) {
					$fired            = $rule + array(
						'currency' => $currency,
						'at'       => $now,
						'from'     => $before->priority->value,
						'to'       => $to->value,
					);
					$ticket->rules[]  = $fired;
					$ticket->priority = $to->rank() > $ticket->priority->rank() ? $to : $ticket->priority;
					$this->events->record( 'ticket', $ticket->id, 'rule', 0, $fired );
				}
				$raised             = $ticket->priority !== $before->priority;
				$diff               = $raised ? array( 'priority' => array( $before->priority->value, $ticket->priority->value ) ) : array();
				$ticket->updated_at = $now;
				$this->sla->apply( $ticket );
				$this->tickets->update( $ticket );
				$this->record_sla( $ticket, 0, $before );
				if ( $diff ) {
					$this->transaction->after_commit( static fn() => do_action( 'aftercare_ticket_updated', $ticket, $diff ) );
				}
				return $ticket;
			}
		);
	}

	/**
	 * A ticket, or a 404 DomainError.
	 */
	public function get( int $ticket_id ): Ticket {
		$ticket = $this->tickets->find( $ticket_id );
		if ( ! $ticket ) {
			throw DomainError::not_found( 'not_found', __( 'No such ticket.', 'aftercare' ) );
		}
		return $ticket;
	}

	/**
	 * Sets the status with its side effects (solved time, who acts next) and records the event.
	 *
	 * @return array<string, array{0: mixed, 1: mixed}> The change, or nothing when the status stays.
	 */
	private function change_status( Ticket $ticket, Status $status, int $actor_id ): array {
		if ( $status === $ticket->status ) {
			return array();
		}
		$from              = $ticket->status;
		$ticket->status    = $status;
		$ticket->awaiting  = Ticket::awaiting_for( $status );
		$ticket->solved_at = $status->is_done() ? ( $ticket->solved_at ?: $this->clock->now() ) : 0;
		$this->events->record( 'ticket', $ticket->id, 'status', $actor_id, array( 'from' => $from->value, 'to' => $status->value ) );
		return array( 'status' => array( $from->value, $status->value ) );
	}

	/**
	 * Records an `sla` event when the target, its due time or its pause changed.
	 */
	private function record_sla( Ticket $ticket, int $actor_id, ?Ticket $before ): void {
		$now = $this->sla->describe( $ticket );
		$old = $before ? $this->sla->describe( $before ) : null;
		if ( $old && $old['target'] === $now['target'] && $old['due'] === $now['due'] && ( 'paused' === $old['state'] ) === ( 'paused' === $now['state'] ) ) {
			return;
		}
		$this->events->record( 'ticket', $ticket->id, 'sla', $actor_id, array( 'from' => $old, 'to' => $now ) );
	}

	/**
	 * @return array{ticket: Ticket, message: Message, token: string, replayed: bool}
	 */
	private function replay( Ticket $ticket ): array {
		$first = $this->messages->for_ticket( $ticket->id, true )[0] ?? null;
		if ( ! $first ) {
			throw DomainError::conflict( 'conflict', __( 'This request is already being processed.', 'aftercare' ) );
		}
		return array(
			'ticket'   => $ticket,
			'message'  => $first,
			// Holding a key proves nothing (it may have leaked): the guest's link is in their email.
			'token'    => '',
			'replayed' => true,
		);
	}

	/**
	 * @param array<string, mixed> $input Creation input.
	 * @return array{id: int, name: string, email: string}
	 */
	private function customer( array $input, int $actor_id, bool $agent ): array {
		$user_id = $agent ? (int) ( $input['customer_id'] ?? 0 ) : $actor_id;
		if ( $user_id ) {
			$user = get_userdata( $user_id );
			if ( ! $user ) {
				throw DomainError::invalid( 'invalid_customer', __( 'That customer does not exist.', 'aftercare' ), array( 'params' => array( 'customer_id' ) ) );
			}
			return array(
				'id'    => $user->ID,
				'name'  => $user->display_name,
				'email' => $user->user_email,
			);
		}
		$email = self::email( (string) ( $input[ $agent ? 'customer_email' : 'email' ] ?? '' ), $agent ? 'customer_email' : 'email' );
		$name  = trim( sanitize_text_field( (string) ( $input[ $agent ? 'customer_name' : 'name' ] ?? '' ) ) );
		if ( '' === $name || mb_strlen( $name ) > 190 ) {
			throw DomainError::invalid(
				'invalid_name',
				__( 'Please enter your name (up to 190 characters).', 'aftercare' ),
				array( 'params' => array( $agent ? 'customer_name' : 'name' ) )
			);
		}
		// An agent writing for a known shopper files it under their account; a guest never claims one.
		$user = $agent ? get_user_by( 'email', $email ) : false;
		return array(
			'id'    => $user ? $user->ID : 0,
			'name'  => $user ? $user->display_name : $name,
			'email' => $user ? $user->user_email : $email,
		);
	}

	/**
	 * The order a new ticket is about: a guest's number must match their email (under the order
	 * lookup's limits and uniform failure); a customer may name only their own orders; agents any order.
	 *
	 * @param array<string, mixed>                   $input    Creation input.
	 * @param array{id: int, name: string, email: string} $customer The customer.
	 */
	private function order( array $input, array $customer, int $actor_id, bool $agent ): ?Order {
		$number = trim( (string) ( $input['order_number'] ?? '' ) );
		$id     = (int) ( $input['order_id'] ?? 0 );
		if ( '' === $number && ! $id ) {
			return null;
		}
		if ( ! $this->orders || ! $this->lookup ) {
			throw DomainError::invalid(
				'orders_unavailable',
				__( 'This store cannot link tickets to orders.', 'aftercare' ),
				array( 'params' => array( '' !== $number ? 'order_number' : 'order_id' ) )
			);
		}
		if ( ! $actor_id ) {
			try {
				$order = '' !== $number ? $this->lookup->check( $number, $customer['email'] ) : null;
			} catch ( DomainError $error ) {
				if ( 429 === $error->status ) {
					throw $error;
				}
				$order = null; // A malformed number fails like a wrong one.
			}
		} else {
			$order = $id ? $this->orders->find( $id ) : null;
			$order = ( $order && ( $agent || $order->customer_id === $actor_id ) ) ? $order : null;
		}
		if ( ! $order ) {
			throw DomainError::invalid(
				'order_not_found',
				__( 'We could not find that order for your email address.', 'aftercare' ),
				array( 'params' => array( $actor_id ? 'order_id' : 'order_number' ) )
			);
		}
		return $order;
	}

	/**
	 * A person's email address as typed, or a 400: one that sanitizing would change is refused, not
	 * mended, so the address that is rate-limited is the one that gets mail (`v(1)ictim@…` would
	 * otherwise count apart from `victim@…` and still mail it).
	 *
	 * @param string $param The request parameter it came in.
	 */
	public static function email( string $email, string $param ): string {
		$email = trim( $email );
		if ( ! is_email( $email ) || sanitize_email( $email ) !== $email ) {
			throw DomainError::invalid(
				'invalid_email',
				__( 'Please enter a valid email address, without spaces, brackets or other special characters.', 'aftercare' ),
				array( 'params' => array( $param ) )
			);
		}
		return $email;
	}

	private function assignee( int $user_id ): int {
		if ( $user_id && ! self::is_agent( $user_id ) ) {
			throw DomainError::invalid(
				'invalid_assignee',
				__( 'Tickets can only be assigned to support agents.', 'aftercare' ),
				array( 'params' => array( 'assignee_id' ) )
			);
		}
		return max( 0, $user_id );
	}

	private static function subject( string $subject ): string {
		$subject = trim( sanitize_text_field( $subject ) );
		if ( '' === $subject || mb_strlen( $subject ) > 200 ) {
			throw DomainError::invalid(
				'invalid_subject',
				__( 'Please enter a subject (up to 200 characters).', 'aftercare' ),
				array( 'params' => array( 'subject' ) )
			);
		}
		return $subject;
	}

	private static function body( string $body ): string {
		if ( mb_strlen( $body ) > MessageBody::MAX_LENGTH ) {
			throw DomainError::invalid(
				'message_too_long',
				/* translators: %d: maximum number of characters. */
				sprintf( __( 'Please keep the message under %d characters.', 'aftercare' ), MessageBody::MAX_LENGTH ),
				array( 'params' => array( 'message' ) )
			);
		}
		$html = MessageBody::sanitize( $body );
		if ( '' === $html ) {
			throw DomainError::invalid( 'empty_message', __( 'Please write a message.', 'aftercare' ), array( 'params' => array( 'message' ) ) );
		}
		return $html;
	}

	/**
	 * Tags as stored: lower case, trimmed, unique, sorted.
	 *
	 * @param array<mixed> $tags Raw tags.
	 * @return string[]
	 */
	/**
	 * Copied-in addresses: lower-cased, each once, each a valid address, at most MAX_CC.
	 *
	 * @param array<mixed> $addresses As the agent sent them.
	 * @return string[]
	 */
	public static function cc( array $addresses ): array {
		$clean = array();
		foreach ( $addresses as $address ) {
			$address           = strtolower( self::email( is_scalar( $address ) ? (string) $address : '', 'cc' ) );
			$clean[ $address ] = $address;
		}
		if ( count( $clean ) > self::MAX_CC ) {
			throw DomainError::invalid(
				'too_many_cc',
				/* translators: %d: maximum number of addresses. */
				sprintf( __( 'Copy in at most %d addresses.', 'aftercare' ), self::MAX_CC ),
				array( 'params' => array( 'cc' ) )
			);
		}
		return array_values( $clean );
	}

	public static function tags( array $tags ): array {
		$clean = array();
		foreach ( $tags as $tag ) {
			$tag = mb_substr( trim( mb_strtolower( sanitize_text_field( is_scalar( $tag ) ? (string) $tag : '' ) ) ), 0, 64 );
			if ( '' !== $tag ) {
				$clean[ $tag ] = $tag;
			}
		}
		if ( count( $clean ) > self::MAX_TAGS ) {
			throw DomainError::invalid(
				'too_many_tags',
				/* translators: %d: maximum number of tags. */
				sprintf( __( 'A ticket can have at most %d tags.', 'aftercare' ), self::MAX_TAGS ),
				array( 'params' => array( 'tags' ) )
			);
		}
		$clean = array_values( $clean );
		sort( $clean );
		return $clean;
	}

	private static function user_name( int $user_id ): string {
		$user = get_userdata( $user_id );
		return $user ? $user->display_name : '';
	}
}
