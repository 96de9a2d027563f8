<?php
/**
 * One Aftercare notification as a WooCommerce email. Loaded only inside the
 * `woocommerce_email_classes` filter, when WC_Email exists.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Notifications;

final class WooCommerceEmail extends \WC_Email {

	private ?Notification $mail = null;

	public function __construct( private Kind $kind, private EmailTemplate $template ) {
		$this->id             = 'aftercare_' . $kind->value;
		$this->title          = $kind->title();
		$this->description    = $kind->description();
		$this->customer_email = $kind->to_customer();
		$this->placeholders   = array(
			'{ticket_number}'  => '',
			'{ticket_subject}' => '',
			'{return_number}'  => '',
			'{order_number}'   => '',
		);
		parent::__construct();
	}

	/** @return string */
	public function get_default_subject() {
		return $this->kind->default_subject();
	}

	/** @return string */
	public function get_default_heading() {
		return $this->kind->default_heading();
	}

	/**
	 * Sends the notification with the store's settings for this email.
	 *
	 * @param string[] $headers Threading header lines, after WooCommerce's own. Our Reply-To replaces
	 *                          WooCommerce's (the store's From address): wp_mail would keep both,
	 *                          and the shopper's reply would go to both.
	 */
	public function deliver( Notification $mail, array $headers = array() ): bool {
		$this->mail                            = $mail;
		$this->recipient                       = $mail->recipient;
		$this->placeholders['{ticket_number}'] = (string) $mail->ticket_number;
		$this->placeholders['{ticket_subject}'] = $mail->ticket_subject;
		$this->placeholders['{return_number}']  = $mail->return_number;
		$this->placeholders['{order_number}']   = $mail->order_number;
		$this->setup_locale();
		try {
			$own   = (string) $this->get_headers();
			$own   = preg_grep( '/^reply-to:/i', $headers ) ? (string) preg_replace( '/^reply-to:.*(?:\r\n|\n)?/im', '', $own ) : $own;
			$lines = $own . implode( '', array_map( static fn( string $line ): string => $line . "\r\n", $headers ) );
			return (bool) $this->send( $mail->recipient, $this->get_subject(), $this->get_content(), $lines, array() );
		} finally {
			$this->restore_locale();
			$this->mail = null;
		}
	}

	/** @return string */
	public function get_content_html() {
		$mail = $this->mail ?? $this->sample();
		ob_start();
		do_action( 'woocommerce_email_header', $this->get_heading(), $this );
		$header = (string) ob_get_clean();
		ob_start();
		do_action( 'woocommerce_email_footer', $this );
		$footer     = (string) ob_get_clean();
		$additional = $this->get_additional_content();
		return $header . $this->template->body( $mail ) . ( $additional ? wp_kses_post( wpautop( wptexturize( $additional ) ) ) : '' ) . $footer;
	}

	/** @return string */
	public function get_content_plain() {
		return $this->template->plain( $this->mail ?? $this->sample(), $this->get_heading() );
	}

	/**
	 * What WooCommerce's email preview shows: a made-up ticket or return.
	 */
	private function sample(): Notification {
		if ( $this->kind->is_return() ) {
			return new Notification(
				$this->kind,
				(string) get_option( 'admin_email' ),
				__( 'Jane Doe', 'aftercare' ),
				1042,
				__( 'Return R-1001 for order #1234', 'aftercare' ),
				__( 'This is a preview with a sample return.', 'aftercare' ),
				'',
				'',
				home_url( '/' ),
				__( 'View your return', 'aftercare' ),
				array( array( __( 'Items', 'aftercare' ), __( '1 × Linen shirt (Does not fit)', 'aftercare' ) ) ),
				'R-1001',
				'1234'
			);
		}
		return new Notification(
			$this->kind,
			(string) get_option( 'admin_email' ),
			__( 'Jane Doe', 'aftercare' ),
			1042,
			__( 'Where is my parcel?', 'aftercare' ),
			__( 'This is a preview with a sample ticket.', 'aftercare' ),
			__( 'Jane Doe', 'aftercare' ),
			'<p>' . esc_html__( 'My order has not arrived yet. Can you check where it is?', 'aftercare' ) . '</p>',
			home_url( '/' ),
			__( 'View the ticket', 'aftercare' )
		);
	}
}
