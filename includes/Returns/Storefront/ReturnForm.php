<?php
/**
 * The return form's state: what the shopper entered (read from a step posted without JavaScript),
 * the order's lines once the order is proved, the step to show and why it was refused. render.php
 * binds it as the block's Interactivity context; view.ts keeps the same in the browser.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Returns\Storefront;

use Aftercare\Orders\OrderLookup;
use Aftercare\Returns\ReturnRules;

final class ReturnForm {

	/** The nonce of a signed-in shopper's steps and of the status page's reply form. */
	public const NONCE = 'aftercare_returns';

	/** The order's number once proved ('' before). */
	public string $proved_number = '';

	/**
	 * The order's lines as the form shows them, with what was entered for each.
	 *
	 * @var array<int, array{id: int, name: string, bought: int, done: int, returnable: int, note: string, quantity: int, reason: string}>
	 */
	public array $lines = array();

	/** Why the step shown was refused ('' when it was not), and the HTTP status to answer with. */
	public string $error = '';
	public int $http     = 200;

	/**
	 * @param array<int, array{quantity: int, reason: string}> $entered Quantity and reason by order item id.
	 */
	public function __construct(
		public string $step = 'order',
		public string $order_number = '',
		public string $email = '',
		public int $order_id = 0,
		public string $comment = '',
		public string $outcome = '',
		private array $entered = array()
	) {}

	/**
	 * The form as posted (a step sent without JavaScript). The caller verifies the nonce.
	 */
	public static function from_request(): self {
		// phpcs:disable WordPress.Security.NonceVerification.Missing -- Read for ReturnWizard::post(), which verifies.
		$text    = static fn( string $key, int $max ): string =>
			isset( $_POST[ $key ] ) ? mb_substr( sanitize_text_field( wp_unslash( (string) $_POST[ $key ] ) ), 0, $max ) : '';
		$posted  = isset( $_POST['aftercare_items'] ) && is_array( $_POST['aftercare_items'] )
			? map_deep( wp_unslash( $_POST['aftercare_items'] ), 'sanitize_text_field' )
			: array();
		$step    = $text( 'aftercare_step', 20 );
		$comment = isset( $_POST['aftercare_comment'] ) ? sanitize_textarea_field( wp_unslash( (string) $_POST['aftercare_comment'] ) ) : '';
		$order   = absint( $_POST['aftercare_order_id'] ?? 0 );
		// phpcs:enable
		$entered = array();
		foreach ( is_array( $posted ) ? $posted : array() as $id => $line ) {
			$entered[ (int) $id ] = array(
				'quantity' => min( 10000, absint( is_array( $line ) ? ( $line['quantity'] ?? 0 ) : 0 ) ),
				'reason'   => sanitize_key( is_array( $line ) ? (string) ( $line['reason'] ?? '' ) : '' ),
			);
		}
		return new self(
			in_array( $step, ReturnRules::STEPS, true ) ? $step : 'order',
			OrderLookup::normalize_number( $text( 'aftercare_order_number', OrderLookup::MAX_NUMBER_LENGTH ) ),
			$text( 'aftercare_email', 190 ),
			$order,
			$comment,
			$text( 'aftercare_outcome', 40 ),
			$entered
		);
	}

	/**
	 * Takes the proved order's lines, each with what was entered for it.
	 *
	 * @param array<mixed> $eligibility REST data of the order's eligibility.
	 */
	public function with_order( array $eligibility ): self {
		$this->proved_number = (string) $eligibility['order']['number'];
		$this->lines       = array();
		foreach ( (array) $eligibility['items'] as $item ) {
			$id            = (int) $item['order_item_id'];
			$this->lines[] = array(
				'id'         => $id,
				'name'       => (string) $item['name'],
				'bought'     => (int) $item['quantity'],
				'done'       => (int) $item['returned'] + (int) $item['refunded'],
				'returnable' => (int) $item['returnable'],
				'note'       => (string) $item['reason'],
				'quantity'   => $this->entered[ $id ]['quantity'] ?? 0,
				'reason'     => $this->entered[ $id ]['reason'] ?? '',
			);
		}
		return $this;
	}

	/**
	 * Shows $step with why it cannot be left yet.
	 */
	public function refused( string $step, string $message, int $http ): self {
		$this->step  = $step;
		$this->error = $message;
		$this->http  = $http;
		return $this;
	}

	/**
	 * The request as POST /returns and /returns/check take it: the order's proof (a customer's
	 * order id, a guest's number and email), the chosen lines, the outcome and the comment.
	 *
	 * @return array<string, mixed> Without empty fields.
	 */
	public function params(): array {
		$items = array();
		foreach ( $this->lines as $line ) {
			if ( $line['quantity'] > 0 ) {
				$items[] = array(
					'order_item_id' => $line['id'],
					'quantity'      => $line['quantity'],
					'reason'        => $line['reason'],
				);
			}
		}
		$order = is_user_logged_in()
			? array( 'order_id' => $this->order_id )
			: array(
				'order_number' => $this->order_number,
				'email'        => $this->email,
			);
		return array_filter(
			$order + array(
				'items'   => $items,
				'outcome' => $this->outcome,
				'comment' => $this->comment,
			),
			static fn( $value ) => '' !== $value
		);
	}
}
