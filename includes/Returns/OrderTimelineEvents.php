<?php
/**
 * An order's returns on its timeline (Orders\OrderTimeline, through the `aftercare_order_timeline`
 * filter): each requested, each status it reached, and store credit given as a coupon (its code
 * to agents and the signed-in buyer). A return's conversation is a ticket: its replies (added by
 * Tickets\OrderTimelineEvents, which runs first) are kept and named after the return; its
 * "opened" and "solved" are the return's own events, so they are dropped.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Returns;

use Aftercare\Infrastructure\Registrable;
use Aftercare\Orders\Money;
use Aftercare\Orders\Order;
use Aftercare\Orders\OrderTimeline;
use Aftercare\Tickets\EventLog;

final class OrderTimelineEvents implements Registrable {

	/** Returns of one order read for its timeline. */
	public const RETURNS = 50;

	public function __construct( private ReturnRepository $returns, private EventLog $events, private ReturnAccess $access ) {}

	public function register(): void {
		add_filter( 'aftercare_order_timeline', array( $this, 'add' ), 20, 3 );
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
		$threads = array();
		foreach ( $this->returns->query( array( 'order_id' => $order->id ), 1, self::RETURNS, 'created', 'asc' )['returns'] as $return ) {
			$url = match ( $audience ) {
				'agent'    => admin_url( 'admin.php?page=aftercare-returns&return=' . $return->id ),
				'customer' => $return->customer_id > 0 ? $this->access->for_customer( $return, '' ) : '',
				default    => '',
			};
			$threads[ $return->ticket_id ] = array( $return->public_number(), $url );
			$base                          = array(
				'source' => 'return',
				'url'    => $url,
			);
			foreach ( $this->events->for_object( 'return', $return->id ) as $change ) {
				$actor = 'agent' === $audience ? self::user_name( $change['actor_id'] ) : '';
				$event = match ( $change['type'] ) {
					'created' => array(
						'type'  => 'return_requested',
						/* translators: %s: return number, e.g. R-1001. */
						'label' => sprintf( __( 'Return %s requested', 'aftercare' ), $return->public_number() ),
					),
					'status' => self::status_event( $return, (string) ( $change['data']['to'] ?? '' ) ),
					'credit' => 'guest' === $audience ? null : array(
						'type'   => 'coupon',
						'label'  => __( 'Store credit given as a coupon', 'aftercare' ),
						'detail' => sprintf(
							/* translators: 1: amount, 2: coupon code. */
							__( '%1$s, code %2$s', 'aftercare' ),
							Money::text( (float) ( $change['data']['amount'] ?? 0 ), $order->currency ),
							(string) ( $change['data']['coupon'] ?? '' )
						),
					),
					default => null,
				};
				if ( $event ) {
					$events[] = $base + $event + array(
						'time'  => $change['created_at'],
						'actor' => $actor,
					);
				}
			}
		}
		return $this->name_threads( $events, $threads );
	}

	/**
	 * @return array<string, string>|null
	 */
	private static function status_event( ReturnRequest $return, string $to ): ?array {
		$status = ReturnStatus::tryFrom( $to );
		return $status ? array(
			'type'  => 'return_' . $status->value,
			/* translators: 1: return number, 2: status, e.g. Approved. */
			'label' => sprintf( __( 'Return %1$s: %2$s', 'aftercare' ), $return->public_number(), $status->label() ),
		) : null;
	}

	/**
	 * Events of return threads: replies named after the return, no "opened" or "solved".
	 *
	 * @param array<int, mixed>                    $events  Events so far.
	 * @param array<int, array{0: string, 1: string}> $threads Ticket id => return number, link.
	 * @return array<int, mixed>
	 */
	private function name_threads( array $events, array $threads ): array {
		$kept = array();
		foreach ( $events as $event ) {
			$thread = is_array( $event ) ? ( $threads[ (int) ( $event['ticket_id'] ?? 0 ) ] ?? null ) : null;
			if ( $thread ) {
				if ( in_array( $event['type'] ?? '', array( 'ticket_opened', 'ticket_solved' ), true ) ) {
					continue;
				}
				$event['source'] = 'return';
				/* translators: %s: return number, e.g. R-1001. */
				$event['detail'] = sprintf( __( 'Return %s', 'aftercare' ), $thread[0] );
				$event['url']    = $thread[1];
			}
			$kept[] = $event;
		}
		return $kept;
	}

	private static function user_name( int $user_id ): string {
		$user = $user_id > 0 ? get_userdata( $user_id ) : false;
		return $user ? (string) $user->display_name : '';
	}
}
