<?php
/**
 * The "Not returnable" checkbox on a WooCommerce product (Product data → General). The return
 * policy reads it through the OrderSource port (WooCommerceOrderSource::NOT_RETURNABLE_META).
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Returns;

use Aftercare\Infrastructure\Conditional;
use Aftercare\Orders\WooCommerceOrderSource;

final class NotReturnableField implements Conditional {

	private const FIELD = 'aftercare_not_returnable';

	public function can_register(): bool {
		return class_exists( 'WooCommerce' );
	}

	public function register(): void {
		add_action( 'woocommerce_product_options_general_product_data', array( $this, 'render' ) );
		add_action( 'woocommerce_admin_process_product_object', array( $this, 'save' ) );
	}

	public function render(): void {
		global $product_object;
		woocommerce_wp_checkbox(
			array(
				'id'          => self::FIELD,
				'label'       => __( 'Not returnable', 'aftercare' ),
				'description' => __( 'Shoppers cannot ask to return this product (final sale, hygiene, personalised).', 'aftercare' ),
				'value'       => $product_object instanceof \WC_Product && 'yes' === $product_object->get_meta( WooCommerceOrderSource::NOT_RETURNABLE_META, true )
					? 'yes'
					: 'no',
			)
		);
	}

	/**
	 * WooCommerce checked its product nonce and the user's right to edit before this runs.
	 *
	 * @param \WC_Product $product The product being saved.
	 */
	public function save( $product ): void {
		// phpcs:ignore WordPress.Security.NonceVerification.Missing -- verified by WooCommerce's product save (woocommerce_meta_nonce).
		$checked = isset( $_POST[ self::FIELD ] ) && 'yes' === sanitize_key( wp_unslash( $_POST[ self::FIELD ] ) );
		if ( $checked ) {
			$product->update_meta_data( WooCommerceOrderSource::NOT_RETURNABLE_META, 'yes' );
		} else {
			$product->delete_meta_data( WooCommerceOrderSource::NOT_RETURNABLE_META );
		}
	}
}
