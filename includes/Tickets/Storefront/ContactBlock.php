<?php
/**
 * Server side of the aftercare/contact block: prepares what render.php shows (the form, or a
 * ticket's thread when the page is opened through a signed link), and handles the form's own
 * POSTs so the block works without JavaScript (post, then redirect to the thread, so reloading
 * never sends twice).
 *
 * Pages that show a thread are personal: they are never cached, and they send
 * `Referrer-Policy: no-referrer` so the token in the address never leaks to other sites.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tickets\Storefront;

use Aftercare\Http\CachePolicy;
use Aftercare\Http\InternalRequest;
use Aftercare\Infrastructure\AccessTokens;
use Aftercare\Orders\OrderSource;
use Aftercare\Storefront\DynamicBlock;
use Aftercare\Tickets\AttachmentStore;
use Aftercare\Tickets\Links;

final class ContactBlock extends DynamicBlock {

	public const NAME = 'aftercare/contact';

	/** Hidden fields that mark a POST as a new ticket or a reply from this block. */
	public const CREATE_MARKER = 'aftercare_contact';
	public const REPLY_MARKER  = 'aftercare_reply';

	/** Query flags after a redirect: what to confirm. */
	private const DONE_ARG = 'aftercare_done';

	private const NONCE = 'aftercare_contact';

	/** @var array{status: int, data: array<string, mixed>, values: array<string, string>}|null */
	private ?array $failed_create = null;

	/** A guest's repeated submission: the number of the ticket it already made (0: none). */
	private int $replayed = 0;

	private string $reply_error = '';

	public function __construct(
		private CustomerThreads $threads,
		private Links $links,
		private AccessTokens $tokens,
		private ?OrderSource $orders
	) {}

	/**
	 * Before any output: private headers for personal pages, and the form's POSTs.
	 */
	public function before_page(): void {
		$ticket_id = self::query_int( Links::TICKET_ARG );
		$posted    = $this->posted_marker();
		if ( $ticket_id || '' !== $posted ) {
			CachePolicy::private_page();
		}
		if ( self::CREATE_MARKER === $posted ) {
			$this->handle_create();
		} elseif ( self::REPLY_MARKER === $posted && $ticket_id ) {
			$this->handle_reply( $ticket_id );
		}
	}

	/**
	 * @param array<string, mixed> $attributes Block attributes.
	 */
	public function render( array $attributes ): string {
		$ticket_id = self::query_int( Links::TICKET_ARG );
		if ( $ticket_id ) {
			return $this->render_thread( $ticket_id, $attributes );
		}
		return $this->render_form( $attributes, $this->failed_create, $this->replayed );
	}

	/**
	 * @param array<string, mixed> $attributes Block attributes.
	 * @param array{status: int, data: array<string, mixed>, values: array<string, string>}|null $failed A refused submission.
	 * @param int $replayed The ticket number a guest's repeated submission made before (0: none).
	 */
	private function render_form( array $attributes, ?array $failed, int $replayed ): string {
		$user_id = get_current_user_id();
		// phpcs:ignore WordPress.Security.NonceVerification.Recommended -- Prefills a field; changes nothing.
		$prefill = isset( $_GET['aftercare_order'] ) ? substr( sanitize_text_field( wp_unslash( (string) $_GET['aftercare_order'] ) ), 0, 40 ) : '';
		$values  = $failed['values'] ?? array();
		$orders  = array();
		if ( $user_id && $this->orders && ! empty( $attributes['showOrderField'] ) ) {
			$user = wp_get_current_user();
			foreach ( $this->orders->orders_for_customer( $user_id, $user->user_email, 20 ) as $order ) {
				$orders[] = array(
					'id'       => $order->id,
					'label'    => sprintf(
						/* translators: 1: order number, 2: order date, 3: order status. */
						__( 'Order #%1$s — %2$s (%3$s)', 'aftercare' ),
						$order->number,
						wp_date( (string) get_option( 'date_format' ), $order->created ),
						$order->status_label
					),
					'selected' => isset( $values['order_id'] ) ? (int) $values['order_id'] === $order->id : $order->number === $prefill,
				);
			}
		}
		$aftercare_data = array(
			'logged_in'      => $user_id > 0,
			'user_name'      => $user_id ? wp_get_current_user()->display_name : '',
			'orders_enabled' => null !== $this->orders,
			'orders'         => $orders,
			'values'         => $values + array(
				'name'         => '',
				'email'        => '',
				'order_number' => $prefill,
				'subject'      => '',
				'message'      => '',
			),
			'error'          => $failed ? InternalRequest::error_message( $failed ) : '',
			'error_field'    => $failed ? (string) ( $failed['data']['data']['params'][0] ?? '' ) : '',
			'nonce_field'    => $user_id ? wp_nonce_field( self::NONCE, '_aftercare_nonce', true, false ) : '',
			'rest_url'       => rest_url( 'aftercare/v1/tickets' ),
			'rest_nonce'     => $user_id ? wp_create_nonce( 'wp_rest' ) : '',
			'replayed'       => $replayed,
			'accept'         => $this->threads->accept(),
			'files_hint'     => $this->threads->files_hint(),
			'max_files'      => AttachmentStore::MAX_FILES,
			'max_bytes'      => $this->threads->max_bytes(),
		);
		return $this->template( 'render.php', $attributes, $aftercare_data );
	}

	/**
	 * The thread behind a link: for its owner when signed in, for anyone with a valid token.
	 *
	 * @param array<string, mixed> $attributes Block attributes.
	 */
	private function render_thread( int $ticket_id, array $attributes ): string {
		$token  = self::query_token();
		$thread = ( '' === $token || $this->tokens->verify( 'ticket', $ticket_id, $token ) ) ? $this->threads->load( $ticket_id, $token ) : null;
		if ( null === $thread ) {
			// One message for a wrong, expired or foreign link: it tells a guesser nothing.
			return $this->template(
				'render.php',
				$attributes,
				array(
					'invalid'  => true,
					'form_url' => remove_query_arg( array( Links::TICKET_ARG, Links::TOKEN_ARG, self::DONE_ARG ) ),
				)
			);
		}
		$done   = self::query_string( self::DONE_ARG );
		$number = (int) ( $thread['ticket']['number'] ?? 0 );
		$notice = match ( $done ) {
			/* translators: %d: ticket number. */
			'created' => sprintf( __( 'Thank you! We received your request. Your ticket number is #%d.', 'aftercare' ), $number ),
			'replied' => __( 'Your reply was sent.', 'aftercare' ),
			default   => '',
		};
		$hidden = array(
			self::REPLY_MARKER => '1',
			'_aftercare_nonce' => wp_create_nonce( self::NONCE ),
		);
		$html = $this->threads->render(
			$thread,
			array(
				'action' => remove_query_arg( self::DONE_ARG ),
				'hidden' => $hidden,
			),
			$notice,
			'created' === $done && '' !== $token ? $this->links->guest_thread( $ticket_id, $token, (string) get_permalink() ) : '',
			$this->reply_error
		);
		return $this->template( 'render.php', $attributes, array( 'thread_html' => $html ) );
	}

	/**
	 * A new ticket posted without JavaScript: on success, off to its thread; on failure, the
	 * form is shown again with what was typed and what to fix.
	 */
	private function handle_create(): void {
		// phpcs:disable WordPress.Security.NonceVerification.Missing -- Guests need no cookie nonce (cached pages); signed-in customers are checked just below.
		if ( is_user_logged_in() && ! wp_verify_nonce( sanitize_key( wp_unslash( (string) ( $_POST['_aftercare_nonce'] ?? '' ) ) ), self::NONCE ) ) {
			$this->failed_create = array(
				'status' => 403,
				'data'   => array( 'message' => __( 'Your session has expired. Please send the form again.', 'aftercare' ) ),
				'values' => $this->posted_values(),
			);
			status_header( 403 );
			return;
		}
		$values = $this->posted_values();
		$params = array_filter(
			array(
				'subject' => $values['subject'],
				'message' => $values['message'],
			) + ( is_user_logged_in() ? array( 'order_id' => (int) $values['order_id'] ) : array(
				'name'         => $values['name'],
				'email'        => $values['email'],
				'order_number' => $values['order_number'],
			) )
		);
		// phpcs:enable
		$params['idempotency_key'] = self::form_key( $params );
		$answer                    = $this->threads->create( $params, $_FILES ); // phpcs:ignore WordPress.Security.NonceVerification.Missing -- See above.
		if ( $answer['status'] >= 300 ) {
			$this->failed_create = $answer + array( 'values' => $values );
			status_header( $answer['status'] );
			return;
		}
		$ticket_id = (int) ( $answer['data']['id'] ?? 0 );
		$token     = (string) ( $answer['data']['access_token'] ?? '' );
		if ( '' === $token && ! is_user_logged_in() ) {
			// Sent twice: the first submission made the ticket, and its link went by email only.
			$this->replayed = (int) ( $answer['data']['number'] ?? 0 );
			return;
		}
		$this->redirect( $ticket_id, $token, 'created' );
	}

	private function handle_reply( int $ticket_id ): void {
		$token = self::query_token();
		// phpcs:disable WordPress.Security.NonceVerification.Missing -- Checked here, with or without a token: another site must not post as whoever is signed in (with a token the reply is the token holder's anyway).
		if ( ! wp_verify_nonce( sanitize_key( wp_unslash( (string) ( $_POST['_aftercare_nonce'] ?? '' ) ) ), self::NONCE ) ) {
			$this->reply_error = __( 'Your session has expired. Please send your reply again.', 'aftercare' );
			status_header( 403 );
			return;
		}
		$message = isset( $_POST['message'] ) ? sanitize_textarea_field( wp_unslash( (string) $_POST['message'] ) ) : '';
		// phpcs:enable
		$error = $this->threads->reply( $ticket_id, $token, $message, $_FILES ); // phpcs:ignore WordPress.Security.NonceVerification.Missing -- See above.
		if ( '' !== $error ) {
			$this->reply_error = $error;
			status_header( 400 );
			return;
		}
		$this->redirect( $ticket_id, $token, 'replied' );
	}

	private function redirect( int $ticket_id, string $token, string $done ): void {
		$url = add_query_arg(
			array_filter(
				array(
					Links::TICKET_ARG => $ticket_id,
					Links::TOKEN_ARG  => '' === $token ? null : rawurlencode( $token ),
					self::DONE_ARG    => $done,
				)
			),
			remove_query_arg( array( Links::TICKET_ARG, Links::TOKEN_ARG, self::DONE_ARG ) )
		);
		wp_safe_redirect( $url, 303 );
		$this->stop();
	}

	/**
	 * Ends the request after a redirect (a filter lets tests stop it by other means).
	 */
	private function stop(): void {
		if ( apply_filters( 'aftercare_contact_exit_after_redirect', true ) ) {
			exit;
		}
	}

	/**
	 * @return array{name: string, email: string, order_number: string, order_id: string, subject: string, message: string}
	 */
	private function posted_values(): array {
		// phpcs:disable WordPress.Security.NonceVerification.Missing -- Read for the callers above, which verify.
		$text = static fn( string $key, int $max ): string =>
			isset( $_POST[ $key ] ) ? mb_substr( sanitize_text_field( wp_unslash( (string) $_POST[ $key ] ) ), 0, $max ) : '';
		$values = array(
			'name'         => $text( 'aftercare_name', 190 ),
			'email'        => $text( 'email', 100 ),
			'order_number' => $text( 'order_number', 40 ),
			'order_id'     => (string) absint( $_POST['order_id'] ?? 0 ),
			'subject'      => $text( 'subject', 200 ),
			'message'      => isset( $_POST['message'] ) ? sanitize_textarea_field( wp_unslash( (string) $_POST['message'] ) ) : '',
		);
		// phpcs:enable
		return $values;
	}

	private function posted_marker(): string {
		if ( 'POST' !== ( $_SERVER['REQUEST_METHOD'] ?? '' ) ) {
			return '';
		}
		// phpcs:disable WordPress.Security.NonceVerification.Missing -- Only which form was sent; each handler verifies.
		if ( isset( $_POST[ self::CREATE_MARKER ] ) ) {
			return self::CREATE_MARKER;
		}
		return isset( $_POST[ self::REPLY_MARKER ] ) ? self::REPLY_MARKER : '';
		// phpcs:enable
	}

	/**
	 * @param array<string, mixed> $attributes     Block attributes.
	 * @param array<string, mixed> $aftercare_data What the template shows.
	 */
	private function template( string $name, array $attributes, array $aftercare_data ): string {
		return self::render_template(
			AFTERCARE_DIR . 'build/blocks/contact/' . $name,
			array(
				'attributes'     => $attributes,
				'aftercare_data' => $aftercare_data,
			)
		);
	}

	private static function query_int( string $key ): int {
		// phpcs:ignore WordPress.Security.NonceVerification.Recommended -- Which ticket to show; access is checked by token or login.
		return isset( $_GET[ $key ] ) ? absint( $_GET[ $key ] ) : 0;
	}

	private static function query_string( string $key ): string {
		// phpcs:ignore WordPress.Security.NonceVerification.Recommended -- A display flag.
		return isset( $_GET[ $key ] ) ? sanitize_key( wp_unslash( (string) $_GET[ $key ] ) ) : '';
	}

	private static function query_token(): string {
		// phpcs:ignore WordPress.Security.NonceVerification.Recommended,WordPress.Security.ValidatedSanitizedInput.InputNotSanitized -- The token is checked against its stored hash, never output.
		$token = isset( $_GET[ Links::TOKEN_ARG ] ) ? wp_unslash( (string) $_GET[ Links::TOKEN_ARG ] ) : '';
		return preg_match( '/^[A-Za-z0-9_-]{1,64}$/', $token ) ? $token : '';
	}
}
