<?php
/**
 * Plain wp_mail delivery with Aftercare's own HTML layout (stores without WooCommerce).
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Notifications;

final class WpMailer implements Mailer {

	public function __construct( private EmailTemplate $template ) {}

	public function is_enabled( Kind $kind ): bool {
		return true;
	}

	public function send( Notification $mail, array $headers = array() ): bool {
		$heading = $mail->fill( $mail->kind->default_heading() );
		return wp_mail(
			$mail->recipient,
			$mail->fill( $mail->kind->default_subject() ),
			$this->template->document( $mail, $heading ),
			array( 'Content-Type: text/html; charset=UTF-8', ...$headers )
		);
	}
}
