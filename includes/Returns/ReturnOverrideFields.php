<?php
/**
 * A product's and a product category's own return rule, edited where the store keeps them: the
 * product screen (Product data → General: "Not returnable" and "Return window (days)"; variations
 * follow their product) and the product category add and edit forms. Saved as product or term
 * meta (Orders\ReturnOverride), which the OrderSource port reads for the return policy.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Returns;

use Aftercare\Infrastructure\Conditional;
use Aftercare\Orders\ReturnOverride;

final class ReturnOverrideFields implements Conditional {

	private const NOT_RETURNABLE = 'aftercare_not_returnable';

	private const WINDOW = 'aftercare_return_window';

	private const NONCE = 'aftercare_return_rule_nonce';

	public function can_register(): bool {
		return class_exists( 'WooCommerce' );
	}

	public function register(): void {
		add_action( 'woocommerce_product_options_general_product_data', array( $this, 'render_product' ) );
		add_action( 'woocommerce_admin_process_product_object', array( $this, 'save_product' ) );
		add_action( 'product_cat_add_form_fields', array( $this, 'render_new_category' ) );
		add_action( 'product_cat_edit_form_fields', array( $this, 'render_category' ) );
		add_action( 'created_product_cat', array( $this, 'save_category' ) );
		add_action( 'edited_product_cat', array( $this, 'save_category' ) );
	}

	public function render_product(): void {
		global $product_object;
		$meta = static fn( string $key ) => $product_object instanceof \WC_Product ? $product_object->get_meta( $key, true ) : '';
		echo '<div class="options_group aftercare-return-rule">';
		woocommerce_wp_checkbox(
			array(
				'id'          => self::NOT_RETURNABLE,
				'label'       => __( 'Not returnable', 'aftercare' ),
				'description' => __( 'Shoppers cannot ask to return this product (final sale, hygiene, personalised).', 'aftercare' ),
				'value'       => 'yes' === $meta( ReturnOverride::NOT_RETURNABLE_META ) ? 'yes' : 'no',
			)
		);
		woocommerce_wp_text_input(
			array(
				'id'                => self::WINDOW,
				'label'             => __( 'Return window (days)', 'aftercare' ),
				'description'       => __( 'Days this product can be returned for, instead of its category\'s or the store\'s window. Empty: theirs.', 'aftercare' ),
				'desc_tip'          => true,
				'type'              => 'number',
				'value'             => self::days( $meta( ReturnOverride::WINDOW_META ) ),
				'custom_attributes' => array(
					'min'  => '1',
					'max'  => '3650',
					'step' => '1',
				),
			)
		);
		echo '</div>';
	}

	/**
	 * WooCommerce checked its product nonce and the user's right to edit before this runs.
	 *
	 * @param \WC_Product $product The product being saved.
	 */
	public function save_product( $product ): void {
		foreach ( $this->posted() as $key => $value ) {
			if ( '' === $value ) {
				$product->delete_meta_data( $key );
			} else {
				$product->update_meta_data( $key, $value );
			}
		}
	}

	public function render_new_category(): void {
		wp_nonce_field( 'aftercare_return_rule', self::NONCE );
		?>
		<div class="form-field">
			<label>
				<input type="checkbox" name="<?php echo esc_attr( self::NOT_RETURNABLE ); ?>" value="yes" />
				<?php esc_html_e( 'Not returnable', 'aftercare' ); ?>
			</label>
			<p><?php esc_html_e( 'Products in this category cannot be returned, unless a product sets its own return window.', 'aftercare' ); ?></p>
		</div>
		<div class="form-field">
			<label for="<?php echo esc_attr( self::WINDOW ); ?>"><?php esc_html_e( 'Return window (days)', 'aftercare' ); ?></label>
			<input type="number" min="1" max="3650" step="1" id="<?php echo esc_attr( self::WINDOW ); ?>" name="<?php echo esc_attr( self::WINDOW ); ?>" />
			<p><?php esc_html_e( 'Days its products can be returned for, instead of the store\'s window. Empty: the store\'s.', 'aftercare' ); ?></p>
		</div>
		<?php
	}

	/**
	 * @param \WP_Term $term The category being edited.
	 */
	public function render_category( $term ): void {
		$not_returnable = 'yes' === get_term_meta( $term->term_id, ReturnOverride::NOT_RETURNABLE_META, true );
		$window         = self::days( get_term_meta( $term->term_id, ReturnOverride::WINDOW_META, true ) );
		?>
		<tr class="form-field">
			<th scope="row"><?php esc_html_e( 'Returns', 'aftercare' ); ?></th>
			<td>
				<?php wp_nonce_field( 'aftercare_return_rule', self::NONCE ); ?>
				<label>
					<input type="checkbox" name="<?php echo esc_attr( self::NOT_RETURNABLE ); ?>" value="yes" <?php checked( $not_returnable ); ?> />
					<?php esc_html_e( 'Not returnable', 'aftercare' ); ?>
				</label>
				<p class="description"><?php esc_html_e( 'Products in this category cannot be returned, unless a product sets its own return window.', 'aftercare' ); ?></p>
			</td>
		</tr>
		<tr class="form-field">
			<th scope="row">
				<label for="<?php echo esc_attr( self::WINDOW ); ?>"><?php esc_html_e( 'Return window (days)', 'aftercare' ); ?></label>
			</th>
			<td>
				<input type="number" min="1" max="3650" step="1" id="<?php echo esc_attr( self::WINDOW ); ?>" name="<?php echo esc_attr( self::WINDOW ); ?>"
					value="<?php echo esc_attr( $window ); ?>" />
				<p class="description">
					<?php esc_html_e( 'Days its products can be returned for, instead of the store\'s window. Empty: the store\'s.', 'aftercare' ); ?>
				</p>
			</td>
		</tr>
		<?php
	}

	/**
	 * Runs wherever a category is saved: only our own form's post, with its nonce, by someone who
	 * may edit the category, changes the rule.
	 */
	public function save_category( int $term_id ): void {
		$nonce = isset( $_POST[ self::NONCE ] ) ? sanitize_text_field( wp_unslash( $_POST[ self::NONCE ] ) ) : '';
		if ( ! wp_verify_nonce( $nonce, 'aftercare_return_rule' ) || ! current_user_can( 'edit_term', $term_id ) ) {
			return;
		}
		foreach ( $this->posted() as $key => $value ) {
			if ( '' === $value ) {
				delete_term_meta( $term_id, $key );
			} else {
				update_term_meta( $term_id, $key, $value );
			}
		}
	}

	/**
	 * The posted rule as meta values ('' removes one). A window outside 1–3650 days is none.
	 *
	 * @return array<string, string|int>
	 */
	private function posted(): array {
		// phpcs:disable WordPress.Security.NonceVerification.Missing -- both callers verified the nonce.
		$not_returnable = isset( $_POST[ self::NOT_RETURNABLE ] ) && 'yes' === sanitize_key( wp_unslash( $_POST[ self::NOT_RETURNABLE ] ) );
		$window         = isset( $_POST[ self::WINDOW ] ) ? absint( wp_unslash( $_POST[ self::WINDOW ] ) ) : 0;
		// phpcs:enable WordPress.Security.NonceVerification.Missing
		return array(
			ReturnOverride::NOT_RETURNABLE_META => $not_returnable ? 'yes' : '',
			ReturnOverride::WINDOW_META         => $window >= 1 && $window <= 3650 ? $window : '',
		);
	}

	private static function days( mixed $value ): string {
		$days = (int) $value;
		return $days > 0 ? (string) $days : '';
	}
}
