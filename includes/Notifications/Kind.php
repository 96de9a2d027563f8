<?php
/**
 * The notifications Aftercare sends, with the words store owners see and may override.
 *
 * Subjects and headings accept {ticket_number}, {ticket_subject} and {site_title}; those about
 * returns also {return_number} and {order_number}.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Notifications;

use Aftercare\Returns\ReturnStatus;

enum Kind: string {
	case TicketReceived      = 'customer_ticket_received';
	case AgentReply          = 'customer_reply';
	case TicketSolved        = 'customer_ticket_solved';
	case NewTicket           = 'agent_new_ticket';
	case CustomerReply       = 'agent_customer_reply';
	case ReturnRequested     = 'customer_return_requested';
	case ReturnApproved      = 'customer_return_approved';
	case ReturnRejected      = 'customer_return_rejected';
	case ReturnAwaitingItems = 'customer_return_awaiting_items';
	case ReturnReceived      = 'customer_return_received';
	case ReturnRefunded      = 'customer_return_refunded';
	case ReturnCredited      = 'customer_return_credited';
	case ReturnExchanged     = 'customer_return_exchanged';
	case ReturnClosed        = 'customer_return_closed';
	case NewReturn           = 'agent_new_return';
	case BadRating           = 'agent_bad_rating';
	case SlaWarning          = 'agent_sla_warning';
	case SlaBreached         = 'agent_sla_breached';

	public function to_customer(): bool {
		return ! in_array( $this, array( self::NewTicket, self::CustomerReply, self::NewReturn, self::BadRating, self::SlaWarning, self::SlaBreached ), true );
	}

	/**
	 * Whether the mail shows a message of the thread (its outbox row names one): replies and
	 * new tickets do; return mails, the solved and bad-rating mails and SLA alerts go without.
	 */
	public function needs_message(): bool {
		return ! $this->is_return() && ! in_array( $this, array( self::TicketSolved, self::BadRating, self::SlaWarning, self::SlaBreached ), true );
	}

	/**
	 * Whether the mail is about a return (its outbox row names the return).
	 */
	public function is_return(): bool {
		return str_contains( $this->name, 'Return' );
	}

	/**
	 * The shopper's mail when a return reaches $status.
	 */
	public static function for_return_status( ReturnStatus $status ): self {
		return match ( $status ) {
			ReturnStatus::Requested     => self::ReturnRequested,
			ReturnStatus::Approved      => self::ReturnApproved,
			ReturnStatus::Rejected      => self::ReturnRejected,
			ReturnStatus::AwaitingItems => self::ReturnAwaitingItems,
			ReturnStatus::Received      => self::ReturnReceived,
			ReturnStatus::Refunded      => self::ReturnRefunded,
			ReturnStatus::Credited      => self::ReturnCredited,
			ReturnStatus::Exchanged     => self::ReturnExchanged,
			ReturnStatus::Closed        => self::ReturnClosed,
		};
	}

	public function title(): string {
		return match ( $this ) {
			self::TicketReceived      => __( 'Support request received', 'aftercare' ),
			self::AgentReply          => __( 'Support reply', 'aftercare' ),
			self::TicketSolved        => __( 'Support request solved', 'aftercare' ),
			self::NewTicket           => __( 'New support ticket', 'aftercare' ),
			self::CustomerReply       => __( 'Customer replied to a ticket', 'aftercare' ),
			self::ReturnRequested     => __( 'Return request received', 'aftercare' ),
			self::ReturnApproved      => __( 'Return approved', 'aftercare' ),
			self::ReturnRejected      => __( 'Return rejected', 'aftercare' ),
			self::ReturnAwaitingItems => __( 'Return awaiting items', 'aftercare' ),
			self::ReturnReceived      => __( 'Returned items received', 'aftercare' ),
			self::ReturnRefunded      => __( 'Return refunded', 'aftercare' ),
			self::ReturnCredited      => __( 'Return store credit issued', 'aftercare' ),
			self::ReturnExchanged     => __( 'Return exchanged', 'aftercare' ),
			self::ReturnClosed        => __( 'Return closed', 'aftercare' ),
			self::NewReturn           => __( 'New return request', 'aftercare' ),
			self::BadRating           => __( 'Bad rating', 'aftercare' ),
			self::SlaWarning          => __( 'Ticket about to breach its SLA', 'aftercare' ),
			self::SlaBreached         => __( 'Ticket breached its SLA', 'aftercare' ),
		};
	}

	public function description(): string {
		return match ( $this ) {
			self::TicketReceived      => __( 'Sent to the customer when they open a ticket: its number and a link to follow it.', 'aftercare' ),
			self::AgentReply          => __( 'Sent to the customer when an agent replies (never for internal notes).', 'aftercare' ),
			self::TicketSolved        => __( 'Sent to the customer when their ticket is solved (with the agent\'s reply, if one came with it), asking "How did we do?" with one-click answers: good, okay, bad.', 'aftercare' ), // phpcs:ignore Generic.Files.LineLength.TooLong -- one translatable string.
			self::NewTicket           => __( 'Sent to the assignee, the notification address or every agent when a customer opens a ticket.', 'aftercare' ),
			self::CustomerReply       => __( 'Sent to the assignee, the notification address or every agent when a customer replies.', 'aftercare' ),
			self::ReturnRequested     => __( 'Sent to the customer when they ask for a return: its number, the items and a link to follow it.', 'aftercare' ),
			self::ReturnApproved      => __( 'Sent to the customer when a return is approved, with the return-shipping instructions.', 'aftercare' ),
			self::ReturnRejected      => __( 'Sent to the customer when a return is rejected, with the agent\'s message.', 'aftercare' ),
			self::ReturnAwaitingItems => __( 'Sent to the customer when the store is waiting for the returned items.', 'aftercare' ),
			self::ReturnReceived      => __( 'Sent to the customer when the returned items have arrived.', 'aftercare' ),
			self::ReturnRefunded      => __( 'Sent to the customer when a return is refunded, with the amount.', 'aftercare' ),
			self::ReturnCredited      => __( 'Sent to the customer when a return is settled with store credit, with the coupon code.', 'aftercare' ),
			self::ReturnExchanged     => __( 'Sent to the customer when replacement items are sent, with the new order number.', 'aftercare' ),
			self::ReturnClosed        => __( 'Sent to the customer when a return is closed.', 'aftercare' ),
			self::NewReturn           => __( 'Sent to the notification address or every agent when a customer asks for a return.', 'aftercare' ),
			self::BadRating           => __( 'Sent to the notification address (or the site admin email) when a customer rates a solved ticket Bad, if the support settings ask for it.', 'aftercare' ), // phpcs:ignore Generic.Files.LineLength.TooLong -- one translatable string.
			self::SlaWarning          => __( 'Sent to the assignee, the notification address or every agent once per target when a ticket enters the SLA warning window.', 'aftercare' ), // phpcs:ignore Generic.Files.LineLength.TooLong -- one translatable string.
			self::SlaBreached         => __( 'Sent to the assignee (after any escalation), the notification address or every agent once per target when a ticket breaches its SLA.', 'aftercare' ), // phpcs:ignore Generic.Files.LineLength.TooLong -- one translatable string.
		};
	}

	public function default_subject(): string {
		return match ( $this ) {
			/* translators: Placeholders stay as they are: {ticket_number} and {site_title}. */
			self::TicketReceived      => __( '[{site_title}] We received your request #{ticket_number}', 'aftercare' ),
			/* translators: Placeholders stay as they are: {ticket_number} and {site_title}. */
			self::AgentReply          => __( '[{site_title}] New reply to your request #{ticket_number}', 'aftercare' ),
			/* translators: Placeholders stay as they are: {ticket_number} and {site_title}. */
			self::TicketSolved        => __( '[{site_title}] Your request #{ticket_number} is solved', 'aftercare' ),
			/* translators: Placeholders stay as they are: {ticket_number} and {ticket_subject}. */
			self::NewTicket           => __( 'New ticket #{ticket_number}: {ticket_subject}', 'aftercare' ),
			/* translators: Placeholders stay as they are: {ticket_number} and {ticket_subject}. */
			self::CustomerReply       => __( 'Customer replied to #{ticket_number}: {ticket_subject}', 'aftercare' ),
			/* translators: Placeholders stay as they are: {return_number}, {order_number} and {site_title}. */
			self::ReturnRequested     => __( '[{site_title}] We received your return request {return_number} for order #{order_number}', 'aftercare' ),
			/* translators: Placeholders stay as they are: {return_number} and {site_title}. */
			self::ReturnApproved      => __( '[{site_title}] Your return {return_number} is approved', 'aftercare' ),
			/* translators: Placeholders stay as they are: {return_number} and {site_title}. */
			self::ReturnRejected      => __( '[{site_title}] About your return {return_number}', 'aftercare' ),
			/* translators: Placeholders stay as they are: {return_number} and {site_title}. */
			self::ReturnAwaitingItems => __( '[{site_title}] We are waiting for the items of return {return_number}', 'aftercare' ),
			/* translators: Placeholders stay as they are: {return_number} and {site_title}. */
			self::ReturnReceived      => __( '[{site_title}] We received the items of return {return_number}', 'aftercare' ),
			/* translators: Placeholders stay as they are: {return_number} and {site_title}. */
			self::ReturnRefunded      => __( '[{site_title}] Your return {return_number} is refunded', 'aftercare' ),
			/* translators: Placeholders stay as they are: {return_number} and {site_title}. */
			self::ReturnCredited      => __( '[{site_title}] Store credit for your return {return_number}', 'aftercare' ),
			/* translators: Placeholders stay as they are: {return_number} and {site_title}. */
			self::ReturnExchanged     => __( '[{site_title}] Replacement items for your return {return_number}', 'aftercare' ),
			/* translators: Placeholders stay as they are: {return_number} and {site_title}. */
			self::ReturnClosed        => __( '[{site_title}] Your return {return_number} is closed', 'aftercare' ),
			/* translators: Placeholders stay as they are: {return_number} and {order_number}. */
			self::NewReturn           => __( 'New return {return_number} for order #{order_number}', 'aftercare' ),
			/* translators: Placeholders stay as they are: {ticket_number} and {ticket_subject}. */
			self::BadRating           => __( 'Bad rating for #{ticket_number}: {ticket_subject}', 'aftercare' ),
			/* translators: Placeholders stay as they are: {ticket_number} and {ticket_subject}. */
			self::SlaWarning          => __( 'At risk: #{ticket_number} {ticket_subject}', 'aftercare' ),
			/* translators: Placeholders stay as they are: {ticket_number} and {ticket_subject}. */
			self::SlaBreached         => __( 'Overdue: #{ticket_number} {ticket_subject}', 'aftercare' ),
		};
	}

	public function default_heading(): string {
		return match ( $this ) {
			self::TicketReceived      => __( 'We received your request', 'aftercare' ),
			self::AgentReply          => __( 'We replied to your request', 'aftercare' ),
			self::TicketSolved        => __( 'Your request is solved', 'aftercare' ),
			self::NewTicket           => __( 'New support ticket', 'aftercare' ),
			self::CustomerReply       => __( 'The customer replied', 'aftercare' ),
			self::ReturnRequested     => __( 'We received your return request', 'aftercare' ),
			self::ReturnApproved      => __( 'Your return is approved', 'aftercare' ),
			self::ReturnRejected      => __( 'We cannot accept your return', 'aftercare' ),
			self::ReturnAwaitingItems => __( 'We are waiting for your items', 'aftercare' ),
			self::ReturnReceived      => __( 'Your items have arrived', 'aftercare' ),
			self::ReturnRefunded      => __( 'Your return is refunded', 'aftercare' ),
			self::ReturnCredited      => __( 'Your store credit is ready', 'aftercare' ),
			self::ReturnExchanged     => __( 'Your replacement is on its way', 'aftercare' ),
			self::ReturnClosed        => __( 'Your return is closed', 'aftercare' ),
			self::NewReturn           => __( 'New return request', 'aftercare' ),
			self::BadRating           => __( 'A customer rated a ticket Bad', 'aftercare' ),
			self::SlaWarning          => __( 'A ticket is about to breach its SLA', 'aftercare' ),
			self::SlaBreached         => __( 'A ticket breached its SLA', 'aftercare' ),
		};
	}
}
