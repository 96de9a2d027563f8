<?php
/**
 * What the priority rules look at for one ticket: its order, its customer's spending (only when
 * the ticket's email is confirmed), and what the returns of the order say.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tickets;

use Aftercare\Orders\CustomerSummary;
use Aftercare\Orders\Order;

final class OrderFacts {

	/**
	 * @param Order|null           $order          The ticket's order (null: none).
	 * @param CustomerSummary|null $customer       The customer's paid orders and spending (null: not known or not confirmed).
	 * @param bool                 $first_order    The order is the only one the customer has placed.
	 * @param bool                 $return_refused A return of the order was refused.
	 * @param int                  $now            Unix time of the evaluation.
	 */
	public function __construct(
		public readonly ?Order $order,
		public readonly ?CustomerSummary $customer,
		public readonly bool $first_order,
		public readonly bool $return_refused,
		public readonly int $now
	) {}
}
