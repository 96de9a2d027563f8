<?php
/**
 * Fills a saved reply's variables for one ticket. Values are escaped; the reply's own HTML passes
 * the message allowlist when it is sent. The return variables are the Returns domain's to fill
 * (`aftercare_saved_reply_variables`, see Returns\ReturnReplyVariables); without a return they
 * become empty, like the order's without an order.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tickets;

use Aftercare\Orders\OrderSource;

final class SavedReplyRenderer {

	public const VARIABLES = array( '{customer_name}', '{ticket_number}', '{order_number}', '{order_status}', '{tracking_link}' );

	/** Filled by the Returns domain when the ticket is a return's thread. */
	public const RETURN_VARIABLES = array( '{return_number}', '{return_status}', '{return_shipping_instructions}', '{refund_amount}' );

	public function __construct( private ?OrderSource $orders ) {}

	public function render( SavedReply $reply, Ticket $ticket ): string {
		$order    = $ticket->order_id && $this->orders ? $this->orders->find( $ticket->order_id ) : null;
		$tracking = $order ? ( $order->tracking[0] ?? null ) : null;
		$link     = $tracking && '' !== $tracking->url
			? sprintf( '<a href="%s">%s</a>', esc_url( $tracking->url ), esc_html( $tracking->number ) )
			: esc_html( $tracking ? $tracking->number : '' );
		/**
		 * Filters the values of a saved reply's return variables for a ticket (escaped HTML).
		 *
		 * @param array<string, string> $values Variable => value; empty strings by default.
		 * @param Ticket                $ticket The ticket the reply is for.
		 */
		$returns = (array) apply_filters( 'aftercare_saved_reply_variables', array_fill_keys( self::RETURN_VARIABLES, '' ), $ticket );
		return strtr(
			$reply->body,
			array_map( 'strval', array_intersect_key( $returns, array_flip( self::RETURN_VARIABLES ) ) ) + array(
				'{customer_name}' => esc_html( $ticket->customer_name ),
				'{ticket_number}' => esc_html( (string) $ticket->number ),
				'{order_number}'  => esc_html( $order ? $order->number : '' ),
				'{order_status}'  => esc_html( $order ? $order->status_label : '' ),
				'{tracking_link}' => $link,
			)
		);
	}
}
