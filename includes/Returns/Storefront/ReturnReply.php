<?php
/**
 * A reply posted from a return's status page in the returns block (behind a guest's link or a
 * customer's login): nonce-checked either way, sent through the return's messages route as the
 * visitor, then a redirect (303) back to the status page; a refusal stays on the page with its
 * status and message.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Returns\Storefront;

final class ReturnReply {

	public function __construct( private ReturnStatusPage $status ) {}

	/**
	 * @return string Why the reply was refused ('' once sent: the page redirects).
	 */
	public function handle( int $return_id ): string {
		$token = ReturnStatusPage::query_token();
		// phpcs:disable WordPress.Security.NonceVerification.Missing -- Checked here, with or without a token: another site must not post as whoever is signed in (with a token the message is the token holder's anyway).
		if ( ! wp_verify_nonce( sanitize_key( wp_unslash( (string) ( $_POST['_aftercare_nonce'] ?? '' ) ) ), ReturnForm::NONCE ) ) {
			status_header( 403 );
			return __( 'Your session has expired. Please send your message again.', 'aftercare' );
		}
		$body = isset( $_POST['message'] ) ? sanitize_textarea_field( wp_unslash( (string) $_POST['message'] ) ) : '';
		// phpcs:enable
		$answer = $this->status->reply( $return_id, $token, $body, $_FILES ); // phpcs:ignore WordPress.Security.NonceVerification.Missing -- See above.
		if ( '' !== $answer['message'] ) {
			status_header( $answer['status'] );
			return $answer['message'];
		}
		ReturnStatusPage::redirect(
			array(
				ReturnStatusPage::RETURN_ARG => $return_id,
				ReturnStatusPage::TOKEN_ARG  => $token,
				ReturnStatusPage::DONE_ARG   => 'replied',
			)
		);
		return '';
	}
}
