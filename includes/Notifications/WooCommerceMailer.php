<?php
/**
 * Delivery through WooCommerce's email system: each notification is a WC_Email, so store owners
 * turn it on or off and edit its subject, heading and format under WooCommerce → Settings →
 * Emails, and it wears the store's email styling.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Notifications;

final class WooCommerceMailer implements Mailer {

	private const KEY_PREFIX = 'Aftercare_';

	public function __construct( private EmailTemplate $template ) {}

	public function register(): void {
		add_filter( 'woocommerce_email_classes', array( $this, 'add_emails' ) );
	}

	/**
	 * @param array<string, \WC_Email> $emails WooCommerce's emails.
	 * @return array<string, \WC_Email>
	 */
	public function add_emails( array $emails ): array {
		foreach ( Kind::cases() as $kind ) {
			$emails[ self::KEY_PREFIX . $kind->value ] = new WooCommerceEmail( $kind, $this->template );
		}
		return $emails;
	}

	public function is_enabled( Kind $kind ): bool {
		return (bool) $this->email( $kind )?->is_enabled();
	}

	public function send( Notification $mail, array $headers = array() ): bool {
		$email = $this->email( $mail->kind );
		return null !== $email && $email->deliver( $mail, $headers );
	}

	private function email( Kind $kind ): ?WooCommerceEmail {
		$email = WC()->mailer()->get_emails()[ self::KEY_PREFIX . $kind->value ] ?? null;
		return $email instanceof WooCommerceEmail ? $email : null;
	}
}
