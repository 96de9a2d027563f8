<?php
/**
 * Delivers one rendered notification: through WooCommerce's emails when the store runs
 * WooCommerce, else through wp_mail.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Notifications;

interface Mailer {

	/**
	 * Whether the store lets this notification go out at all (WooCommerce lets owners turn emails off).
	 */
	public function is_enabled( Kind $kind ): bool;

	/**
	 * @param string[] $headers Threading header lines (MailHeaders), added to the mailer's own.
	 * @return bool Whether the mail was handed over for delivery.
	 */
	public function send( Notification $mail, array $headers = array() ): bool;
}
