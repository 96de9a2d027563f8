<?php
/**
 * Server side of the aftercare/returns block (the return-request portal).
 *
 * The portal is one form whose steps (order, items, details, outcome, review) are sections of
 * the same markup: the visible one is the current step, the others keep what was entered in
 * their own fields. With JavaScript, view.ts moves between the sections in place and talks to
 * the REST routes. Without it, every step button posts the whole form here: the order is
 * proved again through the same REST routes (guests: number + billing email through the order
 * lookup and its limits; customers: one of their orders, with a nonce), the steps up to the
 * chosen one are checked, and the page renders the next step; the last one dispatches
 * POST /returns with the photos and redirects (303) to the return's status page, so reloading
 * never sends twice (the idempotency key would answer with the same return anyway).
 *
 * Opened with `?aftercare_return=<id>` (and a guest's `&aftercare_token=`) the block shows that
 * return's status page instead (ReturnStatusPage).
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Returns\Storefront;

use Aftercare\HelpCenter\SuggestionBox;
use Aftercare\Http\CachePolicy;
use Aftercare\Http\InternalRequest;
use Aftercare\Orders\OrderLookup;
use Aftercare\Returns\Policy;
use Aftercare\Returns\ReturnService;
use Aftercare\Storefront\DynamicBlock;
use Aftercare\Tickets\AttachmentStore;
use Aftercare\Tickets\Storefront\ContactBlock;
use Aftercare\Tickets\Storefront\CustomerThreads;

final class ReturnsBlock extends DynamicBlock {

	public const NAME = 'aftercare/returns';

	/** Hidden field that marks a POST as a step of this block's form. */
	public const FORM_MARKER = 'aftercare_returns';

	/** The steps, in order; `submit` (the last button) sends the request. */
	public const STEPS = array( 'order', 'items', 'details', 'outcome', 'review' );

	protected const EDITOR_GLOBAL = 'aftercareReturns';

	private const NONCE = 'aftercare_returns';

	/** The state of a posted step, computed once in template_redirect and rendered later. */
	private ?array $posted = null;

	private string $reply_error = '';

	public function __construct(
		private ?ReturnService $service,
		private ?OrderLookup $lookup,
		private Policy $policy,
		private ReturnStatusPage $status,
		private CustomerThreads $threads
	) {}

	/**
	 * Before any output: personal pages are private, posted steps and replies are handled.
	 */
	public function before_page(): void {
		$this->posted = null;
		if ( null === $this->service ) {
			return;
		}
		$return_id = self::query_int( ReturnStatusPage::RETURN_ARG );
		$marker    = $this->posted_marker();
		$mine      = is_user_logged_in() && is_singular() && has_block( self::NAME, get_queried_object() );
		if ( $return_id || '' !== $marker || $mine ) {
			CachePolicy::private_page();
		}
		if ( self::FORM_MARKER === $marker && ! $return_id ) {
			$this->posted = $this->handle_step();
			if ( $this->posted['http'] >= 400 ) {
				status_header( $this->posted['http'] );
			}
		} elseif ( ReturnStatusPage::REPLY_MARKER === $marker && $return_id ) {
			$this->handle_reply( $return_id );
		}
	}

	/**
	 * @param array<string, mixed> $attributes Block attributes.
	 */
	public function render( array $attributes ): string {
		if ( null === $this->service ) {
			return '';
		}
		$return_id = self::query_int( ReturnStatusPage::RETURN_ARG );
		if ( $return_id ) {
			return $this->render_status( $return_id, $attributes );
		}
		$state = $this->posted ?? $this->initial_state();
		return $this->template(
			$attributes,
			array(
				'mode'      => 'form',
				'logged_in' => is_user_logged_in(),
				'orders'    => $this->order_options( (int) $state['values']['order_id'] ),
				'state'     => $state,
				'reasons'   => $this->reasons(),
				'outcomes'  => $this->outcomes(),
				'nonce'     => is_user_logged_in() ? wp_nonce_field( self::NONCE, '_aftercare_nonce', false, false ) : '',
				'rest'      => array(
					'eligibility' => rest_url( 'aftercare/v1/returns/eligibility' ),
					'returns'     => rest_url( 'aftercare/v1/returns' ),
					'nonce'       => is_user_logged_in() ? wp_create_nonce( 'wp_rest' ) : '',
				),
				'page_url'  => $this->page_url(),
				'accept'    => self::photo_accept(),
				'max_files' => AttachmentStore::MAX_FILES,
				'max_bytes' => $this->threads->max_bytes(),
			)
		);
	}

	/**
	 * Tells the editor whether returns are available and what the store's policy offers.
	 *
	 * @return array<string, mixed>
	 */
	protected function editor_settings(): array {
		return array(
			'available' => null !== $this->service,
			'reasons'   => $this->reasons(),
			'outcomes'  => $this->outcomes(),
		);
	}

	/**
	 * The store's reasons, as the form offers them.
	 *
	 * @return array<int, array{key: string, label: string, photos: bool}>
	 */
	public function reasons(): array {
		$reasons = array();
		foreach ( $this->policy->reasons() as $key => $reason ) {
			$reasons[] = array( 'key' => (string) $key ) + $reason;
		}
		return $reasons;
	}

	/**
	 * The outcomes the policy offers, with the shopper's words for them.
	 *
	 * @return array<int, array{key: string, label: string}>
	 */
	public function outcomes(): array {
		$labels = ReturnStatusPage::outcome_labels();
		return array_map(
			static fn( string $key ): array => array(
				'key'   => $key,
				'label' => $labels[ $key ] ?? $key,
			),
			$this->policy->outcomes()
		);
	}

	/**
	 * What the form starts with: a guest's order number from the order-status link, or the
	 * customer's order it names, already opened at the items step.
	 *
	 * @return array<string, mixed>
	 */
	private function initial_state(): array {
		$number = isset( $_GET['aftercare_order'] ) // phpcs:ignore WordPress.Security.NonceVerification.Recommended -- Preselects an order; changes nothing.
			? substr( OrderLookup::normalize_number( sanitize_text_field( wp_unslash( (string) $_GET['aftercare_order'] ) ) ), 0, OrderLookup::MAX_NUMBER_LENGTH )
			: '';
		$state  = self::state( 'order', array( 'order_number' => $number ) );
		if ( '' === $number || ! is_user_logged_in() ) {
			return $state;
		}
		foreach ( $this->lookup ? $this->lookup->customer_orders( get_current_user_id(), 20 ) : array() as $order ) {
			if ( $order->number === $number ) {
				$state['values']['order_id'] = $order->id;
				$eligibility                 = $this->eligibility( $state['values'] );
				if ( 200 === $eligibility['status'] ) {
					return array( 'step' => 'items' ) + $this->with_order( $state, $eligibility['data'], array() );
				}
			}
		}
		return $state;
	}

	/**
	 * A step posted without JavaScript: prove the order again, check every step before the
	 * chosen one, and either show that step or send the request.
	 *
	 * @return array<string, mixed> The state to render.
	 */
	private function handle_step(): array {
		// phpcs:disable WordPress.Security.NonceVerification.Missing -- Guests need no cookie nonce (their order number and email prove the order, under the lookup's limits); customers are checked here.
		$values = $this->posted_values();
		$posted = isset( $_POST['aftercare_items'] ) && is_array( $_POST['aftercare_items'] )
			? map_deep( wp_unslash( $_POST['aftercare_items'] ), 'sanitize_text_field' )
			: array();
		$from   = isset( $_POST['aftercare_step'] ) ? sanitize_key( wp_unslash( (string) $_POST['aftercare_step'] ) ) : '';
		$goto   = isset( $_POST['aftercare_goto'] ) ? sanitize_key( wp_unslash( (string) $_POST['aftercare_goto'] ) ) : '';
		// phpcs:enable
		$from   = in_array( $from, self::STEPS, true ) ? $from : 'order';
		$target = 'submit' === $goto || in_array( $goto, self::STEPS, true ) ? $goto : ( self::STEPS[ array_search( $from, self::STEPS, true ) + 1 ] ?? 'review' );
		$state  = self::state( $from, $values );

		// phpcs:ignore WordPress.Security.NonceVerification.Missing -- This is the check.
		if ( is_user_logged_in() && ! wp_verify_nonce( sanitize_key( wp_unslash( (string) ( $_POST['_aftercare_nonce'] ?? '' ) ) ), self::NONCE ) ) {
			return self::failed( $state, $from, __( 'Your session has expired. Please try again.', 'aftercare' ), 403 );
		}
		$eligibility = $this->eligibility( $values );
		if ( 200 !== $eligibility['status'] ) {
			return 'order' === $target
				? self::state( 'order', $values )
				: self::failed( $state, 'order', InternalRequest::error_message( $eligibility ), $eligibility['status'] );
		}
		$state = $this->with_order( $state, $eligibility['data'], is_array( $posted ) ? $posted : array() );

		$last = 'submit' === $target ? count( self::STEPS ) : (int) array_search( $target, self::STEPS, true );
		foreach ( array_slice( self::STEPS, 1, max( 0, $last - 1 ) ) as $step ) {
			$error = $this->step_error( $step, $state );
			if ( '' !== $error ) {
				return self::failed( $state, $step, $error, 400 );
			}
		}
		if ( 'submit' !== $target ) {
			$state['step'] = $target;
			return $state;
		}
		return $this->submit( $state );
	}

	/**
	 * The last step: POST /returns as this visitor, then off to the status page.
	 *
	 * @param array<string, mixed> $state Checked state.
	 * @return array<string, mixed> The state to render when the request was refused.
	 */
	private function submit( array $state ): array {
		$values = $state['values'];
		$params = array(
			'items'   => array(),
			'outcome' => $values['outcome'],
			'comment' => $values['comment'],
		);
		foreach ( $state['lines'] as $line ) {
			if ( $line['quantity'] > 0 ) {
				$params['items'][] = array(
					'order_item_id' => $line['id'],
					'quantity'      => $line['quantity'],
					'reason'        => $line['reason'],
				);
			}
		}
		$params += is_user_logged_in()
			? array( 'order_id' => (int) $values['order_id'] )
			: array(
				'order_number' => $values['order_number'],
				'email'        => $values['email'],
			);
		$params                    = array_filter( $params, static fn( $value ) => '' !== $value );
		$params['idempotency_key'] = self::form_key( $params );
		// phpcs:ignore WordPress.Security.NonceVerification.Missing -- Checked in handle_step().
		$answer                    = InternalRequest::dispatch( 'POST', '/aftercare/v1/returns', $params, $_FILES );
		if ( $answer['status'] >= 300 ) {
			return self::failed( $state, self::step_of( $answer ), InternalRequest::error_message( $answer ), $answer['status'] );
		}
		if ( ! empty( $answer['data']['replayed'] ) && ! is_user_logged_in() ) {
			// Sent twice: the first submission made the return, and its link went by email only.
			return self::failed( $state, 'review', sprintf( self::replayed_message(), (string) ( $answer['data']['number'] ?? '' ) ), 200 );
		}
		$this->redirect(
			array(
				ReturnStatusPage::RETURN_ARG => (int) $answer['data']['id'],
				ReturnStatusPage::TOKEN_ARG  => (string) ( $answer['data']['access_token'] ?? '' ),
				ReturnStatusPage::DONE_ARG   => 'created',
			)
		);
		return $state;
	}

	/**
	 * What a guest who sends the same request again is told (%s: the return's number).
	 */
	public static function replayed_message(): string {
		/* translators: %s: return number, e.g. R-1001. */
		return __( 'We had already received this return request: its number is %s. The link to follow it is in the email we sent you.', 'aftercare' );
	}

	/**
	 * Which step a refused request goes back to: the one holding the field the API names.
	 *
	 * @param array{status: int, data: array<mixed>} $answer REST answer.
	 */
	private static function step_of( array $answer ): string {
		$params = (array) ( $answer['data']['data']['params'] ?? array() );
		$fields = array_merge( array_keys( $params ), array_filter( $params, 'is_string' ) );
		$steps  = array(
			'order_number' => 'order',
			'email'        => 'order',
			'number'       => 'order',
			'order_id'     => 'order',
			'items'        => 'items',
			'comment'      => 'details',
			'outcome'      => 'outcome',
		);
		foreach ( $fields as $field ) {
			if ( isset( $steps[ $field ] ) ) {
				return $steps[ $field ];
			}
		}
		return 'aftercare_order_not_found' === ( $answer['data']['code'] ?? '' ) ? 'order' : 'review';
	}

	/**
	 * Why a step cannot be left ('' when it can). The API checks all of it again on submission.
	 *
	 * @param array<string, mixed> $state State with the order's lines.
	 */
	private function step_error( string $step, array $state ): string {
		if ( 'items' === $step ) {
			$chosen  = array_filter( $state['lines'], static fn( array $line ): bool => $line['quantity'] > 0 );
			$reasons = $this->policy->reasons();
			if ( ! $chosen ) {
				return __( 'Choose at least one item to return and how many.', 'aftercare' );
			}
			foreach ( $chosen as $line ) {
				if ( $line['quantity'] > $line['returnable'] ) {
					/* translators: 1: largest quantity, 2: product name. */
					return sprintf( __( 'You can return up to %1$d of %2$s.', 'aftercare' ), $line['returnable'], $line['name'] );
				}
				if ( ! isset( $reasons[ $line['reason'] ] ) ) {
					/* translators: %s: product name. */
					return sprintf( __( 'Please choose a reason for returning %s.', 'aftercare' ), $line['name'] );
				}
			}
		}
		if ( 'details' === $step && mb_strlen( (string) $state['values']['comment'] ) > ReturnService::MAX_COMMENT ) {
			/* translators: %d: maximum number of characters. */
			return sprintf( __( 'Please keep the comment under %d characters.', 'aftercare' ), ReturnService::MAX_COMMENT );
		}
		if ( 'outcome' === $step && ! in_array( $state['values']['outcome'], $this->policy->outcomes(), true ) ) {
			return __( 'Please choose what you would like instead.', 'aftercare' );
		}
		return '';
	}

	/**
	 * The order's eligibility through the REST route, as this visitor: a guest's number and email
	 * go through the order lookup (same limits, same uniform failure), a customer's order id
	 * must be one of theirs.
	 *
	 * @param array<string, mixed> $values Posted values.
	 * @return array{status: int, data: array<mixed>}
	 */
	private function eligibility( array $values ): array {
		if ( is_user_logged_in() ) {
			return InternalRequest::dispatch( 'GET', '/aftercare/v1/returns/eligibility', array( 'order_id' => (int) $values['order_id'] ) );
		}
		return InternalRequest::dispatch(
			'POST',
			'/aftercare/v1/returns/eligibility',
			array(
				'order_number' => (string) $values['order_number'],
				'email'        => (string) $values['email'],
			)
		);
	}

	/**
	 * The order's lines as the form shows them, with what was posted for each.
	 *
	 * @param array<string, mixed>                $state       State.
	 * @param array<mixed>                        $eligibility REST data of the order's eligibility.
	 * @param array<mixed>                        $posted      Posted lines by order item id.
	 * @return array<string, mixed>
	 */
	private function with_order( array $state, array $eligibility, array $posted ): array {
		$state['order'] = array(
			'id'     => (int) $eligibility['order']['id'],
			'number' => (string) $eligibility['order']['number'],
		);
		$state['lines'] = array();
		foreach ( (array) $eligibility['items'] as $item ) {
			$id               = (int) $item['order_item_id'];
			$line             = is_array( $posted[ $id ] ?? null ) ? $posted[ $id ] : array();
			$state['lines'][] = array(
				'id'         => $id,
				'name'       => (string) $item['name'],
				'bought'     => (int) $item['quantity'],
				'done'       => (int) $item['returned'] + (int) $item['refunded'],
				'returnable' => (int) $item['returnable'],
				'note'       => (string) $item['reason'],
				'quantity'   => min( 10000, absint( $line['quantity'] ?? 0 ) ),
				'reason'     => sanitize_key( (string) ( $line['reason'] ?? '' ) ),
			);
		}
		return $state;
	}

	/**
	 * @param array<string, mixed> $values Form values.
	 * @return array<string, mixed>
	 */
	private static function state( string $step, array $values ): array {
		return array(
			'step'       => $step,
			'error'      => '',
			'error_step' => '',
			'http'       => 200,
			'values'     => $values + array(
				'order_number' => '',
				'email'        => '',
				'order_id'     => 0,
				'comment'      => '',
				'outcome'      => '',
			),
			'order'      => null,
			'lines'      => array(),
		);
	}

	/**
	 * @param array<string, mixed> $state State.
	 * @return array<string, mixed>
	 */
	private static function failed( array $state, string $step, string $message, int $http ): array {
		return array(
			'step'       => $step,
			'error'      => $message,
			'error_step' => $step,
			'http'       => $http,
		) + $state;
	}

	/**
	 * @return array{order_number: string, email: string, order_id: int, comment: string, outcome: string}
	 */
	private function posted_values(): array {
		// phpcs:disable WordPress.Security.NonceVerification.Missing -- Read for handle_step(), which verifies.
		$text = static fn( string $key, int $max ): string =>
			isset( $_POST[ $key ] ) ? mb_substr( sanitize_text_field( wp_unslash( (string) $_POST[ $key ] ) ), 0, $max ) : '';
		$values = array(
			'order_number' => OrderLookup::normalize_number( $text( 'aftercare_order_number', OrderLookup::MAX_NUMBER_LENGTH ) ),
			'email'        => $text( 'aftercare_email', 190 ),
			'order_id'     => absint( $_POST['aftercare_order_id'] ?? 0 ),
			'comment'      => isset( $_POST['aftercare_comment'] ) ? sanitize_textarea_field( wp_unslash( (string) $_POST['aftercare_comment'] ) ) : '',
			'outcome'      => $text( 'aftercare_outcome', 40 ),
		);
		// phpcs:enable
		return $values;
	}

	/**
	 * The signed-in customer's orders to choose from.
	 *
	 * @return array<int, array{id: int, label: string, selected: bool}>
	 */
	private function order_options( int $selected ): array {
		if ( ! is_user_logged_in() || null === $this->lookup ) {
			return array();
		}
		$options = array();
		foreach ( $this->lookup->customer_orders( get_current_user_id(), 20 ) as $order ) {
			$options[] = array(
				'id'       => $order->id,
				'label'    => sprintf(
					/* translators: 1: order number, 2: order date, 3: order status. */
					__( 'Order #%1$s — %2$s (%3$s)', 'aftercare' ),
					$order->number,
					wp_date( (string) get_option( 'date_format' ), $order->created ),
					$order->status_label
				),
				'selected' => $order->id === $selected,
			);
		}
		return $options;
	}

	/**
	 * @param array<string, mixed> $attributes Block attributes.
	 */
	private function render_status( int $return_id, array $attributes ): string {
		$token = self::query_token();
		$view  = $this->status->load( $return_id, $token );
		// The thread looks like a ticket's (the contact block's styles).
		wp_enqueue_style( generate_block_asset_handle( ContactBlock::NAME, 'style' ) );
		if ( null === $view ) {
			// One message for a wrong, expired or foreign link: it tells a guesser nothing.
			return $this->template(
				$attributes,
				array(
					'mode'     => 'invalid',
					'form_url' => $this->page_url(),
				)
			);
		}
		// phpcs:ignore WordPress.Security.NonceVerification.Recommended -- A display flag.
		$done   = isset( $_GET[ ReturnStatusPage::DONE_ARG ] ) ? sanitize_key( wp_unslash( (string) $_GET[ ReturnStatusPage::DONE_ARG ] ) ) : '';
		$notice = match ( $done ) {
			/* translators: %s: return number, e.g. R-1001. */
			'created' => sprintf( __( 'Thank you! We received your return request. Your return number is %s.', 'aftercare' ), (string) $view['return']['number'] ),
			'replied' => __( 'Your message was sent.', 'aftercare' ),
			default   => '',
		};
		$hidden = array( '_aftercare_nonce' => wp_create_nonce( self::NONCE ) );
		$link   = 'created' === $done && '' !== $token ? add_query_arg(
			array(
				ReturnStatusPage::RETURN_ARG => $return_id,
				ReturnStatusPage::TOKEN_ARG  => $token,
			),
			$this->page_url()
		) : '';
		return $this->template(
			$attributes,
			array(
				'mode'        => 'status',
				'status_html' => $this->status->render(
					$view,
					array(
						'action' => remove_query_arg( ReturnStatusPage::DONE_ARG ),
						'hidden' => $hidden,
					),
					$notice,
					$link,
					$this->reply_error
				),
			)
		);
	}

	private function handle_reply( int $return_id ): void {
		$token = self::query_token();
		// phpcs:disable WordPress.Security.NonceVerification.Missing -- Checked here, with or without a token: another site must not post as whoever is signed in (with a token the message is the token holder's anyway).
		if ( ! wp_verify_nonce( sanitize_key( wp_unslash( (string) ( $_POST['_aftercare_nonce'] ?? '' ) ) ), self::NONCE ) ) {
			$this->reply_error = __( 'Your session has expired. Please send your message again.', 'aftercare' );
			status_header( 403 );
			return;
		}
		$body = isset( $_POST['message'] ) ? sanitize_textarea_field( wp_unslash( (string) $_POST['message'] ) ) : '';
		// phpcs:enable
		$answer = $this->status->reply( $return_id, $token, $body, $_FILES ); // phpcs:ignore WordPress.Security.NonceVerification.Missing -- See above.
		if ( '' !== $answer['message'] ) {
			$this->reply_error = $answer['message'];
			status_header( $answer['status'] );
			return;
		}
		$this->redirect(
			array(
				ReturnStatusPage::RETURN_ARG => $return_id,
				ReturnStatusPage::TOKEN_ARG  => $token,
				ReturnStatusPage::DONE_ARG   => 'replied',
			)
		);
	}

	/**
	 * @param array<string, int|string> $args Query args of the status page ('' leaves one out).
	 */
	private function redirect( array $args ): void {
		$args = array_map(
			static fn( $value ) => is_string( $value ) ? rawurlencode( $value ) : $value,
			array_filter( $args, static fn( $value ) => '' !== $value )
		);
		wp_safe_redirect( add_query_arg( $args, $this->page_url() ), 303 );
		if ( apply_filters( 'aftercare_contact_exit_after_redirect', true ) ) {
			exit;
		}
	}

	/**
	 * This page's address (its permalink when there is one, so links are whole) without the
	 * portal's own query args.
	 */
	private function page_url(): string {
		$id   = is_singular() ? get_queried_object_id() : 0;
		$base = $id ? get_permalink( $id ) : false;
		return remove_query_arg(
			array( ReturnStatusPage::RETURN_ARG, ReturnStatusPage::TOKEN_ARG, ReturnStatusPage::DONE_ARG, 'aftercare_order' ),
			$base ? $base : false
		);
	}

	/**
	 * The photo input's `accept`: the image types ticket attachments take.
	 */
	public static function photo_accept(): string {
		$extensions = array_merge( ...array_values( array_intersect_key( AttachmentStore::TYPES, array_flip( AttachmentStore::INLINE_TYPES ) ) ) );
		return implode( ',', array_map( static fn( string $ext ): string => '.' . $ext, $extensions ) );
	}

	private function posted_marker(): string {
		if ( 'POST' !== ( $_SERVER['REQUEST_METHOD'] ?? '' ) ) {
			return '';
		}
		// phpcs:disable WordPress.Security.NonceVerification.Missing -- Only which form was sent; each handler verifies.
		if ( isset( $_POST[ self::FORM_MARKER ] ) ) {
			return self::FORM_MARKER;
		}
		return isset( $_POST[ ReturnStatusPage::REPLY_MARKER ] ) ? ReturnStatusPage::REPLY_MARKER : '';
		// phpcs:enable
	}

	/**
	 * @param array<string, mixed> $attributes     Block attributes.
	 * @param array<string, mixed> $aftercare_data What the template shows.
	 */
	private function template( array $attributes, array $aftercare_data ): string {
		$aftercare_data['suggestions'] = 'form' === $aftercare_data['mode'] && ( $attributes['showSuggestions'] ?? true ) && class_exists( SuggestionBox::class )
			? SuggestionBox::markup( 'returns' )
			: '';
		return self::render_template(
			AFTERCARE_DIR . 'build/blocks/returns/render.php',
			array(
				'attributes'     => $attributes,
				'aftercare_data' => $aftercare_data,
			)
		);
	}

	private static function query_int( string $key ): int {
		// phpcs:ignore WordPress.Security.NonceVerification.Recommended -- Which return to show; access is checked by token or login.
		return isset( $_GET[ $key ] ) ? absint( $_GET[ $key ] ) : 0;
	}

	private static function query_token(): string {
		// phpcs:ignore WordPress.Security.NonceVerification.Recommended,WordPress.Security.ValidatedSanitizedInput.InputNotSanitized -- The token is checked against its stored hash, never output.
		$token = isset( $_GET[ ReturnStatusPage::TOKEN_ARG ] ) ? wp_unslash( (string) $_GET[ ReturnStatusPage::TOKEN_ARG ] ) : '';
		return preg_match( '/^[A-Za-z0-9_-]{1,64}$/', $token ) ? $token : '';
	}
}
