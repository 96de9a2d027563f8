<?php
/**
 * What an agent sees beside a ticket: the customer's orders and spending (through the OrderSource
 * port, when the store has one), open returns, and their other tickets. Only for an email known
 * to be the customer's: anyone can type someone else's address into the contact form.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tickets;

use Aftercare\Orders\Order;
use Aftercare\Orders\OrderSource;

final class CustomerContext {

	public const ORDERS = 10;

	public const OTHER_TICKETS = 10;

	public function __construct( private TicketRepository $tickets, private ?OrderSource $orders ) {}

	/**
	 * @return array<string, mixed> Shaped as the ticket-context resource.
	 */
	public function for_ticket( Ticket $ticket ): array {
		$known   = $ticket->email_verified();
		$orders  = $this->orders && $known ? $this->orders->orders_for_customer( $ticket->customer_id, $ticket->customer_email, self::ORDERS ) : array();
		$summary = $this->orders && $known ? $this->orders->customer_summary( $ticket->customer_id, $ticket->customer_email ) : null;
		return array(
			'ticket_id'         => $ticket->id,
			'customer'          => array(
				'id'    => $ticket->customer_id,
				'name'  => $ticket->customer_name,
				'email' => $ticket->customer_email,
			),
			'email_verified'    => $known,
			'orders_available'  => null !== $this->orders,
			'orders'            => array_map(
				static fn( Order $order ): array => array(
					'id'           => $order->id,
					'number'       => $order->number,
					'status'       => $order->status,
					'status_label' => $order->status_label,
					'total'        => $order->total,
					'currency'     => $order->currency,
					'created'      => gmdate( 'Y-m-d\TH:i:s\Z', $order->created ),
				),
				$orders
			),
			'order_count'       => $summary ? $summary->order_count : 0,
			'total_spent'       => $summary ? $summary->total_spent : 0.0,
			'currency'          => $summary ? $summary->currency : '',
			// Filled by the returns feature through this filter: items of {id, number, status}.
			'open_returns'      => array_values(
				array_map(
					static fn( $item ): array => array(
						'id'     => (int) ( $item['id'] ?? 0 ),
						'number' => (int) ( $item['number'] ?? 0 ),
						'status' => (string) ( $item['status'] ?? '' ),
					),
					$known ? (array) apply_filters( 'aftercare_ticket_context_open_returns', array(), $ticket ) : array()
				)
			),
			'other_tickets'     => array_map(
				static fn( Ticket $other ): array => array(
					'id'      => $other->id,
					'number'  => $other->number,
					'subject' => $other->subject,
					'status'  => $other->status->value,
					'updated' => gmdate( 'Y-m-d\TH:i:s\Z', $other->updated_at ),
				),
				$known ? $this->tickets->others_of_customer( $ticket, self::OTHER_TICKETS ) : array()
			),
		);
	}
}
