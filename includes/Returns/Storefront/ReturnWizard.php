<?php
/**
 * The return form without JavaScript: every step button posts the whole form to the page. The
 * order is proved again through the eligibility route (guests: number + billing email through the
 * order lookup and its limits; customers: one of their orders, with a nonce), the steps before
 * the chosen one are checked by POST /returns/check (the rules view.ts asks too), and the page
 * renders the chosen step; the last one dispatches POST /returns with the photos and redirects
 * (303) to the return's status page, so reloading never sends twice (the idempotency key would
 * answer with the same return anyway).
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Returns\Storefront;

use Aftercare\Http\InternalRequest;
use Aftercare\Orders\OrderLookup;
use Aftercare\Returns\ReturnRules;
use Aftercare\Storefront\DynamicBlock;

final class ReturnWizard {

	public function __construct( private ?OrderLookup $lookup ) {}

	/**
	 * What the form starts with: a guest's order number from the order-status link, or the
	 * customer's order it names, already opened at the items step.
	 */
	public function initial(): ReturnForm {
		$number = isset( $_GET['aftercare_order'] ) // phpcs:ignore WordPress.Security.NonceVerification.Recommended -- Preselects an order; changes nothing.
			? substr( OrderLookup::normalize_number( sanitize_text_field( wp_unslash( (string) $_GET['aftercare_order'] ) ) ), 0, OrderLookup::MAX_NUMBER_LENGTH )
			: '';
		$form   = new ReturnForm( 'order', $number );
		if ( '' === $number || ! is_user_logged_in() ) {
			return $form;
		}
		foreach ( $this->customer_orders() as $order ) {
			if ( $order->number === $number ) {
				$form->order_id = $order->id;
				$eligibility    = $this->eligibility( $form );
				if ( 200 === $eligibility['status'] ) {
					$form->step = 'items';
					return $form->with_order( $eligibility['data'] );
				}
			}
		}
		return $form;
	}

	/**
	 * A step posted: prove the order again, check every step before the chosen one, and either
	 * show that step or send the request.
	 */
	public function post(): ReturnForm {
		$form = ReturnForm::from_request();
		// phpcs:ignore WordPress.Security.NonceVerification.Missing -- Which button; verified below.
		$goto = isset( $_POST['aftercare_goto'] ) ? sanitize_key( wp_unslash( (string) $_POST['aftercare_goto'] ) ) : '';
		$from = (int) array_search( $form->step, ReturnRules::STEPS, true );
		$to   = 'submit' === $goto ? count( ReturnRules::STEPS ) : array_search( $goto, ReturnRules::STEPS, true );
		$to   = false === $to ? min( $from + 1, count( ReturnRules::STEPS ) - 1 ) : (int) $to;

		// phpcs:ignore WordPress.Security.NonceVerification.Missing -- This is the check.
		if ( is_user_logged_in() && ! wp_verify_nonce( sanitize_key( wp_unslash( (string) ( $_POST['_aftercare_nonce'] ?? '' ) ) ), ReturnForm::NONCE ) ) {
			return $form->refused( $form->step, __( 'Your session has expired. Please try again.', 'aftercare' ), 403 );
		}
		$eligibility = $this->eligibility( $form );
		if ( 200 !== $eligibility['status'] ) {
			if ( 0 === $to ) {
				// Going back to the order step needs no proof.
				$form->step = 'order';
				return $form;
			}
			return $form->refused( 'order', InternalRequest::error_message( $eligibility ), $eligibility['status'] );
		}
		$form->with_order( $eligibility['data'] );
		if ( $to > 1 ) {
			// phpcs:ignore WordPress.Security.NonceVerification.Missing -- Verified above.
			$check = InternalRequest::dispatch( 'POST', '/aftercare/v1/returns/check', array( 'step' => ReturnRules::STEPS[ $to - 1 ] ) + $form->params(), $_FILES );
			if ( 200 !== $check['status'] ) {
				return $form->refused( self::step_of( $check ), InternalRequest::error_message( $check ), $check['status'] );
			}
		}
		if ( $to < count( ReturnRules::STEPS ) ) {
			$form->step = ReturnRules::STEPS[ $to ];
			return $form;
		}
		return $this->submit( $form );
	}

	/**
	 * The signed-in customer's orders to choose from.
	 *
	 * @return array<int, array{id: int, label: string, selected: bool}>
	 */
	public function order_options( int $selected ): array {
		$options = array();
		foreach ( $this->customer_orders() as $order ) {
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
	 * What a guest who sends the same request again is told (%s: the return's number).
	 */
	public static function replayed_message(): string {
		/* translators: %s: return number, e.g. R-1001. */
		return __( 'We had already received this return request: its number is %s. The link to follow it is in the email we sent you.', 'aftercare' );
	}

	/**
	 * The last step: POST /returns as this visitor, then off to the status page.
	 *
	 * @return ReturnForm The form to render when the request was refused.
	 */
	private function submit( ReturnForm $form ): ReturnForm {
		$params                    = $form->params();
		$params['idempotency_key'] = DynamicBlock::form_key( $params );
		// phpcs:ignore WordPress.Security.NonceVerification.Missing -- Checked in post().
		$answer                    = InternalRequest::dispatch( 'POST', '/aftercare/v1/returns', $params, $_FILES );
		if ( $answer['status'] >= 300 ) {
			return $form->refused( self::step_of( $answer ), InternalRequest::error_message( $answer ), $answer['status'] );
		}
		if ( ! empty( $answer['data']['replayed'] ) && ! is_user_logged_in() ) {
			// Sent twice: the first submission made the return, and its link went by email only.
			return $form->refused( 'review', sprintf( self::replayed_message(), (string) ( $answer['data']['number'] ?? '' ) ), 200 );
		}
		ReturnStatusPage::redirect(
			array(
				ReturnStatusPage::RETURN_ARG => (int) $answer['data']['id'],
				ReturnStatusPage::TOKEN_ARG  => (string) ( $answer['data']['access_token'] ?? '' ),
				ReturnStatusPage::DONE_ARG   => 'created',
			)
		);
		return $form;
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
	 * The order's eligibility through the REST route, as this visitor: a guest's number and email
	 * go through the order lookup (same limits, same uniform failure), a customer's order id
	 * must be one of theirs.
	 *
	 * @return array{status: int, data: array<mixed>}
	 */
	private function eligibility( ReturnForm $form ): array {
		if ( is_user_logged_in() ) {
			return InternalRequest::dispatch( 'GET', '/aftercare/v1/returns/eligibility', array( 'order_id' => $form->order_id ) );
		}
		return InternalRequest::dispatch(
			'POST',
			'/aftercare/v1/returns/eligibility',
			array(
				'order_number' => $form->order_number,
				'email'        => $form->email,
			)
		);
	}

	/**
	 * @return \Aftercare\Orders\Order[]
	 */
	private function customer_orders(): array {
		return is_user_logged_in() && $this->lookup ? $this->lookup->customer_orders( get_current_user_id(), 20 ) : array();
	}
}
