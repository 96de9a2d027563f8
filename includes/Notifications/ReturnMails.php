<?php
/**
 * What the shopper's and the agents' mails about a return say: the return's number and items,
 * the return-shipping instructions, the refund, the coupon or the new order; and where each
 * reader follows it (the guest's signed link, My Account, the returns screen). The Notifier
 * queues and sends these like every other mail; this class only knows about returns.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Notifications;

use Aftercare\Feedback\FeedbackService;
use Aftercare\Infrastructure\AccessTokens;
use Aftercare\Orders\Money;
use Aftercare\Orders\OrderSource;
use Aftercare\Returns\Policy;
use Aftercare\Returns\ReturnAccess;
use Aftercare\Returns\ReturnItem;
use Aftercare\Returns\ReturnRepository;
use Aftercare\Returns\ReturnRequest;
use Aftercare\Tickets\Message;
use Aftercare\Tickets\Ticket;

final class ReturnMails {

	public function __construct(
		private ReturnRepository $returns,
		private ReturnAccess $access,
		private Policy $policy,
		private AccessTokens $tokens,
		private ?OrderSource $orders,
		private FeedbackService $feedback
	) {}

	public function find( int $return_id ): ?ReturnRequest {
		return $this->returns->find( $return_id );
	}

	/**
	 * The return whose conversation this ticket is, or null for an ordinary ticket.
	 */
	public function for_thread( int $ticket_id ): ?ReturnRequest {
		return $this->returns->find_by_ticket( $ticket_id );
	}

	/**
	 * Where the shopper follows the return: a fresh signed link for guests (tokens are stored
	 * hashed, so each mail gets its own), My Account or the portal page for customers.
	 */
	public function customer_link( ReturnRequest $return ): string {
		return $this->access->for_customer( $return, $return->customer_id > 0 ? '' : $this->tokens->issue( 'ticket', $return->ticket_id, true ) );
	}

	/**
	 * The return's screen in wp-admin.
	 */
	public function agent_link( ReturnRequest $return ): string {
		return admin_url( 'admin.php?page=aftercare-returns&return=' . $return->id );
	}

	/**
	 * A mail about the return; $message is the agent's words that came with the change, if any.
	 */
	public function compose( Kind $kind, string $recipient, ReturnRequest $return, Ticket $ticket, ?Message $message ): Notification {
		$to_customer = $kind->to_customer();
		$user        = $to_customer ? false : get_user_by( 'email', $recipient );
		return new Notification(
			$kind,
			$recipient,
			$to_customer ? $return->customer_name : ( $user ? $user->display_name : '' ),
			$ticket->number,
			$ticket->subject,
			$this->intro( $kind, $return ),
			$message ? $message->author_name : '',
			$message ? $message->body : '',
			$to_customer ? $this->customer_link( $return ) : $this->agent_link( $return ),
			$to_customer ? __( 'View your return', 'aftercare' ) : __( 'Open the return', 'aftercare' ),
			$this->details( $kind, $return ),
			$return->public_number(),
			$return->order_number,
			$this->asks_effort( $kind, $return ) ? $this->feedback->return_question( $return ) : null
		);
	}

	/**
	 * The effort question goes once per return: in the mail that settles it (refunded, credited,
	 * exchanged), or in the closing mail of a return closed without a settlement.
	 */
	private function asks_effort( Kind $kind, ReturnRequest $return ): bool {
		return in_array( $kind, array( Kind::ReturnRefunded, Kind::ReturnCredited, Kind::ReturnExchanged ), true )
			|| ( Kind::ReturnClosed === $kind && '' === $return->resolution );
	}

	private function intro( Kind $kind, ReturnRequest $return ): string {
		return match ( $kind ) {
			Kind::ReturnRequested     => __( 'Thank you: we have received your return request and will let you know once we have looked at it.', 'aftercare' ),
			Kind::ReturnApproved      => __( 'Good news: your return is approved.', 'aftercare' ),
			Kind::ReturnRejected      => __( 'We are sorry, but we cannot accept this return.', 'aftercare' ),
			Kind::ReturnAwaitingItems => __( 'We are waiting for your items to arrive.', 'aftercare' ),
			Kind::ReturnReceived      => __( 'Your items have arrived. We will let you know as soon as your return is settled.', 'aftercare' ),
			Kind::ReturnRefunded      => __(
				'We have refunded your return to your original payment method. Depending on your bank, it may take a few days to show.',
				'aftercare'
			),
			Kind::ReturnCredited      => __( 'We have issued store credit for your return. Use the coupon code below at checkout.', 'aftercare' ),
			Kind::ReturnExchanged     => __( 'We are sending you replacement items in a new order, free of charge.', 'aftercare' ),
			Kind::ReturnClosed        => __( 'Your return is now closed. Thank you for shopping with us.', 'aftercare' ),
			/* translators: 1: customer name, 2: order number. */
			Kind::NewReturn           => sprintf( __( '%1$s asked to return items from order #%2$s.', 'aftercare' ), $return->customer_name, $return->order_number ),
			default                   => '',
		};
	}

	/**
	 * @return array<int, array{0: string, 1: string}> Label and value pairs.
	 */
	private function details( Kind $kind, ReturnRequest $return ): array {
		$details = array(
			array( __( 'Return', 'aftercare' ), $return->public_number() ),
			array( __( 'Order', 'aftercare' ), '#' . $return->order_number ),
		);
		if ( in_array( $kind, array( Kind::ReturnRequested, Kind::NewReturn ), true ) ) {
			$details[] = array(
				__( 'Items', 'aftercare' ),
				implode( "\n", array_map( static fn( ReturnItem $item ) => sprintf( '%d × %s (%s)', $item->quantity, $item->name, $item->reason_label ), $return->items ) ),
			);
		}
		if ( Kind::ReturnReceived === $kind ) {
			$details[] = array(
				__( 'Received', 'aftercare' ),
				implode( "\n", array_map( static fn( ReturnItem $item ) => sprintf( '%d × %s', $item->received_quantity, $item->name ), $return->items ) ),
			);
		}
		$instructions = trim( $this->policy->shipping_instructions() );
		if ( '' !== $instructions ) {
			if ( Kind::ReturnRequested === $kind ) {
				$details[] = array( __( 'Once it is approved', 'aftercare' ), $instructions );
			} elseif ( in_array( $kind, array( Kind::ReturnApproved, Kind::ReturnAwaitingItems ), true ) ) {
				$details[] = array( __( 'How to send the items back', 'aftercare' ), $instructions );
			}
		}
		if ( Kind::ReturnRefunded === $kind ) {
			$details[] = array( __( 'Refunded', 'aftercare' ), $this->money( $return, $return->refund_amount ) );
			if ( $return->restocking_fee > 0 ) {
				$details[] = array( __( 'Restocking fee', 'aftercare' ), $this->money( $return, $return->restocking_fee ) );
			}
		}
		if ( Kind::ReturnCredited === $kind ) {
			$details[] = array( __( 'Store credit', 'aftercare' ), $this->money( $return, $return->refund_amount ) );
			$details[] = array( __( 'Coupon code', 'aftercare' ), $return->coupon_code );
		}
		if ( Kind::ReturnExchanged === $kind ) {
			$order     = $this->orders?->find( $return->exchange_order_id );
			$details[] = array( __( 'New order', 'aftercare' ), '#' . ( $order ? $order->number : (string) $return->exchange_order_id ) );
		}
		return $details;
	}

	/**
	 * An amount in the order's currency, as plain text.
	 */
	private function money( ReturnRequest $return, float $amount ): string {
		return Money::text( $amount, $this->orders?->find( $return->order_id )?->currency ?? '' );
	}
}
