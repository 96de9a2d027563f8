<?php
/**
 * Orders of the test environment's adapter (tests/fixtures/orders/TestOrderSource.php).
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Orders;

use Aftercare\Orders\OrderSource;
use Aftercare\Orders\WooCommerceOrderSource;
use Aftercare\TestEnvironment\TestOrderSource;

final class TestOrderFactory implements OrderFactory {

	public function __construct( private TestOrderSource $source ) {}

	public function create( array $spec ): int {
		if ( isset( $spec['refund'] ) ) {
			$spec['refunded']       = time();
			$spec['total_refunded'] = $spec['refund'];
			$spec['refunds']        = array(
				array(
					'amount' => (float) $spec['refund'],
					'reason' => 'Test refund',
					'time'   => $spec['refunded'],
				),
			);
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

	public function product( string $name, int $stock ): int {
		$stocks = (array) get_option( TestOrderSource::STOCK_OPTION, array() );
		$id     = 9000 + count( $stocks ) + 1;
		update_option( TestOrderSource::STOCK_OPTION, array( $id => $stock ) + $stocks, false );
		return $id;
	}

	public function returns_product( string $name, array $rule, array $categories = array() ): int {
		$products        = (array) get_option( TestOrderSource::PRODUCTS_OPTION, array() );
		$id              = 9500 + count( $products ) + 1;
		$products[ $id ] = $rule + array( 'category_ids' => $categories );
		update_option( TestOrderSource::PRODUCTS_OPTION, $products, false );
		return $id;
	}

	public function category( string $name, array $rule ): int {
		$categories        = (array) get_option( TestOrderSource::CATEGORIES_OPTION, array() );
		$id                = 700 + count( $categories ) + 1;
		$categories[ $id ] = $rule + array( 'name' => $name );
		update_option( TestOrderSource::CATEGORIES_OPTION, $categories, false );
		return $id;
	}

	public function stock( int $product_id ): ?int {
		$stocks = (array) get_option( TestOrderSource::STOCK_OPTION, array() );
		return isset( $stocks[ $product_id ] ) ? (int) $stocks[ $product_id ] : null;
	}

	public function coupon( string $code ): ?array {
		return $this->source->coupon( $code );
	}

	public function exchange_of( int $order_id ): int {
		$order = $this->source->find( $order_id );
		return $order ? (int) ( $this->source->meta( $order_id, WooCommerceOrderSource::EXCHANGE_META ) ?? 0 ) : 0;
	}
}
