<?php
/**
 * Renders a notification: the body both mail paths share (a return's details as a table), a
 * complete HTML document for plain wp_mail, and a text version. Everything is escaped here, at output; the message body is
 * passed through the post allowlist again even though the thread stored it sanitized.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Notifications;

final class EmailTemplate {

	/**
	 * The part inside any layout: greeting, intro, the message, and the link.
	 */
	public function body( Notification $mail ): string {
		$html = '';
		if ( '' !== $mail->recipient_name ) {
			/* translators: %s: the recipient's name. */
			$html .= '<p>' . esc_html( sprintf( __( 'Hi %s,', 'aftercare' ), $mail->recipient_name ) ) . '</p>';
		}
		$html .= '<p>' . esc_html( $mail->intro ) . '</p>';
		$html .= '<p><strong>' . esc_html( $this->reference( $mail ) ) . '</strong></p>';
		if ( $mail->details ) {
			$html .= '<table role="presentation" style="margin:0 0 16px;border-collapse:collapse;">';
			foreach ( $mail->details as list( $label, $value ) ) {
				$html .= '<tr><th scope="row" style="padding:4px 16px 4px 0;text-align:left;vertical-align:top;">'
					. esc_html( $label )
					. '</th><td style="padding:4px 0;">'
					. nl2br( esc_html( $value ) )
					. '</td></tr>';
			}
			$html .= '</table>';
		}
		if ( '' !== $mail->body_html ) {
			$html .= '<blockquote style="margin:0 0 16px;padding:8px 16px;border-left:4px solid #dcdcde;">';
			if ( '' !== $mail->author ) {
				/* translators: %s: who wrote the message. */
				$html .= '<p style="margin:0 0 8px;color:#50575e;">' . esc_html( sprintf( __( '%s wrote:', 'aftercare' ), $mail->author ) ) . '</p>';
			}
			$html .= wp_kses_post( $mail->body_html ) . '</blockquote>';
		}
		if ( '' !== $mail->link_url ) {
			$html .= '<p><a href="'
				. esc_url( $mail->link_url )
				. '" style="display:inline-block;padding:10px 16px;background:#2271b1;color:#ffffff;text-decoration:none;border-radius:4px;">'
				. esc_html( $mail->link_label )
				. '</a></p>';
			if ( $mail->kind->to_customer() ) {
				$html .= '<p style="color:#50575e;font-size:13px;">'
					. esc_html__( 'Keep this link to yourself: anyone who has it can read and answer this conversation.', 'aftercare' )
					. '</p>';
			}
		}
		if ( $mail->question ) {
			$html .= '<p style="margin:24px 0 8px;font-weight:600;">' . esc_html( $mail->question->prompt ) . '</p><p>';
			foreach ( $mail->question->answers as list( $label, $url ) ) {
				$html .= '<a href="'
					. esc_url( $url )
					. '" style="display:inline-block;margin:0 8px 8px 0;padding:8px 14px;border:1px solid #2271b1;color:#2271b1;text-decoration:none;border-radius:4px;">'
					. esc_html( $label )
					. '</a>';
			}
			$html .= '</p>';
		}
		return $html;
	}

	/**
	 * What the mail is about: the ticket, or for returns the thread's subject ("Return R-1001 for order #1001").
	 */
	private function reference( Notification $mail ): string {
		/* translators: 1: ticket number, 2: ticket subject. */
		return $mail->kind->is_return() ? $mail->ticket_subject : sprintf( __( 'Ticket #%1$d: %2$s', 'aftercare' ), $mail->ticket_number, $mail->ticket_subject );
	}

	/**
	 * A whole HTML mail for wp_mail, without WooCommerce.
	 */
	public function document( Notification $mail, string $heading ): string {
		$site = wp_specialchars_decode( (string) get_option( 'blogname' ), ENT_QUOTES );
		return '<!DOCTYPE html><html lang="'
			. esc_attr( get_bloginfo( 'language' ) )
			. '"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>'
			. esc_html( $heading )
			. '</title></head>'
			. '<body style="margin:0;padding:24px;background:#f6f7f7;font-family:-apple-system,BlinkMacSystemFont,\'Segoe UI\',Roboto,sans-serif;font-size:15px;line-height:1.5;color:#1d2327;">' // phpcs:ignore Generic.Files.LineLength.TooLong -- one HTML string.
			. '<div style="max-width:600px;margin:0 auto;background:#ffffff;padding:24px;border-radius:4px;">'
			. '<h1 style="margin:0 0 16px;font-size:22px;">' . esc_html( $heading ) . '</h1>'
			. $this->body( $mail )
			. '</div><p style="max-width:600px;margin:16px auto 0;color:#646970;font-size:12px;text-align:center;">' . esc_html( $site ) . '</p></body></html>';
	}

	/**
	 * The text version (WooCommerce's plain format).
	 */
	public function plain( Notification $mail, string $heading ): string {
		$lines = array( $heading, '' );
		if ( '' !== $mail->recipient_name ) {
			/* translators: %s: the recipient's name. */
			$lines[] = sprintf( __( 'Hi %s,', 'aftercare' ), $mail->recipient_name );
		}
		$lines[] = $mail->intro;
		$lines[] = $this->reference( $mail );
		$lines[] = '';
		foreach ( $mail->details as list( $label, $value ) ) {
			$lines[] = $label . ': ' . $value;
		}
		if ( $mail->details ) {
			$lines[] = '';
		}
		if ( '' !== $mail->body_html ) {
			$lines[] = trim( wp_strip_all_tags( str_replace( array( '</p>', '<br>', '<br />' ), "\n", $mail->body_html ) ) );
			$lines[] = '';
		}
		if ( '' !== $mail->link_url ) {
			$lines[] = $mail->link_label . ': ' . $mail->link_url;
		}
		if ( $mail->question ) {
			$lines[] = '';
			$lines[] = $mail->question->prompt;
			foreach ( $mail->question->answers as list( $label, $url ) ) {
				$lines[] = $label . ': ' . $url;
			}
		}
		return implode( "\n", $lines );
	}
}
