<?php
/**
 * A return as its shopper sees it: status, items, timeline and the conversation with a reply
 * form. The returns block shows it behind a guest's signed link (or to the signed-in customer),
 * on its own page's address (the query args, the redirects after a POST), My Account → Returns
 * to the customer. Data comes through the REST routes as the visitor (so their permission
 * checks decide who sees what), dispatched inside the request.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Returns\Storefront;

use Aftercare\Http\InternalRequest;
use Aftercare\Orders\Money;
use Aftercare\Returns\ReturnService;
use Aftercare\Returns\ReturnStatus;
use Aftercare\Storefront\DynamicBlock;
use Aftercare\Tickets\Storefront\CustomerThreads;

final class ReturnStatusPage {

	/** Query args of a return's status page (ReturnAccess::url() builds the guest's). */
	public const RETURN_ARG = 'aftercare_return';
	public const TOKEN_ARG  = 'aftercare_token';
	public const DONE_ARG   = 'aftercare_done';

	/** Hidden field that marks a POST as a reply on a return's thread. */
	public const REPLY_MARKER = 'aftercare_return_reply';

	public function __construct( private ?ReturnService $service, private CustomerThreads $threads ) {}

	/**
	 * The return, its public messages and its timeline, or null when this visitor may not see it
	 * (unknown, someone else's, a wrong or expired token: all alike).
	 *
	 * @return array{return: array<string, mixed>, messages: array<int, array<string, mixed>>, timeline: array<int, array<string, string>>}|null
	 */
	public function load( int $return_id, string $token ): ?array {
		if ( null === $this->service || $return_id < 1 ) {
			return null;
		}
		$query  = '' === $token ? array() : array( 'token' => $token );
		$return = InternalRequest::dispatch( 'GET', '/aftercare/v1/returns/' . $return_id, $query );
		if ( 200 !== $return['status'] ) {
			return null;
		}
		$messages = InternalRequest::dispatch( 'GET', '/aftercare/v1/returns/' . $return_id . '/messages', $query );
		if ( 200 !== $messages['status'] ) {
			return null;
		}
		return array(
			'return'   => $return['data'],
			// A shopper's thread never shows a note, whatever the API answered.
			'messages' => array_values(
				array_filter( $messages['data'], static fn( $message ): bool => is_array( $message ) && 'reply' === ( $message['type'] ?? '' ) )
			),
			'timeline' => $this->timeline( $return_id ),
		);
	}

	/**
	 * The status page in the returns block, for the return the address names: with the
	 * confirmation of what was just done, a guest's link to keep and the reply form; null when
	 * this visitor may not see it (the block then says the link is invalid or expired).
	 *
	 * @param string $reply_error Why the last reply was refused.
	 */
	public function in_block( string $reply_error ): ?string {
		$return_id = self::query_id();
		$token     = self::query_token();
		$view      = $this->load( $return_id, $token );
		if ( null === $view ) {
			return null;
		}
		// phpcs:ignore WordPress.Security.NonceVerification.Recommended -- A display flag.
		$done   = isset( $_GET[ self::DONE_ARG ] ) ? sanitize_key( wp_unslash( (string) $_GET[ self::DONE_ARG ] ) ) : '';
		$notice = match ( $done ) {
			/* translators: %s: return number, e.g. R-1001. */
			'created' => sprintf( __( 'Thank you! We received your return request. Your return number is %s.', 'aftercare' ), (string) $view['return']['number'] ),
			'replied' => __( 'Your message was sent.', 'aftercare' ),
			default   => '',
		};
		$link   = 'created' === $done && '' !== $token ? add_query_arg(
			array(
				self::RETURN_ARG => $return_id,
				self::TOKEN_ARG  => $token,
			),
			self::page_url()
		) : '';
		return $this->render(
			$view,
			array(
				'action' => remove_query_arg( self::DONE_ARG ),
				'hidden' => array( '_aftercare_nonce' => wp_create_nonce( ReturnForm::NONCE ) ),
			),
			$notice,
			$link,
			$reply_error
		);
	}

	/**
	 * The return the address names (0 for none).
	 */
	public static function query_id(): int {
		// phpcs:ignore WordPress.Security.NonceVerification.Recommended -- Which return to show; access is checked by token or login.
		return isset( $_GET[ self::RETURN_ARG ] ) ? absint( $_GET[ self::RETURN_ARG ] ) : 0;
	}

	/**
	 * A guest's token from the address ('' for none or a malformed one).
	 */
	public static function query_token(): string {
		// phpcs:ignore WordPress.Security.NonceVerification.Recommended,WordPress.Security.ValidatedSanitizedInput.InputNotSanitized -- The token is checked against its stored hash, never output.
		$token = isset( $_GET[ self::TOKEN_ARG ] ) ? wp_unslash( (string) $_GET[ self::TOKEN_ARG ] ) : '';
		return preg_match( '/^[A-Za-z0-9_-]{1,64}$/', $token ) ? $token : '';
	}

	/**
	 * This page's address (its permalink when there is one, so links are whole) without the
	 * return portal's own query args.
	 */
	public static function page_url(): string {
		$id   = is_singular() ? get_queried_object_id() : 0;
		$base = $id ? get_permalink( $id ) : false;
		return remove_query_arg( array( self::RETURN_ARG, self::TOKEN_ARG, self::DONE_ARG, 'aftercare_order' ), $base ? $base : false );
	}

	/**
	 * Off to this page's status page (303, after a POST).
	 *
	 * @param array<string, int|string> $args Query args of the status page ('' leaves one out).
	 */
	public static function redirect( array $args ): void {
		$args = array_map(
			static fn( $value ) => is_string( $value ) ? rawurlencode( $value ) : $value,
			array_filter( $args, static fn( $value ) => '' !== $value )
		);
		wp_safe_redirect( add_query_arg( $args, self::page_url() ), 303 );
		if ( apply_filters( 'aftercare_contact_exit_after_redirect', true ) ) {
			exit;
		}
	}

	/**
	 * POST /returns/{id}/messages.
	 *
	 * @param array<string, mixed> $files Uploads as in $_FILES (`attachments[]`).
	 * @return array{status: int, message: string} Status 201 when saved, else why not (for the person).
	 */
	public function reply( int $return_id, string $token, string $body, array $files ): array {
		$params = array( 'body' => $body );
		if ( '' !== $token ) {
			$params['token'] = $token;
		}
		$answer = InternalRequest::dispatch( 'POST', '/aftercare/v1/returns/' . $return_id . '/messages', $params, $files );
		return array(
			'status'  => $answer['status'],
			'message' => $answer['status'] < 300 ? '' : InternalRequest::error_message( $answer ),
		);
	}

	/**
	 * The status page's HTML (return-status.php beside this class).
	 *
	 * @param array{return: array<string, mixed>, messages: array<int, array<string, mixed>>, timeline: array<int, array<string, string>>} $view From load().
	 * @param array{action: string, hidden: array<string, string>} $form Reply form: where it posts, its hidden fields.
	 * @param string $notice A confirmation to show first.
	 * @param string $link   The signed link to show a guest.
	 * @param string $error  Why the last reply was refused.
	 */
	public function render( array $view, array $form, string $notice = '', string $link = '', string $error = '' ): string {
		$status = ReturnStatus::tryFrom( (string) ( $view['return']['status'] ?? '' ) );
		$aftercare_status = array(
			'return'     => $view['return'],
			'messages'   => $view['messages'],
			'timeline'   => $view['timeline'],
			'outcome'    => self::outcome_labels()[ (string) ( $view['return']['outcome'] ?? '' ) ] ?? '',
			'refunded'   => Money::text( (float) ( $view['return']['refund']['amount'] ?? 0 ) ),
			'notice'     => $notice,
			'link'       => $link,
			'error'      => $error,
			'action'     => $form['action'],
			'hidden'     => $form['hidden'] + array( self::REPLY_MARKER => '1' ),
			'can_reply'  => ReturnStatus::Closed !== $status,
			'accept'     => $this->threads->accept(),
			'files_hint' => $this->threads->files_hint(),
		);
		return DynamicBlock::render_template( __DIR__ . '/return-status.php', array( 'aftercare_status' => $aftercare_status ) );
	}

	/**
	 * What a shopper may ask for, in their words.
	 *
	 * @return array<string, string> By outcome key.
	 */
	public static function outcome_labels(): array {
		return array(
			'refund'       => __( 'A refund to my original payment', 'aftercare' ),
			'store_credit' => __( 'Store credit', 'aftercare' ),
			'exchange'     => __( 'An exchange for the same item', 'aftercare' ),
		);
	}

	/**
	 * The return's history in the shopper's words (who did it and internal steps left out).
	 * Called only after the REST route let this visitor read the return.
	 *
	 * @return array<int, array{time: string, date: string, label: string}>
	 */
	private function timeline( int $return_id ): array {
		$format = get_option( 'date_format' ) . ' ' . get_option( 'time_format' );
		$events = array();
		foreach ( $this->service ? $this->service->timeline( $return_id ) : array() as $event ) {
			$data  = $event['data'];
			$label = match ( $event['type'] ) {
				'created'  => __( 'Return requested', 'aftercare' ),
				'status'   => ReturnStatus::tryFrom( (string) ( $data['to'] ?? '' ) )?->label() ?? '',
				/* translators: %s: amount refunded. */
				'refund'   => sprintf( __( 'Refund of %s sent', 'aftercare' ), Money::text( (float) ( $data['amount'] ?? 0 ) ) ),
				/* translators: %s: store credit amount. */
				'credit'   => sprintf( __( 'Store credit of %s issued', 'aftercare' ), Money::text( (float) ( $data['amount'] ?? 0 ) ) ),
				/* translators: %s: order number. */
				'exchange' => sprintf( __( 'Replacement order #%s created', 'aftercare' ), (string) ( $data['order_number'] ?? '' ) ),
				default    => '',
			};
			if ( '' !== $label ) {
				$events[] = array(
					'time'  => gmdate( 'c', $event['created_at'] ),
					'date'  => wp_date( $format, $event['created_at'] ),
					'label' => $label,
				);
			}
		}
		return $events;
	}
}
