<?php
/**
 * The test environment's adapter passes the OrderSource contract (every run).
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Orders;

final class TestOrderSourceTest extends OrderSourceContract {

	protected function factory(): OrderFactory {
		return new TestOrderFactory( aftercare_test_order_source() );
	}
}
