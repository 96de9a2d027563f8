<?php
/**
 * A payment gateway that supports refunds and records each one WooCommerce asks of it (or
 * refuses it, as a card processor declining would). Registered by the tests that need it.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\OrderActions;

final class RefundingGateway extends \WC_Payment_Gateway {

	public const ID = 'aftercare_test_refunds';

	/** @var array<int, array{order_id: int, amount: float, reason: string}> The refunds asked for. */
	public array $refunds = array();

	public bool $refuses = false;

	public function __construct() {
		$this->id           = self::ID;
		$this->method_title = 'Test card';
		$this->title        = 'Test card';
		$this->enabled      = 'yes';
		$this->supports     = array( 'products', 'refunds' );
	}

	/**
	 * @param int        $order_id Order.
	 * @param float|null $amount   Amount.
	 * @param string     $reason   Reason.
	 * @return bool|\WP_Error
	 */
	public function process_refund( $order_id, $amount = null, $reason = '' ) {
		if ( $this->refuses ) {
			return new \WP_Error( 'declined', 'The card processor declined the refund.' );
		}
		$this->refunds[] = array(
			'order_id' => (int) $order_id,
			'amount'   => (float) $amount,
			'reason'   => (string) $reason,
		);
		return true;
	}
}
