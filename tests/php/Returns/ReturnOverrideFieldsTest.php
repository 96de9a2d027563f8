<?php
/**
 * A product's and a category's own return rule on a real WooCommerce: the product screen's fields
 * and the category form show and save them (the category only with its nonce, by someone who may
 * edit it), variations follow their product, and the return policy reads them through the port.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Returns;

use Aftercare\Orders\ReturnOverride;
use Aftercare\Plugin;
use Aftercare\Returns\ReturnOverrideFields;
use Aftercare\Tests\Orders\WooCommerceOrderFactory;
use Aftercare\Tests\TestCase;

/**
 * @group woocommerce
 */
final class ReturnOverrideFieldsTest extends TestCase {

	protected function tearDown(): void {
		unset( $_POST['aftercare_not_returnable'], $_POST['aftercare_return_window'], $_POST['aftercare_return_rule_nonce'], $GLOBALS['product_object'] );
		parent::tearDown();
	}

	private function render( callable $render ): string {
		ob_start();
		$render();
		return (string) ob_get_clean();
	}

	public function test_the_product_fields_show_and_save_the_rule(): void {
		require_once WC_ABSPATH . 'includes/admin/wc-meta-box-functions.php';
		$fields  = new ReturnOverrideFields();
		$product = new \WC_Product_Simple();
		$product->set_name( 'Earrings' );
		$product->save();

		$_POST['aftercare_not_returnable'] = 'yes';
		$_POST['aftercare_return_window']  = '14';
		$fields->save_product( $product );
		$product->save();
		$saved = wc_get_product( $product->get_id() );
		$this->assertSame( 'yes', $saved->get_meta( ReturnOverride::NOT_RETURNABLE_META, true ) );
		$this->assertSame( 14, (int) $saved->get_meta( ReturnOverride::WINDOW_META, true ) );

		$GLOBALS['product_object'] = $saved;
		$html                      = $this->render( array( $fields, 'render_product' ) );
		$this->assertMatchesRegularExpression( '/<input[^>]+name="aftercare_not_returnable"[^>]+checked/', $html );
		$this->assertMatchesRegularExpression( '/<input[^>]+name="aftercare_return_window"[^>]+value="14"/', $html );
		$this->assertStringContainsString( 'Return window (days)', $html );

		unset( $_POST['aftercare_not_returnable'] );
		$_POST['aftercare_return_window'] = '0';
		$fields->save_product( $product );
		$product->save();
		$cleared = wc_get_product( $product->get_id() );
		$this->assertSame( '', $cleared->get_meta( ReturnOverride::NOT_RETURNABLE_META, true ) );
		$this->assertSame( '', $cleared->get_meta( ReturnOverride::WINDOW_META, true ), 'no window outside 1-3650 days' );
	}

	public function test_the_category_form_saves_with_its_nonce_by_someone_who_may_edit(): void {
		$fields = new ReturnOverrideFields();
		$term   = (int) wp_insert_term( 'Gift cards', 'product_cat' )['term_id'];
		$post   = function ( string $nonce ): void {
			$_POST['aftercare_not_returnable']    = 'yes';
			$_POST['aftercare_return_window']     = '21';
			$_POST['aftercare_return_rule_nonce'] = $nonce;
		};

		wp_set_current_user( $this->user( 'administrator' )->ID );
		$post( 'forged' );
		$fields->save_category( $term );
		$this->assertSame( '', get_term_meta( $term, ReturnOverride::NOT_RETURNABLE_META, true ), 'no nonce, no change' );

		wp_set_current_user( $this->user( 'aftercare_agent' )->ID );
		$post( wp_create_nonce( 'aftercare_return_rule' ) );
		$fields->save_category( $term );
		$this->assertSame( '', get_term_meta( $term, ReturnOverride::NOT_RETURNABLE_META, true ), 'an agent may not edit categories' );

		wp_set_current_user( $this->user( 'administrator' )->ID );
		$post( wp_create_nonce( 'aftercare_return_rule' ) );
		$fields->save_category( $term );
		$this->assertSame( 'yes', get_term_meta( $term, ReturnOverride::NOT_RETURNABLE_META, true ) );
		$this->assertSame( 21, (int) get_term_meta( $term, ReturnOverride::WINDOW_META, true ) );

		$html = $this->render( fn() => $fields->render_category( get_term( $term ) ) );
		$this->assertMatchesRegularExpression( '/<input[^>]+name="aftercare_not_returnable"[^>]+checked/', $html );
		$this->assertMatchesRegularExpression( '/<input[^>]+name="aftercare_return_window"[^>]+value="21"/', $html );
		$this->assertStringContainsString( 'name="aftercare_return_rule_nonce"', $html );
		$this->assertStringContainsString( 'name="aftercare_return_rule_nonce"', $this->render( array( $fields, 'render_new_category' ) ) );

		unset( $_POST['aftercare_not_returnable'] );
		$_POST['aftercare_return_window'] = '';
		$fields->save_category( $term );
		$this->assertSame( '', get_term_meta( $term, ReturnOverride::NOT_RETURNABLE_META, true ) );
		$this->assertSame( '', get_term_meta( $term, ReturnOverride::WINDOW_META, true ) );
	}

	public function test_a_variation_follows_its_product_and_the_policy_applies_both_rules(): void {
		$orders = new WooCommerceOrderFactory();
		$shoes  = $orders->category( 'Shoes', array( 'window_days' => 60 ) );
		$gifts  = $orders->category( 'Gift cards', array( 'not_returnable' => true ) );
		$parent = new \WC_Product_Variable();
		$parent->set_name( 'Trainers' );
		$parent->set_category_ids( array( $shoes ) );
		$parent->update_meta_data( ReturnOverride::WINDOW_META, 14 );
		$parent->save();
		$variation = new \WC_Product_Variation();
		$variation->set_parent_id( $parent->get_id() );
		$variation->set_regular_price( '90' );
		$variation->save();
		$card = $orders->returns_product( 'Gift card', array(), array( $gifts ) );
		$boot = $orders->returns_product( 'Boots', array(), array( $shoes ) );

		$order = Plugin::instance()->orders->find(
			$orders->create(
				array(
					'status'    => 'completed',
					'completed' => time() - 20 * DAY_IN_SECONDS,
					'email'     => 'shopper@example.test',
					'total'     => 215.0,
					'items'     => array(
						array(
							'name'         => 'Trainers - 42',
							'quantity'     => 1,
							'total'        => 90.0,
							'product_id'   => $parent->get_id(),
							'variation_id' => $variation->get_id(),
						),
						array(
							'name'       => 'Gift card',
							'quantity'   => 1,
							'total'      => 25.0,
							'product_id' => $card,
						),
						array(
							'name'       => 'Boots',
							'quantity'   => 1,
							'total'      => 100.0,
							'product_id' => $boot,
						),
					),
				)
			)
		);
		$this->assertSame( 14, $order->items[0]->window_days, 'the variation has its product\'s window' );

		$eligibility = Plugin::instance()->returns->eligibility( $order );
		$this->assertSame(
			array(
				array( 0, 'Completed 20 days ago; this product\'s window is 14 days.' ),
				array( 0, 'Gift cards cannot be returned.' ),
				array( 1, '' ),
			),
			array_map( static fn( $item ) => array( $item->returnable, $item->reason ), $eligibility->items )
		);
	}
}
