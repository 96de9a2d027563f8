<?php
/**
 * Fills a saved reply's variables for one ticket. Values are escaped; the reply's own HTML passes
 * the message allowlist when it is sent.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tickets;

use Aftercare\Orders\OrderSource;

final class SavedReplyRenderer {

	public const VARIABLES = array( '{customer_name}', '{ticket_number}', '{order_number}', '{order_status}', '{tracking_link}' );

	public function __construct( private ?OrderSource $orders ) {}

	public function render( SavedReply $reply, Ticket $ticket ): string {
		$order    = $ticket->order_id && $this->orders ? $this->orders->find( $ticket->order_id ) : null;
		$tracking = $order ? ( $order->tracking[0] ?? null ) : null;
		$link     = $tracking && '' !== $tracking->url
			? sprintf( '<a href="%s">%s</a>', esc_url( $tracking->url ), esc_html( $tracking->number ) )
			: esc_html( $tracking ? $tracking->number : '' );
		return strtr(
			$reply->body,
			array(
				'{customer_name}' => esc_html( $ticket->customer_name ),
				'{ticket_number}' => esc_html( (string) $ticket->number ),
				'{order_number}'  => esc_html( $order ? $order->number : '' ),
				'{order_status}'  => esc_html( $order ? $order->status_label : '' ),
				'{tracking_link}' => $link,
			)
		);
	}
}
