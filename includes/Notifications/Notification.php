<?php
/**
 * One mail, ready to render: who gets it, about which ticket (and return), and what to show.
 * Plain data; every template escapes it late.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Notifications;

use Aftercare\Feedback\Question;

final class Notification {

	/**
	 * @param Kind   $kind         Which notification.
	 * @param string $recipient    Email address.
	 * @param string $recipient_name Display name, '' when unknown.
	 * @param int    $ticket_number Public ticket number.
	 * @param string $ticket_subject Ticket subject (plain text).
	 * @param string $intro        First paragraph (plain text).
	 * @param string $author       Who wrote the message shown (plain text).
	 * @param string $body_html    The message, sanitized HTML from the thread.
	 * @param string $link_url     Where to read and answer the thread.
	 * @param string $link_label   The link's words.
	 * @param array<int, array{0: string, 1: string}> $details Label and plain-text value pairs (a return's items, amount, coupon…).
	 * @param string $return_number The return's public number (R-1001), '' for ticket mails.
	 * @param string $order_number  The order's number, '' for ticket mails.
	 * @param Question|null $question The survey question with its signed answer links, if the mail asks one.
	 */
	public function __construct(
		public readonly Kind $kind,
		public readonly string $recipient,
		public readonly string $recipient_name,
		public readonly int $ticket_number,
		public readonly string $ticket_subject,
		public readonly string $intro,
		public readonly string $author,
		public readonly string $body_html,
		public readonly string $link_url,
		public readonly string $link_label,
		public readonly array $details = array(),
		public readonly string $return_number = '',
		public readonly string $order_number = '',
		public readonly ?Question $question = null
	) {}

	/**
	 * Fills {ticket_number}, {ticket_subject}, {return_number}, {order_number} and {site_title} in a subject or heading.
	 */
	public function fill( string $text ): string {
		return strtr(
			$text,
			array(
				'{ticket_number}'  => (string) $this->ticket_number,
				'{ticket_subject}' => $this->ticket_subject,
				'{return_number}'  => $this->return_number,
				'{order_number}'   => $this->order_number,
				'{site_title}'     => wp_specialchars_decode( (string) get_option( 'blogname' ), ENT_QUOTES ),
			)
		);
	}
}
