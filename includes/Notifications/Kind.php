<?php
/**
 * The notifications Aftercare sends, with the words store owners see and may override.
 *
 * Subjects and headings accept {ticket_number}, {ticket_subject} and {site_title}.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Notifications;

enum Kind: string {
	case TicketReceived = 'customer_ticket_received';
	case AgentReply     = 'customer_reply';
	case NewTicket      = 'agent_new_ticket';
	case CustomerReply  = 'agent_customer_reply';

	public function to_customer(): bool {
		return self::TicketReceived === $this || self::AgentReply === $this;
	}

	public function title(): string {
		return match ( $this ) {
			self::TicketReceived => __( 'Support request received', 'aftercare' ),
			self::AgentReply     => __( 'Support reply', 'aftercare' ),
			self::NewTicket      => __( 'New support ticket', 'aftercare' ),
			self::CustomerReply  => __( 'Customer replied to a ticket', 'aftercare' ),
		};
	}

	public function description(): string {
		return match ( $this ) {
			self::TicketReceived => __( 'Sent to the customer when they open a ticket: its number and a link to follow it.', 'aftercare' ),
			self::AgentReply     => __( 'Sent to the customer when an agent replies (never for internal notes).', 'aftercare' ),
			self::NewTicket      => __( 'Sent to the assignee, the notification address or every agent when a customer opens a ticket.', 'aftercare' ),
			self::CustomerReply  => __( 'Sent to the assignee, the notification address or every agent when a customer replies.', 'aftercare' ),
		};
	}

	public function default_subject(): string {
		return match ( $this ) {
			/* translators: Placeholders stay as they are: {ticket_number} and {site_title}. */
			self::TicketReceived => __( '[{site_title}] We received your request #{ticket_number}', 'aftercare' ),
			/* translators: Placeholders stay as they are: {ticket_number} and {site_title}. */
			self::AgentReply     => __( '[{site_title}] New reply to your request #{ticket_number}', 'aftercare' ),
			/* translators: Placeholders stay as they are: {ticket_number} and {ticket_subject}. */
			self::NewTicket      => __( 'New ticket #{ticket_number}: {ticket_subject}', 'aftercare' ),
			/* translators: Placeholders stay as they are: {ticket_number} and {ticket_subject}. */
			self::CustomerReply  => __( 'Customer replied to #{ticket_number}: {ticket_subject}', 'aftercare' ),
		};
	}

	public function default_heading(): string {
		return match ( $this ) {
			self::TicketReceived => __( 'We received your request', 'aftercare' ),
			self::AgentReply     => __( 'We replied to your request', 'aftercare' ),
			self::NewTicket      => __( 'New support ticket', 'aftercare' ),
			self::CustomerReply  => __( 'The customer replied', 'aftercare' ),
		};
	}
}
