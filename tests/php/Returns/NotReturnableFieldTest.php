<?php
/**
 * The product's "Not returnable" checkbox, on a real WooCommerce: shown with the stored state,
 * saved with the product, and read by the return policy.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Returns;

use Aftercare\Orders\WooCommerceOrderSource;
use Aftercare\Returns\NotReturnableField;
use Aftercare\Tests\TestCase;

/**
 * @group woocommerce
 */
final class NotReturnableFieldTest extends TestCase {

	protected function tearDown(): void {
		unset( $_POST['aftercare_not_returnable'], $GLOBALS['product_object'] );
		parent::tearDown();
	}

	public function test_the_checkbox_shows_and_saves_the_flag(): void {
		require_once WC_ABSPATH . 'includes/admin/wc-meta-box-functions.php';
		$field   = new NotReturnableField();
		$product = new \WC_Product_Simple();
		$product->set_name( 'Earrings' );
		$product->save();

		$_POST['aftercare_not_returnable'] = 'yes';
		$field->save( $product );
		$product->save();
		$this->assertSame( 'yes', wc_get_product( $product->get_id() )->get_meta( WooCommerceOrderSource::NOT_RETURNABLE_META, true ) );

		$GLOBALS['product_object'] = wc_get_product( $product->get_id() );
		ob_start();
		$field->render();
		$html = (string) ob_get_clean();
		$this->assertMatchesRegularExpression( '/<input[^>]+name="aftercare_not_returnable"[^>]+checked/', $html );
		$this->assertStringContainsString( 'Not returnable', $html );

		unset( $_POST['aftercare_not_returnable'] );
		$field->save( $product );
		$product->save();
		$this->assertSame( '', wc_get_product( $product->get_id() )->get_meta( WooCommerceOrderSource::NOT_RETURNABLE_META, true ) );
	}
}
