<?php
/**
 * Fills a saved reply's return variables when the ticket is a return's thread: the return's
 * number, its status, the store's return-shipping instructions and the refund amount: what was
 * refunded or credited once settled; before that, what the asked-for outcome would give (a
 * refund: the items' value less the restocking fee; store credit: the items' value; an exchange:
 * nothing).
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Returns;

use Aftercare\Infrastructure\Registrable;
use Aftercare\Orders\Money;
use Aftercare\Tickets\Ticket;

final class ReturnReplyVariables implements Registrable {

	public function __construct( private ReturnRepository $returns, private Policy $policy, private ?ReturnService $service ) {}

	public function register(): void {
		add_filter( 'aftercare_saved_reply_variables', array( $this, 'fill' ), 10, 2 );
	}

	/**
	 * @param array<string, string> $values Variable => escaped value.
	 * @param Ticket                $ticket The ticket the reply is for.
	 * @return array<string, string>
	 */
	public function fill( $values, $ticket ): array {
		$values = (array) $values;
		$return = $ticket instanceof Ticket ? $this->returns->find_by_ticket( $ticket->id ) : null;
		if ( ! $return ) {
			return $values;
		}
		return array_merge(
			$values,
			array(
				'{return_number}'                => esc_html( $return->public_number() ),
				'{return_status}'                => esc_html( $return->status->label() ),
				'{return_shipping_instructions}' => nl2br( esc_html( trim( $this->policy->shipping_instructions() ) ) ),
				'{refund_amount}'                => esc_html( $this->refund( $return ) ),
			)
		);
	}

	private function refund( ReturnRequest $return ): string {
		$quote = $this->service?->quote( $return, 0 );
		if ( ! $quote || ( $return->refund_amount <= 0 && 'exchange' === $return->outcome ) ) {
			return ''; // No currency to say it in (the order is gone), or nothing to refund.
		}
		$amount = match ( true ) {
			$return->refund_amount > 0       => $return->refund_amount,
			'refund' === $return->outcome    => max( 0.0, $quote['value'] - $quote['fee'] ),
			default                          => $quote['value'],
		};
		return Money::text( round( $amount, 2 ), $quote['currency'] );
	}
}
