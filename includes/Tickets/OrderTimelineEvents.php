<?php
/**
 * The tickets about an order on its timeline (Orders\OrderTimeline, through the
 * `aftercare_order_timeline` filter): each opened, each reply, each solved. Agents also get
 * internal notes, subjects and who wrote or solved; the buyer signed in gets subjects and a link
 * to the thread; a guest only that there was a request and replies. Shoppers are never told an
 * agent's name (the storefront says "the support team").
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tickets;

use Aftercare\Infrastructure\Registrable;
use Aftercare\Orders\Order;

final class OrderTimelineEvents implements Registrable {

	/** Tickets of one order read for its timeline. */
	public const TICKETS = 50;

	public function __construct(
		private TicketRepository $tickets,
		private MessageRepository $messages,
		private EventLog $events,
		private Links $links
	) {}

	public function register(): void {
		add_filter( 'aftercare_order_timeline', array( $this, 'add' ), 10, 3 );
	}

	/**
	 * @param mixed  $events   Events so far.
	 * @param Order  $order    The order.
	 * @param string $audience `agent`, `customer` or `guest`.
	 * @return array<int, array<string, mixed>>
	 */
	public function add( $events, $order, $audience ): array {
		$events = is_array( $events ) ? $events : array();
		if ( ! $order instanceof Order ) {
			return $events;
		}
		$agent = 'agent' === $audience;
		$found = $this->tickets->query(
			new TicketFilter(
				order_id: $order->id,
				orderby: 'created',
				reverse: true,
				per_page: self::TICKETS
			)
		);
		foreach ( $found['tickets'] as $ticket ) {
			/* translators: %d: ticket number. */
			$name = sprintf( __( 'Request #%d', 'aftercare' ), $ticket->number );
			$url  = match ( $audience ) {
				'agent'    => $this->links->agent_ticket( $ticket->id ),
				'customer' => $ticket->customer_id > 0 ? $this->links->customer_thread( $ticket->id ) : '',
				default    => '',
			};
			$base = array(
				'source'    => 'ticket',
				'url'       => $url,
				'ticket_id' => $ticket->id,
			);

			$events[] = $base + array(
				'type'   => 'ticket_opened',
				'time'   => $ticket->created_at,
				/* translators: %s: "Request #12". */
				'label'  => sprintf( __( '%s opened', 'aftercare' ), $name ),
				'detail' => 'guest' === $audience ? '' : $ticket->subject,
			);
			// The first message is the request itself.
			foreach ( array_slice( $this->messages->for_ticket( $ticket->id, $agent ), 1 ) as $message ) {
				$event = $this->message_event( $message, $audience, $name );
				if ( $event ) {
					$events[] = $base + $event;
				}
			}
			foreach ( $this->events->for_object( 'ticket', $ticket->id ) as $change ) {
				if ( 'status' === $change['type'] && Status::Solved->value === ( $change['data']['to'] ?? '' ) ) {
					$events[] = $base + array(
						'type'  => 'ticket_solved',
						'time'  => $change['created_at'],
						/* translators: %s: "Request #12". */
						'label' => sprintf( __( '%s solved', 'aftercare' ), $name ),
						'actor' => $agent ? self::user_name( $change['actor_id'] ) : '',
					);
				}
			}
		}
		foreach ( $this->events->for_object( 'order', $order->id ) as $change ) {
			$event = 'action' === $change['type'] ? $this->action_event( $change, $order, $audience ) : null;
			if ( $event ) {
				$events[] = $event;
			}
		}
		return $events;
	}

	/**
	 * An order action an agent took from a ticket that the order does not tell itself: a coupon
	 * given, an order mail sent again (refunds and returns are on the timeline as the order's
	 * refund and the return's events).
	 *
	 * @param array{type: string, actor_id: int, data: array<string, mixed>, created_at: int} $change The order's event.
	 * @return array<string, mixed>|null
	 */
	private function action_event( array $change, Order $order, string $audience ): ?array {
		$data = $change['data'];
		/* translators: %d: ticket number. */
		$name  = sprintf( __( 'Request #%d', 'aftercare' ), (int) ( $data['ticket_number'] ?? 0 ) );
		$event = match ( $data['action'] ?? '' ) {
			'coupon' => array(
				'type'   => 'coupon_given',
				'label'  => __( 'Coupon given', 'aftercare' ),
				'detail' => 'guest' === $audience ? '' : sprintf(
					/* translators: 1: "10.00" or "15%", 2: coupon code. */
					__( '%1$s off, code %2$s', 'aftercare' ),
					\Aftercare\OrderActions\OrderActions::coupon_value( (string) ( $data['coupon_type'] ?? '' ), (float) ( $data['amount'] ?? 0 ), $order->currency ),
					(string) ( $data['coupon'] ?? '' )
				),
			),
			'resend' => array(
				'type'  => 'mail_resent',
				'label' => 'tracking' === ( $data['mail'] ?? '' ) ? __( 'Tracking email sent again', 'aftercare' ) : __( 'Order email sent again', 'aftercare' ),
			),
			default  => null,
		};
		if ( ! $event ) {
			return null;
		}
		$ticket_id = (int) ( $data['ticket_id'] ?? 0 );
		return $event + array(
			'source' => 'ticket',
			'time'   => $change['created_at'],
			'detail' => 'agent' === $audience ? $name : '',
			'url'    => 'agent' === $audience ? $this->links->agent_ticket( $ticket_id ) : '',
			'actor'  => 'agent' === $audience ? self::user_name( $change['actor_id'] ) : '',
		);
	}

	/**
	 * @return array<string, mixed>|null
	 */
	private function message_event( Message $message, string $audience, string $name ): ?array {
		if ( 'note' === $message->type ) {
			// for_ticket() gives notes to agents only; this keeps it so should that change.
			return 'agent' === $audience ? array(
				'type'  => 'ticket_note',
				'time'  => $message->created_at,
				/* translators: %s: "Request #12". */
				'label' => sprintf( __( 'Internal note on %s', 'aftercare' ), $name ),
				'actor' => $message->author_name,
			) : null;
		}
		$label = match ( true ) {
			'agent' === $message->author_role => __( 'The support team replied', 'aftercare' ),
			'customer' === $message->author_role && 'customer' === $audience => __( 'You replied', 'aftercare' ),
			'customer' === $message->author_role => __( 'The customer replied', 'aftercare' ),
			default => '',
		};
		return '' === $label ? null : array(
			'type'   => 'ticket_replied',
			'time'   => $message->created_at,
			'label'  => $label,
			'detail' => $name,
			'actor'  => 'agent' === $audience ? $message->author_name : '',
		);
	}

	private static function user_name( int $user_id ): string {
		$user = $user_id > 0 ? get_userdata( $user_id ) : false;
		return $user ? (string) $user->display_name : '';
	}
}
