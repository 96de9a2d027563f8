<?php
/**
 * Orders of the test environment's adapter (tests/fixtures/orders/TestOrderSource.php).
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Orders;

use Aftercare\Orders\OrderSource;
use Aftercare\TestEnvironment\TestOrderSource;

final class TestOrderFactory implements OrderFactory {

	public function __construct( private TestOrderSource $source ) {}

	public function create( array $spec ): int {
		if ( isset( $spec['refund'] ) ) {
			$spec['refunded']       = time();
			$spec['total_refunded'] = $spec['refund'];
			if ( (float) $spec['refund'] >= (float) ( $spec['total'] ?? 0 ) ) {
				$spec['status'] = 'refunded';
			}
		}
		return $this->source->insert( $spec );
	}

	public function source(): OrderSource {
		return $this->source;
	}

	public function notes( int $order_id ): array {
		return $this->source->notes( $order_id );
	}
}
